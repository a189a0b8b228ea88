#!/usr/bin/env python3
"""Writes the small files of the hostile-input catalogue (Tests/Fixtures/hostile/files/), byte for byte, so the
odd bytes (NUL, invalid UTF-8, byte-order marks, lone CR, NFD ids) are reproducible and reviewable here. Large
cases are not files: the catalogue's `gen` lines describe them and the test writes them (HostileCatalogueTests).
Run from the repository root: python3 scripts/hostile_fixtures.py
"""
import gzip
import json
import io
import os

OUT = os.path.join("Tests", "Fixtures", "hostile", "files")

C = "id,name,account,internal,role,reports_to,owner\nT1,Our Rep,,true,,,\na,Ann,Acme,,decision_maker,,T1\n" \
    "b,Bo,Acme,,influencer,a,\nc,Cy,Acme,,end_user,a,\n"
T = "source,target,weight\nT1,a,0.8\na,b,0.5\nb,c,0.4\n"
I = "date,person,with,points\n2025-01-02,a,T1,1\n2025-03-04,b,T1,-0.5\n"

FILES = {
    # The base account: valid, used with one hostile file at a time.
    "c.csv": C, "t.csv": T, "i.csv": I,
    "s.csv": "person,score,date\na,9,2025-01-01\nb,3,2025-02-01\n",
    "r.csv": "referrer,referred,value,cost,date\na,Zeta Corp,1000,100,2025-01-04\n",
    "g.csv": "id,group\na,North\nb,South\nc,South\n",
    # Contacts.
    "contacts-nul.csv": "id,name,account\na,A\0nn,Acme\n",
    "contacts-utf8.csv": b"id,name,account\na,\xff\xfe,Acme\n",
    "contacts-utf16.csv": "\ufeffid,name,account\r\na,Ann,Acme\r\n".encode("utf-16-le"),
    "contacts-bom-crlf.csv": "\ufeffid,name,account\r\na,Ann,Acme\r\nb,Bo,Acme\r\n",
    "contacts-lone-cr.csv": "id,name,account\ra,Ann,Acme\rb,Bo,Acme\r",
    "contacts-semicolon.csv": "id;name;account\na;Ann;Acme\nb;Bo;Acme\n",
    "contacts-nfd.csv": "id,name,account\nJos\u00e9,Jose A,Acme\nJose\u0301,Jose B,Acme\n",
    "contacts-dup.csv": "id,name,account\na,Ann,Acme\na,Al,Acme\n",
    "contacts-quote.csv": "id,name,account\na,\"Ann,Acme\n",
    "contacts-after-quote.csv": "id,name,account\na,\"Ann\"x,Acme\n",
    "contacts-fields.csv": "id,name,account\na,Ann,Acme,extra\n",
    "contacts-empty.csv": "",
    "contacts-blank.csv": "\n \n\t\n",
    "contacts-header.csv": "id,name,account\n",
    "contacts-noid.csv": "name,account\nAnn,Acme\n",
    "contacts-emptyid.csv": "id,name,account\n,Ann,Acme\n",
    "contacts-role.csv": "id,role\na,boss\n",
    "contacts-influence.csv": "id,influence\na,1e3\n",
    "contacts-influence-hex.csv": "id,influence\na,0x3\n",
    "contacts-proximity.csv": "id,proximity\na,P0\n",
    "contacts-internal.csv": "id,internal\na,yes please\n",
    "contacts-cycle.csv": "id,name,account,reports_to\na,Ann,Acme,b\nb,Bo,Acme,a\n",
    "contacts-selfboss.csv": "id,name,account,reports_to\na,Ann,Acme,a\n",
    "contacts-unknown-boss.csv": "id,name,account,reports_to\na,Ann,Acme,zz\n",
    "contacts-formula.csv": "id,name,account,internal,owner\nT1,Rep,,true,\n=1+1,=HYPERLINK(\"http://x\"),Acme,,T1\n"
                            "+a,@SUM(A1),Acme,,\n-b,-2+3,Acme,,\n",
    "contacts-markup.csv": "id,name,account,internal,owner\nT1,Rep,,true,\na,<script>alert(1)</script> & \"q\",Acme,,T1\n"
                           "b,AT&amp;T &#x1F600; \ufffe,Acme,,\nc,back\\slash \\N \\\" ,Acme,,\n",
    "contacts-bidi.csv": "id,name,account\na,\u202eevil\u202c,Acme\nb,\u0000,Acme\n".replace("\u0000", "zero\u200bwidth"),
    "contacts-spaces.csv": "id,name,account\n a ,Ann,Acme\nb, Bo ,Acme\n",
    # Quoted cells far into a file (past 64 KiB): read like any other.
    "contacts-quoted-deep.csv": "id,name,account\n" + "".join(f"c{i},\"Name, {i}\",Acme\n" for i in range(3000)),
    "contacts-many-accounts.csv": "id,name,account\n" + "".join(f"p{i},P {i},Acc {i % 3}\n" for i in range(12)),
    # Ties.
    "ties-unknown.csv": "source,target\na,zz\n",
    "ties-weight-text.csv": "source,target,weight\na,b,heavy\n",
    "ties-weight-neg.csv": "source,target,weight\na,b,-1\n",
    "ties-weight-zero.csv": "source,target,weight\na,b,0\n",
    "ties-weight-nan.csv": "source,target,weight\na,b,nan\n",
    "ties-weight-inf.csv": "source,target,weight\na,b,inf\n",
    "ties-weight-hex.csv": "source,target,weight\na,b,0x10\n",
    "ties-weight-hexfloat.csv": "source,target,weight\na,b,0x1p-2\n",
    "ties-weight-huge.csv": "source,target,weight\na,b,1e308\n",
    "ties-weight-tiny.csv": "source,target,weight\na,b,1e-320\n",
    "ties-weight-comma.csv": "source,target,weight\na,b,\"0,5\"\n",
    "ties-self.csv": "source,target\na,a\na,b\n",
    "ties-date.csv": "source,target,since\na,b,2025-02-30\n",
    "ties-date-order.csv": "source,target,since,last_contact\na,b,2025-05-01,2024-01-01\n",
    "ties-year.csv": "source,target,since\na,b,10000-01-01\n",
    "ties-directed.csv": "source,target,directed\na,b,perhaps\n",
    "ties-count.csv": "source,target,interactions\na,b,99999999999999999999\n",
    "ties-kind.csv": "source,target,kind\na,b,\n",
    "ties-header.csv": "source,target,weight\n",
    "ties-nul.csv": "source,target\na,b\0\n",
    "ties-dup.csv": "source,target,weight\na,b,1\na,b,2\nb,a,3\n",
    # Interactions.
    "interactions-with-customer.csv": "date,person,with,points\n2025-01-01,a,b,1\n",
    "interactions-unknown.csv": "date,person,points\n2025-01-02,zz,1\n",
    "interactions-points-huge.csv": "date,person,with,points\n2025-01-01,a,T1,1e300\n",
    "interactions-outcome.csv": "date,person,with,outcome\n2025-01-01,a,T1,splendid\n",
    "interactions-outcome-huge.csv": "date,person,with,outcome\n2025-01-01,a,T1,1e200\n",
    "interactions-cost.csv": "date,person,with,points,cost\n2025-01-01,a,T1,1,-3\n",
    "interactions-date.csv": "date,person,with,points\n01/02/2025,a,T1,1\n",
    "interactions-nopoints.csv": "date,person,with\n2025-01-01,a,T1\n",
    "interactions-kind.csv": "date,person,with,points,kind\n2025-01-01,a,T1,-1,forever\n",
    "interactions-direction.csv": "date,person,with,points,direction\n2025-01-01,a,T1,1,sideways\n",
    "interactions-empty-date.csv": "date,person,with,points\n,a,T1,1\n",
    # Surveys and referrals.
    "surveys-score.csv": "person,score,date\na,11,2025-01-01\n",
    "surveys-score-text.csv": "person,score,date\na,ten,2025-01-01\n",
    "surveys-unknown.csv": "person,score,date\nzz,9,2025-01-01\n",
    "surveys-date.csv": "person,score,date\na,9,yesterday\n",
    "referrals-value.csv": "referrer,referred,value,cost,date\na,X,lots,1,2025-01-01\n",
    "referrals-value-huge.csv": "referrer,referred,value,cost,date\na,X,1e100,1,2025-01-01\n",
    "referrals-unknown.csv": "referrer,referred,value,cost,date\nzz,X,10,1,2025-01-01\n",
    # Groups.
    "groups-utf8.csv": b"id,group\na,North\nb,\xc3\x28\n",
    "groups-unknown.csv": "id,group\nzz,North\n",
    "groups-empty.csv": "",
    # Edge lists.
    "graph-columns.txt": "1 2\n1 2 3 4\n",
    "graph-weight.txt": "1 2 -1\n",
    "graph-weight-huge.txt": "1 2 1e308\n",
    "graph-comments.txt": "# nothing here\n% nor here\n",
    "graph-empty.txt": "",
    "graph-utf8.txt": b"a b\nc \xc0\n",
    "graph-nul.txt": "1 2\n2 \0 3\n",
    "graph-stamp.txt": "1 2 9223372036854775807\n",
    "graph-stamp-text.txt": "1 2 noon\n",
    "graph-mirrored.txt": "1 2\n2 1\n2 3\n3 2\n",
    "graph-selfloops.txt": "1 1\n1 2\n",
    "graph-crlf.txt": "1\t2\r\n2\t3\r\n",
    "graph.csv": "source,target\n1,2\n2,3\n",
    "graph-blank.csv": "\n\n",
    "graph-unknown.xyz": "1 2\n",
    # XML: the classic attacks (refused before anything is expanded or fetched), then NetworkX-style files.
    "xml-billion-laughs.graphml": "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n" + "".join(f" <!ENTITY lol{i} \"" + (f"&lol{i - 1};" if i > 1 else "&lol;") * 10 + "\">\n" for i in range(1, 10)) + "]>\n<graphml><graph><node id=\"a\"><data key=\"n\">&lol9;</data></node></graph></graphml>\n",
    "xml-external-entity.gexf": "<?xml version=\"1.0\"?>\n<!DOCTYPE gexf [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n"
        "<gexf><graph><nodes><node id=\"a\" label=\"&xxe;\"/></nodes></graph></gexf>\n",
    "xml-external-dtd.graphml": "<?xml version=\"1.0\"?>\n<!DOCTYPE graphml SYSTEM \"http://127.0.0.1:9/graphml.dtd\">\n<graphml/>\n",
    "xml-deep.graphml": "<graphml><graph><node id=\"a\"><desc>" + "<x>" * 10000 + "</x>" * 10000 + "</desc></node></graph></graphml>\n",
    "xml-utf16.graphml": "\ufeff<graphml/>\n".encode("utf-16-le"),
    "xml-edge-unknown.graphml": "<?xml version=\"1.0\"?>\n<graphml>\n<graph edgedefault=\"undirected\">\n<node id=\"a\"/>\n"
        "<edge source=\"a\" target=\"b\"/>\n</graph>\n</graphml>\n",
    "xml-ok.graphml": "<?xml version=\"1.0\"?>\n<graphml>\n<key id=\"w\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n"
        "<graph edgedefault=\"undirected\">\n<node id=\"a\"/><node id=\"b\"/><node id=\"c\"/>\n"
        "<edge source=\"a\" target=\"b\"><data key=\"w\">2.5</data></edge><edge source=\"b\" target=\"c\"/>\n</graph>\n</graphml>\n",
    # The classic formats (GML, Pajek, UCINET DL, matrices) and JSON's other dialects.
    "classic-gml-open.gml": "graph [\n  node [ id 1 label \"a\" ]\n  node [ id 2\n",
    "classic-gml-deep.gml": "graph " + "[ a " * 5000 + "1 " + "]" * 5000 + "\n",
    "classic-gml-dup.gml": "graph [\n node [ id 1 ]\n node [ id 1 ]\n]\n",
    "classic-gml-string.gml": "graph [\n node [ id 1 label \"never closed ]\n]\n",
    "classic-gml-badvalue.gml": "graph [\n node [ id 1 ]\n node [ id 2 ]\n edge [ source 1 target 2 weight -3 ]\n]\n",
    "classic-gml-ok.gml": "Creator \"x\"\ngraph [\n node [ id 1 label \"Ann &amp; Co\" ]\n node [ id 2 label \"Bo\" ]\n edge [ source 1 target 2 value 2 ]\n]\n",
    "classic-pajek-huge.net": "*Vertices 2000000000\n1 \"a\"\n",
    "classic-pajek-range.net": "*Vertices 3\n1 \"a\"\n*Arcs\n1 4\n",
    "classic-pajek-twomode.net": "*Vertices 5 2\n",
    "classic-pajek-order.net": "*Vertices 3\n2 \"b\"\n1 \"a\"\n",
    "classic-pajek-matrix.net": "*Vertices 3\n*Matrix\n0 1 0\n1 0 1\n",
    "classic-pajek-ok.net": "*Network n\n*Vertices 3\n1 \"Ann Ames\" 0.1 0.2 0.5\n2 \"Bo\"\n*Arcs :1 \"advice\"\n1 2 2\n*Edgeslist\n3 1 2\n",
    "classic-pajek.clu": "*Vertices 3\n1\n2\n",
    "classic-dl-nokeyword.dl": "dl n=3\nformat = fullmatrix\nwhat is this\ndata:\n0 1 0\n1 0 1\n0 1 0\n",
    "classic-dl-short.dl": "dl n=3\ndata:\n0 1 0\n1 0\n",
    "classic-dl-long.dl": "dl n=2\ndata:\n0 1\n1 0\n1\n",
    "classic-dl-huge.dl": "dl n=900000000\ndata:\n",
    "classic-dl-nodata.dl": "dl n=2\n",
    "classic-dl-label.dl": "dl n=2 format=edgelist1\nlabels:\na,b\ndata:\na c\n",
    "classic-dl-ok.dl": "DL N=3 NM=2\nFORMAT = FULLMATRIX\nLABELS:\nx,y,z\nMATRIX LABELS:\nkin,work\nDATA:\n0 1 0\n1 0 0\n0 0 0\n0 0 1\n0 0 0\n1 0 0\n",
    "classic-matrix-ragged.txt": "0 1 0 1\n1 0 1 0\n0 1 0\n1 0 1 0\n",
    "classic-matrix-negative.txt": "0 1 0 -1\n1 0 1 0\n0 1 0 1\n-1 0 1 0\n",
    "classic-matrix-text.txt": "0 1 0 1\n1 0 x 0\n0 1 0 1\n1 0 1 0\n",
    "classic-matrix.csv": ",a,b,c,d\na,0,1,0,1\nb,1,0,1,0\nc,0,1,0,1\nd,1,0,1,0\n",
    "classic-d3.json": "{\"nodes\": [{\"name\": \"a\"}, {\"name\": \"b\"}], \"links\": [{\"source\": 0, \"target\": 5}]}\n",
    "classic-graphology.json": "{\"options\": {\"type\": \"sideways\"}, \"nodes\": [{\"key\": \"a\"}], \"edges\": []}\n",
    "classic-unknown.bin": "%PDF-1.4 not a graph at all\n",
    "classic-zip.bin": "PK\x03\x04 a zip that is no workbook\n",
    "xlsx-legacy.xls": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 24,
    # JSON lines (score --input jsonl).
    "accounts-notjson.jsonl": "{\"account\": \"X\", \"contacts\": [\n",
    "accounts-contacts.jsonl": "{\"account\": \"X\", \"contacts\": 3}\n",
    "accounts-noaccount.jsonl": "{\"contacts\": [{\"id\": \"a\"}]}\n",
    "accounts-deep.jsonl": "[" * 100000 + "]" * 100000 + "\n",
    "accounts-badrow.jsonl": "{\"account\": \"X\", \"contacts\": [{\"id\": \"a\", \"influence\": \"9\"}]}\n",
    "accounts-good.jsonl": "{\"account\": \"X\", \"contacts\": [{\"id\": \"T1\", \"internal\": true}, {\"id\": \"a\", \"owner\": \"T1\"}, "
                           "{\"id\": \"b\"}], \"ties\": [{\"source\": \"a\", \"target\": \"b\"}]}\n",
    # Costs (reach --costs).
    "costs-text.csv": "id,cost\na,cheap\n",
    "costs-unknown.csv": "id,cost\nzz,5\n",
}


# Every hostile name the escapers are tested with (Tests/Fixtures/hostile/names.json): markup and script, entities,
# spreadsheet formulas, Graphviz's backslash escapes, quotes and separators, line breaks and control characters,
# noncharacters, bidi and zero-width controls, emoji, combining marks, right-to-left and CJK text, CDATA and
# comments, template syntax, runs of spaces. EscapeTests reads each back through a real parser of every output
# language; scripts/check-escaping.py draws them in a report, maps and tables and checks what Chromium,
# Graphviz, an XML parser, csv and json read.
NAMES = [
    "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "</title></text></svg><b>bold</b>",
    "AT&T", "AT&amp;T", "&#x1F600;", "&lt;b&gt;", "&nbsp;&",
    "=HYPERLINK(\"http://evil.example\",\"x\")", "+1+2", "-2+3", "@SUM(A1:A9)", "\tTabbed", "-5", "+1.5e3",
    "back\\slash", "\\N \\G \\L \\n \\l \\E \\T \\H", "C:\\path\\", "trailing\\",
    "say \"hi\"", "it's", "comma, inc.", "semi;colon", "pipe|bar",
    "line\nbreak", "cr\rreturn", "ctl\x01\x1f\x7fend",
    "\ufffe\uffff", "\u202eevil\u202c", "zero\u200bwidth", "ls\u2028ps\u2029",
    "\U0001F469\U0001F3FD\u200d\U0001F4BC Emoji", "e\u0301cole", "\u674e\u5c0f\u9f8d", "\u0645\u062d\u0645\u062f \u0639\u0644\u064a",
    "]]><![CDATA[x", "<!-- c -->", "{{x}} ${y} %s %n",
    "  spaced  out  ",
]


def names_account():
    """A contacts and a ties file whose people carry the hostile names (and departments and titles made of
    them), for scripts/check-escaping.py: an org chart (reports_to), ties between neighbours, our team on a few."""
    rows = ["id,name,account,department,title,internal,role,reports_to,owner", "T1,Our Rep,,,,true,,,"]
    def cell(v):
        return '"' + v.replace('"', '""') + '"'
    for i, n in enumerate(NAMES):
        dept = NAMES[(i * 7) % len(NAMES)] if i % 4 == 0 else NAMES[0] if i % 4 == 1 else "Sales & <Ops>"
        boss = "" if i == 0 else f"n{(i - 1) // 3}"
        role = ["decision_maker", "influencer", "end_user", "gatekeeper"][i % 4]
        rows.append(",".join([f"n{i}", cell(n), cell("Acme & <Co>"), cell(dept), cell(NAMES[-1 - i]), "", role, boss,
                              "T1" if i % 5 == 0 else ""]))
    ties = ["source,target,weight"] + [f"n{i},n{i + 1},0.5" for i in range(len(NAMES) - 1)] + ["T1,n0,0.9", "T1,n3,0.7"]
    return "\n".join(rows) + "\n", "\n".join(ties) + "\n"


def gz(data):
    buf = io.BytesIO()
    with gzip.GzipFile(fileobj=buf, mode="wb", mtime=0) as f:
        f.write(data)
    return buf.getvalue()


def main():
    os.makedirs(OUT, exist_ok=True)
    for name, text in FILES.items():
        data = text if isinstance(text, bytes) else text.encode("utf-8")
        with open(os.path.join(OUT, name), "wb") as f:
            f.write(data)
    edges = "".join(f"{i} {i + 1}\n" for i in range(3000)).encode()
    whole = gz(edges)
    files = {
        "graph-whole.txt.gz": whole,
        "graph-cut.txt.gz": whole[:len(whole) // 2],
        "graph-garbage.txt.gz": b"\x1f\x8b\x08\x00" + bytes(range(256)) * 4,
        "graph-notgz.txt.gz": b"1 2\n2 3\n",
        "graph-nul.txt.gz": gz(b"1 2\n\x00\x00\n"),
        "graph-concat.txt.gz": gz(b"1 2\n") + gz(b"2 3\n"),
        "graph-header.txt.gz": gz(b"#" + b"x" * 5_000_000 + b"\n1 2 3 4\n"),
    }
    for name, data in files.items():
        with open(os.path.join(OUT, name), "wb") as f:
            f.write(data)
    contacts, ties = names_account()
    for name, text in (("contacts-names.csv", contacts), ("ties-names.csv", ties)):
        with open(os.path.join(OUT, name), "w", encoding="utf-8", newline="") as f:
            f.write(text)
    with open(os.path.join(os.path.dirname(OUT), "names.json"), "w", encoding="utf-8") as f:
        json.dump(NAMES, f, ensure_ascii=True, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
