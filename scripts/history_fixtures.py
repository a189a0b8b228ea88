#!/usr/bin/env python3
"""Expected values for the history mining (Tests/Fixtures/history/), from the reference Python packages — for
fixtures only, never a runtime dependency of Tiemap.

The inputs are what Tiemap builds from the churn sample (`tiemap-sample --churn --accounts 8`, seed 2026): the
episode and control windows as tokens (`tiemap patterns --sequences`). The packages then compute what Tiemap must
equal:
  - prefixspan (PyPI `prefixspan`): every pattern of at most 4 tokens in at least 10 % of the episodes, with its
    count in the episodes and in the controls → patterns.json;
  - statsmodels: `Logit(y, X).fit(method="newton")` on the person-period table (`tiemap risk --periods`) →
    logit.json (coefficients, standard errors, log-likelihood);
  - lifelines: `KaplanMeierFitter` on each relationship's duration (`tiemap risk --durations`), of all and by
    proximity → survival.json (survival function and 95 % interval at every time);
  - efficient-apriori: `apriori(baskets, min_support=0.02, min_confidence=0.3, max_length=4)` on each
    contact-month's channels (`tiemap patterns --associations --baskets`) → apriori.json.
Run from the repository root after `swift build -c release`: python3 scripts/history_fixtures.py
"""
import csv
import json
import math
import os
import subprocess
import tempfile

from prefixspan import PrefixSpan

OUT = os.path.join("Tests", "Fixtures", "history")
BIN = os.path.join(".build", "release")


def run(*args):
    subprocess.run(args, check=True, stdout=subprocess.DEVNULL)


def main():
    os.makedirs(OUT, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        sample = os.path.join(tmp, "churn")
        run(os.path.join(BIN, "tiemap-sample"), "--churn", "--accounts", "8", "-o", sample)
        sequences = os.path.join(OUT, "sequences.csv")
        files = ["--contacts", os.path.join(sample, "contacts.csv"), "--interactions", os.path.join(sample, "interactions.csv")]
        run(os.path.join(BIN, "tiemap"), "patterns", *files, "--sequences", sequences, "--format", "csv")
        periods, durations = os.path.join(OUT, "periods.csv"), os.path.join(OUT, "durations.csv")
        run(os.path.join(BIN, "tiemap"), "risk", *files, "--periods", periods, "--durations", durations, "--format", "csv")
        baskets = os.path.join(OUT, "baskets.csv")
        run(os.path.join(BIN, "tiemap"), "patterns", "--associations", *files, "--baskets", baskets, "--format", "csv")
    associations(baskets)
    logit(periods)
    survival(durations)

    episodes, controls = [], []
    with open(sequences, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            tokens = row["tokens"].split(" ") if row["tokens"] else []
            (episodes if row["kind"] == "episode" else controls).append(tokens)
    min_count = math.ceil(0.1 * len(episodes))
    ps = PrefixSpan(episodes)
    ps.maxlen = 4
    found = ps.frequent(min_count)
    pc = PrefixSpan(controls)
    pc.maxlen = 4
    in_controls = {tuple(p): n for n, p in pc.frequent(1)}
    patterns = sorted(({"pattern": p, "episodes": n, "controls": in_controls.get(tuple(p), 0)} for n, p in found),
                      key=lambda r: r["pattern"])
    with open(os.path.join(OUT, "patterns.json"), "w", encoding="utf-8") as f:
        json.dump({"episodes": len(episodes), "controls": len(controls), "min_count": min_count, "max_length": 4,
                   "patterns": patterns}, f, indent=1, ensure_ascii=False)
        f.write("\n")
    print(f"{len(episodes)} episodes, {len(controls)} controls, {len(patterns)} patterns")


def logit(periods):
    import pandas as pd
    import statsmodels.api as sm
    t = pd.read_csv(periods)
    features = list(t.columns[3:])
    fit = sm.Logit(t["ruptured"].astype(float), t[features].astype(float)).fit(method="newton", tol=1e-12, maxiter=100, disp=0)
    with open(os.path.join(OUT, "logit.json"), "w", encoding="utf-8") as f:
        json.dump({"features": features, "rows": len(t), "coefficients": [float(v) for v in fit.params],
                   "standard_errors": [float(v) for v in fit.bse], "log_likelihood": float(fit.llf)}, f, indent=1, ensure_ascii=False)
        f.write("\n")


def associations(baskets):
    from efficient_apriori import apriori
    with open(baskets, newline="", encoding="utf-8") as f:
        rows = [tuple(r["channels"].split(" ")) for r in csv.DictReader(f)]
    itemsets, rules = apriori(rows, min_support=0.02, min_confidence=0.3, max_length=4)
    sets = sorted(({"items": sorted(k), "count": v} for level in itemsets.values() for k, v in level.items()),
                  key=lambda r: (len(r["items"]), r["items"]))
    out_rules = sorted(({"lhs": sorted(r.lhs), "rhs": sorted(r.rhs), "confidence": r.confidence, "lift": r.lift,
                         "support": r.support} for r in rules), key=lambda r: (r["lhs"], r["rhs"]))
    with open(os.path.join(OUT, "apriori.json"), "w", encoding="utf-8") as f:
        json.dump({"transactions": len(rows), "itemsets": sets, "rules": out_rules}, f, indent=1, ensure_ascii=False)
        f.write("\n")


def survival(durations):
    import pandas as pd
    from lifelines import KaplanMeierFitter
    t = pd.read_csv(durations)
    curves = []
    for name, part in [("all", t)] + sorted(t.groupby("segment"), key=lambda kv: kv[0]):
        km = KaplanMeierFitter().fit(part["days"], part["ruptured"], alpha=0.05)
        ci = km.confidence_interval_
        curves.append({"segment": name, "times": [float(v) for v in km.survival_function_.index],
                       "survival": [float(v) for v in km.survival_function_.iloc[:, 0]],
                       "lower": [float(v) for v in ci.iloc[:, 0]], "upper": [float(v) for v in ci.iloc[:, 1]],
                       "at_risk": [int(v) for v in km.event_table["at_risk"]],
                       "events": [int(v) for v in km.event_table["observed"]]})
    with open(os.path.join(OUT, "survival.json"), "w", encoding="utf-8") as f:
        json.dump({"curves": curves}, f, indent=1, ensure_ascii=False)
        f.write("\n")


if __name__ == "__main__":
    main()
