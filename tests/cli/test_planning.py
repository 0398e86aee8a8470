#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The planning commands: pnav brief, compare, pipeline and deadlines, as TAP.

    test_planning.py PATH-TO-PNAV

Every run uses a database in a temporary folder (--db) and a temporary
XDG_DATA_HOME.  The PDF checks need poppler-utils (pdftotext, pdffonts,
pdfinfo, pdftoppm); page 1 of each edition is also rendered to PNG in
$G_TEST_BUILDDIR (planning-brief-en.png, planning-brief-zh.png) for a look.

Amounts from 厦府规〔2023〕17号 for an innovative drug after Phase I with
30,000,000 of R&D, 5,000,000 of national funding and 4,000,000 paid for
technology, as of 2025-06-01:
  （一） 40% × 30,000,000 = 12,000,000, capped at 1000万元  → 10,000,000
  （四） 1:1 matching of the national funding               →  5,000,000
  （八） 30% × 4,000,000 = 1,200,000 (cap 300万元), but only for "购买生物医药
        重大科技成果在本市实现产业化的企业": whether the result is major (重大)
        and industrialised in Xiamen no answer states, so it is a possible
        match, not counted (audit 2026-12, docs/audit-2026-12.md)  →  0
  total                                                     15,000,000
"""

import csv
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

CLIENT = "Acme 生物"
AS_OF = "2025-06-01"
ANSWERS = ["--location", "xiamen", "--product", "drug", "--drug-class", "innovative",
           "--phase", "phase-1", "--rd-investment", "30000000",
           "--national-funding", "5000000", "--tech-transaction", "4000000"]
COUNTED = [10000000, 5000000]
TOTAL = 15000000
DOC_NUMBER = "厦府规〔2023〕17号"


class Tap:
    def __init__(self):
        self.count = 0
        self.failed = 0

    def ok(self, condition, description, diagnostics=None):
        self.count += 1
        if condition:
            print("ok %d - %s" % (self.count, description))
        else:
            self.failed += 1
            print("not ok %d - %s" % (self.count, description))
            for line in str(diagnostics or "").splitlines():
                print("#   " + line)
        sys.stdout.flush()
        return condition

    def skip(self, description, reason):
        self.count += 1
        print("ok %d - %s # SKIP %s" % (self.count, description, reason))

    def finish(self):
        print("1..%d" % self.count)
        return 1 if self.failed else 0


class Result:
    def __init__(self, argv, proc):
        self.argv = argv
        self.rc = proc.returncode
        self.raw = proc.stdout
        self.out = proc.stdout.decode("utf-8", "replace")
        self.err = proc.stderr.decode("utf-8", "replace")

    def json(self):
        try:
            return json.loads(self.out)
        except ValueError:
            return None

    def __str__(self):
        return "argv: %r\nstatus: %d\nstdout: %s\nstderr: %s" % (
            self.argv, self.rc, self.out[:1500], self.err[:1500])


class Pnav:
    def __init__(self, binary, workdir):
        self.binary = binary
        self.workdir = workdir
        self.db = os.path.join(workdir, "pnav.db")
        home = os.path.join(workdir, "home")
        os.makedirs(home, exist_ok=True)
        self.env = dict(os.environ)
        self.env.update({
            "HOME": home,
            "XDG_DATA_HOME": os.path.join(home, "data"),
            "XDG_CONFIG_HOME": os.path.join(home, "config"),
            "XDG_CACHE_HOME": os.path.join(home, "cache"),
            "LC_ALL": "C.UTF-8",
            "LANGUAGE": "C",
        })

    def run(self, *args):
        argv = [self.binary, "--db", self.db] + list(args)
        proc = subprocess.run(argv, capture_output=True, env=self.env, timeout=120,
                              cwd=self.workdir)
        return Result(argv, proc)


def tool(name):
    return shutil.which(name)


def squeeze(text):
    """Text without any white space: table cells and wrapped lines join up."""
    return re.sub(r"\s+", "", text)


def yuan(amount):
    return "¥{:,}".format(amount)


def chinese_number(n):
    digits = "零一二三四五六七八九"
    if n < 10:
        return digits[n]
    return (digits[n // 10] if n >= 20 else "") + "十" + (digits[n % 10] if n % 10 else "")


def citation(match, lang, titles):
    """How a brief cites a measure: the document's number, else its title,
    never its internal id; numbered as the document numbers its measures."""
    title = titles[match["document_id"]]
    number = match["article"]
    task_list = title["zh"].endswith("清单")
    if lang == "en":
        source = match["doc_number"] or title["en"]
        return "%s, task %s" % (source, number) if task_list else "%s art. %s" % (source, number)
    source = match["doc_number"] or "《%s》" % title["zh"]
    parts = [int(p) for p in number.split(".")]
    if len(parts) == 1:
        return "%s第%d%s" % (source, parts[0], "项" if task_list else "条")
    if len(parts) == 2:
        return "%s第%s条第（%s）项" % (source, chinese_number(parts[0]), chinese_number(parts[1]))
    return "%s%s（%s）%d" % (source, chinese_number(parts[0]), chinese_number(parts[1]), parts[2])


def run_tool(*argv):
    proc = subprocess.run(list(argv), capture_output=True, timeout=120)
    return proc.returncode, proc.stdout.decode("utf-8", "replace"), proc.stderr.decode("utf-8", "replace")


# ---- CSV: the flattening pn_export_results_csv() documents -----------------

def scalar(value):
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return ";".join(scalar(v) or "" for v in value)
    return str(value)


OBJECT_COLUMNS = {
    "not_counted_detail": ["zh", "en"],
    "derivation": ["zh", "en"],
    "high_reason": ["zh", "en"],
}
OBJECT_ARRAY_COLUMNS = {
    "responsible_units": ["id", "zh", "en", "role"],
    "conditions": ["question", "state", "accepted"],
    "notes": ["zh", "en"],
    "interpretation_notes": ["zh", "en"],
    # a reading's derivation stays in the JSON and the brief
    "readings": ["id", "estimate_cny", "zh", "en", "chosen"],
    "stages": ["share", "cny", "year"],
}


def flatten_members(members, fields):
    for key, value in members.items():
        if key in OBJECT_COLUMNS or isinstance(value, dict):
            for inner in OBJECT_COLUMNS.get(key) or list(value.keys()):
                fields["%s_%s" % (key, inner)] = scalar(value[inner]) if value is not None else None
        elif key in OBJECT_ARRAY_COLUMNS or (isinstance(value, list) and value and isinstance(value[0], dict)):
            for inner in OBJECT_ARRAY_COLUMNS.get(key) or list(value[0].keys()):
                fields["%s_%s" % (key, inner)] = "\n".join(scalar(e[inner]) or "" for e in value)
        elif isinstance(value, list):
            fields[key] = "\n".join(scalar(v) or "" for v in value)
        else:
            fields[key] = scalar(value)


def flatten(match):
    """Every field of one `pnav match` entry, as pn_export_results_csv()
    names and writes it; None for null.  The members of "amount" go by
    their own names."""
    fields = {}
    flatten_members({k: v for k, v in match.items() if k != "amount"}, fields)
    flatten_members(match.get("amount", {}), fields)
    return fields


def check_csv(tap, raw, match_json):
    tap.ok(raw.startswith(b"\xef\xbb\xbf"), "CSV starts with a UTF-8 byte-order mark")
    text = raw[3:].decode("utf-8")
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    matches = match_json["matches"]
    tap.ok(len(rows) == len(matches), "CSV has one row per listed benefit",
           "%d rows, %d matches" % (len(rows), len(matches)))

    header = rows[0].keys() if rows else []
    expected_columns = set(["as_of", "location"])
    for m in matches:
        expected_columns |= set(flatten(m).keys())
    tap.ok(set(header) == expected_columns, "CSV columns are every field of `pnav match` JSON",
           "missing: %r\nextra: %r" % (sorted(expected_columns - set(header)),
                                       sorted(set(header) - expected_columns)))

    mismatches = []
    amounts = 0
    for row, m in zip(rows, matches):
        fields = flatten(m)
        fields["as_of"] = match_json["as_of"]
        fields["location"] = match_json["location"]
        for key, value in fields.items():
            got = row.get(key)
            if key.endswith("_cny"):
                if value is None or value == "":
                    ok = got == ""
                else:
                    # one line per element of an array ("readings_estimate_cny")
                    want = str(value).split("\n")
                    have = (got or "").split("\n")
                    ok = len(want) == len(have) and all(
                        (w == "" and h == "") or
                        (re.fullmatch(r"-?\d+", h) is not None and w != "" and int(h) == int(w))
                        for w, h in zip(want, have))
                    amounts += 1
            elif key == "rate":
                ok = (got == "" and value is None) or (value is not None and float(got) == float(value))
            else:
                ok = got == (value if value is not None else "")
            if not ok:
                mismatches.append((m["benefit_id"], key, value, got))
    tap.ok(not mismatches and amounts > 0,
           "every CSV field round-trips against `pnav match --format json` (%d amounts as integers)" % amounts,
           "\n".join(repr(x) for x in mismatches[:20]))


# ---- iCalendar -------------------------------------------------------------

def parse_ics(raw):
    """(calendar properties, events as dicts of lists) or raises ValueError."""
    text = raw.decode("utf-8")
    if "\n" in text.replace("\r\n", ""):
        raise ValueError("a line does not end with CRLF")
    text = re.sub(r"\r\n[ \t]", "", text)
    lines = text.split("\r\n")
    if lines[-1] != "":
        raise ValueError("no CRLF after the last line")
    lines = lines[:-1]
    if lines[0] != "BEGIN:VCALENDAR" or lines[-1] != "END:VCALENDAR":
        raise ValueError("not a VCALENDAR")
    stack = []
    events = []
    calendar = {}
    for line in lines:
        if line.startswith("BEGIN:"):
            stack.append(line[6:])
            if line == "BEGIN:VEVENT":
                events.append({})
            continue
        if line.startswith("END:"):
            if not stack or stack.pop() != line[4:]:
                raise ValueError("unbalanced %s" % line)
            continue
        name, _, value = line.partition(":")
        prop = name.split(";")[0]
        if prop in ("SUMMARY", "DESCRIPTION"):
            value = re.sub(r"\\([\\;,nN])",
                           lambda m: "\n" if m.group(1) in "nN" else m.group(1), value)
        target = events[-1] if stack and stack[-1] == "VEVENT" else calendar
        target.setdefault(prop, []).append((name, value))
    if stack:
        raise ValueError("unclosed %r" % stack)
    return calendar, events


def main():
    if len(sys.argv) != 2:
        print("usage: test_planning.py PATH-TO-PNAV", file=sys.stderr)
        return 99

    workdir = tempfile.mkdtemp(prefix="pnav-planning-")
    tap = Tap()
    try:
        run_tests(tap, Pnav(os.path.abspath(sys.argv[1]), workdir), workdir)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    return tap.finish()


def run_tests(tap, pnav, workdir):
    r = pnav.run("profile", "save", CLIENT, *ANSWERS)
    tap.ok(r.rc == 0, "profile save of the client", r)

    r = pnav.run("match", "--profile", CLIENT, "--as-of", AS_OF, "--format", "json")
    match_json = r.json()
    tap.ok(r.rc == 0 and match_json is not None, "match --profile", r)
    counted = sorted(m["amount"]["estimate_cny"] for m in match_json["matches"] if m["counted"])
    tap.ok(counted == sorted(COUNTED) and match_json["total_estimate_cny"] == TOTAL,
           "the counted amounts are the ones worked out by hand",
           "%r, total %r" % (counted, match_json["total_estimate_cny"]))

    test_brief_pdf(tap, pnav, workdir)
    test_brief_markdown(tap, pnav, match_json)

    r = pnav.run("brief", "--profile", CLIENT, "--as-of", AS_OF, "--format", "csv")
    tap.ok(r.rc == 0, "brief --format csv to standard output", r)
    check_csv(tap, r.raw, match_json)

    test_output_files(tap, pnav, workdir)
    test_compare(tap, pnav)
    test_pipeline(tap, pnav)
    test_deadlines(tap, pnav, workdir)
    test_usage(tap, pnav)


def test_brief_pdf(tap, pnav, workdir):
    have_poppler = all(tool(t) for t in ("pdftotext", "pdffonts", "pdfinfo", "pdftoppm"))
    builddir = os.environ.get("G_TEST_BUILDDIR", workdir)

    for lang, page_label in (("en", r"Page1of(\d+)"), ("zh", r"第1页，共(\d+)页")):
        path = os.path.join(workdir, "brief-%s.pdf" % lang)
        r = pnav.run("brief", "--profile", CLIENT, "--as-of", AS_OF, "--lang", lang,
                     "--format", "pdf", "--output", path)
        made = r.rc == 0 and r.out == "" and os.path.exists(path)
        tap.ok(made, "brief --lang %s writes a PDF quietly" % lang, r)
        if not made:
            continue
        with open(path, "rb") as f:
            tap.ok(f.read(5) == b"%PDF-", "brief --lang %s: the file is a PDF" % lang)

        if not have_poppler:
            tap.skip("brief --lang %s: PDF text, fonts and pages" % lang, "poppler-utils not installed")
            continue

        rc, info, err = run_tool("pdfinfo", path)
        pages = re.search(r"^Pages:\s+(\d+)", info, re.M)
        tap.ok(rc == 0 and "595.276 x 841.89 pts (A4)" in info and pages and int(pages.group(1)) >= 2,
               "brief --lang %s: A4 pages" % lang, info + err)

        rc, text, err = run_tool("pdftotext", "-enc", "UTF-8", path, "-")
        flat = squeeze(text)
        needles = [squeeze(CLIENT), DOC_NUMBER] + [yuan(a) for a in COUNTED] + [yuan(TOTAL)]
        missing = [n for n in needles if n not in flat]
        tap.ok(rc == 0 and not missing,
               "brief --lang %s: the PDF text has the client, %s, each counted amount and the total"
               % (lang, DOC_NUMBER), "missing: %r\n%s" % (missing, text[:3000]))
        numbers = re.search(page_label, flat)
        tap.ok(numbers is not None and pages and numbers.group(1) == pages.group(1),
               "brief --lang %s: pages are numbered" % lang, flat[:400])
        if lang == "zh":
            tap.ok("计入合计的措施" in flat and "免责声明" in flat,
                   "brief --lang zh: the headings are Chinese", flat[:600])
        else:
            tap.ok("Countedmeasures" in flat and "Disclaimer" in flat,
                   "brief --lang en: the headings are English", flat[:600])

        rc, fonts, err = run_tool("pdffonts", path)
        cjk = [line for line in fonts.splitlines()[2:]
               if re.search(r"CJK", line.split()[0] if line.split() else "")
               and re.search(r"\byes\s+yes\b", line)]
        tap.ok(rc == 0 and cjk, "brief --lang %s: pdffonts lists an embedded CJK font" % lang, fonts)

        png = os.path.join(builddir, "planning-brief-%s" % lang)
        rc, out, err = run_tool("pdftoppm", "-png", "-r", "70", "-f", "1", "-l", "1",
                                "-singlefile", path, png)
        with open(png + ".png", "rb") as f:
            tap.ok(rc == 0 and f.read(8) == b"\x89PNG\r\n\x1a\n",
                   "brief --lang %s: page 1 rendered to %s.png" % (lang, png), err)


def test_brief_markdown(tap, pnav, match_json):
    for lang in ("en", "zh"):
        r = pnav.run("brief", "--profile", CLIENT, "--as-of", AS_OF, "--lang", lang, "--format", "md")
        tap.ok(r.rc == 0 and r.out.startswith("# "), "brief --lang %s --format md" % lang, r)
        titles = {d["id"]: d["title"] for d in pnav.run("list-documents", "--format", "json").json()}
        missing = [citation(m, lang, titles) for m in match_json["matches"]
                   if citation(m, lang, titles) not in r.out]
        tap.ok(not missing, "brief --lang %s: the Markdown has every citation" % lang,
               "missing: %r" % missing)
        ids = [i for i in titles if i in r.out]
        tap.ok(not ids, "brief --lang %s: no internal document id" % lang, "named: %r" % ids)
        needles = [CLIENT, yuan(TOTAL)] + [yuan(a) for a in COUNTED]
        missing = [n for n in needles if n not in r.out]
        tap.ok(not missing, "brief --lang %s: the Markdown has the client, the amounts and the total" % lang,
               "missing: %r" % missing)
        sections = (["## Counted measures", "## How each amount is derived",
                     "## Possible matches and what is missing", "## Measures not counted, and why",
                     "## Overlap decisions", "## Measures ending within 12 months", "## Coverage",
                     "## Disclaimer"] if lang == "en" else
                    ["## 计入合计的措施", "## 各项金额的计算", "## 可能符合的措施及尚缺条件",
                     "## 未计入的措施及原因", "## 重复享受的处理", "## 12个月内到期的措施",
                     "## 数据覆盖范围", "## 免责声明"])
        positions = [r.out.find(s) for s in sections]
        tap.ok(all(p >= 0 for p in positions) and positions == sorted(positions),
               "brief --lang %s: the Markdown has every section, in order" % lang,
               repr(list(zip(sections, positions))))
        # grouped as the window and pnav match group them: a measure that
        # needs a figure is a possible match (it was among those not counted)
        m = pnav.run("match", "--profile", CLIENT, "--as-of", AS_OF, "--format", "json").json()
        possible = r.out[positions[2]:positions[3]]
        not_counted = r.out[positions[3]:positions[4]]
        wrong = [x["benefit_id"] for x in m["matches"]
                 if x["not_counted_reason"] == "missing-figure"
                 and (citation(x, lang, titles) not in possible
                      or "| %s |" % citation(x, lang, titles) in not_counted)]
        tap.ok(any(x["not_counted_reason"] == "missing-figure" for x in m["matches"]) and not wrong,
               "brief --lang %s: a measure that needs a figure is among the possible matches" % lang,
               repr(wrong))


def test_output_files(tap, pnav, workdir):
    # an existing file is replaced in one step: a new inode renamed over it,
    # so a reader of the old file still reads the old bytes whole
    target = os.path.join(workdir, "existing.md")
    old = b"old content\n" * 1000
    with open(target, "wb") as f:
        f.write(old)
    os.chmod(target, 0o640)
    before = os.stat(target)
    with open(target, "rb") as reader:
        r = pnav.run("brief", "--profile", CLIENT, "--as-of", AS_OF, "--format", "md",
                     "--output", target)
        still_old = reader.read()
    after = os.stat(target)
    with open(target, "rb") as f:
        new = f.read()
    tap.ok(r.rc == 0 and new.startswith(b"# ") and b"Disclaimer" in new,
           "brief --output over an existing file writes the whole brief", r)
    tap.ok(after.st_ino != before.st_ino and still_old == old,
           "the existing file is replaced atomically (renamed over, never rewritten in place)",
           "inode %d → %d" % (before.st_ino, after.st_ino))
    tap.ok((after.st_mode & 0o777) == 0o640, "the replaced file keeps its permissions",
           oct(after.st_mode))
    leftovers = [n for n in os.listdir(workdir) if n.startswith("existing.md") and n != "existing.md"]
    tap.ok(not leftovers, "no temporary file is left behind", repr(leftovers))

    # paths that cannot be written: a clear message, exit status 2, the old file untouched
    plain = os.path.join(workdir, "plain-file")
    with open(plain, "w") as f:
        f.write("keep")
    unwritable = [
        ("a missing folder", os.path.join(workdir, "no-such-folder", "brief.pdf"), "pdf"),
        ("a path through a file", os.path.join(plain, "brief.pdf"), "pdf"),
        ("a folder", workdir, "md"),
    ]
    if os.geteuid() != 0:
        locked = os.path.join(workdir, "locked")
        os.mkdir(locked, 0o555)
        unwritable.append(("a read-only folder", os.path.join(locked, "brief.pdf"), "pdf"))
    for what, path, fmt in unwritable:
        r = pnav.run("brief", "--profile", CLIENT, "--format", fmt, "--output", path)
        tap.ok(r.rc == 2 and "--output" in r.err and path in r.err and "Traceback" not in r.err
               and "CRITICAL" not in r.err and r.out == "",
               "brief --output to %s exits 2 naming the path" % what, r)
    with open(plain) as f:
        tap.ok(f.read() == "keep", "a failed write leaves the files there as they were")

    r = pnav.run("deadlines", "--location", "xiamen", "--format", "ics",
                 "--output", os.path.join(plain, "x.ics"))
    tap.ok(r.rc == 2 and "--output" in r.err, "deadlines --output to an unwritable path exits 2", r)


def test_compare(tap, pnav):
    places = ["xiamen", "jinjiang", "fuzhou"]
    answers = ["--product", "drug", "--drug-class", "innovative", "--therapeutic-area", "oncology",
               "--phase", "phase-2", "--rd-investment", "60000000", "--as-of", AS_OF]
    r = pnav.run("compare", "--locations", ",".join(places), *answers, "--format", "json")
    got = r.json()
    tap.ok(r.rc == 0 and got is not None and got.get("locations") == places,
           "compare --locations xiamen,jinjiang,fuzhou --format json", r)
    if got is None:
        return

    separate = []
    for place in places:
        m = pnav.run("match", "--location", place, *answers, "--format", "json")
        separate.append(m.json())
    tap.ok(got["results"] == separate,
           "compare's results equal three separate `pnav match --location` runs")

    summary = got["summary"]
    totals = [s["total_estimate_cny"] for s in summary["locations"]]
    tap.ok(totals == [s["total_estimate_cny"] for s in separate]
           and [s["counted_count"] for s in summary["locations"]] == [s["counted_count"] for s in separate],
           "compare's summary has each location's total and count", json.dumps(summary)[:800])
    best = max(totals)
    tap.ok(summary["best_location"] == places[totals.index(best)]
           and summary["best_locations"] == [p for p, t in zip(places, totals) if t == best],
           "compare names the best location (the first on a tie)", json.dumps(summary)[:400])

    # nothing counts anywhere: no best place (it named the first, Xiamen)
    r = pnav.run("compare", "--locations", ",".join(places), "--product", "organisation",
                 "--entity", "platform", "--equipment", "20000000", "--as-of", "2026-06-30",
                 "--format", "json")
    zero = r.json()
    tap.ok(r.rc == 0 and zero is not None
           and all(s["total_estimate_cny"] == 0 for s in zero["summary"]["locations"])
           and zero["summary"]["best_location"] is None and zero["summary"]["best_locations"] == [],
           "compare with ¥0 everywhere names no best place", r)
    r = pnav.run("compare", "--locations", ",".join(places), "--product", "organisation",
                 "--entity", "platform", "--equipment", "20000000", "--as-of", "2026-06-30")
    tap.ok(r.rc == 0 and "No place has a measure that counts." in r.out and "Highest total" not in r.out,
           "and its text says so", r)

    kinds_ok = True
    for entry in summary["by_kind"]:
        per = []
        for result in separate:
            per.append(sum(m["amount"]["estimate_cny"] for m in result["matches"]
                           if m["counted"] and m["amount"]["kind"] == entry["kind"]))
        kinds_ok &= [l["total_estimate_cny"] for l in entry["locations"]] == per
        kinds_ok &= entry["difference_cny"] == max(per) - min(per)
    tap.ok(kinds_ok and summary["by_kind"], "compare's per-kind totals and differences add up",
           json.dumps(summary["by_kind"])[:800])

    r = pnav.run("compare", "--locations", ",".join(places), *answers)
    tap.ok(r.rc == 0 and "Xiamen" in r.out and "Jinjiang" in r.out and "Fuzhou" in r.out,
           "compare --format text", r)

    # when what counts ends: the earliest end of the counted measures, each
    # place (the task list's 2025-12-31 is earlier than Xiamen's own end)
    expected = []
    for result in separate:
        ends = [m["valid_until"] for m in result["matches"] if m["counted"] and m.get("valid_until")
                and not m["valid_until"].startswith("9999")]
        expected.append(min(ends) if ends else None)
    tap.ok([s.get("counted_until") for s in summary["locations"]] == expected and any(expected),
           "compare's summary gives each place's counted_until, the earliest end of what counts",
           repr(([s.get("counted_until") for s in summary["locations"]], expected)))
    row = [line for line in r.out.splitlines() if line.startswith("Counted until")]
    tap.ok(len(row) == 1 and all((e or "—") in row[0] for e in expected),
           "and its text has a row “Counted until”", r)

    # an "up to" with no bound still says what the capped measures give: a
    # column of "no upper bound" beside "¥34,450,000" compared nothing
    bounded = [s["total_high_bounded_cny"] for s in summary["locations"]]
    tap.ok(all(b == s["total_high_cny"] for b, s in zip(bounded, summary["locations"])
               if s["total_high_cny"] is not None)
           and all(b == m["total_high_bounded_cny"] for b, m in zip(bounded, separate)),
           "compare gives each place's capped 'up to' total, as match does", json.dumps(summary)[:600])
    unbounded = [s for s in summary["locations"] if s["total_high_cny"] is None]
    tap.ok(not unbounded or ("≥ " in r.out and "“≥”" in r.out),
           "compare's text says '≥' the capped total where there is no upper bound, and what it means", r)

    for args, needle in ((["--locations", "xiamen"], "--locations"),
                         (["--locations", "xiamen,atlantis"], "atlantis"),
                         (["--locations", "xiamen,jinjiang,xiamen"], "xiamen"),
                         (["--locations", "xiamen,,fuzhou"], "--locations"),
                         (["--locations", "a,b,c,d,e"], "--locations"),
                         (["--locations", "xiamen,fuzhou", "--location", "xiamen"], "--location"),
                         ([], "--locations")):
        r = pnav.run("compare", *args, "--product", "drug")
        tap.ok(r.rc == 2 and needle in r.err and r.out == "",
               "compare %s exits 2 naming %s" % (" ".join(args) or "without --locations", needle), r)


def test_pipeline(tap, pnav):
    base = ["--location", "xiamen", "--product", "drug", "--drug-class", "innovative",
            "--as-of", AS_OF]
    figures = {"phase-3": 120000000}
    default_rd = 30000000
    r = pnav.run("pipeline", *base, "--rd-investment", str(default_rd),
                 "--rd-investment-phase-3", str(figures["phase-3"]), "--format", "json")
    got = r.json()
    tap.ok(r.rc == 0 and got is not None and got.get("product") == "drug", "pipeline --format json", r)
    if got is None:
        return
    phases = [s["phase"] for s in got["stages"]]
    tap.ok(phases[:4] == ["preclinical", "phase-1", "phase-2", "phase-3"]
           and "marketed" in phases and "overseas-approval" in phases,
           "pipeline runs from preclinical to marketed and overseas approval", repr(phases))

    mismatches = []
    for stage in got["stages"]:
        rd = figures.get(stage["phase"], default_rd)
        m = pnav.run("match", *base, "--phase", stage["phase"], "--rd-investment", str(rd),
                     "--format", "json").json()
        by_id = {e["benefit_id"]: e for e in m["matches"]}
        if stage["total_estimate_cny"] != m["total_estimate_cny"]:
            mismatches.append((stage["phase"], "total", stage["total_estimate_cny"], m["total_estimate_cny"]))
        if stage["counted_count"] != m["counted_count"]:
            mismatches.append((stage["phase"], "count"))
        for milestone in stage["milestones"]:
            if by_id.get(milestone["benefit_id"]) != milestone:
                mismatches.append((stage["phase"], milestone["benefit_id"]))
        milestone_total = sum(e["amount"]["estimate_cny"] for e in stage["milestones"] if e["counted"])
        if milestone_total != stage["milestone_estimate_cny"]:
            mismatches.append((stage["phase"], "milestone total"))
        given = {f["figure"]: f["given_cny"] for f in stage["figures"]}
        if "rd-investment" in given and given["rd-investment"] != rd:
            mismatches.append((stage["phase"], "rd-investment given", given["rd-investment"], rd))
    tap.ok(not mismatches, "every pipeline stage equals `pnav match` with that phase and its figure",
           "\n".join(repr(x) for x in mismatches))

    stage = {s["phase"]: s for s in got["stages"]}
    # 40% × 30,000,000 = 12,000,000 of the 2000万元 Phase II cap; 50,000,000 reaches it
    p2 = stage["phase-2"]
    tap.ok(p2["milestone_estimate_cny"] == 12000000 and p2["ceiling_cny"] == 20000000
           and p2["figures"] == [{"figure": "rd-investment", "given_cny": 30000000,
                                  "for_ceiling_cny": 50000000, "more_gives_less": False}],
           "pipeline phase-2: counted estimate, cap and the figure that reaches it", json.dumps(p2)[:600])

    # the whole pipeline: the milestones' counted estimates added up, their
    # caps together, and the first end of a counted measure
    whole = sum(s["milestone_estimate_cny"] for s in got["stages"])
    ceiling = (None if any(s["ceiling_cny"] is None for s in got["stages"])
               else sum(s["ceiling_cny"] for s in got["stages"]))
    ends = [e["valid_until"] for s in got["stages"] for e in s["milestones"] if e["counted"] and e["valid_until"]]
    tap.ok(got["pipeline_estimate_cny"] == whole and got["pipeline_ceiling_cny"] == ceiling
           and got["counted_until"] == (min(ends) if ends else None) and whole > 0,
           "pipeline JSON: the whole pipeline's estimate, ceiling and first end",
           json.dumps({k: got[k] for k in ("pipeline_estimate_cny", "pipeline_ceiling_cny", "counted_until")}))

    r = pnav.run("pipeline", *base, "--rd-investment", str(default_rd))
    tap.ok(r.rc == 0 and "phase-1" in r.out and "¥25,000,000" in r.out, "pipeline --format text", r)
    # 厦府规〔2023〕17号 art. 20: up to 80万元, paid 40%/30%/30% over three years,
    # said under the measure in pnav match too (the JSON and the brief had it)
    m = pnav.run("match", "--location", "xiamen", "--product", "device", "--as-of", "2026-06-30")
    tap.ok(m.rc == 0 and "Paid by year: year 1: ¥320,000 (40%), year 2: ¥240,000 (30%), year 3: ¥240,000 (30%)" in m.out,
           "match text: an award paid by year says so", m)
    j = pnav.run("pipeline", *base, "--rd-investment", str(default_rd), "--format", "json").json()
    tap.ok(r.rc == 0 and ("Whole pipeline: ¥%s " % format(j["pipeline_estimate_cny"], ",")) in r.out
           and "The first counted measure ends on" in r.out, "pipeline text: the whole pipeline and when its measures end", r)
    # a milestone reached later may find the measure ended: its end is shown
    tap.ok(r.rc == 0 and re.search(r"\(厦府规〔2023〕17号 art\. 1\) \(in force until 31 December 2026\)\n", r.out),
           "pipeline text says when a counted measure ends", r)
    # a figure already enough for the ceiling, and one the ceiling does not
    # need (Jinjiang 2025: task 12's ¥5,000,000 has no sales threshold and
    # beats 2.2's ¥3,000,000, which has one)
    r = pnav.run("pipeline", "--location", "jinjiang", "--drug-class", "innovative",
                 "--therapeutic-area", "oncology", "--sales", "1500000", "--rd-investment", "30000000",
                 "--as-of", "2025-11-01")
    tap.ok(r.rc == 0 and "R&D investment: given ¥30,000,000, enough for the ceiling (¥25,000,000)" in r.out
           and "R&D investment: given ¥30,000,000; ¥50,000,000 reaches the ceiling" in r.out
           and "Cumulative sales: given ¥1,500,000; the ceiling does not depend on it" in r.out,
           "pipeline text says when a figure is enough for the ceiling or not needed", r)
    # 2026: 晋江 1.1 tops up to 40% what the lapsed province's 30% is taken
    # to have given; past the top-up's own cap the province's share grows
    # and the top-up shrinks. It said "ceiling: ¥0" under ¥4,000,000 counted.
    r = pnav.run("pipeline", "--location", "jinjiang", "--product", "drug", "--drug-class", "innovative",
                 "--modality", "biologic", "--therapeutic-area", "oncology", "--rd-investment", "40000000",
                 "--as-of", "2026-06-30", "--format", "json")
    got = r.json()
    stage = {s["phase"]: s for s in got["stages"]} if got else {}
    p2, p3 = stage.get("phase-2", {}), stage.get("phase-3", {})
    tap.ok(r.rc == 0 and p2.get("milestone_estimate_cny") == 4000000 and p2.get("ceiling_cny") == 5000000
           and p2.get("figures") == [{"figure": "rd-investment", "given_cny": 40000000,
                                      "for_ceiling_cny": 50000000, "more_gives_less": True}]
           and p3.get("ceiling_cny") == 7500000,
           "a top-up's ceiling is at its own cap, never below what counts",
           json.dumps(p2)[:600])
    # Phase I at ¥30,000,000: the top-up's own cap is at ¥25,000,000, below
    # the figure given; the least figure for the ¥1,000,000 it gives was
    # shown as ¥9,999,993, as though less R&D would do: the figure given
    r = pnav.run("pipeline", "--location", "jinjiang", "--product", "drug", "--drug-class", "innovative",
                 "--modality", "biologic", "--therapeutic-area", "oncology", "--rd-investment", "30000000",
                 "--as-of", "2026-06-30", "--format", "json")
    got = r.json()
    p1 = {s["phase"]: s for s in got["stages"]}.get("phase-1", {}) if got else {}
    tap.ok(r.rc == 0 and p1.get("ceiling_cny") == 1000000 and p1.get("figures")
           and p1["figures"][0]["for_ceiling_cny"] == 30000000 and p1["figures"][0]["more_gives_less"] is True,
           "a top-up past its own cap shows the figure given, and that more gives less", json.dumps(p1)[:600])
    r = pnav.run("pipeline", "--location", "jinjiang", "--product", "drug", "--drug-class", "innovative",
                 "--modality", "biologic", "--therapeutic-area", "oncology", "--rd-investment", "40000000",
                 "--as-of", "2026-06-30")
    tap.ok(r.rc == 0 and "  (past ¥50,000,000, more R&D investment gives less: a top-up pays only the "
                         "difference over the award it tops up)\n" in r.out,
           "and its text says past which figure more gives less", r)
    r = pnav.run("pipeline", "--location", "xiamen", "--entity", "cro")
    tap.ok(r.rc == 2 and "--product" in r.err, "pipeline of a non-product profile exits 2", r)
    r = pnav.run("pipeline", "--location", "xiamen", "--product", "drug", "--rd-investment-phase-1", "200万")
    tap.ok(r.rc == 2 and "--rd-investment-phase-1" in r.err, "pipeline --rd-investment-phase-1 200万 exits 2", r)


def test_deadlines(tap, pnav, workdir):
    r = pnav.run("deadlines", "--location", "xiamen", "--as-of", AS_OF, "--format", "json")
    got = r.json()
    tap.ok(r.rc == 0 and got is not None and got["deadlines"], "deadlines --format json", r)
    if got is None:
        return
    ends = [d["valid_until"] for d in got["deadlines"]]
    days_ok = all(d["days_left"] == (578 if d["valid_until"] == "2026-12-31" else
                                     213 if d["valid_until"] == "2025-12-31" else d["days_left"])
                  for d in got["deadlines"])
    tap.ok(ends == sorted(ends) and min(ends) >= AS_OF and days_ok,
           "deadlines are sorted by end date with the days left (2026-12-31: 578 days)", repr(ends[:5]))

    show = pnav.run("show", "xiamen-2023-17", "--format", "json").json()
    xiamen_ids = [b["id"] for a in show["articles"] for b in a["benefits"]]
    listed = {d["benefit_id"]: d for d in got["deadlines"]}
    tap.ok(all(i in listed and listed[i]["valid_until"] == "2026-12-31" for i in xiamen_ids),
           "every measure of 厦府规〔2023〕17号 ends on 2026-12-31",
           repr([i for i in xiamen_ids if i not in listed][:5]))

    r = pnav.run("deadlines", "--location", "xiamen", "--as-of", AS_OF, "--within", "213", "--format", "json")
    within = r.json()
    tap.ok(r.rc == 0 and within["deadlines"] and all(d["days_left"] <= 213 for d in within["deadlines"])
           and not any(d["valid_until"] == "2026-12-31" for d in within["deadlines"]),
           "deadlines --within 213 keeps only what ends in 213 days", r)

    path = os.path.join(workdir, "deadlines.ics")
    r = pnav.run("deadlines", "--location", "xiamen", "--as-of", AS_OF, "--format", "ics", "--output", path)
    tap.ok(r.rc == 0 and os.path.exists(path), "deadlines --format ics --output", r)
    try:
        with open(path, "rb") as f:
            calendar, events = parse_ics(f.read())
        parsed = True
    except (ValueError, OSError, UnicodeDecodeError) as e:
        parsed, calendar, events = False, {}, []
        tap.ok(False, "the .ics parses", str(e))
    if parsed:
        tap.ok("VERSION" in calendar and "PRODID" in calendar, "the .ics parses: VCALENDAR with VERSION and PRODID")
        tap.ok(len(events) == len(got["deadlines"]),
               "the .ics has one event per dated measure (%d)" % len(got["deadlines"]),
               "%d events" % len(events))
        uids = [e["UID"][0][1] for e in events if "UID" in e]
        problems = []
        for e, d in zip(events, got["deadlines"]):
            start = e.get("DTSTART", [("", "")])[0]
            if start != ("DTSTART;VALUE=DATE", d["valid_until"].replace("-", "")):
                problems.append((d["benefit_id"], "DTSTART", start))
            if e.get("UID", [("", "")])[0][1] != d["uid"] or d["valid_until"].replace("-", "") not in d["uid"] \
                    or not d["uid"].startswith(d["benefit_id"]):
                problems.append((d["benefit_id"], "UID"))
            if d["citation"] not in e.get("SUMMARY", [("", "")])[0][1]:
                problems.append((d["benefit_id"], "SUMMARY"))
            units = [u["en"] for u in d["responsible_units"]]
            description = e.get("DESCRIPTION", [("", "")])[0][1]
            if not all(u in description for u in units):
                problems.append((d["benefit_id"], "DESCRIPTION"))
        tap.ok(len(set(uids)) == len(events) and not problems,
               "each event: all-day on the end date, a stable UID, the citation and the responsible units",
               "\n".join(repr(p) for p in problems[:10]))

    r2 = pnav.run("deadlines", "--location", "xiamen", "--as-of", AS_OF, "--format", "ics")
    uids_again = re.findall(r"^UID:(.*)$", re.sub(r"\r\n[ \t]", "", r2.out), re.M)
    tap.ok(r2.rc == 0 and [u.strip() for u in uids_again] == [d["uid"] for d in got["deadlines"]],
           "the UIDs are the same on every run", r2)

    r = pnav.run("deadlines", "--location", "xiamen", "--as-of", AS_OF)
    tap.ok(r.rc == 0 and "ends in 578 days" in r.out and "2026-12-31" in r.out, "deadlines --format text", r)
    # before Xiamen's measures start, a far end is no offer yet: it says so
    r = pnav.run("deadlines", "--location", "xiamen", "--as-of", "2023-06-01")
    tap.ok(r.rc == 0 and "ends in 1309 days Innovative drug: Phase I completed" in r.out
           and "not yet in force: from 20 November 2023" in r.out
           and r.out.count("not yet in force") < r.out.count("ends in"),
           "deadlines names a measure not yet in force and its start", r)
    for args, needle in ((["--location", "atlantis"], "atlantis"), ([], "--location"),
                         (["--location", "xiamen", "--within", "-1"], "--within"),
                         (["--location", "xiamen", "--format", "pdf"], "--format"),
                         (["--location", "xiamen", "--as-of", "2025-02-30"], "--as-of")):
        r = pnav.run("deadlines", *args)
        tap.ok(r.rc == 2 and needle in r.err and "Traceback" not in r.err,
               "deadlines %s exits 2 naming %s" % (" ".join(args), needle), r)


def test_usage(tap, pnav):
    for command in ("brief", "compare", "pipeline", "deadlines"):
        r = pnav.run(command, "--help")
        tap.ok(r.rc == 0 and "--format" in r.out, "%s --help" % command, r)
    r = pnav.run("--help")
    tap.ok(all(c in r.out for c in ("brief", "compare", "pipeline", "deadlines")),
           "pnav --help lists the new subcommands", r)
    for args, needle in ((["brief", "--format", "md"], "--profile"),
                         (["brief", "--profile", CLIENT], "--output"),
                         (["brief", "--profile", CLIENT, "--format", "docx"], "docx"),
                         (["brief", "--profile", CLIENT, "--lang", "fr", "--format", "md"], "fr"),
                         (["brief", "--profile", "nobody", "--format", "md"], "nobody"),
                         (["brief", "--profile", CLIENT, "--output", "", "--format", "md"], "--output")):
        r = pnav.run(*args)
        tap.ok(r.rc == 2 and needle in r.err and r.out == "",
               "%s exits 2 naming %s" % (" ".join(args), needle), r)


if __name__ == "__main__":
    sys.exit(main())
