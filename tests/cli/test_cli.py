#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Tests of the pnav command line (TAP).

    test_cli.py PATH-TO-PNAV

Every run uses a database in a temporary folder (--db) and a temporary
XDG_DATA_HOME, so nothing outside it is touched.  Exit statuses: 0 success,
2 bad usage or a bad value, 3 a data error; a negative status (a signal) is
a crash and always fails.
"""

import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time

# Hostile input must be refused in under this many seconds.
# One second on a normal build; sanitizer builds scale it (build-aux/test).
HOSTILE_TIME_LIMIT = 1.0 * float(os.environ.get("PN_TEST_TIME_FACTOR", "1"))

# One valid id per option, from data/taxonomy.xml.
ID_OPTIONS = {
    "location": "xiamen",
    "product": "drug",
    "drug-class": "innovative",
    "modality": "chemical",
    "therapeutic-area": "oncology",
    "phase": "phase-1",
    "device-class": "class-2",
    "device-type": "imaging",
    "rank": "first",
    "entity": "enterprise",
}

FIGURE_OPTIONS = [
    "rd-investment", "sales", "fixed-assets", "equipment", "evaluation-cost",
    "tech-transaction", "contract-amount", "service-revenue", "annual-revenue",
    "national-funding", "total-investment", "loan-interest", "rent",
]

BAD_FIGURES = [
    "3e7", "-1", "200万", "99999999999999999999", "9223372036854775808",
    "1.5", "1,000", "0x10", "+5", " 7", "abc", "1e3", "２００",
]

BAD_DATES = [
    "2025-02-30", "2025-02-29", "2025-13-01", "2025-00-10", "2025-01-32",
    "2025-01-00", "2025-1-5", "20250105", "2025/01/05", "yesterday",
    "0000-01-01", "2025-01-05x", "２０２５-01-05",
]

SUBCOMMANDS = [
    "match", "list-documents", "show", "search", "vocab", "validate",
    "check", "import", "remove", "profile",
]

VALID_DOCUMENT = """<?xml version="1.0" encoding="UTF-8"?>
<policy-document schema-version="1" id="test-cli-doc" status="final">
  <doc-number>测试〔2025〕1号</doc-number>
  <title><zh>命令行测试政策</zh><en>Command-line test policy</en></title>
  <issuer><zh>测试发布机关</zh><en>Test issuer</en></issuer>
  <jurisdiction>xiamen</jurisdiction>
  <validity issued="2025-01-01" in-force-from="2025-01-01" in-force-until="2027-12-31"/>
  <source file="test-cli-doc.txt" last-verified="2025-01-02"/>
  <article number="1" chapter="一、测试">
    <heading><zh>临床试验奖励测试</zh><en>Clinical trial award test</en></heading>
    <original>对完成Ⅱ期临床试验的创新药，给予最高200万元奖励。</original>
    <summary>An innovative drug that completes a Phase II trial gets 2 million yuan.</summary>
    <benefit id="test-cli-doc/1/phase-2" kind="fixed" per="product">
      <title><zh>Ⅱ期临床试验奖励</zh><en>Phase II award</en></title>
      <amount>{amount}</amount>
      <conditions>
        <product>drug</product>
        <drug-class>innovative</drug-class>
        <phase>phase-2</phase>
      </conditions>
    </benefit>
  </article>
</policy-document>
"""

# tops up test-cli-doc's Phase II award: imported after it
TOP_UP_DOCUMENT = """<?xml version="1.0" encoding="UTF-8"?>
<policy-document schema-version="1" id="test-cli-topup" status="final">
  <title><zh>命令行补足测试</zh><en>Command-line top-up test</en></title>
  <issuer><zh>测试发布机关</zh><en>Test issuer</en></issuer>
  <jurisdiction>xiamen</jurisdiction>
  <validity issued="2025-01-01" in-force-from="2025-01-01" in-force-until="2027-12-31"/>
  <source file="test-cli-topup.txt" last-verified="2025-01-02"/>
  <article number="1" chapter="一、测试">
    <heading><zh>补足测试</zh><en>Top-up test</en></heading>
    <original>在上级奖励的基础上补足到300万元。</original>
    <summary>Tops the Phase II award up to 3 million yuan.</summary>
    <benefit id="test-cli-topup/1/phase-2" kind="top-up" per="product">
      <title><zh>Ⅱ期临床试验补足</zh><en>Phase II top-up</en></title>
      <amount>3000000</amount>
      <conditions>
        <product>drug</product>
        <drug-class>innovative</drug-class>
        <phase>phase-2</phase>
      </conditions>
      <tops-up ref="{target}"/>
    </benefit>
  </article>
</policy-document>
"""

DOCUMENT_TAIL = """<policy-document schema-version="1" id="test-cli-hostile" status="final">
  <title><zh>&e;</zh><en>&e;</en></title>
  <issuer><zh>x</zh><en>x</en></issuer>
  <jurisdiction>xiamen</jurisdiction>
  <validity/>
  <source file="x.txt" last-verified="2025-01-01"/>
  <article number="1" chapter="x">
    <heading><zh>&e;</zh><en>x</en></heading>
    <original>&e;</original>
    <summary>x</summary>
  </article>
</policy-document>
"""

LAUGHS = ['<!ENTITY lol "lol">']
for _i in range(1, 10):
    LAUGHS.append('<!ENTITY lol%d "%s">' % (_i, ("&lol%s;" % ("" if _i == 1 else _i - 1)) * 10))

HOSTILE = {
    "xxe.xml": ('<?xml version="1.0" encoding="UTF-8"?>\n'
                '<!DOCTYPE policy-document [<!ENTITY e SYSTEM "file:///etc/passwd">]>\n'
                + DOCUMENT_TAIL),
    "xxe-parameter.xml": ('<?xml version="1.0"?>\n'
                          '<!DOCTYPE policy-document [<!ENTITY % p SYSTEM "file:///etc/passwd"> %p;'
                          '<!ENTITY e "x">]>\n' + DOCUMENT_TAIL),
    "external-dtd.xml": ('<?xml version="1.0"?>\n'
                         '<!DOCTYPE policy-document SYSTEM "file:///etc/passwd">\n'
                         + DOCUMENT_TAIL.replace("&e;", "x")),
    "billion-laughs.xml": ('<?xml version="1.0"?>\n<!DOCTYPE policy-document [\n'
                           + "\n".join(LAUGHS) + '\n<!ENTITY e "&lol9;">\n]>\n'
                           + DOCUMENT_TAIL),
    "xinclude.xml": ('<?xml version="1.0"?>\n'
                     + DOCUMENT_TAIL.replace("&e;", "x").replace(
                         "<summary>x</summary>",
                         '<summary><xi:include xmlns:xi="http://www.w3.org/2001/XInclude" '
                         'href="file:///etc/passwd" parse="text"/></summary>')),
    "malformed.xml": ('<?xml version="1.0"?>\n<policy-document schema-version="1" '
                      'id="test-cli-malformed" status="final">\n  <title><zh>x</zh>\n'
                      '  <issuer>\n</policy-document>\n'),
    "wrong-root.xml": ('<?xml version="1.0"?>\n<html><body>not a policy</body></html>\n'),
    # valid against the schema, but a taxonomy, not a policy document
    "taxonomy-root.xml": ('<?xml version="1.0"?>\n<taxonomy schema-version="1">\n'
                          '  <locations><location id="xiamen" level="city"><zh>厦门市</zh>'
                          '<en>Xiamen</en></location></locations>\n'
                          '  <vocabulary id="phase"><zh>阶段</zh><en>Phase</en>'
                          '<term id="phase-1"><zh>一期</zh><en>Phase I</en></term></vocabulary>\n'
                          '  <overlap-groups/>\n'
                          '  <units><unit id="xm-kjj" location="xiamen"><zh>科技局</zh>'
                          '<en>Bureau</en></unit></units>\n</taxonomy>\n'),
    "empty.xml": "",
    # the right element name in a namespace of its own
    "namespaced-root.xml": VALID_DOCUMENT.replace("test-cli-doc", "test-cli-ns").replace(
        '<policy-document ', '<policy-document xmlns="http://example.com/other" ').format(amount="2000000"),
    # a two-megabyte id: refused by the schema, with a message of readable length
    "long-id.xml": VALID_DOCUMENT.replace('id="test-cli-doc"', 'id="' + "a" * 2000000 + '"').format(
        amount="2000000"),
    "amount-wan.xml": VALID_DOCUMENT.replace("test-cli-doc", "test-cli-wan").format(amount="200万"),
    # valid against the schema, but ends before it starts
    "dates-reversed.xml": VALID_DOCUMENT.replace("test-cli-doc", "test-cli-reversed").replace(
        'in-force-from="2025-01-01" in-force-until="2027-12-31"',
        'in-force-from="2027-12-31" in-force-until="2025-01-01"').format(amount="2000000"),
}


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
            for line in (diagnostics or "").splitlines():
                print("#   " + line)
        sys.stdout.flush()
        return condition

    def finish(self):
        print("1..%d" % self.count)
        return 1 if self.failed else 0


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

    def run(self, *args, db=True, env=None, timeout=60):
        argv = [self.binary]
        if db:
            argv += ["--db", self.db if db is True else db]
        argv += list(args)
        start = time.monotonic()
        proc = subprocess.run(argv, capture_output=True, env=env or self.env,
                              timeout=timeout, cwd=self.workdir)
        elapsed = time.monotonic() - start
        return Result(argv, proc, elapsed)


class Result:
    def __init__(self, argv, proc, elapsed):
        self.argv = argv
        self.rc = proc.returncode
        self.out = proc.stdout.decode("utf-8", "replace")
        self.err = proc.stderr.decode("utf-8", "replace")
        self.elapsed = elapsed

    def json(self):
        try:
            return json.loads(self.out)
        except ValueError:
            return None

    def __str__(self):
        return "argv: %r\nstatus: %d (%.3f s)\nstdout: %s\nstderr: %s" % (
            self.argv, self.rc, self.elapsed, self.out[:2000], self.err[:2000])


def main():
    if len(sys.argv) != 2:
        print("usage: test_cli.py PATH-TO-PNAV", file=sys.stderr)
        return 99

    binary = os.path.abspath(sys.argv[1])
    workdir = tempfile.mkdtemp(prefix="pnav-test-")
    tap = Tap()
    try:
        run_tests(tap, Pnav(binary, workdir), workdir)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    return tap.finish()


def expect(tap, result, status, description, *needles, stream="err"):
    """status and, in stderr (or stdout), every needle."""
    text = result.err if stream == "err" else result.out
    missing = [n for n in needles if n not in text]
    return tap.ok(result.rc == status and not missing, description,
                  "%s\nmissing: %r" % (result, missing) if missing or result.rc != status else None)


def test_upside_contract(tap, pnav):
    """The "up to" fields of `pnav match --format json`, by name, on
    晋政文〔2025〕8号 1.1 in 2026: Phase III with R&D of 200,000,000 is
    40% = 80,000,000, capped at 3000万元; the corpus deducts the lapsed
    provincial award (30% capped at 3000万元) and gives 0, the other reading
    30,000,000."""
    r = pnav.run("match", "--location", "jinjiang", "--product", "drug",
                 "--drug-class", "innovative", "--therapeutic-area", "oncology",
                 "--phase", "phase-3", "--rd-investment", "200000000",
                 "--as-of", "2026-06-01", "--format", "json")
    data = r.json() or {}
    match = next((m for m in data.get("matches", [])
                  if m["benefit_id"] == "jinjiang-2025-8/1.1/innovative-phase-3"), None)
    amount = (match or {}).get("amount", {})
    readings = {x.get("id"): x for x in amount.get("readings", [])}
    tap.ok(r.rc == 0 and match is not None and amount.get("estimate_cny") == 0
           and amount.get("high_cny") == 30000000
           and readings.get("province-deducted", {}).get("estimate_cny") == 0
           and readings.get("province-deducted", {}).get("chosen") is True
           and readings.get("lapsed-province-not-deducted", {}).get("estimate_cny") == 30000000
           and readings.get("lapsed-province-not-deducted", {}).get("chosen") is False
           and all(k in x for x in readings.values() for k in ("zh", "en")),
           "match JSON: amount.high_cny and amount.readings of a sentence read two ways",
           json.dumps(amount, ensure_ascii=False)[:2000])
    steps = data.get("next_steps")
    tap.ok(isinstance(steps, list) and steps and
           all(set(("kind", "id", "zh", "en", "adds_high_cny", "benefit_ids")) <= set(s) and
               s["kind"] in ("answer", "figure", "requirement") for s in steps) and
           "total_high_cny" in data and data["total_high_cny"] >= 30000000 and
           all("high_cny" in m["amount"] and "stages" in m["amount"] for m in data["matches"]),
           "match JSON: total_high_cny, next_steps and every match's high_cny and stages",
           str(steps)[:2000])

    r = pnav.run("match", "--location", "xiamen", "--product", "drug", "--entity", "enterprise",
                 "--as-of", "2026-06-01", "--format", "json")
    talent = next((m for m in (r.json() or {}).get("matches", [])
                   if m["benefit_id"] == "xiamen-2023-17/20/high-end-talent"), {})
    # 厦府规〔2023〕17号（二十）: 最高80万元补贴，按40%、30%、30%的比例分3年发放
    tap.ok([(s["year"], s["cny"]) for s in talent.get("amount", {}).get("stages", [])]
           == [(1, 320000), (2, 240000), (3, 240000)],
           "match JSON: amount.stages of a 40/30/30 award", str(talent.get("amount"))[:1000])

    r = pnav.run("match", "--location", "jinjiang", "--product", "device",
                 "--device-class", "class-3", "--innovative-device", "--device-type", "imaging",
                 "--phase", "registered", "--entity", "enterprise", "--as-of", "2026-06-01")
    tap.ok(r.rc == 0 and "¥0 counted" not in r.out and "· up to ¥18,950,000" in r.out
           and "¥0 – ¥4,000,000" in r.out and "What would add most" in r.out,
           "match text: ranges, the \"up to\" total and what would add most", r.out[-1500:])

    # 晋江 1.1 in 2026, Phase III, R&D 70,000,000: 40% = 28,000,000 minus the lapsed provincial
    # 30% = 21,000,000 counts 7,000,000; read the other way 28,000,000.  The range fills the
    # amount column: a space still parts it from the title.
    r = pnav.run("match", "--location", "jinjiang", "--product", "drug",
                 "--drug-class", "innovative", "--therapeutic-area", "oncology",
                 "--phase", "phase-3", "--rd-investment", "70000000", "--as-of", "2026-06-01")
    tap.ok(r.rc == 0 and "  ¥7,000,000 – ¥28,000,000 Innovative drug: Phase III completed" in r.out,
           "match text: an amount as wide as its column is parted from the title", r.out[:1500])


def run_tests(tap, pnav, workdir):
    # ---- version, help, dispatch ----------------------------------------
    r = pnav.run("--version", db=False)
    tap.ok(r.rc == 0 and re.match(r"^pnav \d+\.\d+(\.\d+)?\S*\n$", r.out), "--version", str(r))

    r = pnav.run("--help", db=False)
    tap.ok(r.rc == 0 and all(c in r.out for c in SUBCOMMANDS),
           "--help lists every subcommand", str(r))

    for command in SUBCOMMANDS:
        r = pnav.run(command, "--help", db=False)
        tap.ok(r.rc == 0 and command in r.out and "--format" in r.out,
               "%s --help" % command, str(r))

    r = pnav.run("profile", "save", "--help", db=False)
    tap.ok(r.rc == 0 and "--location" in r.out and "--rd-investment" in r.out,
           "profile save --help lists the match options", str(r))

    r = pnav.run("match", "--help", db=False)
    tap.ok(r.rc == 0 and all("--" + o in r.out for o in list(ID_OPTIONS) + FIGURE_OPTIONS
                             + ["as-of", "profile", "innovative-device", "no-innovative-device"]),
           "match --help lists every match option", str(r))

    r = pnav.run("frobnicate")
    expect(tap, r, 2, "an unknown subcommand exits 2 naming it", "frobnicate")

    r = pnav.run(db=False)
    tap.ok(r.rc == 2, "no subcommand exits 2", str(r))

    r = pnav.run("--bogus-option", "list-documents")
    expect(tap, r, 2, "an unknown global option exits 2", "--bogus-option")

    r = pnav.run("list-documents", "--bogus-option")
    expect(tap, r, 2, "an unknown subcommand option exits 2", "--bogus-option")

    r = pnav.run("list-documents", "--format", "xml")
    expect(tap, r, 2, "a bad --format exits 2 naming it", "--format", "xml", "json")

    r = pnav.run("list-documents", "extra")
    expect(tap, r, 2, "an extra argument exits 2 naming it", "extra")

    # ---- the database is created and listed ------------------------------
    r = pnav.run("list-documents", "--format", "json")
    baseline = r.json()
    tap.ok(r.rc == 0 and isinstance(baseline, list),
           "list-documents --format json gives a list", str(r))
    if baseline is None:
        baseline = []

    def unchanged(description):
        after = pnav.run("list-documents", "--format", "json")
        tap.ok(after.rc == 0 and after.json() == baseline,
               "the database is unchanged after " + description, str(after))

    r = pnav.run("list-documents")
    tap.ok(r.rc == 0, "list-documents as text", str(r))

    r = pnav.run("match", "--location", "xiamen", "--format", "json")
    tap.ok(r.rc == 0 and isinstance(r.json(), dict), "match --format json gives an object", str(r))

    r = pnav.run("match", "--location", "xiamen")
    tap.ok(r.rc == 0, "match as text", str(r))

    # the text is for people: the place and status in words, and what the
    # applicant must confirm for a counted amount (厦府规〔2023〕17号（二）:
    # 首次在本市实现产业化) under it
    device = ["match", "--location", "xiamen", "--product", "device", "--device-class", "class-3",
              "--innovative-device", "--phase", "marketed", "--sales", "1000000", "--as-of", "2025-12-15"]
    r = pnav.run(*device)
    tap.ok(r.rc == 0 and r.out.startswith("Location: Xiamen    As of: 2025-12-15\n")
           and "      In force until 31 December 2026 · fixed award ¥2,000,000\n"
               "      The applicant must confirm: The product was first industrialised in Xiamen\n" in r.out
           and " in-force · " not in r.out,
           "match as text names the place and status and what to confirm", str(r))
    # a counted amount's yearly cap is said under it (it was in the JSON only):
    # the class III award, counted for a device not through the special review
    r = pnav.run(*[a if a != "--innovative-device" else "--no-innovative-device" for a in device])
    tap.ok(r.rc == 0 and "      Note: Annual cap: at most ¥5,000,000 a year per enterprise (art. 2), "
                         "shared with the other awards under it\n" in r.out
           and "Note: The applicant must also confirm" not in r.out,
           "match as text gives a counted amount's yearly cap", str(r))
    # a missing figure is both the derivation and the reason: said once
    r = pnav.run("match", "--location", "jinjiang", "--drug-class", "innovative", "--phase", "phase-2",
                 "--as-of", "2025-11-01")
    tap.ok(r.rc == 0 and "      In force until 31 December 2025 · Needs R&D investment; up to ¥20,000,000\n"
                         "  " in r.out
           and "Needs R&D investment; up to ¥20,000,000\n      Needs R&D" not in r.out,
           "match as text says a missing figure once", str(r))
    # three sections, as the window lists them: each measure under the one
    # its JSON says (counted; possible: an answer or a figure missing; the
    # rest: expired, unmet, outranked)
    jinjiang = ["match", "--location", "jinjiang", "--drug-class", "innovative", "--phase", "phase-2",
                "--as-of", "2026-10-01"]
    r = pnav.run(*jinjiang)
    rj = pnav.run(*jinjiang, "--format", "json")
    sections, section = {}, None
    for line in r.out.splitlines():
        if line and not line.startswith(" "):
            section = line if line in ("Counted", "Possible matches", "Not counted") else None
        elif line.startswith("  ") and not line.startswith("      ") and section is not None:
            sections.setdefault(section, []).append(line)
    wanted = {"Counted": [], "Possible matches": [], "Not counted": []}
    for m in rj.json()["matches"] if rj.rc == 0 else []:
        group = ("Counted" if m["counted"] else
                 "Possible matches" if m["not_counted_reason"] in ("possible", "missing-figure") else
                 "Not counted")
        wanted[group].append(m["title"])
    tap.ok(r.rc == 0 and rj.rc == 0 and wanted["Possible matches"] and wanted["Not counted"]
           and all(len(sections.get(g, [])) == len(titles)
                   and all(t in row for t, row in zip(titles, sections.get(g, [])))
                   for g, titles in wanted.items() if titles)
           and list(sections) == [g for g in wanted if wanted[g]]
           and "\n\n\n" not in r.out,
           "match as text lists counted, possible and not counted measures apart", str(r))
    # no figure to add up where nothing counts; the "up to" total explained
    tap.ok(r.rc == 0 and sections.get("Not counted")
           and all(row.startswith("  —  ") for row in sections["Not counted"])
           and "Total (0 counted): ¥0 · up to ¥34,450,000\n“Up to” is the most the listed measures" in r.out,
           "match as text shows no amount for what does not count and says what “up to” is", str(r))
    zh_env = dict(pnav.env, LANGUAGE="zh_CN", LANG="zh_CN.UTF-8")
    r = pnav.run(*device, env=zh_env)
    tap.ok(r.rc == 0 and r.out.startswith("地点：厦门市    日期：2025-12-15\n")
           and "      有效（至2026年12月31日） · 定额奖励200万元\n      须由申请人确认：该产品首次在本市（厦门）实现产业化\n" in r.out,
           "match as text in Chinese names the place and status in Chinese", str(r))

    test_upside_contract(tap, pnav)

    r = pnav.run("match", "--product", "drug")
    expect(tap, r, 2, "match without --location exits 2", "--location")

    # ---- every bad value of every id option -------------------------------
    for option, good in ID_OPTIONS.items():
        for bad in ["no-such-id", good.upper(), good + "-x", "phase-4"]:
            args = ["match", "--" + option, bad]
            if option != "location":
                args += ["--location", "xiamen"]
            r = pnav.run(*args)
            expect(tap, r, 2, "--%s %s exits 2 naming the value and the ids" % (option, bad),
                   "--" + option, "“%s”" % bad, good)

        r = pnav.run("match", "--location", "xiamen", "--" + option, "")
        expect(tap, r, 2, "--%s with an empty value exits 2" % option, "--" + option)

        r = pnav.run("profile", "save", "bad-" + option, "--" + option, "no-such-id")
        expect(tap, r, 2, "profile save --%s no-such-id exits 2" % option,
               "--" + option, "no-such-id")

    # ---- every bad value of every figure option ---------------------------
    for option in FIGURE_OPTIONS:
        for bad in BAD_FIGURES:
            r = pnav.run("match", "--location", "xiamen", "--" + option, bad)
            expect(tap, r, 2, "--%s %r exits 2 naming the value" % (option, bad),
                   "--" + option, bad)
        r = pnav.run("match", "--location", "xiamen", "--%s=-5" % option)
        expect(tap, r, 2, "--%s=-5 exits 2 naming the value" % option, "-5")
        r = pnav.run("match", "--location", "xiamen", "--" + option, "")
        expect(tap, r, 2, "--%s with an empty value exits 2" % option, "--" + option)

    r = pnav.run("match", "--location", "xiamen", *sum((["--" + o, "30000000"] for o in FIGURE_OPTIONS), []))
    tap.ok(r.rc == 0, "every figure option accepts a whole number of yuan", str(r))
    r = pnav.run("match", "--location", "xiamen", "--sales", "0", "--rd-investment", "1000000000000")
    tap.ok(r.rc == 0, "0 and 10^12 yuan are accepted", str(r))
    # issue 15: one bound for every figure (pn-money.h), so totals stay exact
    r = pnav.run("match", "--location", "xiamen", "--rd-investment", "1000000000001")
    tap.ok(r.rc == 2 and "the largest accepted is 1000000000000 yuan" in r.err, "10^12 + 1 yuan is refused", str(r))

    c_env = dict(pnav.env, LC_ALL="C")
    r = pnav.run("match", "--location", "xiamen", "--sales", "200万", env=c_env)
    expect(tap, r, 2, "--sales 200万 under LC_ALL=C exits 2 naming the value", "--sales", "200万")

    # ---- dates ------------------------------------------------------------
    for bad in BAD_DATES:
        r = pnav.run("match", "--location", "xiamen", "--as-of", bad)
        expect(tap, r, 2, "--as-of %r exits 2 naming the value" % bad, "--as-of", bad)
    r = pnav.run("match", "--location", "xiamen", "--as-of", "")
    expect(tap, r, 2, "--as-of with an empty value exits 2", "--as-of")
    for good in ["2024-02-29", "2025-12-31", "2000-01-01"]:
        r = pnav.run("match", "--location", "xiamen", "--as-of", good, "--format", "json")
        tap.ok(r.rc == 0 and r.json() is not None, "--as-of %s is accepted" % good, str(r))

    r = pnav.run("match", "--location", "xiamen", "--innovative-device", "--no-innovative-device")
    tap.ok(r.rc == 0, "--innovative-device and --no-innovative-device are switches", str(r))

    # ---- hostile and invalid XML --------------------------------------------
    hostile_dir = os.path.join(workdir, "hostile")
    os.makedirs(hostile_dir)
    files = dict(HOSTILE)
    for name, text in files.items():
        with open(os.path.join(hostile_dir, name), "w", encoding="utf-8") as f:
            f.write(text)
    rng = random.Random(20250101)
    garbage = os.path.join(hostile_dir, "garbage.xml")
    with open(garbage, "wb") as f:
        f.write(bytes(rng.randrange(256) for _ in range(4096)))
    files["garbage.xml"] = None

    for name in sorted(files):
        path = os.path.join(hostile_dir, name)
        for command in ["validate", "check", "import"]:
            r = pnav.run(command, path)
            leaked = "root:" in r.out or "root:" in r.err
            tap.ok(r.rc == 3 and not leaked and name in r.err,
                   "%s %s exits 3 naming the file" % (command, name), str(r))
            tap.ok(r.elapsed < HOSTILE_TIME_LIMIT,
                   "%s %s is refused in under %g s" % (command, name, HOSTILE_TIME_LIMIT),
                   "took %.3f s" % r.elapsed)
        tap.ok(len(r.err) < 2000, "import %s says why in under 2,000 characters" % name,
               "%d characters" % len(r.err))
        r = pnav.run("validate", "--format", "json", path)
        data = r.json()
        tap.ok(r.rc == 3 and isinstance(data, list) and data and data[0].get("valid") is False
               and "root:" not in r.out,
               "validate --format json %s reports it invalid" % name, str(r))
        unchanged("import " + name)

    for name in ["malformed.xml", "amount-wan.xml", "dates-reversed.xml"]:
        r = pnav.run("validate", os.path.join(hostile_dir, name))
        tap.ok(re.search(re.escape(name) + r":\d+", r.err) is not None,
               "the error for %s names the line" % name, str(r))

    r = pnav.run("validate", os.path.join(hostile_dir, "no-such-file.xml"))
    tap.ok(r.rc == 3 and "no-such-file.xml" in r.err, "validate of a missing file exits 3", str(r))
    unchanged("validate of a missing file")

    r = pnav.run("validate")
    tap.ok(r.rc == 2, "validate without a file exits 2", str(r))

    # ---- a valid document: import, list, show, search, remove --------------
    valid = os.path.join(workdir, "test-cli-doc.xml")
    with open(valid, "w", encoding="utf-8") as f:
        f.write(VALID_DOCUMENT.format(amount="2000000"))

    r = pnav.run("validate", valid, os.path.join(hostile_dir, "xxe.xml"))
    tap.ok(r.rc == 3 and "test-cli-doc.xml: valid" in r.out and "xxe.xml" in r.err,
           "validate of a valid and an invalid file exits 3 and reports both", str(r))

    r = pnav.run("validate", valid)
    tap.ok(r.rc == 0 and "test-cli-doc.xml: valid" in r.out, "validate of a valid file", str(r))

    r = pnav.run("import", valid)
    tap.ok(r.rc == 0 and "test-cli-doc" in r.out, "import of a valid document", str(r))

    r = pnav.run("list-documents", "--format", "json")
    tap.ok(r.rc == 0 and "test-cli-doc" in r.out and r.json() != baseline,
           "list-documents shows the imported document", str(r))
    with_doc = r.json()

    r = pnav.run("list-documents")
    tap.ok(r.rc == 0 and "test-cli-doc" in r.out, "list-documents as text shows it", str(r))

    r = pnav.run("import", valid)
    expect(tap, r, 2, "importing the same id again without --replace exits 2", "--replace")

    r = pnav.run("import", "--replace", valid)
    tap.ok(r.rc == 0, "import --replace", str(r))
    r = pnav.run("list-documents", "--format", "json")
    tap.ok(r.rc == 0 and r.json() == with_doc, "import --replace keeps one copy", str(r))

    # ---- references between imported documents ----------------------------
    dangling = os.path.join(workdir, "test-cli-topup-dangling.xml")
    with open(dangling, "w", encoding="utf-8") as f:
        f.write(TOP_UP_DOCUMENT.format(target="test-cli-doc/1/no-such-award"))
    r = pnav.run("import", os.path.join(hostile_dir, "namespaced-root.xml"))
    expect(tap, r, 3, "a namespaced root is refused saying so", "namespace", "http://example.com/other")
    r = pnav.run("import", dangling)
    expect(tap, r, 3, "a top-up of an unknown benefit is refused naming file, line and id",
           "test-cli-topup-dangling.xml:12", "test-cli-doc/1/no-such-award")
    topup = os.path.join(workdir, "test-cli-topup.xml")
    with open(topup, "w", encoding="utf-8") as f:
        f.write(TOP_UP_DOCUMENT.format(target="test-cli-doc/1/phase-2"))
    r = pnav.run("import", topup)
    tap.ok(r.rc == 0, "a top-up of an imported benefit imports", str(r))
    r = pnav.run("match", "--location", "xiamen", "--drug-class", "innovative", "--phase", "phase-2",
                 "--as-of", "2025-06-30", "--format", "json")
    top = [m for m in (r.json() or {}).get("matches", []) if m["benefit_id"] == "test-cli-topup/1/phase-2"]
    # fixed ¥2,000,000 topped up to ¥3,000,000: ¥1,000,000 on top
    tap.ok(r.rc == 0 and len(top) == 1 and top[0]["amount"]["estimate_cny"] == 1000000,
           "the imported top-up adds the difference to the imported award", str(r))
    renamed = os.path.join(workdir, "test-cli-doc-renamed.xml")
    with open(renamed, "w", encoding="utf-8") as f:
        f.write(VALID_DOCUMENT.format(amount="2000000").replace("test-cli-doc/1/phase-2",
                                                                "test-cli-doc/1/phase-two"))
    before = pnav.run("list-documents", "--format", "json").json()
    r = pnav.run("import", "--replace", renamed)
    expect(tap, r, 3, "replacing a document whose award another document tops up is refused",
           "test-cli-topup.xml", "test-cli-doc/1/phase-2")
    r = pnav.run("show", "test-cli-doc", "--format", "json")
    tap.ok(r.rc == 0 and "test-cli-doc/1/phase-2" in r.out and
           pnav.run("list-documents", "--format", "json").json() == before,
           "the refused replacement left the database as it was", str(r))
    r = pnav.run("remove", "test-cli-topup")
    tap.ok(r.rc == 0, "remove the top-up document", str(r))

    r = pnav.run("show", "test-cli-doc")
    tap.ok(r.rc == 0 and ("Command-line test policy" in r.out or "命令行测试政策" in r.out),
           "show a document", str(r))
    r = pnav.run("show", "test-cli-doc", "--format", "json")
    tap.ok(r.rc == 0 and r.json() is not None and "test-cli-doc/1/phase-2" in r.out,
           "show --format json a document with its articles", str(r))
    r = pnav.run("show", "test-cli-doc", "1")
    tap.ok(r.rc == 0 and "对完成Ⅱ期临床试验的创新药" in r.out, "show an article", str(r))
    r = pnav.run("show", "test-cli-doc", "1", "--format", "json")
    tap.ok(r.rc == 0 and r.json() is not None, "show --format json an article", str(r))
    r = pnav.run("show", "test-cli-doc", "99")
    expect(tap, r, 2, "show of an unknown article exits 2 naming it", "99", "test-cli-doc")
    r = pnav.run("show", "no-such-doc")
    expect(tap, r, 2, "show of an unknown document exits 2 naming it", "no-such-doc")
    r = pnav.run("show")
    tap.ok(r.rc == 2, "show without a document exits 2", str(r))

    r = pnav.run("search", "临床试验")
    tap.ok(r.rc == 0 and "test-cli-doc" in r.out, "search finds the imported text", str(r))
    r = pnav.run("search", "临床试验", "--document", "test-cli-doc", "--format", "json")
    tap.ok(r.rc == 0 and r.json() is not None and "test-cli-doc" in r.out,
           "search --document --format json", str(r))
    r = pnav.run("search", "临床试验", "--limit", "1")
    tap.ok(r.rc == 0, "search --limit 1", str(r))
    for bad in ["0", "-1", "abc", "1.5", "100000"]:
        r = pnav.run("search", "临床试验", "--limit", bad)
        expect(tap, r, 2, "search --limit %s exits 2 naming it" % bad, "--limit", bad)
    r = pnav.run("search", "临床试验", "--document", "no-such-doc")
    expect(tap, r, 2, "search --document no-such-doc exits 2 naming it", "no-such-doc")
    r = pnav.run("search")
    tap.ok(r.rc == 2, "search without a query exits 2", str(r))

    r = pnav.run("match", "--location", "xiamen", "--product", "drug", "--drug-class",
                 "innovative", "--phase", "phase-2", "--as-of", "2025-06-01", "--format", "json")
    tap.ok(r.rc == 0 and "test-cli-doc/1/phase-2" in r.out,
           "match finds the benefit of the imported document", str(r))
    r = pnav.run("match", "--location", "fuzhou", "--product", "drug", "--drug-class",
                 "innovative", "--phase", "phase-2", "--as-of", "2025-06-01", "--format", "json")
    tap.ok(r.rc == 0 and "test-cli-doc/1/phase-2" not in r.out,
           "match elsewhere does not list it", str(r))

    r = pnav.run("remove", "test-cli-doc")
    tap.ok(r.rc == 0, "remove the imported document", str(r))
    unchanged("import and remove")
    r = pnav.run("remove", "test-cli-doc")
    expect(tap, r, 2, "remove of an unknown document exits 2 naming it", "test-cli-doc")

    bundled = [d.get("id") for d in baseline if isinstance(d, dict) and d.get("id")]
    if bundled:
        r = pnav.run("remove", bundled[0])
        expect(tap, r, 3, "remove of a bundled document exits 3", bundled[0])
        unchanged("refusing to remove a bundled document")

    # ---- vocabularies -------------------------------------------------------
    r = pnav.run("vocab")
    tap.ok(r.rc == 0 and "phase-1" in r.out and "xiamen" in r.out, "vocab lists everything", str(r))
    r = pnav.run("vocab", "--format", "json")
    tap.ok(r.rc == 0 and r.json() is not None, "vocab --format json", str(r))
    for kind, needle in [("phase", "phase-1"), ("locations", "jinjiang"), ("entity", "cro")]:
        r = pnav.run("vocab", kind)
        tap.ok(r.rc == 0 and needle in r.out, "vocab " + kind, str(r))
        r = pnav.run("vocab", kind, "--format", "json")
        tap.ok(r.rc == 0 and r.json() is not None and needle in r.out,
               "vocab %s --format json" % kind, str(r))
    r = pnav.run("vocab", "no-such-kind")
    expect(tap, r, 2, "vocab of an unknown kind exits 2 naming it", "no-such-kind", "phase")

    # ---- profiles -----------------------------------------------------------
    r = pnav.run("profile", "save", "client-a", "--location", "xiamen", "--product", "drug",
                 "--drug-class", "innovative", "--phase", "phase-2",
                 "--rd-investment", "30000000", "--as-of", "2025-06-01")
    tap.ok(r.rc == 0, "profile save", str(r))
    r = pnav.run("profile", "save", "客户乙", "--location", "jinjiang", "--product", "device",
                 "--innovative-device")
    tap.ok(r.rc == 0, "profile save with a Chinese name", str(r))

    r = pnav.run("profile", "list")
    tap.ok(r.rc == 0 and "client-a" in r.out and "客户乙" in r.out, "profile list", str(r))
    r = pnav.run("profile", "list", "--format", "json")
    tap.ok(r.rc == 0 and isinstance(r.json(), list) and "client-a" in r.json(),
           "profile list --format json", str(r))

    r = pnav.run("profile", "show", "client-a")
    data = r.json()
    tap.ok(r.rc == 0 and data is not None and "xiamen" in r.out and "30000000" in r.out
           and "phase-2" in r.out, "profile show prints the profile JSON", str(r))
    r = pnav.run("profile", "show", "client-a", "--format", "text")
    tap.ok(r.rc == 0 and "client-a" in r.out and "phase-2" in r.out,
           "profile show --format text", str(r))
    r = pnav.run("profile", "show", "客户乙")
    tap.ok(r.rc == 0 and "jinjiang" in r.out and "true" in r.out,
           "profile show of the Chinese name", str(r))

    r = pnav.run("match", "--profile", "client-a", "--format", "json")
    tap.ok(r.rc == 0 and r.json() is not None, "match --profile", str(r))
    r = pnav.run("match", "--profile", "client-a", "--phase", "phase-3", "--format", "json")
    tap.ok(r.rc == 0 and r.json() is not None, "match --profile with an override", str(r))
    r = pnav.run("match", "--profile", "no-such-profile")
    expect(tap, r, 2, "match --profile of an unknown profile exits 2 naming it",
           "no-such-profile")

    r = pnav.run("profile", "save", "client-b", "--profile", "client-a", "--phase", "phase-3")
    tap.ok(r.rc == 0, "profile save based on another profile", str(r))
    r = pnav.run("profile", "show", "client-b")
    tap.ok(r.rc == 0 and "phase-3" in r.out and "30000000" in r.out and "client-b" in r.out,
           "the new profile has the old answers and the override", str(r))
    r = pnav.run("profile", "show", "client-a")
    tap.ok(r.rc == 0 and "phase-2" in r.out, "the old profile is unchanged", str(r))

    for name in ["client-a", "client-b", "客户乙"]:
        r = pnav.run("profile", "delete", name)
        tap.ok(r.rc == 0, "profile delete " + name, str(r))
    r = pnav.run("profile", "list", "--format", "json")
    tap.ok(r.rc == 0 and r.json() == [], "no profile is left", str(r))
    r = pnav.run("profile", "show", "client-a")
    expect(tap, r, 2, "profile show of a deleted profile exits 2 naming it", "client-a")
    r = pnav.run("profile", "delete", "client-a")
    expect(tap, r, 2, "profile delete of a deleted profile exits 2 naming it", "client-a")
    r = pnav.run("profile", "frobnicate")
    expect(tap, r, 2, "an unknown profile action exits 2 naming it", "frobnicate")
    r = pnav.run("profile")
    tap.ok(r.rc == 2, "profile without an action exits 2", str(r))
    r = pnav.run("profile", "save", "")
    tap.ok(r.rc == 2, "profile save with an empty name exits 2", str(r))
    r = pnav.run("profile", "save", "x", "--sales", "200万")
    expect(tap, r, 2, "profile save --sales 200万 exits 2 naming it", "200万")

    unchanged("the profile tests")

    # ---- a corrupt database ---------------------------------------------------
    corrupt = os.path.join(workdir, "corrupt.db")
    content = bytes(rng.randrange(256) for _ in range(65536))
    with open(corrupt, "wb") as f:
        f.write(content)
    for args in [["list-documents"], ["match", "--location", "xiamen"], ["profile", "list"],
                 ["import", valid]]:
        r = pnav.run(*args, db=corrupt)
        tap.ok(r.rc == 3 and "corrupt.db" in r.err and r.out == "",
               "%s on a corrupt database exits 3 naming the file" % args[0], str(r))
    with open(corrupt, "rb") as f:
        tap.ok(f.read() == content, "the corrupt database is left as it was")

    text_db = os.path.join(workdir, "text.db")
    with open(text_db, "w") as f:
        f.write("this is not a database\n" * 100)
    r = pnav.run("list-documents", db=text_db)
    tap.ok(r.rc == 3 and "text.db" in r.err, "a text file as database exits 3 naming it", str(r))

    # issue 15: --db naming something that is no file is a bad value
    r = pnav.run("list-documents", db=workdir)
    tap.ok(r.rc == 2 and "it is a folder" in r.err, "a folder as database exits 2", str(r))


if __name__ == "__main__":
    sys.exit(main())
