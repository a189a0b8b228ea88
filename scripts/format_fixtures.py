#!/usr/bin/env python3
"""Files written by NetworkX, for the GraphML / GEXF / node-link readers' tests (Tests/Fixtures/formats/), with what
NetworkX itself reads back from them as the expected values (expected.json): node and edge counts, direction, the
attributes of a few nodes and edges, the total weight. Run once; the outputs are committed.

Usage: scripts/py scripts/format_fixtures.py
"""
import json, os
import networkx as nx

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
out = os.path.join(root, "Tests", "Fixtures", "formats")
os.makedirs(out, exist_ok=True)

# Zachary's karate club with its `club` attribute and the interaction counts as weights (undirected).
karate = nx.karate_club_graph()
karate = nx.relabel_nodes(karate, {v: f"k{v}" for v in karate})
for v in karate:
    karate.nodes[v]["name"] = f"Member {v[1:]}"
# Florentine families, directed both ways with a typed numeric attribute, and a multigraph with parallel ties.
florentine = nx.DiGraph()
for u, v in nx.florentine_families_graph().edges():
    florentine.add_edge(u, v, kind="marriage", weight=1.0)
    florentine.add_edge(v, u, kind="marriage", weight=1.0)
for i, v in enumerate(sorted(florentine)):
    florentine.nodes[v]["rank"] = i
    florentine.nodes[v]["account"] = "Florence"
multi = nx.MultiGraph()
multi.add_node("a", title="CFO", role="decision_maker", influence=5)
multi.add_node("b", title="Analyst", influence=2)
multi.add_node("c")
multi.add_edge("a", "b", kind="advice", weight=2.5)
multi.add_edge("a", "b", kind="friendship", weight=0.5)
multi.add_edge("b", "c", kind="friendship", weight=1.0, since="2024-03-01")

graphs = {"karate": karate, "florentine": florentine, "multi": multi}
expected = {}
for name, g in graphs.items():
    paths = {"graphml": os.path.join(out, f"nx-{name}.graphml"), "gexf": os.path.join(out, f"nx-{name}.gexf"),
             "json": os.path.join(out, f"nx-{name}.json")}
    nx.write_graphml(g, paths["graphml"])
    nx.write_gexf(g, paths["gexf"])
    with open(paths["json"], "w") as f:
        json.dump(nx.node_link_data(g, edges="edges"), f)
    for fmt, path in paths.items():
        back = nx.read_graphml(path) if fmt == "graphml" else nx.read_gexf(path) if fmt == "gexf" else \
            nx.node_link_graph(json.load(open(path)), edges="edges")
        nodes = sorted(back.nodes)
        e = {
            "nodes": back.number_of_nodes(), "edges": back.number_of_edges(), "directed": back.is_directed(),
            "total_weight": sum(float(d.get("weight", 1)) for _, _, d in back.edges(data=True)),
            "first": nodes[0], "first_attributes": {k: str(v) for k, v in back.nodes[nodes[0]].items() if k != "label" or fmt != "gexf"},
            "degree_of_first": back.degree(nodes[0]),
        }
        expected[f"nx-{name}.{fmt}"] = e
with open(os.path.join(out, "expected.json"), "w") as f:
    json.dump(expected, f, indent=1, sort_keys=True)
    f.write("\n")
print(f"wrote {len(expected)} files to {out}")
