#!/usr/bin/env python3
"""Batch scoring on Spark: reads contacts.csv, ties.csv and interactions.csv, groups them by account exactly as
`tiemap score` does (AccountPartition: an account is its contacts, the ties among them, our team's ties into them
and the ties among the team members engaged there; ties between two accounts count for neither), streams one JSON
account per line through `tiemap score --input jsonl` on the executors (RDD.pipe), and writes the scored CSV with
the same header, rows in input order, and cells as Tiemap writes them.

This script only moves rows; every number comes from the tiemap binary.

  spark-submit scripts/spark_score.py --tiemap PATH --contacts C --ties T --interactions I --as-of DATE -o scored.csv
"""
import argparse
import csv
import json
import os
import re
import sys

from pyspark.sql import SparkSession
from pyspark.sql import functions as F

COLUMNS = ["id", "name", "account", "role", "proximity", "tie_strength", "declared_influence", "structural_influence",
           "interest", "quadrant", "strategy", "silent_influencer", "risk", "priority", "proximity_source", "covered",
           "single_threaded", "reach_lost", "trust_balance", "trust_status", "last_contact_days", "input_flags"]
NUMBER = re.compile(r"^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$")


def cell(v):
    """A value of tiemap's JSON lines as its CSV writer writes it: numbers as their text, formulas neutralised."""
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, str) and v[:1] in ("=", "+", "-", "@", "\t", "\r") and not NUMBER.match(v):
        return "'" + v
    return v


def is_true(v):
    return (v or "").strip().lower() in ("true", "yes", "y", "1", "x", "t")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--tiemap", required=True)
    ap.add_argument("--contacts", required=True)
    ap.add_argument("--ties")
    ap.add_argument("--interactions")
    ap.add_argument("--as-of", required=True)
    ap.add_argument("-o", "--output", required=True)
    ap.add_argument("--master", default=None, help="e.g. local[2]; default: what spark-submit gives")
    ap.add_argument("--partitions", type=int, default=8)
    a = ap.parse_args()

    # The executors' Python is this one (the project's .venv when scripts/py runs us), unless the cluster says.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    b = SparkSession.builder.appName("tiemap-score").config("spark.ui.showConsoleProgress", "false")
    if a.master:
        b = b.master(a.master)
    spark = b.getOrCreate()
    read = lambda path: (spark.read.option("header", True).option("multiLine", True).option("escape", '"')
                         .option("inferSchema", False).csv(path).withColumn("_row", F.monotonically_increasing_id()))

    contacts = read(a.contacts)
    cols = [c for c in contacts.columns if c != "_row"]
    low = {c.lower().replace("_", "").replace(" ", ""): c for c in cols}
    c_id, c_acc, c_int = low.get("id"), low.get("account"), low.get("internal")
    c_owner = low.get("owner")
    people = contacts.collect()                      # the contacts file is the small one; ties and history stay distributed
    team = {r[c_id]: r.asDict() for r in people if c_int and is_true(r[c_int])}
    account_of = {r[c_id]: (r[c_acc] or "") for r in people if not (c_int and is_true(r[c_int]))}
    bc_team = spark.sparkContext.broadcast(team)
    bc_account = spark.sparkContext.broadcast(account_of)

    def keyed_contacts():
        for r in people:
            d = r.asDict()
            if d[c_id] in account_of:
                yield (account_of[d[c_id]], ("c", d["_row"], d))
    parts = [spark.sparkContext.parallelize(list(keyed_contacts()), a.partitions)]
    team_ties = []
    if a.ties:
        ties = read(a.ties)
        tl = {c.lower(): c for c in ties.columns}
        s_col, t_col = tl["source"], tl["target"]

        def tie_key(row):
            d = row.asDict()
            acc, tm = bc_account.value, bc_team.value
            s, t = d[s_col], d[t_col]
            if s in tm and t in tm:
                return [("__team__", ("tt", d["_row"], d))]
            if s in acc and t in acc:
                return [(acc[s], ("t", d["_row"], d))] if acc[s] == acc[t] else []
            if s in acc and t in tm:
                return [(acc[s], ("t", d["_row"], d)), (acc[s], ("e", t))]
            if t in acc and s in tm:
                return [(acc[t], ("t", d["_row"], d)), (acc[t], ("e", s))]
            return []
        keyed = ties.rdd.flatMap(tie_key)
        team_ties = keyed.filter(lambda kv: kv[0] == "__team__").map(lambda kv: kv[1]).collect()
        parts.append(keyed.filter(lambda kv: kv[0] != "__team__"))
    if a.interactions:
        hist = read(a.interactions)
        hl = {c.lower(): c for c in hist.columns}
        p_col, w_col = hl["person"], hl.get("with")

        def hist_key(row):
            d = row.asDict()
            acc = bc_account.value.get(d[p_col])
            if acc is None:
                return []
            out = [(acc, ("h", d["_row"], d))]
            if w_col and d.get(w_col) in bc_team.value:
                out.append((acc, ("e", d[w_col])))
            return out
        parts.append(hist.rdd.flatMap(hist_key))
    bc_team_ties = spark.sparkContext.broadcast(team_ties)

    def account_line(kv):
        name, items = kv
        items = list(items)
        contacts_rows = [x for x in items if x[0] == "c"]
        engaged = {x[1] for x in items if x[0] == "e"}
        if c_owner:
            engaged |= {x[2][c_owner] for x in contacts_rows if x[2].get(c_owner) in bc_team.value}
        members = [(bc_team.value[m]["_row"], bc_team.value[m]) for m in engaged]
        people_rows = sorted([(x[1], x[2]) for x in contacts_rows] + members, key=lambda p: p[0])
        ties_rows = [(x[1], x[2]) for x in items if x[0] == "t"]
        ties_rows += [(r, d) for (_, r, d) in bc_team_ties.value if d[s_col] in engaged and d[t_col] in engaged]
        ties_rows.sort(key=lambda p: p[0])
        hist_rows = sorted([(x[1], x[2]) for x in items if x[0] == "h"], key=lambda p: p[0])
        strip = lambda d: {k: v for k, v in d.items() if k != "_row"}
        return json.dumps({"account": name, "contacts": [strip(d) for _, d in people_rows],
                           "ties": [strip(d) for _, d in ties_rows], "interactions": [strip(d) for _, d in hist_rows]},
                          ensure_ascii=False)

    lines = spark.sparkContext.union(parts).groupByKey(a.partitions).map(account_line)
    scored = lines.pipe(f"{a.tiemap} score --input jsonl --format jsonl --as-of {a.as_of}")
    rows = scored.map(lambda l: json.loads(l, parse_float=str, parse_int=str)).collect()
    order = {r[c_id]: r["_row"] for r in people}
    rows.sort(key=lambda r: order[r["id"]])
    with open(a.output, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(COLUMNS)
        for r in rows:
            w.writerow([cell(r[c]) for c in COLUMNS])
    print(f"spark_score: {len(rows)} contacts scored in {lines.count()} accounts -> {a.output}", file=sys.stderr)
    spark.stop()


if __name__ == "__main__":
    main()
