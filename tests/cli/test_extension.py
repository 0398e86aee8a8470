#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A notice that keeps a document in force longer (关于延长…有效期的通知),
drafted from its text, checked, imported and removed, as TAP.

    test_extension.py PATH-TO-PNAV

厦府规〔2023〕17号 is in force until 2026-12-31 (its 五、其他). The notice
written here (a test text, 厦府办规〔2026〕15号) says
"《厦门市加快推进生物医药产业高质量发展若干措施》（厦府规〔2023〕17号）有效期延长至2027年12月31日".

For an innovative chemical drug completing Phase II with ¥30,000,000 of
R&D, 厦府规〔2023〕17号 art. 1 gives "按照研发投入最高不超过40%的标准，给予
最高不超过2000万元": 40% × 30,000,000 = 12,000,000:
  - as of 2027-03-01 without the notice: expired, ¥0; with it: ¥12,000,000;
  - as of 2028-01-02, after the new last day: ¥0 either way.
"""

import json
import os
import re
import shutil
import sqlite3
from contextlib import closing
import subprocess
import sys
import tempfile

PHASE_2 = ["--location", "xiamen", "--product", "drug", "--drug-class", "innovative",
           "--modality", "chemical", "--phase", "phase-2", "--rd-investment", "30000000"]
BENEFIT = "xiamen-2023-17/1/innovative-phase-2"

NOTICE_TEXT = """厦门市人民政府办公厅关于延长《厦门市加快推进生物医药产业高质量发展若干措施》有效期的通知

厦府办规〔2026〕15号

各区人民政府，市直各委、办、局，各开发区管委会：

经市政府同意，《厦门市加快推进生物医药产业高质量发展若干措施》（厦府规〔2023〕17号）有效期延长至2027年12月31日。执行过程中如遇国家和省相关政策调整，从其规定。

厦门市人民政府办公厅
2026年12月1日
"""

NOTICE_XML = """<?xml version="1.0" encoding="UTF-8"?>
<policy-document schema-version="1" id="%(id)s" status="%(status)s">
  <doc-number>厦府办规〔2026〕%(number)s号</doc-number>
  <title><zh>关于延长有效期的通知（%(number)s）</zh><en>Notice %(number)s extending a document</en></title>
  <issuer><zh>厦门市人民政府办公厅</zh><en>General Office of the Xiamen Municipal People's Government</en></issuer>
  <jurisdiction>xiamen</jurisdiction>
  <validity issued="2026-12-01" in-force-from="2026-12-01" in-force-until="%(until)s"/>
  <source file="notice.txt" last-verified="2026-12-07"/>
  <extends ref="%(ref)s" until="%(until)s"/>
  <article number="1" chapter="通知">
    <heading><zh>延长有效期</zh><en>Validity extended</en></heading>
    <original>有效期延长至%(until)s。</original>
    <summary>Keeps a document in force longer.</summary>
  </article>
</policy-document>
"""


class Tap:
    def __init__(self):
        self.count = 0
        self.failed = 0

    def ok(self, condition, description, diagnostics=None):
        self.count += 1
        print("%s %d - %s" % ("ok" if condition else "not ok", self.count, description))
        if not condition:
            self.failed += 1
            for line in str(diagnostics or "").splitlines()[:40]:
                print("#   " + line)
        sys.stdout.flush()
        return condition


class Pnav:
    def __init__(self, exe, tmp):
        self.exe, self.tmp = exe, tmp
        self.db = os.path.join(tmp, "store.db")
        self.env = dict(os.environ, XDG_DATA_HOME=os.path.join(tmp, "data"),
                        LANGUAGE="en", LC_ALL="C.UTF-8")

    def run(self, *args):
        proc = subprocess.run([self.exe, "--db", self.db] + list(args), env=self.env,
                              capture_output=True, timeout=120)
        return proc.returncode, proc.stdout.decode(), proc.stderr.decode()

    def json(self, *args):
        rc, out, err = self.run(*(list(args) + ["--format", "json"]))
        try:
            return rc, json.loads(out), err
        except ValueError:
            return rc, None, err + out

    def write(self, name, text):
        path = os.path.join(self.tmp, name)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        return path


def counted(pnav, as_of):
    """(total, the measure's status and whether it counts, the whole output)"""
    rc, data, err = pnav.json("match", *PHASE_2, "--as-of", as_of)
    by_id = {m["benefit_id"]: m for m in (data or {}).get("matches", [])}
    m = by_id.get(BENEFIT, {})
    return (data or {}).get("total_estimate_cny"), m.get("status"), m.get("counted"), (rc, err, data)


def documents(pnav):
    rc, data, err = pnav.json("list-documents")
    items = data if isinstance(data, list) else (data or {}).get("documents", [])
    return {d["id"]: d for d in items}


def notice(pnav, name, **values):
    fields = {"id": "xiamen-2026-15", "status": "final", "number": "15", "ref": "xiamen-2023-17",
              "until": "2027-12-31"}
    fields.update(values)
    return pnav.write(name, NOTICE_XML % fields)


def main():
    if len(sys.argv) != 2:
        print("usage: test_extension.py PATH-TO-PNAV", file=sys.stderr)
        return 99
    tmp = tempfile.mkdtemp(prefix="pnav-extension-")
    tap = Tap()
    try:
        run_tests(tap, Pnav(os.path.abspath(sys.argv[1]), tmp))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print("1..%d" % tap.count)
    return 1 if tap.failed else 0


def run_tests(tap, pnav):
    for name, as_of in (("Later", "2027-03-01"), ("Today", "2026-12-07")):
        rc, out, err = pnav.run("profile", "save", name, *PHASE_2, "--as-of", as_of)
        tap.ok(rc == 0, "profile save %s (as of %s)" % (name, as_of), err)

    total, status, count, raw = counted(pnav, "2027-03-01")
    tap.ok(total == 0 and status == "expired" and count is False,
           "without a notice, 厦府规〔2023〕17号 has expired on 2027-03-01: ¥0", raw)

    # ---- drafted from the text, with the library's id of what it extends ----
    text = pnav.write("notice.txt", NOTICE_TEXT)
    draft = os.path.join(pnav.tmp, "notice.xml")
    rc, out, err = pnav.run("draft", text, "-o", draft)
    tap.ok(rc == 0 and "no benefits" in out, "pnav draft turns the notice into a document", out + err)
    xml = open(draft, encoding="utf-8").read() if os.path.exists(draft) else ""
    tap.ok('<extends ref="xiamen-2023-17" until="2027-12-31"/>' in xml,
           "the draft extends xiamen-2023-17 to 2027-12-31", xml)
    tap.ok('in-force-until="2027-12-31"' in xml and 'issued="2026-12-01"' in xml and 'id="xiamen-2026-15"' in xml,
           "the notice's own id and dates come from its number, signature and new day", xml)
    tap.ok("xiamen-2023-17" in err and "2027-12-31" in err, "pnav draft says what the notice keeps in force", err)
    rc, out, err = pnav.run("validate", draft)
    tap.ok(rc == 0, "the draft validates", out + err)

    # without its number, the title it quotes finds the document
    untitled = pnav.write("notice-title.txt", NOTICE_TEXT.replace("（厦府规〔2023〕17号）", ""))
    rc, out, err = pnav.run("draft", untitled, "-o", os.path.join(pnav.tmp, "notice-title.xml"))
    xml2 = open(os.path.join(pnav.tmp, "notice-title.xml"), encoding="utf-8").read() if rc == 0 else ""
    tap.ok('<extends ref="xiamen-2023-17"' in xml2, "without the number, the quoted title names it", out + err + xml2)
    # neither: the draft says so, and asks for the reference
    unknown = pnav.write("notice-unknown.txt", NOTICE_TEXT.replace("（厦府规〔2023〕17号）", "")
                         .replace("厦门市加快推进生物医药产业高质量发展若干措施", "厦门市某某办法"))
    rc, out, err = pnav.run("draft", unknown, "-o", os.path.join(pnav.tmp, "notice-unknown.xml"))
    xml3 = open(os.path.join(pnav.tmp, "notice-unknown.xml"), encoding="utf-8").read() if rc == 0 else ""
    tap.ok(rc == 0 and "<extends" not in xml3 and "warning" in err and "&lt;extends" in xml3,
           "a notice naming nothing the library has is drafted with a warning, extending nothing", err + xml3)

    # the shapes such notices take: each must name the document and its day
    shapes = [
        ("numbered", "厦府办规〔2026〕16号\n\n厦门市人民政府办公厅关于延长《厦门市加快推进生物医药产业高质量发展若干措施》有效期的通知\n\n"
         "各区人民政府：\n\n经市政府同意，现就有关事项通知如下：\n\n一、《厦门市加快推进生物医药产业高质量发展若干措施》（厦府规〔2023〕17号）"
         "有效期延长至2027年12月31日。\n\n二、延长期间，政策内容保持不变。\n\n厦门市人民政府办公厅\n2026年12月1日\n",
         {"xiamen-2023-17": "2027-12-31"}),
        # 延长一年: from the document's own end, 2026-12-31
        ("one-year", NOTICE_TEXT.replace("有效期延长至2027年12月31日", "有效期延长一年"), {"xiamen-2023-17": "2027-12-31"}),
        ("six-months", NOTICE_TEXT.replace("有效期延长至2027年12月31日", "有效期延长6个月"), {"xiamen-2023-17": "2027-06-30"}),
        ("year-end", NOTICE_TEXT.replace("2027年12月31日", "2027年底"), {"xiamen-2023-17": "2027-12-31"}),
        ("two-in-one", NOTICE_TEXT.replace("（厦府规〔2023〕17号）有效期",
                                           "（厦府规〔2023〕17号）和《晋江市加快推进生命健康产业高质量发展的若干措施》（晋政规(2025)8号）有效期均"),
         {"xiamen-2023-17": "2027-12-31", "jinjiang-2025-8": "2027-12-31"}),
        ("each-its-day", NOTICE_TEXT.replace("有效期延长至2027年12月31日。",
                                             "有效期延长至2027年12月31日，《晋江市加快推进生命健康产业高质量发展的若干措施》（晋政规〔2025〕8号）有效期延长至2027年6月30日。"),
         {"xiamen-2023-17": "2027-12-31", "jinjiang-2025-8": "2027-06-30"}),
    ]
    for name, body, expected in shapes:
        src = pnav.write("shape-%s.txt" % name, body)
        out_path = os.path.join(pnav.tmp, "shape-%s.xml" % name)
        rc, out, err = pnav.run("draft", src, "-o", out_path)
        xml = open(out_path, encoding="utf-8").read() if rc == 0 else ""
        got = dict(re.findall(r'<extends ref="([^"]+)" until="([^"]+)"/>', xml))
        tap.ok(rc == 0 and got == expected and "<benefit " not in xml,
               "a notice of the %s shape extends %s" % (name, expected), err + xml)

    # a notice that also changes the document's awards pays nothing itself
    amend = pnav.write("amend.txt", NOTICE_TEXT.replace(
        "执行过程中如遇国家和省相关政策调整，从其规定。",
        "\n\n二、第（二）条中“按照类别每个品种分别给予1000万元、500万元、300万元奖励”调整为“按照类别每个品种分别给予800万元、400万元、200万元奖励”。"))
    rc, out, err = pnav.run("draft", amend, "-o", os.path.join(pnav.tmp, "amend.xml"))
    xml = open(os.path.join(pnav.tmp, "amend.xml"), encoding="utf-8").read() if rc == 0 else ""
    tap.ok(rc == 0 and "<benefit " not in xml and "<annual-cap" not in xml and "调整为" in xml
           and '<extends ref="xiamen-2023-17" until="2027-12-31"/>' in xml,
           "an amending notice drafts no award of its own and notes the change", err + xml)

    # a successor that repeals the document supersedes it from the day it takes effect
    successor = pnav.write("successor.txt", "厦府规〔2027〕1号\n\n厦门市生物医药产业高质量发展若干措施\n\n"
                           "一、对创新药完成Ⅱ期临床试验的，按照研发投入30%的标准，给予最高不超过1500万元的奖励。\n\n"
                           "二、本措施自2027年1月1日起施行，有效期至2029年12月31日。原《厦门市加快推进生物医药产业高质量发展若干措施》"
                           "（厦府规〔2023〕17号）同时废止。\n\n厦门市人民政府\n2026年12月20日\n")
    rc, out, err = pnav.run("draft", successor, "-o", os.path.join(pnav.tmp, "successor.xml"))
    xml = open(os.path.join(pnav.tmp, "successor.xml"), encoding="utf-8").read() if rc == 0 else ""
    tap.ok(rc == 0 and '<supersedes ref="xiamen-2023-17" from="2027-01-01"/>' in xml,
           "a text that repeals a stored document supersedes it from its first day", err + xml)

    # ---- what the import changes, on the day it changes it ----
    rc, impact, err = pnav.json("import", "--dry-run", draft)
    clients = {c["name"]: c for c in (impact or {}).get("clients", [])}
    later, today = clients.get("Later", {}), clients.get("Today", {})
    tap.ok(rc == 0 and later.get("before_total_cny") == 0 and later.get("after_total_cny") == 12000000,
           "dry run: a client on 2027-03-01 gains ¥12,000,000", impact or err)
    tap.ok((impact or {}).get("documents") == [{"id": "xiamen-2023-17", "doc_number": "厦府规〔2023〕17号",
                                                "in_force_until_before": "2026-12-31",
                                                "in_force_until_after": "2027-12-31"}],
           "dry run: the document whose last day moves, before the clients", impact or err)
    rc, out, err = pnav.run("import", "--dry-run", draft)
    tap.ok("厦府规〔2023〕17号: in force until 31 December 2026 → 31 December 2027" in out,
           "dry run text: the same line", out + err)
    tap.ok(today.get("as_of") == "2027-01-01" and today.get("as_of_from") == "takes-effect"
           and today.get("before_total_cny") == 0 and today.get("after_total_cny") == 12000000,
           "dry run: a client of today is shown on 2027-01-01, the first day the notice changes anything",
           impact or err)

    rc, out, err = pnav.run("import", draft)
    tap.ok(rc == 0, "the notice imports", out + err)
    total, status, count, raw = counted(pnav, "2027-03-01")
    tap.ok(total == 12000000 and status == "in-force" and count is True,
           "with it, the measure counts on 2027-03-01: ¥12,000,000", raw)
    total, status, count, raw = counted(pnav, "2028-01-02")
    tap.ok(total == 0 and status == "expired", "after the new last day it has expired", raw)
    total, status, count, raw = counted(pnav, "2026-06-01")
    tap.ok(total == 12000000 and status == "in-force", "before the old last day nothing changed", raw)

    docs = documents(pnav)
    x = docs.get("xiamen-2023-17", {})
    tap.ok(x.get("in_force_until") == "2027-12-31" and x.get("in_force_until_as_written") == "2026-12-31"
           and x.get("extended_by") == "xiamen-2026-15",
           "list-documents: the day that holds, the text's day and the notice", x)
    n = docs.get("xiamen-2026-15", {})
    tap.ok(n.get("extends") == [{"id": "xiamen-2023-17", "until": "2027-12-31"}], "the notice lists what it extends", n)
    rc, out, err = pnav.run("show", "xiamen-2023-17")
    tap.ok("2027-12-31 (extended by 厦府办规〔2026〕15号; the text said 2026-12-31)" in out and "Keeps in force" not in out, "pnav show says so", out + err)
    rc, data, err = pnav.json("deadlines", "--location", "xiamen", "--as-of", "2027-06-01")
    ends = {d.get("benefit_id"): d.get("valid_until") for d in (data or {}).get("deadlines", [])}
    tap.ok(ends.get(BENEFIT) == "2027-12-31", "deadlines: the measure ends on the new day", data or err)

    # ---- a later notice: the latest day holds; a draft notice changes nothing ----
    rc, out, err = pnav.run("import", notice(pnav, "second.xml", id="xiamen-2027-3", number="3", until="2028-06-30"))
    tap.ok(rc == 0, "a second notice imports", err)
    total, status, count, raw = counted(pnav, "2028-01-02")
    tap.ok(total == 12000000, "the latest day holds: ¥12,000,000 on 2028-01-02", raw)
    rc, out, err = pnav.run("import", notice(pnav, "draft.xml", id="xiamen-2027-4", number="4", until="2029-12-31",
                                             status="draft"))
    total, status, count, raw = counted(pnav, "2029-01-02")
    tap.ok(rc == 0 and total == 0 and status == "expired", "a draft notice extends nothing", raw)

    # ---- removal: the text's day again ----
    rc, impact, err = pnav.json("remove", "--dry-run", "xiamen-2026-15", "--as-of", "2028-03-01")
    clients = {c["name"]: c for c in (impact or {}).get("clients", [])}
    tap.ok(clients.get("Later", {}).get("after_total_cny") == 12000000,
           "removing the first notice changes nothing while the second holds (2028-03-01)", impact or err)
    for doc in ("xiamen-2026-15", "xiamen-2027-3", "xiamen-2027-4"):
        rc, out, err = pnav.run("remove", doc)
        tap.ok(rc == 0, "remove %s" % doc, err)
    total, status, count, raw = counted(pnav, "2027-03-01")
    tap.ok(total == 0 and status == "expired", "with the notices removed the measure has expired again", raw)
    x = documents(pnav).get("xiamen-2023-17", {})
    tap.ok(x.get("in_force_until") == "2026-12-31" and x.get("extended_by") is None, "and its day is the text's", x)

    # ---- a damaged store says so, naming the notice, and never crashes ----
    rc, out, err = pnav.run("import", draft)
    tap.ok(rc == 0, "the notice imports again", err)
    pristine = os.path.join(pnav.tmp, "pristine.db")
    with closing(sqlite3.connect(pnav.db)) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.copy(pnav.db, pristine)

    def restore():
        for suffix in ("-wal", "-shm"):
            if os.path.exists(pnav.db + suffix):
                os.unlink(pnav.db + suffix)
        shutil.copy(pristine, pnav.db)

    damage = [
        ("its row gone", "DELETE FROM extensions"),
        ("its row moved to no document", "UPDATE extensions SET document = 9999"),
        ("a day that is no date", "UPDATE extensions SET until_day = '2027-13-45'"),
        ("an id that is a number", "UPDATE extensions SET extends = 5"),
        ("its status no status", "UPDATE documents SET draft = 7 WHERE id = 'xiamen-2026-15'"),
        ("the id NULL", "PRAGMA writable_schema = ON; UPDATE sqlite_master SET sql = replace(sql, "
                        "'extends TEXT NOT NULL', 'extends TEXT') WHERE name = 'extensions'"),
    ]
    for name, sql in damage:
        restore()
        with closing(sqlite3.connect(pnav.db)) as connection:
            connection.executescript(sql)
            connection.commit()
        if name == "the id NULL":
            with closing(sqlite3.connect(pnav.db)) as connection:
                connection.execute("UPDATE extensions SET extends = NULL")
                connection.commit()
        rc, out, err = pnav.run("match", *PHASE_2, "--as-of", "2027-03-01")
        tap.ok(rc == 3 and "damaged" in err and len(err.strip().splitlines()) == 1,
               "damaged (%s): one line, exit 3, no crash" % name, "rc=%d %s" % (rc, err))
    restore()
    rc, out, err = pnav.run("remove", "xiamen-2026-15")
    tap.ok(rc == 0, "and the notice removed again", err)

    # a day written with blanks around it is the day (the store kept the
    # blanks and every command after the import said the store was damaged)
    blanks = pnav.write("blanks.xml", (NOTICE_XML % {"id": "xiamen-2026-17", "status": "final", "number": "17",
                                                     "ref": "xiamen-2023-17", "until": "2027-12-31"})
                        .replace('until="2027-12-31"/>', 'until=" 2027-12-31\n\t"/>'))
    rc, out, err = pnav.run("import", blanks)
    total, status, count, raw = counted(pnav, "2027-03-01")
    tap.ok(rc == 0 and total == 12000000, "a day with blanks around it: imported, and it counts", (err, raw))
    pnav.run("remove", "xiamen-2026-17")

    # fifty thousand documents extended made every read after it quadratic
    many = pnav.write("many.xml", (NOTICE_XML % {"id": "xiamen-2026-18", "status": "final", "number": "18",
                                                 "ref": "xiamen-2023-17", "until": "2027-12-31"})
                      .replace('<extends ref="xiamen-2023-17" until="2027-12-31"/>',
                               "".join('<extends ref="doc-%d" until="2027-12-31"/>' % i for i in range(101))))
    rc, out, err = pnav.run("import", many)
    tap.ok(rc != 0 and "many.xml:" in err and "at most 100" in err, "more than 100 documents extended: refused", err)

    # what would change nothing is said
    for name, ref, until, words in (("nothing", "no-such-doc", "2027-12-31", "no such document"),
                                    ("open-ended", "fujian-2022-tasks", "2027-12-31", "no end date"),
                                    ("a draft", "xiamen-2025-draft", "2027-12-31", "draft"),
                                    ("earlier", "xiamen-2023-17", "2026-12-15", "already")):
        path = notice(pnav, "warn-%s.xml" % name.replace(" ", "-"), id="xiamen-2026-19", number="19", ref=ref,
                      until=until)
        rc, out, err = pnav.run("import", "--dry-run", path)
        tap.ok(rc == 0 and "warning" in err and words in err, "extending %s: a warning" % name, err)

    # ---- refused: one line naming the file and line ----
    rc, out, err = pnav.run("validate", notice(pnav, "self.xml", ref="xiamen-2026-15"))
    tap.ok(rc != 0 and "self.xml:" in err and "extend itself" in err and len(err.strip().splitlines()) == 1,
           "a notice that extends itself is refused in one line naming the file", err)
    bad = pnav.write("bad-date.xml", NOTICE_XML % {"id": "xiamen-2026-16", "status": "final", "number": "16",
                                                   "ref": "xiamen-2023-17", "until": "2027-02-30"})
    rc, out, err = pnav.run("import", bad)
    tap.ok(rc != 0 and "bad-date.xml:" in err and "Traceback" not in err, "an impossible day is refused", err)


if __name__ == "__main__":
    sys.exit(main())
