"""The first accounts of a portfolio (in file order) holding up to N contacts, with our team, their ties and history.
Usage: subset.py CONTACTS TIES INTERACTIONS OUTDIR N"""
import csv
import os
import shutil
import sys

contacts, ties, interactions, outdir, n = sys.argv[1:6]
n = int(n)
final, outdir = outdir, outdir + ".partial"   # renamed when complete: a killed run leaves no half subset
shutil.rmtree(outdir, ignore_errors=True)
os.makedirs(outdir)
with open(contacts, newline="", encoding="utf-8") as f:
    rows = list(csv.reader(f))
h = rows[0]
i_id, i_acc, i_int = h.index("id"), h.index("account"), h.index("internal")
sizes, order = {}, []
for r in rows[1:]:
    if r[i_int] != "true":
        if r[i_acc] not in sizes:
            order.append(r[i_acc])
        sizes[r[i_acc]] = sizes.get(r[i_acc], 0) + 1
keep, total = set(), 0
for a in order:
    if total + sizes[a] > n:
        break
    keep.add(a); total += sizes[a]
kept = [r for r in rows[1:] if r[i_int] == "true" or r[i_acc] in keep]
ids = {r[i_id] for r in kept}
def copy(src, dst, cols, test):
    with open(src, newline="", encoding="utf-8") as f, open(dst, "w", newline="", encoding="utf-8") as g:
        r, w = csv.reader(f), csv.writer(g, lineterminator="\n")
        head = next(r); w.writerow(head)
        idx = [head.index(c) for c in cols]
        for row in r:
            if test([row[i] for i in idx]):
                w.writerow(row)
with open(os.path.join(outdir, "contacts.csv"), "w", newline="", encoding="utf-8") as g:
    w = csv.writer(g, lineterminator="\n"); w.writerow(h); w.writerows(kept)
copy(ties, os.path.join(outdir, "ties.csv"), ["source", "target"], lambda v: v[0] in ids and v[1] in ids)
copy(interactions, os.path.join(outdir, "interactions.csv"), ["person"], lambda v: v[0] in ids)
shutil.rmtree(final, ignore_errors=True)
os.rename(outdir, final)
print(total)
