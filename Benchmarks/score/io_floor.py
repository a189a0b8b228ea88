"""The I/O floor of batch scoring: a plain Python `csv` script that reads the three files `tiemap score` reads
(contacts, ties, interactions) and writes one row per contact (id, account, ties, interactions, last contact).
No analysis: what reading and writing the data costs in the language a sales-ops engineer would reach for first.
Usage: io_floor.py CONTACTS TIES INTERACTIONS OUT"""
import csv
import sys

contacts, ties, interactions, out = sys.argv[1:5]
degree, touches, last = {}, {}, {}
rows = []
with open(contacts, newline="", encoding="utf-8") as f:
    r = csv.reader(f)
    header = next(r)
    i_id, i_acc, i_int = header.index("id"), header.index("account"), header.index("internal")
    for row in r:
        if row[i_int] != "true":
            rows.append((row[i_id], row[i_acc]))
with open(ties, newline="", encoding="utf-8") as f:
    r = csv.reader(f)
    header = next(r)
    s, t = header.index("source"), header.index("target")
    for row in r:
        degree[row[s]] = degree.get(row[s], 0) + 1
        degree[row[t]] = degree.get(row[t], 0) + 1
with open(interactions, newline="", encoding="utf-8") as f:
    r = csv.reader(f)
    header = next(r)
    d, p = header.index("date"), header.index("person")
    for row in r:
        who = row[p]
        touches[who] = touches.get(who, 0) + 1
        if row[d] > last.get(who, ""):
            last[who] = row[d]
with open(out, "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f)
    w.writerow(["id", "account", "ties", "interactions", "last_contact"])
    for cid, acc in rows:
        w.writerow([cid, acc, degree.get(cid, 0), touches.get(cid, 0), last.get(cid, "")])
print(len(rows))
