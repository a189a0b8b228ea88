"""The peer a sales-ops engineer would write: pandas reads the three files, groups the ties by account, and
NetworkX computes degree, betweenness and PageRank per account; one row per contact.
Usage: networkx_peer.py CONTACTS TIES INTERACTIONS OUT [MAX_CONTACTS]
With MAX_CONTACTS, only the first accounts (in file order) holding up to that many contacts are scored."""
import sys

import networkx as nx
import pandas as pd

contacts, ties, interactions, out = sys.argv[1:5]
limit = int(sys.argv[5]) if len(sys.argv) > 5 else None
c = pd.read_csv(contacts, dtype=str, keep_default_na=False)
t = pd.read_csv(ties, dtype=str, keep_default_na=False)
h = pd.read_csv(interactions, dtype=str, keep_default_na=False)
people = c[c["internal"] != "true"]
if limit:
    sizes = people.groupby("account", sort=False).size().cumsum()
    keep = set(sizes[sizes <= limit].index)
    people = people[people["account"].isin(keep)]
account = dict(zip(people["id"], people["account"]))
t = t.assign(a=t["source"].map(account), b=t["target"].map(account))
inside = t[t["a"].notna() & (t["a"] == t["b"])]
last = h.groupby("person")["date"].max()
rows = []
for name, group in inside.groupby("a", sort=False):
    g = nx.Graph()
    g.add_nodes_from(people.loc[people["account"] == name, "id"])
    g.add_weighted_edges_from(zip(group["source"], group["target"], group["weight"].astype(float)))
    bc = nx.betweenness_centrality(g)
    pr = nx.pagerank(g)
    for v in g.nodes:
        rows.append((v, name, g.degree(v), bc[v], pr[v], last.get(v, "")))
pd.DataFrame(rows, columns=["id", "account", "degree", "betweenness", "pagerank", "last_contact"]).to_csv(out, index=False)
print(len(rows))
