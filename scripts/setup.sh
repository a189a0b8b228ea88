#!/usr/bin/env bash
# Installs what Tiemap needs to build, test and render, only when it is missing (Debian; as root, or with sudo).
# Swift 6 is checked first, before anything is installed. Python packages go into the project's virtual
# environment .venv (Debian 12's system Python refuses `pip install`: externally managed), which sees the
# system's packages; scripts/py runs it.
#   scripts/setup.sh          build + test + demo needs: Swift (checked), pkg-config, zlib, libxml2, SQLite, Graphviz, librsvg, cairo
#                             and Liberation Sans (fonts-liberation: the one font of every map, chart and deck)
#   scripts/setup.sh bench    also the Python peers for `make bench`: networkx, igraph, networkit
#   scripts/setup.sh oracle   also NetworkX, NumPy, SciPy, igraph and openpyxl for `make oracle` and the fixture scripts
#   scripts/setup.sh spark    also PySpark (PyPI) and a Java 17 runtime (Debian) for `make spark-test`
#   scripts/setup.sh formats  also NetworkX, igraph, NumPy and openpyxl, for `make check-formats` (convert's files and the workbooks read back by them)
#   scripts/setup.sh browser  also Chromium, poppler-utils, LibreOffice Impress, python-pptx and openpyxl, for
#                             `make check-report` (the report in a real headless browser and printed to PDF; the decks
#                             opened in python-pptx and converted by LibreOffice; the workbooks opened in openpyxl)
set -euo pipefail

cd "$(dirname "$0")/.."
mode="${1:-}"

# Swift first: without it nothing else is worth installing.
if ! command -v swift >/dev/null 2>&1; then
  echo "setup: Swift 6 or later is required (https://www.swift.org/install/); 'swift' is not on PATH" >&2
  exit 1
fi
swift_major=$(swift --version 2>/dev/null | sed -n 's/.*Swift version \([0-9][0-9]*\)\..*/\1/p' | head -1)
if [ -z "$swift_major" ] || [ "$swift_major" -lt 6 ]; then
  echo "setup: Swift 6 or later is required; found: $(swift --version 2>&1 | head -1)" >&2
  exit 1
fi

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

need_apt=()
need_office=0
for pkg in pkg-config zlib1g-dev libxml2-dev libsqlite3-dev libgraphviz-dev graphviz librsvg2-dev libcairo2-dev fonts-liberation; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need_apt+=("$pkg")
done
case "$mode" in
  bench) command -v hyperfine >/dev/null 2>&1 || need_apt+=(hyperfine) ;;
  spark) command -v java >/dev/null 2>&1 || need_apt+=(openjdk-17-jre-headless) ;;
  browser)
    command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
    command -v pdftotext >/dev/null 2>&1 || need_apt+=(poppler-utils)
    command -v soffice >/dev/null 2>&1 || need_office=1 ;;
esac

# The Python modules each mode needs (import name, PyPI name).
py_needs=()
case "$mode" in
  bench) py_needs=(networkx:networkx igraph:igraph networkit:networkit pandas:pandas prefixspan:prefixspan) ;;
  spark) py_needs=(pyspark:pyspark) ;;
  oracle) py_needs=(networkx:networkx numpy:numpy scipy:scipy igraph:igraph openpyxl:openpyxl) ;;
  formats) py_needs=(networkx:networkx igraph:igraph numpy:numpy openpyxl:openpyxl) ;;
  browser) py_needs=(pptx:python-pptx openpyxl:openpyxl) ;;
esac
need_pip=()
for pair in "${py_needs[@]}"; do
  scripts/py -c "import ${pair%%:*}" 2>/dev/null || need_pip+=("${pair#*:}")
done
if [ ${#need_pip[@]} -gt 0 ] && [ ! -x .venv/bin/python3 ]; then
  python3 -c "import ensurepip" 2>/dev/null || need_apt+=(python3-venv)
fi

if [ ${#need_apt[@]} -gt 0 ]; then
  echo "setup: installing ${need_apt[*]}" >&2
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi
if [ "$need_office" = 1 ]; then
  # LibreOffice Impress alone (no recommended extras): what converts a deck to PDF headless.
  echo "setup: installing libreoffice-impress" >&2
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends libreoffice-impress >/dev/null
fi

if [ ${#need_pip[@]} -gt 0 ]; then
  if [ ! -x .venv/bin/python3 ]; then
    echo "setup: creating the Python environment .venv (with the system's packages visible)" >&2
    python3 -m venv --system-site-packages .venv
  fi
  echo "setup: pip installing ${need_pip[*]} into .venv" >&2
  .venv/bin/python3 -m pip install -q "${need_pip[@]}"
fi
