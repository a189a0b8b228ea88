#!/usr/bin/env bash
# make fuzz: builds the libFuzzer targets of Fuzz/ (one per reader) with -sanitize=fuzzer,address and runs each
# for FUZZ_SECONDS (600 by default), FUZZ_JOBS at a time (2), seeded with the hostile catalogue
# (Tests/Fixtures/hostile) and the bundled datasets. A crash, a sanitizer report, a leak or an input
# slower than 10 s is written to Fuzz/findings/<target>/ and fails the run: turn it into a catalogue case and a
# test. Prints executions per second and coverage (libFuzzer's cov: edges, ft: features) per target.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
seconds=${FUZZ_SECONDS:-600}
jobs=${FUZZ_JOBS:-2}
targets=${FUZZ_TARGETS:-"contacts ties interactions surveys referrals edgelist gzip jsonlines groups classic"}

(cd Fuzz && swift build -c release -Xswiftc -sanitize=fuzzer,address)
bin=$root/Fuzz/.build/release

# Seeds: the first 4 KB of each file (libFuzzer's -max_len), per reader.
seed() {   # seed TARGET FILE...
  local dir=$root/Fuzz/.corpus/$1; shift
  mkdir -p "$dir"
  for f in "$@"; do
    [ -f "$f" ] || continue
    head -c 4096 "$f" > "$dir/seed-$(basename "$(dirname "$f")")-$(basename "$f")"
  done
}
shared=$root/datasets
hostile=$root/Tests/Fixtures/hostile
shopt -s nullglob
seed contacts datasets/sample/contacts.csv "$hostile"/contacts*
seed ties datasets/sample/ties.csv "$shared"/krackhardt-hightech/*.csv "$hostile"/ties*
seed interactions datasets/sample/interactions.csv "$hostile"/interactions*
seed surveys datasets/sample/surveys.csv "$hostile"/surveys*
seed referrals datasets/sample/referrals.csv "$hostile"/referrals*
seed edgelist "$shared"/*/*.txt "$shared"/*/*.csv "$hostile"/graph*
seed groups "$shared"/email-eu-core/email-Eu-core-department-labels.txt "$hostile"/groups*
seed classic "$root"/Tests/Fixtures/classic/* "$root"/Tests/Fixtures/formats/*.json "$hostile"/classic*
mkdir -p Fuzz/.corpus/gzip Fuzz/.corpus/jsonlines
for f in "$shared"/email-eu-core/email-Eu-core.txt "$shared"/ego-facebook/facebook_combined.txt; do
  [ -f "$f" ] && head -c 4096 "$f" | gzip -c > "Fuzz/.corpus/gzip/seed-$(basename "$f").gz"
done
for f in "$hostile"/*.gz; do cp "$f" Fuzz/.corpus/gzip/; done
python3 - "$root/Fuzz/.corpus/jsonlines/seed-account.jsonl" <<'EOF'
import json, sys
line = {"account": "Acme",
        "contacts": [{"id": "t", "name": "Our Rep", "internal": "true"},
                     {"id": "a", "name": "Ann", "account": "Acme", "role": "decision_maker", "owner": "t"},
                     {"id": "b", "name": "Bo", "account": "Acme", "role": "influencer", "reports_to": "a"}],
        "ties": [{"source": "a", "target": "b", "weight": "2"}, {"source": "t", "target": "a", "kind": "collaboration"}],
        "interactions": [{"date": "2026-01-05", "person": "a", "with": "t", "channel": "meeting", "points": "2"}]}
open(sys.argv[1], "w").write(json.dumps(line) + "\n")
EOF

mkdir -p Fuzz/findings
run() {   # run TARGET: libFuzzer for $seconds, its log in Fuzz/findings/TARGET.log
  local t=$1
  mkdir -p "Fuzz/findings/$t"
  local status=0
  "$bin/fuzz-$t" "Fuzz/.corpus/$t" -max_total_time="$seconds" -max_len=4096 -timeout=10 -rss_limit_mb=4096 \
    -print_final_stats=1 -artifact_prefix="Fuzz/findings/$t/" > "Fuzz/findings/$t.log" 2>&1 || status=$?
  echo "$status" > "Fuzz/findings/$t.status"
}
running=0
for t in $targets; do
  run "$t" &
  running=$((running + 1))
  if [ "$running" -ge "$jobs" ]; then wait -n; running=$((running - 1)); fi
done
wait

failed=0
printf '%-13s %8s %10s %12s %8s %8s  %s\n' target seconds runs "exec/s" cov ft result
for t in $targets; do
  log=Fuzz/findings/$t.log
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | awk '{print $2}' || true)
  rate=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | awk '{print $2}' || true)
  last=$(grep -E '^#[0-9]+' "$log" | tail -1 || true)
  cov=$(echo "$last" | grep -o 'cov: [0-9]*' | awk '{print $2}' || true)
  ft=$(echo "$last" | grep -o 'ft: [0-9]*' | awk '{print $2}' || true)
  status=$(cat "Fuzz/findings/$t.status")
  found=$(ls "Fuzz/findings/$t" | head -3 | tr '\n' ' ')
  result=ok
  if [ "$status" != 0 ] || [ -n "$found" ]; then result="FOUND (exit $status): $found see $log"; failed=1; fi
  printf '%-13s %8s %10s %12s %8s %8s  %s\n' "$t" "$seconds" "${runs:-?}" "${rate:-?}" "${cov:-?}" "${ft:-?}" "$result"
done
exit $failed
