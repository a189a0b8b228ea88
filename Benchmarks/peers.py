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
        raise SystemExit(f"unknown task {task}")
    times, check = [], None
    for _ in range(repeat):
        t = time.perf_counter()
        check = load(tool, path, directed)
        times.append(time.perf_counter() - t)
    print(json.dumps({"tool": tool, "times": times, "check": list(check), "threads": threads}))


if __name__ == "__main__":
    main()
