#!/usr/bin/env python3
"""Kill test (issue 16): kills `tiemap score`, `metrics -o` and `report` with SIGKILL, SIGTERM and SIGINT at
random moments, KILLS times each (50 by default: 450 kills), and checks after every kill that

- each output is the old file or the complete new one (byte for byte the output of an unkilled run);
- no temporary file is left behind: none after SIGINT and SIGTERM (the signal handler removes them); after
  SIGKILL, which no handler sees, the next run's sweep must remove any, so the check is made after that run.

Usage: scripts/killtest.py TIEMAP TIEMAP_SAMPLE [KILLS]. Seeded: the same moments each time on the same machine
(the moments are fractions of the measured run time, drawn mostly late, where the writes are).
"""
import os
import random
import signal
import subprocess
import sys
import tempfile
import time

TIEMAP, SAMPLE = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
KILLS = int(sys.argv[3]) if len(sys.argv) > 3 else 50
OLD = b"old contents, kept unless a complete new file replaces them\n"


def default_signals():
    # A shell's background job starts with SIGINT ignored, and tiemap keeps a signal it inherits ignored: give the
    # command the default disposition a user's terminal gives it.
    for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, signal.SIG_DFL)


def run(args, cwd):
    subprocess.run(args, cwd=cwd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def temporaries(directory):
    return sorted(n for n in os.listdir(directory) if ".tiemap-" in n)


def main():
    work = tempfile.mkdtemp(prefix="tiemap-killtest-")
    data = os.path.join(work, "data")
    run([SAMPLE, "--contacts", "20000", "--accounts", "400", "-o", os.path.join(data, "portfolio")], work)
    run([SAMPLE, "--people", "500", "--team", "8", "-o", os.path.join(data, "account")], work)
    portfolio = ["--contacts", f"{data}/portfolio/contacts.csv", "--ties", f"{data}/portfolio/ties.csv",
                 "--interactions", f"{data}/portfolio/interactions.csv"]
    account = ["--contacts", f"{data}/account/contacts.csv", "--ties", f"{data}/account/ties.csv",
               "--interactions", f"{data}/account/interactions.csv"]
    facebook = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "datasets",
                            "ego-facebook", "facebook_combined.txt")
    metrics_input = ["--graph", facebook] if os.path.exists(facebook) else account
    jobs = {
        # name: (arguments, outputs)
        "score": (["score"] + portfolio + ["-o", "scored.csv", "--accounts-out", "accounts.csv"],
                  ["scored.csv", "accounts.csv"]),
        "metrics": (["metrics"] + metrics_input + ["--format", "csv", "-o", "metrics.csv"], ["metrics.csv"]),
        "report": (["report"] + account + ["-o", "report.html"], ["report.html"]),
    }
    rng = random.Random(2026)
    failures, total, swept_after_kill = [], 0, 0
    for name, (args, outputs) in jobs.items():
        out = os.path.join(work, name)
        os.makedirs(out)
        seconds = float("inf")
        for _ in range(3):   # the quickest of three runs: the moments fall inside a run, not after it
            start = time.monotonic()
            run([TIEMAP] + args, out)
            seconds = min(seconds, time.monotonic() - start)
        expected = {o: open(os.path.join(out, o), "rb").read() for o in outputs}
        for sig in (signal.SIGKILL, signal.SIGTERM, signal.SIGINT):
            outcomes = {"old": 0, "new": 0, "killed": 0, "finished": 0}
            for _ in range(KILLS):
                total += 1
                for o in outputs:
                    with open(os.path.join(out, o), "wb") as f:
                        f.write(OLD)
                # Three kills in four in the last fifth of the run (the writes), the rest anywhere.
                moment = seconds * (rng.uniform(0.8, 1.05) if rng.random() < 0.75 else rng.uniform(0, 1))
                p = subprocess.Popen([TIEMAP] + args, cwd=out, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                     preexec_fn=default_signals)
                time.sleep(moment)
                p.send_signal(sig)
                p.wait()
                if p.returncode == -sig:
                    outcomes["killed"] += 1
                elif p.returncode == 0:
                    outcomes["finished"] += 1   # the run ended before the signal came
                else:
                    failures.append(f"{name} {sig.name} at {moment:.3f}s: exit status {p.returncode}")
                state = []
                for o in outputs:
                    got = open(os.path.join(out, o), "rb").read()
                    if got == OLD:
                        state.append("old")
                    elif got == expected[o]:
                        state.append("new")
                    else:
                        failures.append(f"{name} {sig.name} at {moment:.3f}s: {o} is neither old nor new "
                                        f"({len(got)} bytes)")
                if len(set(state)) == 1:
                    outcomes[state[0]] += 1
                elif state:
                    failures.append(f"{name} {sig.name} at {moment:.3f}s: outputs mixed {state}")
                left = temporaries(out)
                if left and sig == signal.SIGKILL:
                    swept_after_kill += len(left)
                    run([TIEMAP] + args, out)   # the next run sweeps a killed run's temporaries
                    left = temporaries(out)
                if left:
                    failures.append(f"{name} {sig.name} at {moment:.3f}s: temporaries left: {left}")
            print(f"{name:8} {sig.name:8} {KILLS} signals (run {seconds:.2f} s): {outcomes['killed']} killed, "
                  f"{outcomes['finished']} finished first; old file kept {outcomes['old']}, "
                  f"complete new file {outcomes['new']}", flush=True)
    print(f"{total} kills: {len(failures)} truncated, mixed or lost outputs or leftover temporaries; "
          f"{swept_after_kill} temporaries of SIGKILLed runs swept by the next run")
    for f in failures:
        print("  " + f)
    subprocess.run(["rm", "-rf", work])
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
