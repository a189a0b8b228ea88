#!/usr/bin/env python3
"""Outside check of `tiemap convert`: NetworkX (read_graphml, read_gexf, node_link_graph) and igraph
(Graph.Read_GraphML) read Tiemap's GraphML, GEXF and node-link JSON of the sample with the same people, ties, weights,
kinds and fields as its CSV files; and of the hostile-names account (quotes, ampersands, angle brackets, emoji,
right-to-left text…) with the same names and ties in every format as the node-link JSON read by plain `json`.

Usage: scripts/py scripts/check-formats.py path/to/tiemap
"""
import csv, json, math, subprocess, sys, tempfile, os
from collections import Counter

import networkx as nx
import igraph as ig

tiemap = sys.argv[1]
root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
cases = [
    ("sample", os.path.join(root, "datasets/sample/contacts.csv"), os.path.join(root, "datasets/sample/ties.csv")),
]
failures = []

def expect(ok, what):
    if not ok:
        failures.append(what)

for name, contacts_path, ties_path in cases:
    with open(contacts_path, newline="", encoding="utf-8-sig") as f:
        people = list(csv.DictReader(f))
    with open(ties_path, newline="", encoding="utf-8-sig") as f:
        ties = list(csv.DictReader(f))
    directed = [r.get("directed", "").lower() == "true" or (r.get("directed", "") == "" and r.get("kind", "") in ("reports_to", "advice", "referral", "interaction")) for r in ties]
    mixed = any(directed) and not all(directed)
    arcs = len(ties) + (sum(1 for d, r in zip(directed, ties) if not d and r["source"] != r["target"]) if mixed else 0)
    # Expected ties as (source, target, kind, weight), each undirected one in both directions when mixed.
    expected = Counter()
    for d, r in zip(directed, ties):
        w = float(r.get("weight") or 1)
        kind = r.get("kind") or "relationship"
        expected[(r["source"], r["target"], kind, w)] += 1
        if mixed and not d and r["source"] != r["target"]:
            expected[(r["target"], r["source"], kind, w)] += 1
    with tempfile.TemporaryDirectory() as tmp:
        graphs = {}
        for ext in ("graphml", "gexf", "json"):
            out = os.path.join(tmp, f"{name}.{ext}")
            r = subprocess.run([tiemap, "convert", "--contacts", contacts_path, "--ties", ties_path, "--with-measures", "-o", out],
                               capture_output=True, text=True)
            expect(r.returncode == 0, f"{name}.{ext}: convert failed: {r.stderr}")
            if r.returncode != 0:
                continue
            if ext == "graphml":
                graphs["networkx read_graphml"] = nx.read_graphml(out)
                i = ig.Graph.Read_GraphML(out)
                expect(i.vcount() == len(people) and i.ecount() == arcs, f"{name}: igraph reads {i.vcount()} people, {i.ecount()} ties")
                expect(i.is_directed() == any(directed), f"{name}: igraph directed={i.is_directed()}")
                ids = i.vs["id"]
                expect(ids == [p["id"] for p in people], f"{name}: igraph ids differ")
                names = i.vs["name"] if "name" in i.vs.attributes() else []
                expect(names == [p["name"] or None for p in people] or names == [p["name"] for p in people], f"{name}: igraph names differ")
            elif ext == "gexf":
                graphs["networkx read_gexf"] = G = nx.read_gexf(out)
                # Gephi's drawing: everyone on the network map has a position, a size and a colour.
                drawn = [v for v, d in G.nodes(data=True) if {"position", "size", "color"} <= set(d.get("viz", {}))]
                expect(len(drawn) == len(people), f"{name}.gexf: {len(drawn)} of {len(people)} people carry a drawing")
            else:
                with open(out, encoding="utf-8") as f:
                    graphs["networkx node_link_graph"] = nx.node_link_graph(json.load(f))
        for reader, G in graphs.items():
            expect(G.number_of_nodes() == len(people), f"{name} via {reader}: {G.number_of_nodes()} people, not {len(people)}")
            expect(G.number_of_edges() == arcs, f"{name} via {reader}: {G.number_of_edges()} ties, not {arcs}")
            expect(G.is_directed() == any(directed), f"{name} via {reader}: directed={G.is_directed()}")
            for p in people:
                d = G.nodes.get(p["id"])
                expect(d is not None, f"{name} via {reader}: {p['id']!r} missing")
                if d is None:
                    continue
                # GEXF keeps the name as the node's label.
                got = d.get("label") if reader.endswith("gexf") else d.get("name")
                expect(got == (p["name"] or (p["id"] if reader.endswith("gexf") else None)), f"{name} via {reader}: {p['id']!r} name {got!r}")
                for field in ("account", "department", "title"):
                    if p.get(field):
                        expect(d.get(field) == p[field], f"{name} via {reader}: {p['id']!r} {field} {d.get(field)!r}")
                if p.get("influence"):
                    expect(int(d.get("influence")) == int(p["influence"]), f"{name} via {reader}: {p['id']!r} influence")
                expect(isinstance(d.get("betweenness"), float) and math.isfinite(d["betweenness"]), f"{name} via {reader}: betweenness")
            got = Counter()
            for u, v, e in G.edges(data=True):
                got[(u, v, e.get("kind"), float(e.get("weight", 1)))] += 1
            if not G.is_directed():   # undirected: either orientation
                got = Counter({(min(k[0], k[1]), max(k[0], k[1]), k[2], k[3]): c for k, c in got.items()})
                exp = Counter()
                for k, c in expected.items():
                    exp[(min(k[0], k[1]), max(k[0], k[1]), k[2], k[3])] += c
            else:
                exp = expected
            expect(got == exp, f"{name} via {reader}: ties differ ({sum((got - exp).values())} extra, {sum((exp - got).values())} missing)")
        # Tiemap reads its GraphML and GEXF back: written as JSON, the same bytes as the JSON written directly; and it
        # reads what NetworkX writes of the graph it read, with the same people and ties.
        direct = os.path.join(tmp, f"{name}.json")
        for ext in ("graphml", "gexf"):
            again = os.path.join(tmp, f"{name}-{ext}.json")
            r = subprocess.run([tiemap, "convert", "--graph", os.path.join(tmp, f"{name}.{ext}"), "-o", again],
                               capture_output=True, text=True)
            expect(r.returncode == 0, f"{name}.{ext} read back: {r.stderr}")
            if r.returncode == 0:
                with open(direct, "rb") as a, open(again, "rb") as b:
                    expect(a.read() == b.read(), f"{name}.{ext} read back by Tiemap and written as JSON differs from the direct JSON")
            G = graphs[f"networkx read_{ext}"]
            by_nx = os.path.join(tmp, f"{name}-nx.{ext}")
            (nx.write_graphml if ext == "graphml" else nx.write_gexf)(G, by_nx)
            r = subprocess.run([tiemap, "convert", "--graph", by_nx, "-o", again], capture_output=True, text=True)
            expect(r.returncode == 0, f"{name}: NetworkX's {ext} not read: {r.stderr}")
            if r.returncode == 0:
                with open(again, encoding="utf-8") as f:
                    back = json.load(f)
                expect(len(back["nodes"]) == len(people) and len(back["edges"]) == arcs,
                       f"{name}: NetworkX's {ext} read as {len(back['nodes'])} people, {len(back['edges'])} ties")
                names_back = {n["id"]: n.get("name") for n in back["nodes"]}
                expect(all(names_back.get(p["id"]) == (p["name"] or None) for p in people), f"{name}: NetworkX's {ext}: names differ")
    print(f"{name}: {len(people)} people, {arcs} ties read back by " + ", ".join(sorted(graphs)) + " and igraph Read_GraphML;"
          " Tiemap reads its GraphML and GEXF back (the same JSON, byte for byte) and NetworkX's GraphML and GEXF of them")

# Hostile names: every reader sees what plain JSON sees.
contacts_path = os.path.join(root, "Tests/Fixtures/hostile/files/contacts-names.csv")
ties_path = os.path.join(root, "Tests/Fixtures/hostile/files/ties-names.csv")
with tempfile.TemporaryDirectory() as tmp:
    out = {}
    for ext in ("graphml", "gexf", "json"):
        out[ext] = os.path.join(tmp, f"hostile.{ext}")
        r = subprocess.run([tiemap, "convert", "--contacts", contacts_path, "--ties", ties_path, "-o", out[ext]], capture_output=True, text=True)
        expect(r.returncode == 0, f"hostile.{ext}: convert failed: {r.stderr}")
    with open(out["json"], encoding="utf-8") as f:
        data = json.load(f)
    # XML 1.0 cannot hold control characters other than tab, LF and CR, nor U+FFFE/U+FFFF (shown as U+FFFD).
    def xml(t):
        if t is None:
            return None
        return "".join("\ufffd" if c in "\ufffe\uffff" else c for c in t if c in "\t\n\r" or not (ord(c) < 0x20 or ord(c) == 0x7f))
    names = {n["id"]: xml(n.get("name")) for n in data["nodes"]}
    edges = Counter((e["source"], e["target"], e.get("kind"), e.get("weight")) for e in data["edges"])
    readers = {"read_graphml": nx.read_graphml(out["graphml"]), "read_gexf": nx.read_gexf(out["gexf"])}
    for reader, G in readers.items():
        expect(set(G.nodes) == set(names), f"hostile via {reader}: ids differ")
        for v, d in G.nodes(data=True):
            got = d.get("label") if reader == "read_gexf" else d.get("name")
            want = names.get(v) if names.get(v) is not None or reader != "read_gexf" else v
            expect(got == want, f"hostile via {reader}: {v!r} name {got!r}, JSON has {want!r}")
        got = Counter((u, v, e.get("kind"), float(e["weight"])) for u, v, e in G.edges(data=True))
        expect(got == edges, f"hostile via {reader}: ties differ from the JSON's")
    i = ig.Graph.Read_GraphML(out["graphml"])
    expect(i.vs["id"] == [n["id"] for n in data["nodes"]], "hostile via igraph: ids differ")
    expect([x if x else None for x in i.vs["name"]] == [xml(n.get("name")) for n in data["nodes"]], "hostile via igraph: names differ")
    # Tiemap reads its node-link JSON back: written again, the same bytes.
    again = os.path.join(tmp, "again.json")
    r = subprocess.run([tiemap, "convert", "--graph", out["json"], "-o", again], capture_output=True, text=True)
    expect(r.returncode == 0, f"hostile.json read back: {r.stderr}")
    if r.returncode == 0:
        with open(out["json"], "rb") as a, open(again, "rb") as b:
            expect(a.read() == b.read(), "hostile.json read back and written again differs")
    # Tiemap reads its GraphML and GEXF back with the names XML can hold and the same ties.
    for ext in ("graphml", "gexf"):
        again = os.path.join(tmp, f"again-{ext}.json")
        r = subprocess.run([tiemap, "convert", "--graph", out[ext], "-o", again], capture_output=True, text=True)
        expect(r.returncode == 0, f"hostile.{ext} read back: {r.stderr}")
        if r.returncode != 0:
            continue
        with open(again, encoding="utf-8") as f:
            back = json.load(f)
        expect({n["id"]: n.get("name") for n in back["nodes"]} == names, f"hostile.{ext} read back by Tiemap: names differ")
        expect(Counter((e["source"], e["target"], e.get("kind"), e.get("weight")) for e in back["edges"]) == edges,
               f"hostile.{ext} read back by Tiemap: ties differ")
    print(f"hostile: {len(names)} people with hostile names, {sum(edges.values())} ties: the same in GraphML (NetworkX, igraph, Tiemap),"
          " GEXF (NetworkX, Tiemap) and JSON; Tiemap's JSON read back and written again byte for byte")

# The classic formats: Tiemap reads every file of Tests/Fixtures/classic that NetworkX or igraph reads with what they
# read (nodes, direction, every edge with its weight, the nodes' attributes), compared here live; and NetworkX reads
# the GML and Pajek that `convert` writes of the sample with its people and ties.
classic = os.path.join(root, "Tests/Fixtures/classic")
def tiemap_json(args):
    with tempfile.TemporaryDirectory() as tmp:
        o = os.path.join(tmp, "g.json")
        r = subprocess.run([tiemap, "convert"] + args + ["-o", o], capture_output=True, text=True)
        if r.returncode != 0:
            failures.append(f"convert {' '.join(args)}: {r.stderr.strip()}")
            return None
        with open(o, encoding="utf-8") as f:
            return json.load(f)
def edge_list(nodes_edges, directed):
    out = Counter()
    for u, v, w in nodes_edges:
        if not directed and v < u:
            u, v = v, u
        out[(u, v, round(float(w), 9))] += 1
    return out
def tiemap_edges(data):
    # convert writes a directed graph's arcs; an undirected tie of a mixed graph as two arcs marked undirected.
    edges = []
    for e in data["edges"]:
        if e.get("undirected") and e["source"] > e["target"]:
            continue
        edges.append((e["source"], e["target"], e.get("weight", 1)))
    return edges
checked = []
for name, read in [("nx-karate.gml", lambda p: nx.read_gml(p)), ("nx-florentine.gml", lambda p: nx.read_gml(p)),
                   ("nx-multi.gml", lambda p: nx.read_gml(p)), ("gephi.gml", lambda p: nx.read_gml(p)),
                   ("nx-florentine.net", lambda p: nx.read_pajek(p)), ("nx-directed.net", lambda p: nx.read_pajek(p))]:
    p = os.path.join(classic, name)
    G = read(p)
    data = tiemap_json(["--graph", p])
    if data is None:
        continue
    ids = sorted(n["id"] for n in data["nodes"])
    expect(ids == sorted(str(v) for v in G.nodes), f"{name}: nodes differ from NetworkX's")
    expect(data["directed"] == G.is_directed(), f"{name}: directed={data['directed']}, NetworkX {G.is_directed()}")
    nxe = edge_list([(str(u), str(v), d.get("weight", d.get("value", 1))) for u, v, d in G.edges(data=True)], G.is_directed())
    expect(edge_list(tiemap_edges(data), G.is_directed()) == nxe, f"{name}: edges or weights differ from NetworkX's")
    nodes = {n["id"]: n for n in data["nodes"]}
    for v, d in G.nodes(data=True):
        for k, x in d.items():
            if k in ("id", "x", "y", "shape", "graphics"):
                continue
            got = nodes[str(v)].get(k)
            expect(str(got) == str(x) or (isinstance(x, (int, float)) and got is not None and float(got) == float(x)),
                   f"{name}: {v!r}.{k} is {got!r}, NetworkX {x!r}")
    checked.append(name)
for name in ("karate-matrix.txt", "florentine-matrix.csv"):
    p = os.path.join(classic, name)
    data = tiemap_json(["--graph", p, "--input-format", "matrix"])
    if data is None:
        continue
    if name.endswith(".csv"):
        rows = list(csv.reader(open(p, encoding="utf-8")))
        labels = rows[0][1:]
        A = [[float(x) for x in r[1:]] for r in rows[1:]]
    else:
        A = [[float(x) for x in line.split()] for line in open(p) if line.strip()]
        labels = [str(i + 1) for i in range(len(A))]
    G = nx.from_numpy_array(__import__("numpy").array(A))
    expect(sorted(n["id"] for n in data["nodes"]) == sorted(labels), f"{name}: nodes differ")
    nxe = edge_list([(labels[u], labels[v], d["weight"]) for u, v, d in G.edges(data=True)], False)
    expect(edge_list(tiemap_edges(data), False) == nxe, f"{name}: edges or weights differ from from_numpy_array's")
    checked.append(name)
for name in ("bank.dl", "edges.dl", "nodes.dl"):
    p = os.path.join(classic, name)
    g = ig.Graph.Read_DL(p, directed=True)
    data = tiemap_json(["--graph", p, "--directed"])
    if data is None:
        continue
    names = g.vs["name"]
    weights = g.es["weight"] if "weight" in g.es.attributes() else [1.0] * g.ecount()
    expect(sorted(n["id"] for n in data["nodes"]) == sorted(names), f"{name}: nodes differ from igraph's Read_DL")
    ige = edge_list([(names[e.source], names[e.target], w) for e, w in zip(g.es, weights)], True)
    expect(edge_list(tiemap_edges(data), True) == ige, f"{name}: edges or weights differ from igraph's Read_DL")
    checked.append(name)
sample_contacts = os.path.join(root, "datasets/sample/contacts.csv")
with tempfile.TemporaryDirectory() as tmp:
    for ext in ("gml", "net"):
        o = os.path.join(tmp, f"sample.{ext}")
        r = subprocess.run([tiemap, "convert", "--contacts", sample_contacts, "-o", o], capture_output=True, text=True)
        expect(r.returncode == 0, f"convert -o sample.{ext}: {r.stderr}")
        if r.returncode != 0:
            continue
        G = nx.read_gml(o) if ext == "gml" else nx.read_pajek(o)
        with open(sample_contacts, newline="", encoding="utf-8-sig") as f:
            people = list(csv.DictReader(f))
        expect(sorted(G.nodes) == sorted(p["id"] for p in people), f"sample.{ext}: NetworkX reads other people")
        reports = sum(1 for p in people if p["reports_to"])
        expect(G.number_of_edges() == reports, f"sample.{ext}: NetworkX reads {G.number_of_edges()} ties, not {reports}")
        for p in people:
            expect(G.nodes[p["id"]].get("name") == (p["name"] or None), f"sample.{ext}: {p['id']} name {G.nodes[p['id']].get('name')!r}")
        checked.append(f"convert -o .{ext}")
print(f"classic formats: {', '.join(checked)} read by Tiemap as NetworkX and igraph read them")

# Workbooks: every table command's -o x.xlsx opens in openpyxl with one sheet named after the command, the header
# frozen, and each cell the CSV's value, typed (numbers as numbers, dates as dates, booleans as booleans).
import datetime
import openpyxl
sample_in = ["--contacts", os.path.join(root, "datasets/sample/contacts.csv"), "--ties", os.path.join(root, "datasets/sample/ties.csv"),
             "--interactions", os.path.join(root, "datasets/sample/interactions.csv")]
opened = []
with tempfile.TemporaryDirectory() as tmp:
    for command, sheet, extra in [("metrics", "Metrics", []), ("ties", "Ties", []), ("account", "Account", []),
                                  ("trust", "Trust", ["--as-of", "2026-10-31"]), ("score", "Contacts", ["--as-of", "2026-10-31", "--quiet"])]:
        x, c = os.path.join(tmp, f"{command}.xlsx"), os.path.join(tmp, f"{command}.csv")
        r1 = subprocess.run([tiemap, command] + sample_in + extra + ["-o", x], capture_output=True, text=True)
        r2 = subprocess.run([tiemap, command] + sample_in + extra + ["-o", c], capture_output=True, text=True)
        expect(r1.returncode == 0 and r2.returncode == 0, f"{command} -o .xlsx: {r1.stderr} {r2.stderr}")
        if r1.returncode != 0 or r2.returncode != 0:
            continue
        wb = openpyxl.load_workbook(x)
        expect(wb.sheetnames == [sheet], f"{command}.xlsx: sheets {wb.sheetnames}")
        ws = wb.active
        expect(ws.freeze_panes == "A2", f"{command}.xlsx: header not frozen ({ws.freeze_panes})")
        expect(all(cell.font.b for cell in ws[1]), f"{command}.xlsx: header not bold")
        with open(c, newline="", encoding="utf-8") as f:
            rows = list(csv.reader(f))
        expect(ws.max_row == len(rows), f"{command}.xlsx: {ws.max_row} rows, CSV {len(rows)}")
        numbers = 0
        for i, (xrow, crow) in enumerate(zip(ws.iter_rows(values_only=True), rows)):
            for v, t in zip(xrow, crow):
                t = t[1:] if t[:1] == "'" and t[1:2] in ("=", "+", "-", "@", "\t", "\r") else t
                if v is None:
                    ok = t == ""
                elif isinstance(v, bool):
                    ok = t == ("true" if v else "false")
                elif isinstance(v, (int, float)):
                    ok = float(t) == float(v)
                    numbers += 1
                elif isinstance(v, datetime.datetime):
                    ok = t == v.date().isoformat()
                else:
                    ok = t == v
                if not ok:
                    failures.append(f"{command}.xlsx row {i + 1}: {v!r} for CSV {t!r}")
                    break
        expect(numbers > 0, f"{command}.xlsx: no typed number")
        opened.append(f"{command} ({ws.max_row - 1} rows)")
print(f"workbooks: {', '.join(opened)} open in openpyxl as their CSV, typed, header frozen")

if failures:
    print("\n".join(failures[:30]), file=sys.stderr)
    sys.exit(1)
