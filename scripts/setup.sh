#!/usr/bin/env bash
# Installs what Tiemap needs to build, test and render, only when it is missing (Debian; run as root or with sudo).
#   scripts/setup.sh          build + test + demo needs: Swift (checked), pkg-config, zlib, Graphviz, librsvg and cairo
#   scripts/setup.sh bench    also the Python peers for `make bench`: networkx, igraph, networkit
#   scripts/setup.sh oracle   also NetworkX, NumPy, SciPy and igraph for `make oracle` (the test fixtures)
#   scripts/setup.sh spark    also PySpark (PyPI) and a Java 17 runtime (Debian) for `make spark-test`
#   scripts/setup.sh browser  also Chromium and poppler-utils, for `make check-report` (the report in a real
#                             headless browser, and printed to PDF)
set -euo pipefail

need_apt=()
for pkg in pkg-config zlib1g-dev libgraphviz-dev graphviz librsvg2-dev libcairo2-dev; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need_apt+=("$pkg")
done
if [ "${1:-}" = bench ]; then
  command -v hyperfine >/dev/null 2>&1 || need_apt+=(hyperfine)
fi
if [ "${1:-}" = spark ]; then
  command -v java >/dev/null 2>&1 || need_apt+=(openjdk-17-jre-headless)
fi
if [ "${1:-}" = browser ]; then
  command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
  command -v pdftotext >/dev/null 2>&1 || need_apt+=(poppler-utils)
fi
if [ ${#need_apt[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  echo "setup: installing ${need_apt[*]}" >&2
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

if ! command -v swift >/dev/null 2>&1; then
  echo "setup: Swift 6 is required (https://www.swift.org/install/); 'swift' is not on PATH" >&2
  exit 1
fi

if [ "${1:-}" = bench ]; then
  need_pip=()
  python3 -c "import networkx" 2>/dev/null || need_pip+=(networkx)
  python3 -c "import igraph" 2>/dev/null || need_pip+=(igraph)
  python3 -c "import networkit" 2>/dev/null || need_pip+=(networkit)
  python3 -c "import pandas" 2>/dev/null || need_pip+=(pandas)
  if [ ${#need_pip[@]} -gt 0 ]; then
    echo "setup: pip installing ${need_pip[*]}" >&2
    python3 -m pip install -q "${need_pip[@]}"
  fi
fi

if [ "${1:-}" = spark ]; then
  python3 -c "import pyspark" 2>/dev/null || { echo "setup: pip installing pyspark" >&2; python3 -m pip install -q pyspark; }
fi

if [ "${1:-}" = oracle ]; then
  need_pip=()
  for mod in networkx numpy scipy igraph; do
    python3 -c "import $mod" 2>/dev/null || need_pip+=("$mod")
  done
  if [ ${#need_pip[@]} -gt 0 ]; then
    echo "setup: pip installing ${need_pip[*]}" >&2
    python3 -m pip install -q "${need_pip[@]}"
  fi
fi
