#!/usr/bin/env bash
# Opens the HTML report in headless Chromium (Debian's package) and checks that it loaded: the page's script ran
# to its end (it marks <html data-ready="1">), no script error reached the console, and the report asks for
# nothing outside itself; and that it prints: Chromium's PDF has a page per section and holds every department
# frame of the org map, the last one included (a map clipped by its scroll box loses them). Saves a screenshot
# and the PDF next to the report for a person to look at.
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
# 4. Printed to PDF (how a strategist sends it): more than one page, and every department of the org map in
#    the PDF's text. The departments are the org map's frame titles (bold 11 pt text in its SVG).
pdf=${report%.html}.pdf
chromium "${flags[@]}" --no-pdf-header-footer --print-to-pdf="$pdf" "file://$report" 2>/dev/null
[ -s "$pdf" ] || { echo "check-report: no PDF" >&2; exit 1; }
pages=$(pdfinfo "$pdf" | awk '/^Pages:/ { print $2 }')
pdftotext "$pdf" "$profile/report.txt"
"$(dirname "$0")/py" - "$report" "$pages" "$profile/report.txt" <<'PY'
import html, re, sys
report, pages = open(sys.argv[1], encoding="utf-8").read(), int(sys.argv[2])
text = open(sys.argv[3], encoding="utf-8").read()
org = re.search(r'<div[^>]*id="map-org".*?</svg>', report, re.S)
if not org:
    sys.exit("check-report: no org map in the report")
titles = [html.unescape(t) for t in re.findall(r'<text[^>]*font-weight="bold"[^>]*font-size="11\.00"[^>]*>([^<]+)</text>', org.group(0))]
departments = [t for t in titles if t != "Legend"]
if len(departments) < 2:
    sys.exit(f"check-report: found {len(departments)} department frames in the org map's SVG")
flat = " ".join(text.split())
missing = [d for d in departments if d not in flat]
if missing:
    sys.exit(f"check-report: the printed PDF ({pages} pages) lacks the org map's departments {missing}")
if pages < 4:
    sys.exit(f"check-report: the printed PDF has {pages} pages (expected a page per section)")
print(f"check-report: PDF of {pages} pages holds all {len(departments)} departments of the org map, the last, {departments[-1]!r}, included")
PY
# 5. Search: a link to a person (#find=NAME) centres them in the org view and in the network view — their node
#    inside the shown part of the drawing (the script marks the map data-centred="inside" or "outside").
person=$(grep -o '<option value="[^"]*"' "$report" | sed -n '12p' | sed 's/<option value="//; s/"$//')
if [ -n "$person" ]; then
  encoded=$("$(dirname "$0")/py" -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$person")
  for view in org net; do
    dom=$(chromium "${flags[@]}" --dump-dom "file://$report#find=$encoded&view=$view" 2>/dev/null)
    centred=$(grep -o "<div class=\"[^\"]*\" id=\"map-$view\"[^>]*data-centred=\"[a-z]*\"" <<<"$dom" | grep -o 'data-centred="[a-z]*"' || true)
    if [ "$centred" != 'data-centred="inside"' ]; then
      echo "check-report: searching '$person' in the $view view left them outside the map panel (${centred:-not centred})" >&2
      exit 1
    fi
    # Found, they are highlighted with everyone they have a tie with (the org map draws only reporting lines).
    printf '%s' "$dom" > "$profile/dom-$view.html"
    "$(dirname "$0")/py" - "$view" "$person" "$profile/dom-$view.html" <<'PY'
import html, json, re, sys
view, person = sys.argv[1], sys.argv[2]
dom = open(sys.argv[3], encoding="utf-8").read()
people = json.loads(html.unescape(re.search(r'<script type="application/json" id="people-data">(.*?)</script>', dom, re.S).group(1)))
key = next(k for k, p in people.items() if person.lower() in p["name"].lower())
panel = re.search(r'<div class="[^"]*" id="map-%s".*?</svg>' % view, dom, re.S).group(0)
drawn = set(re.findall(r'<g id="p(\d+)" class="node', panel))
lit = set(re.findall(r'<g id="p(\d+)" class="node[^"]*\bhit\b', panel))
want = {str(w) for w in people[key]["ties"]} & drawn | {key[1:]}
if not want <= lit:
    sys.exit(f"check-report: clicking {person} in the {view} view lights {len(lit)} people, not their {len(want) - 1} ties: {sorted(want - lit)[:5]} unlit")
print(f"check-report: {person} in the {view} view: highlighted with all {len(want) - 1} people they have a tie with")
PY
  done
  echo "check-report: searching '$person' centres them in both views"
fi
echo "check-report: $report loaded with no script error; screenshot $shot; PDF $pdf"
