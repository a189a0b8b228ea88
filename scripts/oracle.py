#!/usr/bin/env python3
"""Writes the expected values the Swift tests compare against (Tests/Fixtures/measures/*.json).

    python3 scripts/oracle.py          # needs networkx (and numpy); run from the repository root
    python3 scripts/oracle.py ties     # only the per-tie fixtures (Tests/Fixtures/ties)
    python3 scripts/oracle.py brokerage  # only the Gould–Fernandez fixtures (Tests/Fixtures/brokerage)
    python3 scripts/oracle.py directed   # only the directed-view fixtures (Tests/Fixtures/directed)
    python3 scripts/oracle.py sampled    # only the sampled-betweenness fixtures (Tests/Fixtures/sampled)

For each network, the graph is Tiemap's undirected *social view*: the edge list read in file order (people numbered
by first appearance), directed ties made undirected, self-loops dropped. Weighted fixtures use the tie weight as
strength and 1/weight as length for path measures (DESIGN.md). Every value comes from NetworkX, except:
  - eigenvector: numpy's dense symmetric eigensolver (the exact principal eigenvector that
    networkx.eigenvector_centrality converges to), unit Euclidean norm, positive;
  - hierarchy: Burt's formula over networkx.local_constraint (NetworkX has no hierarchy);
  - efficiency: networkx.effective_size / degree.
Called with nodes=list(G) for effective_size: NetworkX 3.6.1's fast path without it is wrong for weights
(FORMULAS.md; networkx PR #8906). NaN and infinities are written as the strings "nan", "inf", "-inf".
"""
import csv
import json
import math
import os
import random
import sys

import networkx as nx
import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(ROOT, "datasets")
OUT = os.path.join(ROOT, "Tests", "Fixtures", "measures")
GRAPHS = os.path.join(ROOT, "Tests", "Fixtures", "graphs")
TIES = os.path.join(ROOT, "Tests", "Fixtures", "ties")


def memoise_structural_holes():
    """NetworkX's normalized_mutual_weight recomputes the sum over all of u's neighbours on every call, which is
    cubic in degree (hours on email-Eu-core). Both helpers are pure functions of (G, u, v, weight[, norm]) while
    G does not change, so caching them gives NetworkX's own values, through its own code, in seconds."""
    sh = nx.algorithms.structuralholes
    orig_mw, orig_nmw = sh.mutual_weight, sh.normalized_mutual_weight
    cache_mw, cache_nmw = {}, {}

    def mutual_weight(G, u, v, weight=None):
        key = (id(G), u, v, weight)
        if key not in cache_mw:
            cache_mw[key] = orig_mw(G, u, v, weight)
        return cache_mw[key]

    scale_cache = {}

    def normalized_mutual_weight(G, u, v, norm=sum, weight=None):
        key = (id(G), u, norm, weight)
        if key not in scale_cache:
            scale_cache[key] = norm(mutual_weight(G, u, w, weight) for w in set(nx.all_neighbors(G, u)))
        scale = scale_cache[key]
        return 0 if scale == 0 else mutual_weight(G, u, v, weight) / scale

    sh.mutual_weight = mutual_weight
    sh.normalized_mutual_weight = normalized_mutual_weight
    return lambda: (cache_mw.clear(), scale_cache.clear())


def read_edges(path):
    """(u, v, w) rows of a CSV (header source,target[,weight]) or whitespace edge list, in file order."""
    rows = []
    with open(path, encoding="utf-8") as f:
        if path.endswith(".csv"):
            header = f.readline().strip().split(",")
            for line in f:
                parts = line.strip().split(",")
                if len(parts) < 2:
                    continue
                w = float(parts[2]) if len(parts) > 2 and parts[2] != "" else 1.0
                rows.append((parts[0], parts[1], w))
        else:
            for line in f:
                parts = line.split()
                if not parts or parts[0].startswith("#"):
                    continue
                w = float(parts[2]) if len(parts) > 2 else 1.0
                if w == 0:
                    continue
                rows.append((parts[0], parts[1], w))
    return rows


def social_view(rows, directed):
    """Tiemap's social view: per ordered pair sum parallel rows; reciprocated directed pairs take the max;
    undirected pairs sum; self-loops dropped. Nodes in order of first appearance."""
    G = nx.Graph()
    for u, v, _ in rows:
        G.add_node(u)
        G.add_node(v)
    if directed:
        arc = {}
        for u, v, w in rows:
            if u != v:
                arc[(u, v)] = arc.get((u, v), 0.0) + w
        for (u, v), w in arc.items():
            back = arc.get((v, u))
            weight = max(w, back) if back is not None else w
            G.add_edge(u, v, weight=weight)
    else:
        pair = {}
        for u, v, w in rows:
            if u != v:
                key = (u, v) if (u, v) in pair or (v, u) not in pair else (v, u)
                pair[key] = pair.get(key, 0.0) + w
        for (u, v), w in pair.items():
            G.add_edge(u, v, weight=w)
    for u, v, d in G.edges(data=True):
        d["distance"] = 1.0 / d["weight"]
    return G


def principal_eigenvector(G, weight):
    nodes = list(G)
    A = nx.to_numpy_array(G, nodelist=nodes, weight=weight)
    vals, vecs = np.linalg.eigh(A)
    x = vecs[:, np.argmax(vals)]
    if x.sum() < 0:
        x = -x
    x = x / np.linalg.norm(x)
    return {n: float(x[i]) for i, n in enumerate(nodes)}


def hierarchy(G, weight):
    out = {}
    for u in G:
        N = len(G[u])
        if N < 2:
            out[u] = math.nan
            continue
        c = [nx.algorithms.structuralholes.local_constraint(G, u, v, weight=weight) for v in G[u]]
        C = sum(c)
        if C == 0:
            out[u] = math.nan
            continue
        mean = C / N
        out[u] = sum((cj / mean) * math.log(cj / mean) for cj in c if cj > 0) / (N * math.log(N))
    return out


def measures(G, weighted):
    CLEAR_CACHES()
    w = "weight" if weighted else None
    d = "distance" if weighted else None
    deg = dict(G.degree())
    eff = nx.effective_size(G, nodes=list(G), weight=w)
    res = {
        "degree": deg,
        "strength": dict(G.degree(weight="weight")),
        "closeness": nx.closeness_centrality(G, distance=d),
        "harmonic": nx.harmonic_centrality(G, distance=d),
        "betweenness": nx.betweenness_centrality(G, normalized=True, weight=d),
        "eigenvector": principal_eigenvector(G, w),
        "pagerank": nx.pagerank(G, alpha=0.85, weight=w, tol=1e-15, max_iter=100000),
        "clustering": nx.clustering(G, weight=w),
        "core": nx.core_number(G),
        "constraint": nx.constraint(G, weight=w),
        "effective_size": eff,
        "efficiency": {u: (eff[u] / deg[u] if deg[u] > 0 else math.nan) for u in G},
        "hierarchy": hierarchy(G, w),
    }
    return res


def encode(x):
    if isinstance(x, float):
        if math.isnan(x):
            return "nan"
        if math.isinf(x):
            return "inf" if x > 0 else "-inf"
    return x


def write(name, G, weighted, source, directed):
    m = measures(G, weighted)
    ids = list(G)
    doc = {
        "networkx": nx.__version__,
        "dataset": name,
        "source": source,
        "directed_input": directed,
        "weighted": weighted,
        "ids": ids,
        "measures": {k: [encode(float(v[i]) if not isinstance(v[i], int) else v[i]) for i in ids] for k, v in m.items()},
    }
    # Scalars: modularity of a fixed partition (person at position i → community i mod 4), for parity of the
    # modularity function; and the modularity NetworkX's own Louvain reaches (seed 0), as a quality bar.
    w = "weight" if weighted else None
    fixed = [set(ids[i::4]) for i in range(4)]
    fixed = [c for c in fixed if c]
    doc["scalars"] = {
        "modularity_mod4": nx.community.modularity(G, fixed, weight=w),
        "louvain_modularity_networkx": nx.community.modularity(
            G, nx.community.louvain_communities(G, weight=w, seed=0), weight=w),
    }
    path = os.path.join(OUT, f"{name}-{'weighted' if weighted else 'unweighted'}.json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(doc, f, indent=0, ensure_ascii=False)
        f.write("\n")
    print(f"wrote {os.path.relpath(path, ROOT)} ({len(ids)} people, {G.number_of_edges()} ties)", file=sys.stderr)


def generated():
    """Seeded test graphs, written as CSV edge lists so the Swift tests read exactly these edges."""
    rng = random.Random(20261123)
    out = []
    # 1. Sparse random weighted graph with a second small component (disconnected).
    G = nx.gnm_random_graph(220, 700, seed=7)
    rows = [(f"r{u}", f"r{v}", rng.choice([0.25, 0.5, 1, 2, 3, 4.5])) for u, v in G.edges()]
    rows += [("x1", "x2", 1.0), ("x2", "x3", 2.0), ("x3", "x1", 0.5), ("x3", "x4", 1.5)]
    out.append(("random-220", rows))
    # 2. Relaxed caveman: dense groups bridged by weak ties (what Granovetter measures are about).
    G = nx.relaxed_caveman_graph(8, 9, 0.12, seed=11)
    rows = []
    for u, v in G.edges():
        same = u // 9 == v // 9
        rows.append((f"c{u}", f"c{v}", round(rng.uniform(0.6, 1.0) if same else rng.uniform(0.05, 0.3), 3)))
    out.append(("caveman-72", rows))
    # 3. Integer weights with many equal-length weighted paths (exercises exact tie handling in Dijkstra).
    G = nx.grid_2d_graph(7, 7)
    rows = [(f"g{a}_{b}", f"g{c}_{d}", rng.choice([1, 2, 4])) for (a, b), (c, d) in G.edges()]
    out.append(("grid-49", rows))
    for name, rows in out:
        path = os.path.join(GRAPHS, f"{name}.csv")
        with open(path, "w", encoding="utf-8") as f:
            f.write("source,target,weight\n")
            for u, v, w in rows:
                f.write(f"{u},{v},{w}\n")
    return [(name, os.path.join(GRAPHS, f"{name}.csv")) for name, _ in out]


CLEAR_CACHES = memoise_structural_holes()


def write_ties(name, G, weighted, source, directed):
    """Per-tie fixtures: one row per edge of the social view, as (source, target) ids."""
    bridges = {frozenset(e) for e in nx.bridges(G)}
    # Span counts ties (Granovetter's degree of a local bridge), weighted or not: DESIGN.md.
    spans = {frozenset((u, v)): span for u, v, span in nx.local_bridges(G, with_span=True, weight=None)}
    rows = []
    for u, v in G.edges():
        common = len(list(nx.common_neighbors(G, u, v)))
        denominator = (G.degree(u) - 1) + (G.degree(v) - 1) - common
        span = spans.get(frozenset((u, v)))
        rows.append({
            "source": u, "target": v, "embeddedness": common,
            "overlap": common / denominator if denominator > 0 else None,   # 0/0: undefined, an empty cell
            "bridge": frozenset((u, v)) in bridges,
            "span": None if span is None else encode(float(span)),
        })
    os.makedirs(TIES, exist_ok=True)
    path = os.path.join(TIES, f"{name}-{'weighted' if weighted else 'unweighted'}.json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump({"networkx": nx.__version__, "dataset": name, "source": source, "directed_input": directed,
                   "weighted": weighted, "ties": rows}, f, indent=0, ensure_ascii=False)
        f.write("\n")
    print(f"wrote {os.path.relpath(path, ROOT)} ({len(rows)} ties)", file=sys.stderr)


def brokerage_fixtures():
    """Gould–Fernandez raw counts by direct enumeration of open two-paths a → v → b (a ≠ b, no arc a → b), on
    the directed networks with their real groups, and on karate's undirected ties (both directions) by faction."""
    out_dir = os.path.join(ROOT, "Tests", "Fixtures", "brokerage")
    os.makedirs(out_dir, exist_ok=True)
    krack = os.path.join(SHARED, "krackhardt-hightech")
    dept = {}
    with open(os.path.join(krack, "Krack-High-Tec-Attributes.csv"), encoding="utf-8") as f:
        f.readline()
        for line in f:
            parts = line.strip().split(",")
            if len(parts) == 5:
                dept[parts[0]] = parts[4]
    email_dept = {}
    with open(os.path.join(SHARED, "email-eu-core", "email-Eu-core-department-labels.txt"), encoding="utf-8") as f:
        for line in f:
            a, b = line.split()
            email_dept[a] = b
    club = {}
    with open(os.path.join(SHARED, "networkx-classics", "karate_club.nodes.csv"), encoding="utf-8") as f:
        f.readline()
        for line in f:
            a, b = line.strip().split(",")
            club[a] = b
    cases = [
        ("krackhardt-advice", os.path.join(krack, "Krack-High-Tec-edgelist-Advice.txt"), True, dept),
        ("email-eu-core", os.path.join(SHARED, "email-eu-core", "email-Eu-core.txt"), True, email_dept),
        ("karate", os.path.join(SHARED, "networkx-classics", "karate_club.edges.csv"), False, club),
    ]
    for name, path, directed, groups in cases:
        rows = read_edges(path)
        D = nx.DiGraph()
        for u, v, _ in rows:
            D.add_node(u)
            D.add_node(v)
        for u, v, _ in rows:
            if u != v:
                D.add_edge(u, v)
                if not directed:
                    D.add_edge(v, u)
        roles = {k: [] for k in ["coordinator", "itinerant", "gatekeeper", "representative", "liaison"]}
        for v in D:
            c = dict.fromkeys(roles, 0)
            gv = groups[v]
            for a in D.predecessors(v):
                for b in D.successors(v):
                    if a == b or D.has_edge(a, b):
                        continue
                    ga, gb = groups[a], groups[b]
                    if ga == gv and gb == gv:
                        c["coordinator"] += 1
                    elif ga == gb:
                        c["itinerant"] += 1
                    elif gb == gv:
                        c["gatekeeper"] += 1
                    elif ga == gv:
                        c["representative"] += 1
                    else:
                        c["liaison"] += 1
            for k in roles:
                roles[k].append(c[k])
        path_out = os.path.join(out_dir, f"{name}.json")
        with open(path_out, "w", encoding="utf-8") as f:
            json.dump({"dataset": name, "source": os.path.relpath(path, ROOT), "directed_input": directed,
                       "ids": list(D), "groups": [groups[v] for v in D], "roles": roles}, f, indent=0)
            f.write("\n")
        print(f"wrote {os.path.relpath(path_out, ROOT)}", file=sys.stderr)


def directed_view(rows, nodes=None):
    """Tiemap's directed layer: parallel arcs of one ordered pair sum, self-loops dropped, every person a node
    (in order of first appearance, or `nodes` when given, as for a contacts file)."""
    D = nx.DiGraph()
    for n in nodes or []:
        D.add_node(n)
    for u, v, _ in rows:
        D.add_node(u)
        D.add_node(v)
    for u, v, w in rows:
        if u != v:
            if D.has_edge(u, v):
                D[u][v]["weight"] += w
            else:
                D.add_edge(u, v, weight=w)
    for u, v, d in D.edges(data=True):
        d["distance"] = 1.0 / d["weight"]
    return D


def exact_hits(D, weighted):
    """HITS from numpy's dense SVD (the exact vectors networkx.hits approximates with ARPACK), checked against
    networkx.hits itself; refuses graphs whose top singular value is repeated (the vectors are not unique)."""
    nodes = list(D)
    H = D if weighted else nx.DiGraph([(u, v) for u, v in D.edges()])
    H.add_nodes_from(nodes)
    A = nx.to_numpy_array(H, nodelist=nodes, weight="weight")
    _, s, vt = np.linalg.svd(A)
    assert s[0] > 0 and (s[1] / s[0]) < 1 - 1e-6, "repeated top singular value: HITS is not unique"
    a = vt[0]
    a = a / a.sum()
    h = A @ a
    h = h / h.sum()
    nh, na = nx.hits(H, max_iter=100000, tol=1e-12)
    assert max(abs(na[n] - a[i]) for i, n in enumerate(nodes)) < 1e-8, "networkx.hits disagrees with the SVD"
    assert max(abs(nh[n] - h[i]) for i, n in enumerate(nodes)) < 1e-8, "networkx.hits disagrees with the SVD"
    return ({n: float(h[i]) for i, n in enumerate(nodes)}, {n: float(a[i]) for i, n in enumerate(nodes)},
            float(s[1] / s[0]))


def directed_structural_holes(D, weight):
    """Burt's measures on a DiGraph as NetworkX computes them: proportions from the mutual weight a_ij + a_ji
    over all of i's neighbours (in or out; nx.all_neighbors), through NetworkX's own local_constraint and
    normalized_mutual_weight. networkx.constraint and networkx.effective_size return NaN for a person with no
    *outgoing* tie (they test len(G[v]), the successors), although Burt's sums are defined for anyone with a tie;
    igraph computes them there. So the sums are taken here for every person with a neighbour, which equals
    NetworkX's own result wherever NetworkX gives one (asserted), and NaN only for people without any tie.
    Efficiency is effective size / the number of distinct neighbours; hierarchy as `hierarchy` on those."""
    sh = nx.algorithms.structuralholes
    nmw = sh.normalized_mutual_weight
    nx_constraint = nx.constraint(D, weight=weight)
    nx_effective = nx.effective_size(D, nodes=list(D), weight=weight)
    out = {"constraint": {}, "effective_size": {}, "efficiency": {}, "hierarchy": {}}
    for v in D:
        nbrs = set(nx.all_neighbors(D, v))
        if not nbrs:
            for k in out:
                out[k][v] = math.nan
            continue
        local = [sh.local_constraint(D, v, u, weight=weight) for u in nbrs]
        c = sum(local)
        e = sum(1 - sum(nmw(D, v, w, weight=weight) * nmw(D, u, w, norm=max, weight=weight) for w in nbrs)
                for u in nbrs)
        if len(D[v]) > 0:
            assert abs(c - nx_constraint[v]) <= 1e-12 * max(1, abs(c)), (v, c, nx_constraint[v])
            assert abs(e - nx_effective[v]) <= 1e-12 * max(1, abs(e)), (v, e, nx_effective[v])
        k = len(nbrs)
        out["constraint"][v] = c
        out["effective_size"][v] = e
        out["efficiency"][v] = e / k
        if k < 2 or c == 0:
            out["hierarchy"][v] = math.nan
        else:
            mean = c / k
            out["hierarchy"][v] = sum((x / mean) * math.log(x / mean) for x in local if x > 0) / (k * math.log(k))
    return out


def directed_fixtures():
    """Measures of a directed view (`tiemap metrics --kind advice`): in/out degree and strength, closeness and
    harmonic on incoming distances, betweenness, PageRank, HITS and Burt's directed structural holes, all from
    NetworkX on the DiGraph (the last through `directed_structural_holes`)."""
    out_dir = os.path.join(ROOT, "Tests", "Fixtures", "directed")
    os.makedirs(out_dir, exist_ok=True)
    # A seeded random weighted digraph with reciprocated arcs and a few people who only receive or only send.
    rng = random.Random(4242)
    arcs = set()
    while len(arcs) < 900:
        u, v = rng.randrange(180), rng.randrange(180)
        if u != v:
            arcs.add((u, v))
    rows = [(f"d{u}", f"d{v}", rng.choice([0.2, 0.5, 1, 1.5, 3])) for u, v in sorted(arcs)]
    gen = os.path.join(GRAPHS, "digraph-180.csv")
    with open(gen, "w", encoding="utf-8") as f:
        f.write("source,target,weight\n")
        for u, v, w in rows:
            f.write(f"{u},{v},{w}\n")
    # The sample account's advice layer (contacts file order; kind advice only).
    sample = os.path.join(ROOT, "datasets", "sample")
    with open(os.path.join(sample, "contacts.csv"), encoding="utf-8") as f:
        contact_ids = [line.split(",")[0] for line in f.read().splitlines()[1:] if line]
    advice = []
    with open(os.path.join(sample, "ties.csv"), encoding="utf-8") as f:
        for r in csv.DictReader(f):
            if r["kind"] == "advice":
                advice.append((r["source"], r["target"], float(r["weight"] or 1)))
    # The digraph {0→1, 0→2, 1→0, 2→1}: constraint 1.003, 1.003, 1.389; effective size 1.167, 1.167, 1.
    tiny = os.path.join(GRAPHS, "digraph-burt.csv")
    with open(tiny, "w", encoding="utf-8") as f:
        f.write("source,target\n0,1\n0,2\n1,0\n2,1\n")
    cases = [
        ("digraph-burt", tiny, None, [False]),
        ("krackhardt-advice", os.path.join(SHARED, "krackhardt-hightech", "Krack-High-Tec-edgelist-Advice.txt"), None, [False]),
        ("email-eu-core", os.path.join(SHARED, "email-eu-core", "email-Eu-core.txt"), None, [False]),
        ("digraph-180", gen, None, [False, True]),
        ("sample-advice", os.path.join(sample, "ties.csv"), (contact_ids, advice), [False, True]),
    ]
    for name, path, given, weightings in cases:
        D = directed_view(given[1], given[0]) if given else directed_view(read_edges(path))
        ids = list(D)
        for weighted in weightings:
            w = "weight" if weighted else None
            d = "distance" if weighted else None
            hubs, auths, gap = exact_hits(D, weighted)
            m = {
                "in_degree": dict(D.in_degree()),
                "out_degree": dict(D.out_degree()),
                "in_strength": dict(D.in_degree(weight="weight")),
                "out_strength": dict(D.out_degree(weight="weight")),
                "closeness": nx.closeness_centrality(D, distance=d),
                "harmonic": nx.harmonic_centrality(D, distance=d),
                "betweenness": nx.betweenness_centrality(D, normalized=True, weight=d),
                "pagerank": nx.pagerank(D, alpha=0.85, weight=w, tol=1e-15, max_iter=100000),
                "hub": hubs,
                "authority": auths,
            }
            CLEAR_CACHES()
            m.update(directed_structural_holes(D, w))
            source = os.path.relpath(path, ROOT)
            doc = {"networkx": nx.__version__, "dataset": name, "source": source, "directed_input": True, "weighted": weighted,
                   "kind": "advice" if given else None, "singular_value_ratio": gap, "ids": ids,
                   "measures": {k: [encode(float(v[i]) if not isinstance(v[i], int) else v[i]) for i in ids] for k, v in m.items()}}
            path_out = os.path.join(out_dir, f"{name}-{'weighted' if weighted else 'unweighted'}.json")
            with open(path_out, "w", encoding="utf-8") as f:
                json.dump(doc, f, indent=0, ensure_ascii=False)
                f.write("\n")
            print(f"wrote {os.path.relpath(path_out, ROOT)} ({len(ids)} people, {D.number_of_edges()} arcs, "
                  f"sigma2/sigma1 {gap:.3f})", file=sys.stderr)


def sampled_fixtures():
    """Betweenness from k sampled sources: networkx.betweenness_centrality(k, seed) draws its sources with
    random.Random(seed).sample(list(G), k); the fixture records them so Tiemap sweeps from the same people."""
    out_dir = os.path.join(ROOT, "Tests", "Fixtures", "sampled")
    os.makedirs(out_dir, exist_ok=True)
    classics = os.path.join(SHARED, "networkx-classics")
    cases = [
        ("karate", os.path.join(classics, "karate_club.edges.csv"), False, [False, True], 9),
        ("email-eu-core", os.path.join(SHARED, "email-eu-core", "email-Eu-core.txt"), True, [False], 100),
        ("random-220", os.path.join(GRAPHS, "random-220.csv"), False, [True], 40),
        ("caveman-72", os.path.join(GRAPHS, "caveman-72.csv"), False, [False, True], 1),
    ]
    for name, path, directed, weightings, k in cases:
        G = social_view(read_edges(path), directed)
        source = os.path.relpath(path, ROOT)
        for weighted in weightings:
            seed = 77
            sources = random.Random(seed).sample(list(G), k)
            b = nx.betweenness_centrality(G, k=k, seed=seed, normalized=True, weight="distance" if weighted else None)
            ids = list(G)
            doc = {"networkx": nx.__version__, "dataset": name, "source": source, "directed_input": directed,
                   "weighted": weighted, "ids": ids, "sources": sources,
                   "measures": {"betweenness": [encode(float(b[i])) for i in ids]}}
            path_out = os.path.join(out_dir, f"{name}-{'weighted' if weighted else 'unweighted'}.json")
            with open(path_out, "w", encoding="utf-8") as f:
                json.dump(doc, f, indent=0, ensure_ascii=False)
                f.write("\n")
            print(f"wrote {os.path.relpath(path_out, ROOT)} (k = {k})", file=sys.stderr)


def leiden_fixtures():
    """igraph's Leiden (modularity objective, run until stable, seeded) on every fixture graph: the modularity it
    reaches, a quality bar for Tiemap's Leiden (partitions differ with the random choices, so only the quality is
    compared). Tests/Fixtures/communities/leiden.json."""
    import igraph as ig
    import random as pyrandom
    doc = {"igraph": ig.__version__, "networkx": nx.__version__, "cases": {}}
    for path in sorted(os.listdir(OUT)):
        with open(os.path.join(OUT, path), encoding="utf-8") as f:
            fixture = json.load(f)
        name, weighted = fixture["dataset"], fixture["weighted"]
        source = fixture["source"]
        full = os.path.join(ROOT, source)
        G = social_view(read_edges(full), fixture["directed_input"])
        ids = list(G)
        index = {v: i for i, v in enumerate(ids)}
        H = ig.Graph(n=len(ids), edges=[(index[u], index[v]) for u, v in G.edges()])
        weights = [d["weight"] for _, _, d in G.edges(data=True)] if weighted else None
        best = -1.0
        for seed in range(5):
            pyrandom.seed(seed)
            ig.set_random_number_generator(pyrandom)
            part = H.community_leiden(objective_function="modularity", weights=weights, n_iterations=-1)
            best = max(best, H.modularity(part.membership, weights=weights))
        doc["cases"][f"{name}-{'weighted' if weighted else 'unweighted'}"] = best
        print(f"leiden {name} weighted={weighted}: {best:.6f}", file=sys.stderr)
    out = os.path.join(ROOT, "Tests", "Fixtures", "communities")
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "leiden.json"), "w", encoding="utf-8") as f:
        json.dump(doc, f, indent=1)
        f.write("\n")


def main():
    if sys.argv[1:] == ["leiden"]:
        leiden_fixtures()
        return
    if sys.argv[1:] == ["sampled"]:
        sampled_fixtures()
        return
    if sys.argv[1:] == ["brokerage"]:
        brokerage_fixtures()
        return
    if sys.argv[1:] == ["directed"]:
        directed_fixtures()
        return
    only_ties = sys.argv[1:] == ["ties"]
    os.makedirs(OUT, exist_ok=True)
    os.makedirs(GRAPHS, exist_ok=True)
    classics = os.path.join(SHARED, "networkx-classics")
    cases = [
        ("karate", os.path.join(classics, "karate_club.edges.csv"), False, [False, True]),
        ("les-miserables", os.path.join(classics, "les_miserables.edges.csv"), False, [False, True]),
        ("florentine", os.path.join(classics, "florentine_families.edges.csv"), False, [False]),
        ("davis", os.path.join(classics, "davis_southern_women.edges.csv"), False, [False]),
        ("krackhardt-advice", os.path.join(SHARED, "krackhardt-hightech", "Krack-High-Tec-edgelist-Advice.txt"), True, [False]),
        ("email-eu-core", os.path.join(SHARED, "email-eu-core", "email-Eu-core.txt"), True, [False]),
    ]
    for name, path in generated():
        cases.append((name, path, False, [False, True]))
    for name, path, directed, weightings in cases:
        G = social_view(read_edges(path), directed)
        source = os.path.relpath(path, ROOT)
        for weighted in weightings:
            write_ties(name, G, weighted, source, directed)
            if not only_ties:
                write(name, G, weighted, source, directed)


if __name__ == "__main__":
    main()
