#!/usr/bin/env python3
"""The demo's Office files opened as their users open them: the deck (out/deck.pptx) in python-pptx — one slide per
page of slides.pdf, each with its title as text (the PDF page's title) and its map as a picture, 16:9 —; the account
plan (out/plan.pptx) converted to PDF by LibreOffice headless, a page per slide, each slide's title on its page; the
workbooks (out/scored.xlsx, out/accounts.xlsx) in openpyxl — one sheet each, the header frozen, numbers typed; and
the one font family of slides.pdf.

Usage: scripts/py scripts/check-office.py OUT_DIR
"""
import os, subprocess, sys
from pptx import Presentation
from pptx.util import Emu
import openpyxl

out = sys.argv[1]
failures = []
deck = Presentation(os.path.join(out, "deck.pptx"))
pages = int(subprocess.run(["pdfinfo", os.path.join(out, "slides.pdf")], capture_output=True, text=True).stdout.split("Pages:")[1].split()[0])
slides = list(deck.slides)
if len(slides) != pages:
    failures.append(f"deck.pptx: {len(slides)} slides, slides.pdf {pages} pages")
if (deck.slide_width, deck.slide_height) != (Emu(12192000), Emu(6858000)):
    failures.append(f"deck.pptx: slide size {deck.slide_width} × {deck.slide_height}, not 16:9")
titles = []
for k, s in enumerate(slides):
    texts = [sh.text_frame.text for sh in s.shapes if sh.has_text_frame and sh.text_frame.text.strip()]
    pictures = [sh for sh in s.shapes if sh.shape_type == 13]
    if not texts:
        failures.append(f"deck.pptx slide {k + 1}: no title text")
    if len(pictures) != 1:
        failures.append(f"deck.pptx slide {k + 1}: {len(pictures)} pictures")
    for p in pictures:   # inside the slide
        if p.left < 0 or p.top < 0 or p.left + p.width > deck.slide_width or p.top + p.height > deck.slide_height:
            failures.append(f"deck.pptx slide {k + 1}: the picture leaves the slide")
    titles.extend(texts[:1])
for name, sheet in [("scored.xlsx", "Contacts"), ("accounts.xlsx", "Accounts")]:
    wb = openpyxl.load_workbook(os.path.join(out, name))
    ws = wb.active
    if wb.sheetnames != [sheet] or ws.freeze_panes != "A2":
        failures.append(f"{name}: sheets {wb.sheetnames}, frozen at {ws.freeze_panes}")
    if not any(isinstance(c.value, (int, float)) and not isinstance(c.value, bool) for c in ws[2]):
        failures.append(f"{name}: no number in its first row")
# The account plan through LibreOffice: a page per slide, and each slide's title on its page.
import shutil, tempfile
plan = Presentation(os.path.join(out, "plan.pptx"))
plan_titles = [next(sh.text_frame.text for sh in s.shapes if sh.has_text_frame) for s in plan.slides]
if not any(sh.has_table for s in plan.slides for sh in s.shapes):
    failures.append("plan.pptx: no native table")
with tempfile.TemporaryDirectory() as tmp:
    r = subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp}/profile", "--convert-to", "pdf",
                        "--outdir", tmp, os.path.join(out, "plan.pptx")], capture_output=True, text=True, timeout=300)
    pdf = os.path.join(tmp, "plan.pdf")
    if not os.path.exists(pdf):
        failures.append(f"plan.pptx: LibreOffice made no PDF: {r.stderr.strip()[:200]}")
    else:
        n = int(subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout.split("Pages:")[1].split()[0])
        if n != len(plan_titles):
            failures.append(f"plan.pptx: LibreOffice made {n} pages of {len(plan_titles)} slides")
        for k, title in enumerate(plan_titles):
            text = subprocess.run(["pdftotext", "-f", str(k + 1), "-l", str(k + 1), pdf, "-"], capture_output=True, text=True).stdout
            if " ".join(title.split()) not in " ".join(text.split()):
                failures.append(f"plan.pptx slide {k + 1}: its title {title!r} is not on its page")

# One font family: the slides' PDF embeds Liberation Sans (DejaVu Sans only for the glyphs it lacks, ★ and ↔), no
# serif face.
fonts = subprocess.run(["pdffonts", os.path.join(out, "slides.pdf")], capture_output=True, text=True).stdout.split("\n")[2:]
names = {line.split()[0].split("+")[-1] for line in fonts if line.strip()}
if not any(n.startswith("LiberationSans") for n in names) or any("Serif" in n for n in names):
    failures.append(f"slides.pdf: fonts {sorted(names)} (expected Liberation Sans, no serif)")
if failures:
    print("\n".join(failures), file=sys.stderr)
    sys.exit(1)
print(f"slides.pdf fonts: {', '.join(sorted(names))}")
print(f"plan.pptx: {len(plan_titles)} slides, converted by LibreOffice to as many pages, each with its title")
print(f"deck.pptx: {len(slides)} slides (as slides.pdf), each a title and a picture inside the slide: {', '.join(titles[:4])}, …;"
      " scored.xlsx and accounts.xlsx: one sheet each, header frozen, numbers typed")
