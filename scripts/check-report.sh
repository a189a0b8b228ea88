#!/usr/bin/env bash
# Opens the HTML report in headless Chromium (Debian's package) and checks that it loaded: the page's script ran
# to its end (it marks <html data-ready="1">), no script error reached the console, and the report asks for
# nothing outside itself. Saves a screenshot next to the report for a person to look at.
#   scripts/check-report.sh REPORT.html [SCREENSHOT.png]
set -euo pipefail
report=$(realpath "$1")
shot=${2:-${report%.html}.png}
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
flags=(--headless --no-sandbox --disable-gpu --no-first-run --user-data-dir="$profile" --hide-scrollbars
       --window-size=1440,2200 --virtual-time-budget=5000 --enable-logging=stderr --v=0)

# 1. Nothing external: every src/href in the file is a fragment or data: URL (SVG's xmlns are names, not requests).
outside=$(grep -oE '(src|href)="[^"#][^"]*"' "$report" | grep -vE '="data:' || true)
if [ -n "$outside" ]; then
  echo "check-report: $report refers to outside resources:" >&2
  head <<<"$outside" >&2
  exit 1
fi

# 2. The DOM after the script ran, and the console.
dom=$(chromium "${flags[@]}" --dump-dom "file://$report" 2>"$profile/console.log")
if ! grep -q 'data-ready="1"' <<<"$dom"; then
  echo "check-report: the report's script did not finish (no data-ready); console:" >&2
  grep -iE "console|uncaught|error" "$profile/console.log" | head -20 >&2
  exit 1
fi
if grep -iE 'Uncaught|CONSOLE\(.*(Error|error)' "$profile/console.log" | grep -v "dbus\|gpu\|GPU\|sandbox" | grep -q .; then
  echo "check-report: script errors in the console:" >&2
  grep -iE 'Uncaught|CONSOLE' "$profile/console.log" | head -20 >&2
  exit 1
fi
grep -q 'class="js"' <<<"$dom" || { echo "check-report: the script did not start" >&2; exit 1; }

# 3. The screenshot.
chromium "${flags[@]}" --screenshot="$shot" "file://$report" 2>/dev/null
[ -s "$shot" ] || { echo "check-report: no screenshot" >&2; exit 1; }
echo "check-report: $report loaded with no script error; screenshot $shot"
