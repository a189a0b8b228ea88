#!/usr/bin/env python3
"""Workbooks for the .xlsx readers' tests (Tests/Fixtures/xlsx/), as "Export to Excel" and Excel write them: the
bundled sample's contacts, ties and interactions with typed cells (numbers as numbers, dates as date cells with a
date format, booleans), a Salesforce Contact export with a title sheet before the data and a line break inside a
cell, and a workbook in the 1904 date system. The CSV each should read as is written beside it (the same values
as text), so the tests compare the two. Synthetic people only.

Usage: scripts/setup.sh oracle && scripts/py scripts/xlsx_fixtures.py
"""
import csv, datetime, os
import openpyxl

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
out = os.path.join(root, "Tests", "Fixtures", "xlsx")
os.makedirs(out, exist_ok=True)
sample = os.path.join(root, "datasets", "sample")

def typed(column, value):
    """A CSV value as the spreadsheet would hold it: numbers, dates and booleans typed."""
    if value == "":
        return None
    if column in ("date", "since", "last_contact"):
        return datetime.date.fromisoformat(value)
    if value in ("true", "false") and column in ("internal", "directed"):
        return value == "true"
    try:
        i = int(value)
        if str(i) == value:
            return i
    except ValueError:
        pass
    try:
        f = float(value)
        if repr(f) == value or str(f) == value:
            return f
    except ValueError:
        pass
    return value

def workbook_from_csv(name, sheet_title="Sheet1", before=None):
    path = os.path.join(sample, name + ".csv")
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet_title
    if before is not None:   # another sheet first
        ws.title = before
        ws["A1"] = "Exported from the CRM"
        ws = wb.create_sheet(sheet_title)
    header = rows[0]
    ws.append(header)
    for r in rows[1:]:
        ws.append([typed(c, v) for c, v in zip(header, r)])
        for cell, c in zip(ws[ws.max_row], header):
            if isinstance(cell.value, datetime.date):
                cell.number_format = "dd/mm/yyyy"   # shown the European way; read as ISO
    wb.save(os.path.join(out, name + ".xlsx"))

workbook_from_csv("contacts")
workbook_from_csv("ties")
workbook_from_csv("interactions", sheet_title="History", before="About")

# A Salesforce Contact export saved from Excel: a line break in a street, an empty row inside, numbers as numbers.
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "Contacts"
ws.append(["Id", "FirstName", "LastName", "AccountId", "Title", "ReportsToId", "OwnerId", "MailingStreet", "NumberOfEmployees", "CreatedDate"])
ws.append(["0035g00000DaNa1AAA", "Dana", "Ortiz", "Globex", "CEO", None, "0055g00000SamRpAAA", "1 Main St", 1200,
           datetime.datetime(2024, 2, 1, 10, 30)])
ws.append(["0035g00000LeeW2AAA", "Lee", "Wong", "Globex", "CTO", "0035g00000DaNa1AAA", "0055g00000SamRpAAA", "12 Main St\nSuite 400", 1200,
           datetime.datetime(2024, 2, 1, 0, 0)])
ws.append([])
ws.append(["0035g00000PrIy3AAA", "Priya", "Nair", "Globex", "VP Procurement", "0035g00000DaNa1AAA", "0055g00000KimLeAAA", None, 1200,
           datetime.datetime(2024, 3, 5, 9, 15, 30)])
ws.append(["0035g00000TomB4AAA", "Tom", "Baker", "Globex", "Buyer", "0035g00000NoOne0AAA", "0055g00000KimLeAAA", None, 1200,
           datetime.datetime(2024, 3, 6)])
wb.save(os.path.join(out, "salesforce-Contact.xlsx"))

# The 1904 date system (older Mac Excel): the same dates must come out.
wb = openpyxl.Workbook()
wb.epoch = openpyxl.utils.datetime.CALENDAR_MAC_1904
ws = wb.active
ws.append(["date", "person", "points"])
ws.append([datetime.date(2025, 1, 2), "a", 1])
ws.append([datetime.date(2025, 3, 4), "b", 0.5])
wb.save(os.path.join(out, "dates-1904.xlsx"))
print(f"wrote {len(os.listdir(out))} files to {out}")
