#!/usr/bin/env python3
"""Kill test of `tiemap import` (issue 18): a workspace holding one snapshot (the sample account) receives a second
one (a generated portfolio) and the import is killed with SIGKILL at random moments, KILLS times (20 by default).
After every kill the workspace must pass `PRAGMA integrity_check` and hold either the old state (one snapshot,
which reads back as before) or the new one (two snapshots, the second reading back as its files) — never a part.

Usage: scripts/killtest_workspace.py TIEMAP TIEMAP_SAMPLE [KILLS]. Seeded: the same moments on the same machine
(fractions of the measured import time).
"""
import os, random, shutil, signal, sqlite3, subprocess, sys, tempfile, time

TIEMAP, SAMPLE = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
KILLS = int(sys.argv[3]) if len(sys.argv) > 3 else 20
root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sample = os.path.join(root, "datasets", "sample")
failures = []

def run(args, **kw):
    return subprocess.run([TIEMAP] + args, capture_output=True, text=True, **kw)

def state(ws):
    """integrity_check's answer and the snapshots' dates (read with Python's own sqlite3, not Tiemap)."""
    con = sqlite3.connect(ws)
    try:
        ok = con.execute("PRAGMA integrity_check").fetchone()[0]
        days = [r[0] for r in con.execute("SELECT as_of FROM snapshot ORDER BY as_of")]
    finally:
        con.close()
    return ok, days

with tempfile.TemporaryDirectory() as tmp:
    portfolio = os.path.join(tmp, "p")
    subprocess.run([SAMPLE, "--contacts", "5000", "--accounts", "50", "-o", portfolio], check=True, capture_output=True)
    base = os.path.join(tmp, "base.tiemap")
    files = ["--contacts", f"{sample}/contacts.csv", "--ties", f"{sample}/ties.csv", "--interactions", f"{sample}/interactions.csv"]
    second = ["--contacts", f"{portfolio}/contacts.csv", "--ties", f"{portfolio}/ties.csv", "--interactions", f"{portfolio}/interactions.csv"]
    r = run(["import", "--workspace", base, "--as-of", "2026-06-30"] + files)
    assert r.returncode == 0, r.stderr
    old = run(["account", "--format", "csv", "--workspace", base]).stdout
    new = run(["account", "--format", "csv"] + second).stdout
    assert old and new
    # The unkilled import's time, to place the kills.
    ws = os.path.join(tmp, "w.tiemap")
    shutil.copy(base, ws)
    start = time.monotonic()
    r = run(["import", "--workspace", ws, "--as-of", "2026-09-30"] + second)
    took = time.monotonic() - start
    assert r.returncode == 0, r.stderr
    rng = random.Random(2026)
    outcomes = {"old": 0, "new": 0}
    for k in range(KILLS):
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(ws + suffix):
                os.remove(ws + suffix)
        shutil.copy(base, ws)
        p = subprocess.Popen([TIEMAP, "import", "--workspace", ws, "--as-of", "2026-09-30"] + second,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.05, 1.6) * took)
        p.send_signal(signal.SIGKILL)
        p.wait()
        ok, days = state(ws)
        if ok != "ok":
            failures.append(f"kill {k}: integrity_check says {ok!r}")
            continue
        if days == ["2026-06-30"]:
            outcomes["old"] += 1
            got = run(["account", "--format", "csv", "--workspace", ws]).stdout
            if got != old:
                failures.append(f"kill {k}: the old snapshot reads back differently")
        elif days == ["2026-06-30", "2026-09-30"]:
            outcomes["new"] += 1
            got = run(["account", "--format", "csv", "--workspace", ws]).stdout
            if got != new:
                failures.append(f"kill {k}: the new snapshot reads back differently from its files")
        else:
            failures.append(f"kill {k}: snapshots {days}")
    print(f"killtest-workspace: {KILLS} SIGKILLs during a {took:.2f} s import of 5,000 contacts: every workspace passed "
          f"integrity_check and held the old snapshot ({outcomes['old']}) or the new one ({outcomes['new']})")

if failures:
    print("\n".join(failures), file=sys.stderr)
    sys.exit(1)
