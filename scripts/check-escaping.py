#!/usr/bin/env python3
"""Every hostile name of the catalogue (Tests/Fixtures/hostile/names.json) through every writer of tiemap, read
back by a real parser of each output language (issue 16, "escaping by construction"):

  report (HTML)        Chromium's DOM after the page's script ran: every name is shown, and no name made an element
                       or an attribute (no <img>, no onerror, no script of its own)
  map (SVG, org and    an XML parser (well-formed), every name in its tooltip, no element from a name
  network layouts)
  map -o .dot          Graphviz's dot CLI lays it out again; its SVG is well-formed and every name is a tooltip
  account --format csv Python's csv module: every name back, formulas neutralised with a leading ' (a plain
                       number such as -5 is left as it is)
  account --format json, metrics --format json   json: every name back exactly

The contacts reader trims spaces and tabs at a cell's ends, so "the name" is the trimmed name. Drawings cannot
hold control characters: they are dropped there (tab and CR become spaces, U+FFFE/U+FFFF become U+FFFD).

  scripts/check-escaping.py TIEMAP        (run by scripts/check-report.sh, which has Chromium)
"""
import csv
import html.parser
import io
import json
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FILES = os.path.join(ROOT, "Tests", "Fixtures", "hostile", "files")
NAMES = json.load(open(os.path.join(ROOT, "Tests", "Fixtures", "hostile", "names.json"), encoding="utf-8"))
STORED = [n.strip(" \t") for n in NAMES]
INPUT = ["--contacts", os.path.join(FILES, "contacts-names.csv"), "--ties", os.path.join(FILES, "ties-names.csv")]
XLINK = "{http://www.w3.org/1999/xlink}"
failures = []


def fail(what):
    failures.append(what)


def shown(s, line_break=" "):
    out = []
    for ch in s:
        c = ord(ch)
        if ch == "\n":
            out.append(line_break)
        elif ch in "\t\r":
            out.append(" ")
        elif c < 0x20 or c == 0x7F:
            continue
        elif c in (0xFFFE, 0xFFFF):
            out.append("\ufffd")
        else:
            out.append(ch)
    return "".join(out)


def collapse(s):
    return " ".join(s.replace("\u00a0", " ").split())


def run(tiemap, *args):
    r = subprocess.run([tiemap, *args], capture_output=True)
    if r.returncode != 0:
        sys.exit(f"check-escaping: tiemap {' '.join(args)} exited {r.returncode}: {r.stderr.decode(errors='replace')[:300]}")
    return r.stdout


def check_svg(label, data):
    """Well-formed, no element a name could have made, and every name as the start of a tooltip."""
    try:
        root = ET.fromstring(data)
    except ET.ParseError as e:
        return fail(f"{label}: not well-formed XML: {e}")
    tags = {el.tag.split("}")[-1] for el in root.iter()}
    for bad in ("script", "img", "b", "iframe"):
        if bad in tags:
            fail(f"{label}: a <{bad}> element appeared")
    if any("onerror" in el.attrib for el in root.iter()):
        fail(f"{label}: an onerror attribute appeared")
    tips = [collapse(el.get(XLINK + "title") or el.get("title") or "") for el in root.iter()]
    tips += [collapse(el.text or "") for el in root.iter() if el.tag.split("}")[-1] == "title"]
    for n in STORED:
        want = collapse(shown(n, "\n"))
        if not any(t.startswith(want) for t in tips):
            fail(f"{label}: no tooltip or title shows {n!r} (as {want!r})")


class DOM(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags, self.attrs, self.text, self.scripts, self._in_script = [], [], [], [], False

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs += [k for k, _ in attrs]
        self._in_script = tag == "script"
        if tag == "script":
            self.scripts.append("")

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts[-1] += data
        else:
            self.text.append(data)


def check_report(tiemap, work):
    report = os.path.join(work, "names.html")
    run(tiemap, "report", *INPUT, "-o", report)
    profile = tempfile.mkdtemp(dir=work)
    dom = subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                          f"--user-data-dir={profile}", "--virtual-time-budget=5000", "--dump-dom", "file://" + report],
                         capture_output=True, timeout=120).stdout.decode("utf-8", errors="replace")
    if 'data-ready="1"' not in dom:
        return fail("report: Chromium did not finish the page's script (no data-ready)")
    p = DOM()
    p.feed(dom)
    if "img" in p.tags or "iframe" in p.tags:
        fail("report: a name made an <img> or <iframe> element")
    if "onerror" in p.attrs:
        fail("report: a name made an onerror attribute")
    if any("alert(1)" in s and "<" not in s and "\\u003c" not in s for s in p.scripts):
        fail("report: a name's script became a script element")
    text = collapse(" ".join(p.text))
    for n in STORED:
        want = collapse(shown(n))
        if want not in text:
            fail(f"report: Chromium shows no {n!r} (as {want!r})")


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    tiemap = os.path.abspath(sys.argv[1])
    with tempfile.TemporaryDirectory() as work:
        # Tables: CSV through Python's csv module, JSON through json.
        rows = list(csv.DictReader(io.StringIO(run(tiemap, "account", *INPUT, "--format", "csv").decode("utf-8"), newline="")))
        names = {r["id"]: r["name"] for r in rows}
        for i, n in enumerate(STORED):
            number = re.fullmatch(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?", n) is not None
            formula = n[:1] in ("=", "+", "-", "@", "\t", "\r") and not number
            want = "'" + n if formula else n
            if names.get(f"n{i}") != want:
                fail(f"account csv: n{i} is {names.get(f'n{i}')!r}, not {want!r}")
        doc = json.loads(run(tiemap, "metrics", *INPUT, "--format", "json", "--measures", "degree"))
        people = {p["id"]: p for p in doc["people"]}
        account = json.loads(run(tiemap, "account", *INPUT, "--format", "json"))
        account_names = {c["id"]: c["name"] for a in account["accounts"] for c in a["grid"]["contacts"]}
        for i, n in enumerate(STORED):
            if "name" in people.get(f"n{i}", {}) and people[f"n{i}"]["name"] != n:
                fail(f"metrics json: n{i} is {people[f'n{i}']['name']!r}, not {n!r}")
            if account_names.get(f"n{i}") != n:
                fail(f"account json: n{i} is {account_names.get(f'n{i}')!r}, not {n!r}")
        # Maps: the SVG Tiemap renders through the Graphviz library, and the DOT laid out again by the dot CLI.
        for layout in ("org", "network"):
            path = os.path.join(work, f"{layout}.svg")
            run(tiemap, "map", *INPUT, "--layout", layout, "-o", path)
            check_svg(f"map --layout {layout} (SVG)", open(path, "rb").read())
            dot = os.path.join(work, f"{layout}.dot")
            run(tiemap, "map", *INPUT, "--layout", layout, "-o", dot)
            r = subprocess.run(["dot", "-Tsvg", dot], capture_output=True)
            if r.returncode != 0:
                fail(f"map --layout {layout} (DOT): dot exited {r.returncode}: {r.stderr.decode(errors='replace')[:200]}")
            else:
                check_svg(f"map --layout {layout} (DOT through dot -Tsvg)", r.stdout)
        check_report(tiemap, work)
    if failures:
        print("check-escaping: " + f"{len(failures)} problems:", *failures[:40], sep="\n  ", file=sys.stderr)
        sys.exit(1)
    print(f"check-escaping: {len(NAMES)} hostile names read back from CSV, JSON, the SVG and DOT maps (dot) "
          "and the report (Chromium)")


if __name__ == "__main__":
    main()
