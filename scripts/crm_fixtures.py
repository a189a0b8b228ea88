#!/usr/bin/env python3
"""Realistic CRM exports for the --preset tests (Tests/Fixtures/crm/), written byte for byte with the quirks the real
downloads have: a UTF-8 byte-order mark, CRLF line ends, every value quoted (Salesforce), a line break inside a
quoted cell, empty columns, Salesforce's 18-character ids with a 15-character reference among them, Dynamics GUIDs
in braces and upper case beside plain lower-case ones, LinkedIn's `Notes:` preamble. The people and what each
export must load as are described in Tests/GraphFormatsTests/CRMPresetTests.swift.
Run from the repository root: python3 scripts/crm_fixtures.py
"""
import os

OUT = os.path.join("Tests", "Fixtures", "crm")

def sf18(id15):
    """Salesforce's 18-character form: a checksum of the upper-case letters of each 5-character chunk."""
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345"
    suffix = ""
    for chunk in (id15[0:5], id15[5:10], id15[10:15]):
        bits = sum(1 << i for i, c in enumerate(chunk) if "A" <= c <= "Z")
        suffix += alphabet[bits]
    return id15 + suffix

def csv_line(values, quote_all=False):
    out = []
    for v in values:
        if quote_all or any(c in v for c in ',"\r\n'):
            out.append('"' + v.replace('"', '""') + '"')
        else:
            out.append(v)
    return ",".join(out)

def write(name, header, rows, bom=False, crlf=False, quote_all=False, preamble="", encoding="utf-8"):
    path = os.path.join(OUT, name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    end = "\r\n" if crlf else "\n"
    text = preamble + end.join(csv_line(r, quote_all) for r in [header] + rows) + end
    with open(path, "wb") as f:
        if encoding == "utf-16":   # Excel's "Unicode text" and some CRMs: a byte-order mark, little-endian
            f.write(b"\xff\xfe" + text.encode("utf-16-le"))
        else:
            f.write((b"\xef\xbb\xbf" if bom else b"") + text.encode(encoding))

# Salesforce: Data Export's Contact.csv, Account.csv, User.csv, OpportunityContactRole.csv.
acc = {"globex": "0015g00000AbCdEQAZ"[:15], "initech": "0015g00000XyZwVQA1"[:15]}
usr = {"sam": "0055g00000SamRpAAA"[:15], "kim": "0055g00000KimLeAAA"[:15], "pat": "0055g00000PatOtAAA"[:15]}
con = {k: "0035g00000" + v for k, v in {"dana": "DaNa1", "lee": "LeeW2", "priya": "PrIy3", "tom": "TomB4",
                                           "ana": "AnaS5", "bill": "BiLl6", "milton": "MilT7", "jo": "JoaN8"}.items()}
A = lambda k: sf18(acc[k]); U = lambda k: sf18(usr[k]); C = lambda k: sf18(con[k])
header = ["Id", "IsDeleted", "MasterRecordId", "AccountId", "LastName", "FirstName", "Salutation", "Name", "MailingStreet",
          "MailingCity", "MailingCountry", "Phone", "Email", "Title", "Department", "ReportsToId", "LeadSource", "OwnerId",
          "CreatedDate", "Description"]
def sf_contact(k, last, first, account, title, dept, reports, owner, email, street="", desc=""):
    return [C(k), "false", "", A(account), last, first, "", f"{first} {last}", street, "Springfield", "USA", "",
            email, title, dept, reports, "Web", U(owner), "2024-02-01T10:00:00.000Z", desc]
rows = [
    sf_contact("dana", "Ortiz", "Dana", "globex", "Chief Executive Officer", "Executive", "", "sam", "dana@globex.example"),
    sf_contact("lee", "Wong", "Lee", "globex", "Chief Technology Officer", "Technology", C("dana"), "sam", "lee@globex.example"),
    # ReportsToId in its 15-character form (a formula field or an older export): still Dana.
    sf_contact("priya", "Nair", "Priya", "globex", "VP Procurement", "Procurement", con["dana"], "kim", "priya@globex.example"),
    sf_contact("tom", "Baker", "Tom", "globex", "Senior Buyer", "Procurement", C("priya"), "kim", "tom@globex.example",
               street="12 Main St\nSuite 400", desc='Met at the "Supply Chain" summit, 2023'),
    sf_contact("ana", "Silva", "Ana", "globex", "IT Architect", "", C("lee"), "sam", ""),
    sf_contact("bill", "Lumbergh", "Bill", "initech", "Vice President", "Operations", "", "kim", "bill@initech.example"),
    sf_contact("milton", "Waddams", "Milton", "initech", "Collator", "Operations", C("bill"), "kim", ""),
    sf_contact("jo", "Smith, PhD", "Joanna", "initech", "Head of Data", "Operations", C("bill"), "sam", "jo@initech.example"),
]
write("salesforce/Contact.csv", header, rows, bom=True, crlf=True, quote_all=True)
write("salesforce/Account.csv", ["Id", "IsDeleted", "Name", "Type", "Industry", "OwnerId"],
      [[A("globex"), "false", "Globex Corporation", "Customer", "Manufacturing", U("sam")],
       [acc["initech"], "false", "Initech", "Prospect", "Software", U("kim")]], bom=True, crlf=True, quote_all=True)
write("salesforce/User.csv", ["Id", "Username", "LastName", "FirstName", "Name", "Title", "Department", "Email", "IsActive"],
      [[U("sam"), "sam.rep@ourco.example", "Rep", "Sam", "Sam Rep", "Account Executive", "Sales", "sam.rep@ourco.example", "true"],
       [U("kim"), "kim.lee@ourco.example", "Lee", "Kim", "Kim Lee", "Solutions Engineer", "Presales", "kim.lee@ourco.example", "true"],
       [U("pat"), "pat.other@ourco.example", "Other", "Pat", "Pat Other", "Finance", "Finance", "pat.other@ourco.example", "true"]],
      bom=True, crlf=True, quote_all=True)
opp1, opp2, opp3 = "0065g00000OpP01AAA", "0065g00000OpP02AAA", "0065g00000OpP03AAA"
write("salesforce/OpportunityContactRole.csv", ["Id", "OpportunityId", "ContactId", "Role", "IsPrimary", "CreatedDate"],
      [["00K5g00000Ocr01AAA", opp1, C("dana"), "Economic Buyer", "true", "2024-03-01T09:00:00.000Z"],
       ["00K5g00000Ocr02AAA", opp1, C("lee"), "Technical Buyer", "false", "2024-03-01T09:00:00.000Z"],
       ["00K5g00000Ocr03AAA", opp1, C("priya"), "Evaluator", "false", "2024-03-01T09:00:00.000Z"],
       ["00K5g00000Ocr04AAA", opp2, C("priya"), "Decision Maker", "false", "2024-05-01T09:00:00.000Z"],
       ["00K5g00000Ocr05AAA", opp2, C("tom"), "Business User", "false", "2024-05-01T09:00:00.000Z"],
       ["00K5g00000Ocr06AAA", opp3, C("bill"), "Decision Maker", "true", "2024-06-01T09:00:00.000Z"],
       ["00K5g00000Ocr07AAA", opp3, C("milton"), "Other", "false", "2024-06-01T09:00:00.000Z"],
       ["00K5g00000Ocr08AAA", opp3, C("jo"), "Influencer", "false", "2024-06-01T09:00:00.000Z"],
       # A contact of another account, not in this export.
       ["00K5g00000Ocr09AAA", opp3, "0035g00000ZzZz9AAA", "Influencer", "false", "2024-06-01T09:00:00.000Z"]],
      bom=True, crlf=True, quote_all=True)

# HubSpot: the contacts export (owners by name), with a custom "Reports To" property holding the manager's Record ID.
write("hubspot/contacts.csv",
      ["Record ID", "First Name", "Last Name", "Email", "Phone Number", "Company Name", "Job Title", "Contact owner",
       "Lifecycle Stage", "Lead Status", "Buying Role", "Reports To", "Create Date", "Last Activity Date", "Associated Company"],
      [["51", "Maria", "García", "maria@umbrella.example", "+1 555 0100", "Umbrella Corp", "Chief Operating Officer", "Sam Rep",
        "Customer", "", "Decision Maker;Budget Holder", "", "2023-11-02 09:12", "2024-06-30 16:00", "Umbrella Corp"],
       ["52", "Jean", "Dupont", "", "", "Umbrella Corp", "Head of IT", "Sam Rep", "Customer", "", "Champion", "51",
        "2023-11-02 09:15", "", "Umbrella Corp"],
       ["53", "Aiko", "Tanaka", "aiko@umbrella.example", "", "Umbrella Corp", "Procurement Lead", "Kim Lee", "Opportunity",
        "Open", "Blocker", "51", "2024-01-10 11:00", "", "Umbrella Corp"],
       ["54", "Olu", "Adeyemi", "olu@umbrella.example", "", "Umbrella Corp", "Analyst", "", "Lead", "New", "End User", "52",
        "2024-02-20 08:00", "", ""],
       ["55", "Zoë", "Keller 😀", "zoe@soylent.example", "", "Soylent, Inc.", "CEO", "Kim Lee", "Lead", "", "", "",
        "2024-03-03 10:00", "", "Soylent, Inc."],
       ["56", "Ravi", "Kumar", "ravi@soylent.example", "", "Soylent, Inc.", "Security Engineer\nContractor", "", "Lead", "",
        "Other", "55", "2024-03-04 10:00", "", "Soylent, Inc."]], bom=True, crlf=True)
write("hubspot/users.csv", ["First Name", "Last Name", "Email", "Job Title", "Team"],
      [["Sam", "Rep", "sam.rep@ourco.example", "Account Executive", "Sales"],
       ["Kim", "Lee", "kim.lee@ourco.example", "Solutions Engineer", "Presales"]])

# Dynamics 365: contacts (GUIDs braced and upper-case in some columns, the decision influence tag as labels and
# option values) and connections with their reciprocal records.
g = lambda n: f"{n:08x}-1a2b-4c3d-8e9f-00000000{n:04x}"
G = lambda n: "{" + g(n).upper() + "}"
owner_a, owner_b, acct = g(0xa1), g(0xb2), g(0xc3)
write("dynamics/contacts.csv",
      ["contactid", "fullname", "firstname", "lastname", "parentcustomerid", "parentcustomeridname", "parentcontactid",
       "jobtitle", "department", "ownerid", "owneridname", "emailaddress1", "msdyn_decisioninfluencetag", "statecode", "createdon"],
      [[G(1), "Hannah Schmidt", "Hannah", "Schmidt", acct, "Initrode GmbH", "", "Geschäftsführerin", "Management",
        G(0xa1), "Sam Rep", "h.schmidt@initrode.example", "Decision maker", "0", "2024-01-05T08:00:00Z"],
       [g(2), "Lukas Bauer", "Lukas", "Bauer", acct, "Initrode GmbH", G(1), "Head of Logistics", "Logistics",
        owner_a, "Sam Rep", "l.bauer@initrode.example", "1", "0", "2024-01-05T08:00:00Z"],
       [g(3), "Mia Wagner", "Mia", "Wagner", acct, "Initrode GmbH", g(2), "Dispatcher", "Logistics",
        owner_b, "Kim Lee", "", "Unknown", "0", "2024-01-06T08:00:00Z"],
       [g(4), "Felix Weber", "Felix", "Weber", acct, "Initrode GmbH", g(1), "Purchasing Manager", "Purchasing",
        owner_b, "Kim Lee", "f.weber@initrode.example", "Blocker", "0", "2024-01-07T08:00:00Z"],
       [g(5), "Emma Fischer", "Emma", "Fischer", acct, "Initrode GmbH", g(4), "Buyer", "Purchasing",
        "", "", "e.fischer@initrode.example", "", "0", "2024-01-08T08:00:00Z"]], bom=True, crlf=True)
write("dynamics/connections.csv",
      ["connectionid", "record1id", "record1idname", "record1roleid", "record2id", "record2idname", "record2roleid", "ismaster",
       "statecode"],
      [[g(0x101), G(2), "Lukas Bauer", "Colleague", g(4), "Felix Weber", "Colleague", "True", "0"],
       [g(0x102), g(4), "Felix Weber", "Colleague", g(2), "Lukas Bauer", "Colleague", "False", "0"],
       [g(0x103), g(3), "Mia Wagner", "Friend", g(5), "Emma Fischer", "Friend", "True", "0"],
       [g(0x104), g(5), "Emma Fischer", "Friend", g(3), "Mia Wagner", "Friend", "False", "0"],
       [g(0x105), owner_a, "Sam Rep", "Influencer", g(1), "Hannah Schmidt", "Influenced", "True", "0"],
       [g(0x106), g(1), "Hannah Schmidt", "Influenced", owner_a, "Sam Rep", "Influencer", "False", "0"],
       [g(0x107), g(4), "Felix Weber", "Stakeholder", acct, "Initrode GmbH", "Account", "True", "0"],
       [g(0x108), g(2), "Lukas Bauer", "Friend", g(3), "Mia Wagner", "Friend", "True", "1"]], bom=True, crlf=True)

# LinkedIn: Connections.csv as downloaded (Notes preamble, no byte-order mark, LF).
preamble = ('Notes:\n"When exporting your connection data, you may notice that some of the email addresses are missing. '
            'You will only see email addresses for connections who have allowed their connections to see or download their '
            'email address using this setting https://www.linkedin.com/psettings/privacy/email. You can learn more here '
            'https://www.linkedin.com/help/linkedin/answer/261"\n\n')
write("linkedin/Connections.csv", ["First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On"],
      [["Grace", "Hopper", "https://www.linkedin.com/in/gracehopper", "", "Cyberdyne Systems", "CTO", "05 Nov 2024"],
       ["Alan", "Turing", "https://www.linkedin.com/in/alan-turing-1912", "alan@cyberdyne.example", "Cyberdyne Systems",
        "Principal Engineer", "17 Jan 2023"],
       ["Ada", "Lovelace", "https://www.linkedin.com/in/adalovelace", "", "Acme, Inc.", "VP Engineering, Platform", "02 Feb 2022"],
       ["Émile", "Zola 📚", "https://www.linkedin.com/in/emilezola", "", "", "", "30 Dec 2021"]], preamble=preamble)

# Salesforce's weekly Data Export from a production org: ISO-8859-1 (Windows-1252 for the curly quotes), the same
# contacts with accented names; the same file in UTF-16 (Excel's "Unicode text").
latin_rows = [r[:] for r in rows]
latin_rows[0][4], latin_rows[0][7] = "Ortíz", "Dana Ortíz"
latin_rows[3][19] = "Met at the \u201cSupply Chain\u201d summit, 2023 \u2013 Zürich"
latin_rows[7][4], latin_rows[7][7] = "Smith, PhD", "Joanna Smith, PhD"
write("salesforce/Contact-latin1.csv", header, latin_rows, crlf=True, quote_all=True, encoding="cp1252")
write("salesforce/Contact-utf8.csv", header, latin_rows, crlf=True, quote_all=True)
write("salesforce/Contact-utf16.csv", header, latin_rows, crlf=True, quote_all=True, encoding="utf-16")

# Dynamics 365 "Export to Excel" saved as CSV, and data packs: display names instead of logical names, the hidden
# "(Do Not Modify)" columns first, lookups (Manager, Owner) as names — one manager as a GUID —, the decision
# influence tag as labels.
write("dynamics/contacts-display.csv",
      ["(Do Not Modify) Contact", "(Do Not Modify) Row Checksum", "(Do Not Modify) Modified On", "Full Name", "First Name",
       "Last Name", "Company Name", "Manager", "Job Title", "Department", "Owner", "Email", "Decision influence labels",
       "Business Phone"],
      [[g(1), "q1w2e3", "2024-06-01 08:00", "Hannah Schmidt", "Hannah", "Schmidt", "Initrode GmbH", "", "Geschäftsführerin",
        "Management", "Sam Rep", "h.schmidt@initrode.example", "Decision maker", "+49 30 1234"],
       [g(2), "r4t5y6", "2024-06-01 08:00", "Lukas Bauer", "Lukas", "Bauer", "Initrode GmbH", "Hannah Schmidt", "Head of Logistics",
        "Logistics", "Sam Rep", "l.bauer@initrode.example", "Influencer", ""],
       [g(3), "u7i8o9", "2024-06-02 08:00", "Mia Wagner", "Mia", "Wagner", "Initrode GmbH", "Lukas Bauer", "Dispatcher", "Logistics",
        "Kim Lee", "", "Unknown", ""],
       [g(4), "p0a1s2", "2024-06-03 08:00", "Felix Weber", "Felix", "Weber", "Initrode GmbH", "Hannah Schmidt", "Purchasing Manager",
        "Purchasing", "Kim Lee", "f.weber@initrode.example", "Blocker", ""],
       [g(5), "d3f4g5", "2024-06-04 08:00", "Emma Fischer", "Emma", "Fischer", "Initrode GmbH", g(4).upper(), "Buyer", "Purchasing",
        "", "e.fischer@initrode.example", "", ""]], bom=True, crlf=True)

# Activity exports, given as --interactions with the preset. Salesforce Task and Event (Data Loader / Data Export):
# a WhoId in its 15-character form, an open task, an activity on an account alone, one on a lead, one by a user who
# owns no contact (kept without them).
write("salesforce/Task.csv",
      ["Id", "WhoId", "WhatId", "OwnerId", "Subject", "ActivityDate", "Status", "Priority", "Type", "TaskSubtype", "CallType",
       "IsClosed", "CreatedDate"],
      [["00T5g00000Tsk01AAA", C("dana"), A("globex"), U("sam"), "Intro call", "2024-04-02", "Completed", "Normal", "Call", "Call",
        "Inbound", "true", "2024-04-02T09:00:00.000Z"],
       ["00T5g00000Tsk02AAA", con["lee"], A("globex"), U("sam"), "Sent the proposal", "2024-04-05", "Completed", "Normal", "Email",
        "Email", "", "true", "2024-04-05T09:00:00.000Z"],
       ["00T5g00000Tsk03AAA", C("priya"), "", U("kim"), "Follow up", "2024-05-01", "Not Started", "High", "Call", "Task", "",
        "false", "2024-04-20T09:00:00.000Z"],
       ["00T5g00000Tsk04AAA", "", A("globex"), U("kim"), "Account plan", "2024-04-06", "Completed", "Normal", "Other", "Task", "",
        "true", "2024-04-06T09:00:00.000Z"],
       ["00T5g00000Tsk05AAA", "00Q5g00000LeAd1AAA", "", U("kim"), "Lead call", "2024-04-07", "Completed", "Normal", "Call", "Call",
        "Outbound", "true", "2024-04-07T09:00:00.000Z"],
       ["00T5g00000Tsk06AAA", C("tom"), "", U("pat"), "LinkedIn note", "2024-04-08", "Completed", "Normal", "", "LinkedIn", "",
        "true", "2024-04-08T09:00:00.000Z"]], bom=True, crlf=True, quote_all=True)
write("salesforce/Event.csv",
      ["Id", "WhoId", "WhatId", "OwnerId", "Subject", "ActivityDateTime", "StartDateTime", "EndDateTime", "Type", "EventSubtype",
       "DurationInMinutes"],
      [["00U5g00000Evt01AAA", C("priya"), A("globex"), U("kim"), "Workshop", "2024-04-10T14:00:00.000Z", "2024-04-10T14:00:00.000Z",
        "2024-04-10T15:00:00.000Z", "Meeting", "Event", "60"],
       ["00U5g00000Evt02AAA", C("bill"), A("initech"), U("kim"), "Lunch", "2024-04-11T12:00:00.000Z", "2024-04-11T12:00:00.000Z",
        "2024-04-11T13:00:00.000Z", "", "Event", "60"]], bom=True, crlf=True, quote_all=True)
# HubSpot activities (the Activities view exported): a meeting with two contacts, an incoming e-mail, a scheduled
# meeting, a note on a company alone.
write("hubspot/activities.csv",
      ["Record ID", "Activity type", "Activity date", "Activity assigned to", "Associated Contact IDs", "Call direction",
       "Email direction", "Call and meeting outcome", "Subject"],
      [["9001", "CALL", "2024-06-03 10:00", "Sam Rep", "51", "OUTBOUND", "", "Connected", "Kick-off"],
       ["9002", "MEETING", "2024-06-10 15:00", "Kim Lee", "51;52", "", "", "Completed", "Steering committee"],
       ["9003", "EMAIL", "2024-06-12 08:30", "Kim Lee", "53", "", "INCOMING_EMAIL", "", "Re: pricing"],
       ["9004", "MEETING", "2024-07-01 09:00", "Sam Rep", "54", "", "", "Scheduled", "Demo"],
       ["9005", "NOTE", "2024-06-13 11:00", "Sam Rep", "", "", "", "", "Company news"],
       ["9006", "LINKEDIN_MESSAGE", "2024-06-14 11:00", "Sam Rep", "55", "", "", "", "Congrats"]], bom=True, crlf=True)
# Dynamics 365 activities (activitypointer): GUIDs in braces, direction as true/false, states as labels.
write("dynamics/activities.csv",
      ["activityid", "activitytypecode", "subject", "regardingobjectid", "regardingobjectidname", "ownerid", "owneridname",
       "actualend", "directioncode", "statecode"],
      [[g(0x201), "phonecall", "Check-in", G(1), "Hannah Schmidt", G(0xa1), "Sam Rep", "2024-02-01T10:00:00Z", "true", "Completed"],
       [g(0x202), "email", "Delivery dates", g(2), "Lukas Bauer", owner_b, "Kim Lee", "2024-02-03T10:00:00Z", "false", "Completed"],
       [g(0x203), "appointment", "Site visit", g(4), "Felix Weber", owner_b, "Kim Lee", "2024-02-05T10:00:00Z", "", "Completed"],
       [g(0x204), "task", "Send brochure", g(5), "Emma Fischer", owner_a, "Sam Rep", "", "", "Open"],
       [g(0x205), "appointment", "Cancelled lunch", g(3), "Mia Wagner", owner_a, "Sam Rep", "2024-02-07T10:00:00Z", "", "Canceled"]],
      bom=True, crlf=True)

# LinkedIn, three generations of Connections.csv. 2024: blank rows for members who hide their data. 2021: no URL
# column (ids from the e-mail, or derived). 2018: no URL column, the date as 1/8/18, 6:14 PM.
li_header = ["First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On"]
write("linkedin/Connections-2024.csv", li_header,
      [["Grace", "Hopper", "https://www.linkedin.com/in/gracehopper", "", "Cyberdyne Systems", "CTO", "05 Nov 2024"],
       ["", "", "", "", "", "", "30 May 2024"],
       ["Alan", "Turing", "https://www.linkedin.com/in/alan-turing-1912", "alan@cyberdyne.example", "Cyberdyne Systems",
        "Principal Engineer", "17 Jan 2023"],
       ["", "", "", "", "", "", ""],
       ["Ada", "Lovelace", "https://www.linkedin.com/in/adalovelace", "", "Acme, Inc.", "VP Engineering, Platform", "02 Feb 2022"],
       ["", "", "", "", "", "", "28 Nov 2021"]], preamble=preamble)
write("linkedin/Connections-2021.csv", ["First Name", "Last Name", "Email Address", "Company", "Position", "Connected On"],
      [["Grace", "Hopper", "", "Cyberdyne Systems", "CTO", "28 Nov 2021"],
       ["Alan", "Turing", "alan@cyberdyne.example", "Cyberdyne Systems", "Principal Engineer", "17 Jan 2021"],
       ["Ada", "Lovelace", "", "Acme, Inc.", "VP Engineering, Platform", "02 Feb 2020"]], preamble=preamble)
write("linkedin/Connections-2018.csv", ["First Name", "Last Name", "Email Address", "Company", "Position", "Connected On"],
      [["Grace", "Hopper", "", "Cyberdyne Systems", "CTO", "1/8/18, 6:14 PM"],
       ["Alan", "Turing", "alan@cyberdyne.example", "Cyberdyne Systems", "Principal Engineer", "12/24/17, 9:02 AM"],
       ["Ada", "Lovelace", "", "Acme, Inc.", "VP Engineering, Platform", "3/15/16, 11:30 AM"]])
print("wrote", sum(len(fs) for _, _, fs in os.walk(OUT)), "files to", OUT)
