#!/usr/bin/env python3
"""The classic network formats' fixtures (Tests/Fixtures/classic/): GML and Pajek files written by NetworkX, hand-
written ones in the dialects Gephi, Pajek and Batagelj's collections use, UCINET DL files in the forms igraph's
Read_DL and UCINET write, adjacency matrices (white space, CSV with labels, stacked relations), d3 v3 and graphology
JSON; and expected.json: what NetworkX (read_gml, read_pajek, from_numpy_array) and igraph (Read_DL) read from each
file they read — nodes, direction, every edge with its weight, node attributes — which the Swift tests compare
Tiemap's readers with. The graphs are public data sets (Zachary's karate club, Padgett's Florentine families) or
made up here; no personal data.

Usage: scripts/py scripts/classic_fixtures.py
"""
import json, os
import networkx as nx
import numpy as np
import igraph as ig

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
out = os.path.join(root, "Tests", "Fixtures", "classic")
os.makedirs(out, exist_ok=True)
expected = {}

def path(name):
    return os.path.join(out, name)

def write(name, text):
    with open(path(name), "w", encoding="utf-8", newline="") as f:
        f.write(text)

def flat(d, prefix=""):
    o = {}
    for k, v in d.items():
        if isinstance(v, dict):
            o.update(flat(v, prefix + k + "."))
        elif isinstance(v, float) and v.is_integer():
            o[prefix + k] = v
        else:
            o[prefix + k] = v
    return o

def number(v):
    try:
        return float(v)
    except (TypeError, ValueError):
        return None

def summary(G, names=None, weight_keys=("weight",), skip_attributes=()):
    """Nodes (by id), direction, every edge (u, v, weight) sorted, numbers as floats, text as text."""
    name = (lambda v: str(v)) if names is None else names
    edges = []
    for u, v, d in G.edges(data=True):
        w = next((float(d[k]) for k in weight_keys if k in d), 1.0)
        a, b = name(u), name(v)
        if not G.is_directed() and b < a:
            a, b = b, a
        edges.append([a, b, w])
    attributes = {}
    for v, d in G.nodes(data=True):
        attributes[name(v)] = {k: (number(x) if number(x) is not None else str(x)) for k, x in flat(d).items() if k not in skip_attributes}
    return {"nodes": sorted(name(v) for v in G.nodes), "directed": G.is_directed(), "edges": sorted(edges),
            "attributes": attributes}

# GML written by NetworkX: the karate club (club, weights), the Florentine families, a directed multigraph.
karate = nx.karate_club_graph()
nx.write_gml(karate, path("nx-karate.gml"))
flor = nx.florentine_families_graph()
nx.write_gml(flor, path("nx-florentine.gml"))
multi = nx.MultiDiGraph()
multi.add_node("ana", title="CFO", influence=5)
multi.add_node("bo", title="Analyst")
multi.add_edge("ana", "bo", weight=2.5, kind="advice")
multi.add_edge("ana", "bo", weight=0.5, kind="friendship")
multi.add_edge("bo", "ana", weight=1.0, kind="friendship", note='says "hi" & more')
nx.write_gml(multi, path("nx-multi.gml"))
# GML as Gephi and Newman write it: a Creator line, comments, nested graphics, `value` as the weight, ids not in order.
write("gephi.gml", """Creator "Gephi 0.10"
# a comment
graph
[
  directed 0
  node
  [
    id 10
    label "Myriel"
    graphics
    [
      x -120.5
      y 33.0
      fill "#ff0000"
    ]
    group 1
  ]
  node
  [
    id 7
    label "Napoleon"
    group 1
  ]
  node
  [
    id 3
    label "Mlle &amp; Baptistine"
    group 2
  ]
  edge
  [
    source 7
    target 10
    value 1
  ]
  edge
  [
    source 3
    target 10
    value 8
  ]
]
""")
for name in ("nx-karate.gml", "nx-florentine.gml", "nx-multi.gml", "gephi.gml"):
    G = nx.read_gml(path(name))
    expected[name] = summary(G, weight_keys=("weight", "value"))
    expected[name]["multigraph"] = G.is_multigraph()

# Pajek written by NetworkX (undirected, and directed with weights), and one as Pajek writes it: a *Network line,
# coordinates and colours, quoted labels with spaces, vertices left out of the list, *Arcs and *Edges with relation
# names, *Arcslist and *Edgeslist; and a partition (.clu).
nx.write_pajek(flor, path("nx-florentine.net"))
wd = nx.DiGraph()
for u, v, w in [("ann", "bob", 2.0), ("bob", "cy", 1.5), ("cy", "ann", 0.5), ("dee", "ann", 3.0)]:
    wd.add_edge(u, v, weight=w)
nx.write_pajek(wd, path("nx-directed.net"))
for name in ("nx-florentine.net", "nx-directed.net"):
    G = nx.read_pajek(path(name))
    expected[name] = summary(G, skip_attributes=("id", "x", "y", "shape"))
write("pajek.net", """% written after Pajek's own files
*Network Bank wiring (part)
*Vertices 6
1 "Ann Ames" 0.1000 0.2000 0.5000 ic Red bc Black
2 "Bo Berg" 0.3000 0.4000 0.5000
3 "Cy Cole" 0.5000 0.6000 0.5000
5 "Eve Ek"
*Arcs :1 "advice"
1 2 2
2 3
3 1 1.5 c Blue
*Edges :2 "friendship"
1 3
4 6 2
*Arcslist :3 "reports"
2 1
3 1
*Edgeslist :4 "games"
5 1 2 6
""")
write("pajek.clu", "*Vertices 6\n1\n1\n2\n2\n3\n3\n")

# UCINET DL: the forms igraph's Read_DL reads (a full 0/1 matrix with labels embedded, an edge list with weights and
# a node list with labels), and UCINET's several relations (nm=2, matrix labels), which igraph does not read.
write("bank.dl", """DL N=5
FORMAT = FULLMATRIX
LABELS EMBEDDED
DATA:
I1 I3 W1 W2 S1
I1 0 1 0 0 1
I3 0 0 1 0 0
W1 1 0 0 1 0
W2 0 0 1 0 0
S1 1 0 0 0 0
""")
write("edges.dl", """DL N=4
FORMAT = EDGELIST1
LABELS EMBEDDED
DATA:
ann bob 2
bob cy 1
cy dee 0.5
dee ann 1
""")
write("nodes.dl", """DL N=4
FORMAT = NODELIST1
LABELS:
ann,bob,cy,dee
DATA:
1 2 3
2 4
""")
write("padgett.dl", """dl n=4 nm=2
format = fullmatrix
labels:
ACCIAIUOL, ALBIZZI
BARBADORI, BISCHERI
matrix labels:
marriage, business
data:
0 0 0 0
0 0 0 1
0 0 0 0
0 1 0 0
0 0 1 0
0 0 0 0
1 0 0 1
0 0 0 0
""")
for name in ("bank.dl", "edges.dl", "nodes.dl"):
    g = ig.Graph.Read_DL(path(name), directed=True)
    names = g.vs["name"]
    weights = g.es["weight"] if "weight" in g.es.attributes() else [1.0] * g.ecount()
    expected[name] = {"nodes": sorted(names), "directed": True,
                      "edges": sorted([names[e.source], names[e.target], float(w)] for e, w in zip(g.es, weights)),
                      "attributes": {}}

# Adjacency matrices: Zachary's weighted karate club (white space, no labels), the Florentine marriages (CSV with
# labels), and two relations stacked.
A = nx.to_numpy_array(karate, weight="weight")
with open(path("karate-matrix.txt"), "w") as f:
    for row in A:
        f.write(" ".join(str(int(x)) for x in row) + "\n")
G = nx.from_numpy_array(np.loadtxt(path("karate-matrix.txt")))
expected["karate-matrix.txt"] = summary(G, names=lambda v: str(v + 1))
fam = sorted(flor.nodes)
F = nx.to_numpy_array(flor, nodelist=fam)
with open(path("florentine-matrix.csv"), "w") as f:
    f.write("," + ",".join(fam) + "\n")
    for v, row in zip(fam, F):
        f.write(v + "," + ",".join(str(int(x)) for x in row) + "\n")
G = nx.from_numpy_array(F)
expected["florentine-matrix.csv"] = summary(G, names=lambda v: fam[v])
write("stacked-matrix.txt", "0 1 0 0\n1 0 1 0\n0 1 0 1\n0 0 1 0\n\n0 2 0 0\n0 0 0 0\n0 0 0 3\n1 0 0 0\n")

# JSON: d3 v3 (links by node index, value as the weight) and graphology (keys, attributes, a mixed graph).
write("d3v3.json", json.dumps({"nodes": [{"name": "Myriel", "group": 1}, {"name": "Napoleon", "group": 1},
                                         {"name": "Mlle.Baptistine", "group": 2}],
                               "links": [{"source": 1, "target": 0, "value": 1}, {"source": 2, "target": 0, "value": 8}]}))
write("graphology.json", json.dumps({"attributes": {"name": "Team"}, "options": {"type": "mixed", "multi": False, "allowSelfLoops": True},
                                     "nodes": [{"key": "thomas", "attributes": {"label": "Thomas A.", "age": 34}},
                                               {"key": "eric", "attributes": {"age": 29}}, {"key": "ann"}],
                                     "edges": [{"key": "e1", "source": "thomas", "target": "eric", "attributes": {"type": "KNOWS", "weight": 2}},
                                               {"source": "eric", "target": "ann", "undirected": True}]}))

with open(path("expected.json"), "w") as f:
    json.dump(expected, f, indent=1, sort_keys=True)
    f.write("\n")
print(f"wrote {len(os.listdir(out))} files to {out}")
