"""Peer of `make bench ONLY=patterns`: the PyPI prefixspan package mining the same episode windows Tiemap mines
(`tiemap patterns --sequences FILE`), at the same minimum support and length. Only the mining is timed (reading
the file is not), and only the episodes are mined — Tiemap also counts every pattern in the controls in the same
pass — so the peer's side is a lower bound of its work.

    python3 prefixspan_peer.py SEQUENCES.csv MIN_SUPPORT MAX_LENGTH
"""
import csv
import json
import math
import sys
import time

from prefixspan import PrefixSpan

path, share, maxlen = sys.argv[1], float(sys.argv[2]), int(sys.argv[3])
episodes = []
with open(path, newline="", encoding="utf-8") as f:
    for row in csv.DictReader(f):
        if row["kind"] == "episode":
            episodes.append(row["tokens"].split(" ") if row["tokens"] else [])
t = time.perf_counter()
ps = PrefixSpan(episodes)
ps.maxlen = maxlen
found = ps.frequent(math.ceil(share * len(episodes)))
print(json.dumps({"seconds": time.perf_counter() - t, "episodes": len(episodes), "patterns": len(found)}))
