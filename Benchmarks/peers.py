"""Peer side of `make bench`: times one peer library on one task, in this process, and prints JSON.

    python3 peers.py TOOL TASK FILE REPEAT [--directed]

TOOL: igraph | networkit | networkx | baseline (imports only, to show the interpreter's own memory).
TASK: load (read an edge list into the library's graph).
The harness (tiemap-bench) measures this process's peak RSS with wait4; here we only time the task.
"""
import json
import os
import sys
import time


def load(tool, path, directed):
    if tool == "igraph":
        import igraph as ig
        g = ig.Graph.Read_Edgelist(path, directed=directed)
        return g.vcount(), g.ecount()
    if tool == "networkit":
        import networkit as nk
        reader = nk.graphio.EdgeListReader(" ", 0, "#", directed=directed, continuous=False)
        g = reader.read(path)
        return g.numberOfNodes(), g.numberOfEdges()
    if tool == "networkx":
        import networkx as nx
        g = nx.read_edgelist(path, create_using=nx.DiGraph if directed else nx.Graph, nodetype=str)
        return g.number_of_nodes(), g.number_of_edges()
    raise SystemExit(f"unknown tool {tool}")


def read_undirected(tool, path, weighted):
    """The benchmark graph as the peer's own simple undirected graph (not timed): self-loops dropped, a pair
    listed twice (u v and v u) kept once, as in Tiemap's social view. Returns (graph, people, pairs)."""
    if tool == "igraph":
        import igraph as ig
        g = ig.Graph.Read_Ncol(path, weights=weighted, directed=False)
        g.simplify(multiple=True, loops=True, combine_edges="max" if weighted else None)
        return g, g.vcount(), g.ecount()
    if tool == "networkit":
        import networkit as nk
        g = nk.graphio.EdgeListReader(" ", 0, "#", continuous=True, directed=False).read(path)
        g = g if weighted else nk.graphtools.toUnweighted(g)
        g.removeSelfLoops()
        g.removeMultiEdges()
        return g, g.numberOfNodes(), g.numberOfEdges()
    if tool == "networkx":
        import networkx as nx
        g = nx.read_edgelist(path, nodetype=int, data=[("weight", float)] if weighted else False)
        g.remove_edges_from(list(nx.selfloop_edges(g)))
        return g, g.number_of_nodes(), g.number_of_edges()
    raise SystemExit(f"unknown tool {tool}")


def measure(tool, task, g, weighted, sources):
    """Runs one measure; returns a small check value (number of people with a value)."""
    if tool == "igraph":
        w = "weight" if weighted else None
        if task == "betweenness":
            return len(g.betweenness(directed=False, weights=w))
        if task == "betweenness-sampled":
            return len(g.betweenness(directed=False, weights=w, sources=sources))
        if task == "pagerank":
            return len(g.pagerank(damping=0.85, weights=None))
        if task == "constraint":
            return len(g.constraint(weights=None))
    if tool == "networkit":
        import networkit as nk
        if task == "betweenness":
            b = nk.centrality.Betweenness(g, normalized=True)
            b.run()
            return len(b.scores())
        if task == "betweenness-sampled":
            b = nk.centrality.EstimateBetweenness(g, len(sources), normalized=True, parallel=True)
            b.run()
            return len(b.scores())
        if task == "pagerank":
            pr = nk.centrality.PageRank(g, damp=0.85, tol=1e-12)
            pr.norm = nk.centrality.Norm.L1_NORM   # the same stopping rule as Tiemap and NetworkX: L1 change < 1e-12
            pr.run()
            return len(pr.scores())
    if tool == "networkx":
        import networkx as nx
        if task == "pagerank":
            return len(nx.pagerank(g, alpha=0.85, weight=None, tol=1e-12 / g.number_of_nodes()))
        if task == "constraint":
            return len(nx.constraint(g))
    return None


def main():
    tool, task, path, repeat = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    directed = "--directed" in sys.argv
    threads = 1
    if tool == "baseline":
        print(json.dumps({"tool": tool, "times": [], "check": [0, 0], "threads": 1}))
        return
    if tool == "networkit":
        import networkit as nk
        threads = nk.getMaxNumberOfThreads()
    if tool == "igraph":
        import igraph  # noqa: F401  (import outside the timed part, as for the others)
    if tool == "networkx":
        import networkx  # noqa: F401
    if task != "load":
        weighted = "--weighted" in sys.argv
        g, people, pairs = read_undirected(tool, path, weighted)
        sources = None
        if "--sources" in sys.argv:
            with open(sys.argv[sys.argv.index("--sources") + 1], encoding="utf-8") as f:
                names = [line.strip() for line in f if line.strip()]
            if tool == "igraph":
                index = {name: i for i, name in enumerate(g.vs["name"])}
                sources = [index[name] for name in names]
            else:
                sources = [int(name) for name in names]
        times, check = [], None
        for i in range(repeat + 1):
            t = time.perf_counter()
            check = measure(tool, task, g, weighted, sources)
            if check is None:
                print(json.dumps({"tool": tool, "unsupported": True}))
                return
            if i > 0 or repeat == 0:
                times.append(time.perf_counter() - t)
        print(json.dumps({"tool": tool, "times": times, "check": [check, pairs], "threads": threads}))
        return
    times, check = [], None
    for _ in range(repeat):
        t = time.perf_counter()
        check = load(tool, path, directed)
        times.append(time.perf_counter() - t)
    print(json.dumps({"tool": tool, "times": times, "check": list(check), "threads": threads}))


if __name__ == "__main__":
    main()
