#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The expected-result cases of the bundled documents (TAP).

    test_cases.py SOURCE-ROOT PATH-TO-PNAV

Each document that gives money carries <cases> worked out by hand from its
source text (docs/corpus-guide.md, "Expected-result cases").  This runs
them with `pnav check`, checks that every quoted sentence is a span of the
source text of the benefit it justifies, and shows that a deliberately
wrong case fails with its mismatch printed, that `pnav check FILE` writes
nothing, and that a case naming what does not exist is refused with the
file and line.  Exits 1 when a test fails.
"""

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

GOBACK = "[bookmark: _GoBack]"

# every bundled document that gives money, and how many cases it must carry
MIN_CASES = {
    "xiamen-2023-17": 8,
    "jinjiang-2025-8": 8,
    "fujian-2022-tasks": 5,
    "xiamen-2025-draft": 5,
}


def squash(text):
    return re.sub(r"\s+", "", text)


class Tap:
    def __init__(self):
        self.count = 0
        self.failed = 0

    def ok(self, condition, description, diagnostics=None):
        self.count += 1
        print("%s %d - %s" % ("ok" if condition else "not ok", self.count, description))
        if not condition:
            self.failed += 1
            for line in str(diagnostics or "").splitlines():
                print("#   " + line)
        sys.stdout.flush()
        return condition


class Pnav:
    def __init__(self, pnav, tmp):
        self.pnav = pnav
        self.db = os.path.join(tmp, "check.db")
        self.env = dict(os.environ)
        self.env.update({"XDG_DATA_HOME": os.path.join(tmp, "xdg-data"),
                         "XDG_CONFIG_HOME": os.path.join(tmp, "xdg-config"),
                         "XDG_CACHE_HOME": os.path.join(tmp, "xdg-cache"),
                         "LANGUAGE": "en", "LC_ALL": "C.UTF-8"})

    def run(self, *args):
        p = subprocess.run([self.pnav, "--db", self.db] + list(args), stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, env=self.env, timeout=120)
        out, err = p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")
        return p.returncode, out, err


def describe(rc, out, err):
    return "exit %d\nstdout: %s\nstderr: %s" % (rc, out[-3000:], err[-2000:])


def load(root):
    docs = {}
    policy_dir = os.path.join(root, "data", "policies")
    for name in sorted(os.listdir(policy_dir)):
        if name.endswith(".xml"):
            path = os.path.join(policy_dir, name)
            el = ET.parse(path).getroot()
            docs[el.get("id")] = (path, el)
    return docs


def source_text(root, doc):
    src = doc.find("source").get("file")
    with open(os.path.join(root, "data", "sources", src), encoding="utf-8") as f:
        return squash(f.read().replace(GOBACK, ""))


def quote_problems(root, docs):
    """Each expectation's quote must be a span of the source text of the
    document its benefit belongs to."""
    sources = {doc_id: source_text(root, el) for doc_id, (_p, el) in docs.items()}
    problems = []
    for doc_id, (_path, el) in docs.items():
        for case in el.iter("case"):
            for exp in list(case.findall("expect")) + list(case.findall("not-listed")):
                bid = exp.get("benefit")
                owner = bid.split("/", 1)[0]
                quote = squash(exp.findtext("quote") or "")
                if owner not in sources:
                    problems.append("%s case %s: %s names no known document" % (doc_id, case.get("name"), bid))
                elif not quote or quote not in sources[owner]:
                    problems.append("%s case %s, %s: the quote is not in data/sources/%s.txt: %s"
                                    % (doc_id, case.get("name"), bid, owner, exp.findtext("quote")))
    return problems


def write_changed(path, tmp, name, old, new):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    assert text.count(old) >= 1, "cannot find %r in %s" % (old, path)
    i = text.index(old)
    copy = os.path.join(tmp, name)
    with open(copy, "w", encoding="utf-8") as f:
        f.write(text[:i] + new + text[i + len(old):])
    line = text[:i].count("\n") + 1
    return copy, line


def main():
    if len(sys.argv) != 3:
        print("usage: test_cases.py SOURCE-ROOT PATH-TO-PNAV", file=sys.stderr)
        return 2
    root, pnav_path = sys.argv[1], os.path.abspath(sys.argv[2])
    tmp = tempfile.mkdtemp(prefix="pn-test-cases-")
    tap = Tap()
    try:
        run_tests(tap, root, Pnav(pnav_path, tmp), tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print("1..%d" % tap.count)
    return 1 if tap.failed else 0


def run_tests(tap, root, pnav, tmp):
    docs = load(root)

    # ---- the bundled cases ------------------------------------------------
    for doc_id, minimum in sorted(MIN_CASES.items()):
        n = len(docs[doc_id][1].findall("cases/case")) if doc_id in docs else 0
        tap.ok(n >= minimum, "%s carries at least %d cases" % (doc_id, minimum), "it has %d" % n)

    problems = quote_problems(root, docs)
    tap.ok(not problems, "every quote is a span of the source text of its benefit", "\n".join(problems))

    # the quote check itself can fail: one changed character is found
    el = docs["xiamen-2023-17"][1]
    first = el.find("cases/case/expect/quote")
    saved = first.text
    first.text = saved.replace("40%", "45%", 1)
    problems = quote_problems(root, docs)
    first.text = saved
    tap.ok(len(problems) == 1, "a quote changed by one character is reported", "\n".join(problems))

    n_cases = sum(len(el.findall("cases/case")) for _p, el in docs.values())
    rc, out, err = pnav.run("check", "--format", "json")
    data = json.loads(out) if rc in (0, 3) and out.startswith("{") else {}
    cases = data.get("cases", [])
    failed = [c for c in cases if not c["passed"]]
    tap.ok(rc == 0 and len(cases) == n_cases and not failed and data.get("failed") == 0,
           "pnav check passes every case of the bundled corpus (%d)" % n_cases,
           describe(rc, json.dumps(failed, ensure_ascii=False, indent=1), err))

    rc, out, err = pnav.run("check")
    tap.ok(rc == 0 and "%d cases: %d passed, 0 failed" % (n_cases, n_cases) in out
           and "FAIL" not in out, "pnav check prints a PASS line per case and the count",
           describe(rc, out, err))

    n_xiamen = len(docs["xiamen-2023-17"][1].findall("cases/case"))
    rc, out, err = pnav.run("check", "xiamen-2023-17", "--format", "json")
    data = json.loads(out) if out.startswith("{") else {}
    tap.ok(rc == 0 and len(data.get("cases", [])) == n_xiamen
           and all(c["document_id"] == "xiamen-2023-17" for c in data["cases"]),
           "pnav check DOCUMENT-ID runs that document's cases only", describe(rc, out, err))

    # ---- a deliberately wrong case ---------------------------------------
    xiamen = docs["xiamen-2023-17"][0]
    wrong, line = write_changed(
        xiamen, tmp, "xiamen-wrong.xml",
        '<expect benefit="xiamen-2023-17/1/innovative-phase-2" counted-cny="12000000"',
        '<expect benefit="xiamen-2023-17/1/innovative-phase-2" counted-cny="11000000"')
    rc, out, err = pnav.run("check", wrong)
    tap.ok(rc == 3 and "FAIL  xiamen-2023-17 · innovative-phase-2-rd-30m" in out
           and "xiamen-2023-17/1/innovative-phase-2 — counted amount: expected ¥11,000,000, "
               "got ¥12,000,000 (%s:%d)" % (wrong, line) in out
           and "derivation: at most 40% × R&D investment ¥30,000,000 = ¥12,000,000" in out
           and "the text: 完成Ⅰ、Ⅱ、Ⅲ期临床试验的" in out
           and re.search(r"\d+ cases: \d+ passed, 1 failed", out),
           "a wrong counted amount fails (exit 3) with the mismatch, the derivation and the quote",
           describe(rc, out, err))

    rc, out, err = pnav.run("check", wrong, "--format", "json")
    data = json.loads(out) if out.startswith("{") else {}
    bad = [c for c in data.get("cases", []) if not c["passed"]]
    mismatch = bad[0]["mismatches"][0] if len(bad) == 1 and bad[0]["mismatches"] else {}
    tap.ok(rc == 3 and data.get("failed") == 1 and bad[0]["name"] == "innovative-phase-2-rd-30m"
           and mismatch.get("benefit_id") == "xiamen-2023-17/1/innovative-phase-2"
           and mismatch.get("field") == "counted" and mismatch.get("expected") == 11000000
           and mismatch.get("actual") == 12000000 and mismatch.get("line") == line
           and "¥12,000,000" in mismatch.get("derivation", {}).get("en", "")
           and "1,200万元" in mismatch.get("derivation", {}).get("zh", ""),
           "check --format json reports the failed case and its mismatch",
           describe(rc, out, err))

    rc, out, err = pnav.run("check")
    tap.ok(rc == 0 and "FAIL" not in out,
           "check FILE wrote nothing: the stored cases still pass", describe(rc, out, err))

    jinjiang = docs["jinjiang-2025-8"][0]
    wrong_total, line = write_changed(
        jinjiang, tmp, "jinjiang-wrong-total.xml",
        '<total cny="12000000"/>', '<total cny="15000000"/>')
    rc, out, err = pnav.run("check", wrong_total)
    tap.ok(rc == 3 and "total: expected ¥15,000,000, got ¥12,000,000 (%s:" % wrong_total in out
           and "Counted: " in out and "jinjiang-2025-8/1.1/innovative-phase-2 ¥3,000,000" in out,
           "a wrong total fails and lists what was counted", describe(rc, out, err))

    wrong_listed, line = write_changed(
        xiamen, tmp, "xiamen-wrong-listed.xml",
        '<not-listed benefit="xiamen-2023-17/1/innovative-phase-3">',
        '<expect benefit="xiamen-2023-17/1/innovative-phase-3" counted-cny="0">')
    with open(wrong_listed, encoding="utf-8") as f:
        text = f.read()
    text = text.replace("</not-listed>", "</expect>", 1)
    with open(wrong_listed, "w", encoding="utf-8") as f:
        f.write(text)
    rc, out, err = pnav.run("check", wrong_listed)
    tap.ok(rc == 3 and "xiamen-2023-17/1/innovative-phase-3 — listed: expected listed, got not listed" in out
           and "phase: the answer phase-2 is not accepted (accepts phase-3)" in out,
           "a benefit expected but not listed fails and says which answer excludes it",
           describe(rc, out, err))

    wrong_absent, line = write_changed(
        xiamen, tmp, "xiamen-wrong-absent.xml",
        '<expect benefit="fujian-2022-tasks/11/innovative-phase-2" counted-cny="0" estimate-cny="9000000" status="in-force" reason="overlap">',
        '<not-listed benefit="fujian-2022-tasks/11/innovative-phase-2">')
    with open(wrong_absent, encoding="utf-8") as f:
        text = f.read()
    start = text.index('<not-listed benefit="fujian-2022-tasks/11/innovative-phase-2">')
    end = text.index("</expect>", start)
    text = text[:end] + "</not-listed>" + text[end + len("</expect>"):]
    with open(wrong_absent, "w", encoding="utf-8") as f:
        f.write(text)
    rc, out, err = pnav.run("check", wrong_absent)
    tap.ok(rc == 3 and "fujian-2022-tasks/11/innovative-phase-2 — listed: expected not listed, got listed" in out,
           "a benefit expected absent but listed fails", describe(rc, out, err))

    # ---- cases that name what does not exist ------------------------------
    refused = [
        ("own-benefit.xml", '<expect benefit="xiamen-2023-17/1/innovative-phase-2" counted-cny="12000000"',
         '<expect benefit="xiamen-2023-17/1/no-such-benefit" counted-cny="12000000"',
         "no benefit “xiamen-2023-17/1/no-such-benefit” in this document"),
        ("other-benefit.xml", '<expect benefit="fujian-2022-tasks/11/innovative-phase-2" counted-cny="0"',
         '<expect benefit="fujian-2022-tasks/11/no-such-benefit" counted-cny="0"',
         "no benefit “fujian-2022-tasks/11/no-such-benefit” in the corpus"),
        ("counts-and-overlap.xml", '<expect benefit="xiamen-2023-17/1/innovative-phase-2" counted-cny="12000000" match="definite"',
         '<expect benefit="xiamen-2023-17/1/innovative-phase-2" counted-cny="12000000" reason="overlap" match="definite"',
         "must be a definite, in-force match"),
        ("bad-answer.xml", "<modality>chemical</modality>", "<modality>herbal</modality>", None),
    ]
    for name, old, new, message in refused:
        copy, line = write_changed(xiamen, tmp, name, old, new)
        for command in ("check", "validate"):
            rc, out, err = pnav.run(command, copy)
            tap.ok(rc == 3 and re.search(re.escape(copy) + ":%d(?!\\d)" % line, err) is not None
                   and (message is None or message in err) and "FAIL" not in out,
                   "%s %s is refused naming %s:%d" % (command, name, name, line),
                   describe(rc, out, err))

    outside, line = write_changed(jinjiang, tmp, "outside.xml",
                                  '<answers location="jinjiang">', '<answers location="xiamen">')
    rc, out, err = pnav.run("check", outside)
    tap.ok(rc == 3 and "is outside the document's jurisdiction" in err and outside + ":" in err,
           "a case placed outside its document's jurisdiction is refused", describe(rc, out, err))

    # ---- usage -------------------------------------------------------------
    rc, out, err = pnav.run("check", "no-such-document")
    tap.ok(rc == 2 and "no-such-document" in err and "xiamen-2023-17" in err,
           "check of an unknown document id exits 2 listing the ids", describe(rc, out, err))
    rc, out, err = pnav.run("check", "xiamen-2023-17", "jinjiang-2025-8")
    tap.ok(rc == 2, "check of two arguments exits 2", describe(rc, out, err))
    rc, out, err = pnav.run("check", os.path.join(tmp, "missing.xml"))
    tap.ok(rc == 3 and "missing.xml" in err, "check of a missing file exits 3 naming it",
           describe(rc, out, err))
    rc, out, err = pnav.run("check", "fuzhou-plan")
    tap.ok(rc == 0 and "0 cases" in out and "no expected-result cases" in err,
           "check of a document without cases says so and exits 0", describe(rc, out, err))


if __name__ == "__main__":
    sys.exit(main())
