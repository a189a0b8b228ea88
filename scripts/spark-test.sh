#!/usr/bin/env bash
# make spark-test: the Spark job (scripts/spark_score.py, local mode, 2 workers) on a generated 50-account portfolio
# must give exactly the rows of the single-process `tiemap score` run.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh spark
swift build -c release --product tiemap >/dev/null
swift build -c release --product tiemap-sample >/dev/null
dir=.build/spark-test
rm -rf "$dir"; mkdir -p "$dir"
.build/release/tiemap-sample --contacts 3000 --accounts 50 --seed 11 -o "$dir/data" >/dev/null
in=(--contacts "$dir/data/contacts.csv" --ties "$dir/data/ties.csv" --interactions "$dir/data/interactions.csv")
.build/release/tiemap score "${in[@]}" --as-of 2026-10-31 -o "$dir/whole.csv"
scripts/py scripts/spark_score.py --master 'local[2]' --tiemap "$PWD/.build/release/tiemap" "${in[@]}" \
  --as-of 2026-10-31 -o "$dir/spark.csv" 2> "$dir/spark.log" || { tail -30 "$dir/spark.log"; exit 1; }
grep spark_score: "$dir/spark.log" >&2
if cmp -s "$dir/whole.csv" "$dir/spark.csv"; then
  echo "spark-test: $(($(wc -l < "$dir/whole.csv") - 1)) rows, Spark (local[2], RDD.pipe) equals the single-process run byte for byte"
else
  diff "$dir/whole.csv" "$dir/spark.csv" | head -20
  echo "spark-test: FAILED, the Spark rows differ from the single-process run" >&2
  exit 1
fi
