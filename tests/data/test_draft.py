#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""How well `pnav draft` drafts (TAP).

    test_draft.py SOURCE-ROOT PATH-TO-PNAV [--report]

For every data/sources/<id>.txt, drafts it with `pnav draft` and compares
the draft with the hand encoding data/policies/<id>.xml (docs/drafting.md):

  articles  a hand-encoded article is found when the draft has an article
            of the same number whose original text starts the same way
            (the first 20 characters, white space removed);
  figures   a hand-encoded award figure (an amount, cap, threshold or rate
            of a benefit) is found when a benefit of the draft's article of
            the same number has the same figure in the same role.

Each must reach 95% on every source, or the test fails.  The test sources
in tests/data/draft/ (other styles: 第N条 regulations in GB18030, an HTML
page with menus, a .docx task table, a PDF made with cairo) are drafted and
checked against the facts listed in tests/data/draft/expected.json.  Every
draft must validate (`pnav validate`) and mark every benefit unreviewed.

--report prints the table of docs/drafting.md instead of TAP.
Exits 1 when a test fails.
"""

import json
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from decimal import Decimal

THRESHOLD = Decimal("0.95")
PREFIX_CHARS = 20


def squash(text):
    return re.sub(r"\s+", "", text or "")


def full_text(el):
    return "".join(el.itertext()) if el is not None else ""


def dec(text):
    try:
        return Decimal(text.strip()).normalize()
    except Exception:
        return None


def benefit_figures(benefit):
    """The (role, value) pairs of one benefit."""
    out = set()
    for role in ("amount", "cap", "rate"):
        el = benefit.find(role)
        if el is not None and dec(el.text or "") is not None:
            out.add((role, dec(el.text)))
    for t in benefit.findall("threshold"):
        if dec(t.get("min", "")) is not None:
            out.add(("threshold", dec(t.get("min"))))
    return out


def articles_of(root):
    arts = {}
    for art in root.findall("article"):
        figures = set()
        for b in art.findall("benefit"):
            figures |= benefit_figures(b)
        arts[art.get("number")] = (squash(full_text(art.find("original"))), figures, art)
    return arts


def compare(hand_root, draft_root):
    hand = articles_of(hand_root)
    draft = articles_of(draft_root)
    found_articles = 0
    missing_articles = []
    n_figures = 0
    found_figures = 0
    missing_figures = []
    for number, (original, figures, _art) in hand.items():
        d = draft.get(number)
        if d is not None and d[0].startswith(original[:PREFIX_CHARS]):
            found_articles += 1
        else:
            got = d[0][:PREFIX_CHARS] if d is not None else "no such article"
            missing_articles.append("%s: hand %r, draft %r" % (number, original[:PREFIX_CHARS], got))
        for figure in sorted(figures, key=str):
            n_figures += 1
            if d is not None and figure in d[1]:
                found_figures += 1
            else:
                missing_figures.append("%s: %s %s" % (number, figure[0], figure[1]))
    return {
        "articles": (found_articles, len(hand)),
        "figures": (found_figures, n_figures),
        "missing_articles": missing_articles,
        "missing_figures": missing_figures,
        "extra_articles": sorted(set(draft) - set(hand), key=lambda n: [int(x) for x in n.split(".")]),
    }


def ratio(pair):
    found, total = pair
    return Decimal(1) if total == 0 else Decimal(found) / Decimal(total)


def percent(pair):
    found, total = pair
    return "%d/%d (%.1f%%)" % (found, total, 100.0 * float(ratio(pair)))


class Tap:
    def __init__(self):
        self.n = 0
        self.failed = 0
        self.lines = []

    def result(self, name, problems, notes=()):
        self.n += 1
        if problems:
            self.failed += 1
            self.lines.append("not ok %d - %s" % (self.n, name))
        else:
            self.lines.append("ok %d - %s" % (self.n, name))
        for line in list(problems) + list(notes):
            for sub in str(line).splitlines():
                self.lines.append("# " + sub)

    def finish(self):
        print("1..%d" % self.n)
        print("\n".join(self.lines))
        return 1 if self.failed else 0


def run(cmd, env):
    return subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, timeout=120)


def draft(ctx, source, out):
    p = run([ctx["pnav"], "draft", source, "--output", out], ctx["env"])
    return p


def check_draft_basics(ctx, out, problems):
    """validates, every benefit unreviewed"""
    p = run([ctx["pnav"], "--db", ctx["db"], "validate", out], ctx["env"])
    if p.returncode != 0:
        problems.append("pnav validate %s exited %d: %s" % (out, p.returncode,
                                                          p.stderr.decode(errors="replace").strip()))
        return None
    root = ET.parse(out).getroot()
    for b in root.iter("benefit"):
        if b.get("reviewed") != "false":
            problems.append("%s is not marked reviewed=\"false\"" % b.get("id"))
    return root


def main(argv):
    if len(argv) < 3:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    root, pnav = argv[1], argv[2]
    report = "--report" in argv
    tmp = tempfile.mkdtemp(prefix="pn-draft-test-")
    env = dict(os.environ)
    env["XDG_DATA_HOME"] = os.path.join(tmp, "data")
    env["LANGUAGE"] = "en"
    env["LC_ALL"] = "C.UTF-8"
    ctx = {"pnav": pnav, "env": env, "db": os.path.join(tmp, "test.db")}
    tap = Tap()
    rows = []

    sources = sorted(f for f in os.listdir(os.path.join(root, "data", "sources")) if f.endswith(".txt"))
    for name in sources:
        doc_id = name[:-4]
        source = os.path.join(root, "data", "sources", name)
        hand_path = os.path.join(root, "data", "policies", doc_id + ".xml")
        out = os.path.join(tmp, doc_id + ".xml")
        problems, notes = [], []
        p = draft(ctx, source, out)
        if p.returncode != 0:
            tap.result("draft %s" % name, ["pnav draft exited %d: %s" % (
                p.returncode, p.stderr.decode(errors="replace").strip())])
            continue
        draft_root = check_draft_basics(ctx, out, problems)
        if draft_root is None:
            tap.result("draft %s" % name, problems)
            continue
        result = compare(ET.parse(hand_path).getroot(), draft_root)
        rows.append((doc_id, result))
        for what in ("articles", "figures"):
            if ratio(result[what]) < THRESHOLD:
                problems.append("%s found: %s, below 95%%" % (what, percent(result[what])))
        notes.append("articles %s, figures %s" % (percent(result["articles"]), percent(result["figures"])))
        notes += ["missing article " + m for m in result["missing_articles"]]
        notes += ["missing figure " + m for m in result["missing_figures"]]
        if result["extra_articles"]:
            notes.append("articles the hand encoding does not have: " + " ".join(result["extra_articles"]))
        tap.result("draft %s: articles and figures of the hand encoding" % name, problems, notes)

    # the extra sources, with the facts they must give
    extra_dir = os.path.join(root, "tests", "data", "draft")
    expected_path = os.path.join(extra_dir, "expected.json")
    expected = {}
    if os.path.exists(expected_path):
        with open(expected_path, encoding="utf-8") as f:
            expected = json.load(f)
    for name, facts in sorted(expected.items()):
        source = os.path.join(extra_dir, name)
        out = os.path.join(tmp, "extra-" + name + ".xml")
        problems, notes = [], []
        p = draft(ctx, source, out)
        if p.returncode != 0:
            tap.result("draft tests/data/draft/%s" % name, ["pnav draft exited %d: %s" % (
                p.returncode, p.stderr.decode(errors="replace").strip())])
            continue
        draft_root = check_draft_basics(ctx, out, problems)
        if draft_root is None:
            tap.result("draft tests/data/draft/%s" % name, problems)
            continue
        problems += check_facts(draft_root, facts, p.stderr.decode(errors="replace"))
        arts = articles_of(draft_root)
        found = sum(1 for n in facts.get("articles", {}) if n in arts and
                    arts[n][0].startswith(squash(facts["articles"][n])[:PREFIX_CHARS]))
        figs_total = sum(len(v) for v in facts.get("figures", {}).values())
        figs_found = 0
        for n, figs in facts.get("figures", {}).items():
            for role, value in figs:
                if n in arts and (role, Decimal(str(value)).normalize()) in arts[n][1]:
                    figs_found += 1
                else:
                    notes.append("missing figure %s: %s %s" % (n, role, value))
        rows.append(("tests/data/draft/" + name, {
            "articles": (found, len(facts.get("articles", {}))),
            "figures": (figs_found, figs_total)}))
        for what, pair in (("articles", (found, len(facts.get("articles", {})))),
                           ("figures", (figs_found, figs_total))):
            if ratio(pair) < THRESHOLD:
                problems.append("%s found: %s, below 95%%" % (what, percent(pair)))
        notes.append("articles %s, figures %s" % (percent((found, len(facts.get("articles", {})))),
                                                  percent((figs_found, figs_total))))
        tap.result("draft tests/data/draft/%s: the expected facts" % name, problems, notes)

    if report:
        print("| source | articles found | figures found |")
        print("| --- | --- | --- |")
        for doc_id, result in rows:
            print("| `%s` | %s | %s |" % (doc_id, percent(result["articles"]), percent(result["figures"])))
        return 0
    return tap.finish()


def check_facts(root, facts, stderr):
    problems = []
    for key in ("doc-number", "jurisdiction"):
        if key in facts:
            el = root.find(key)
            got = el.text if el is not None else None
            if got != facts[key]:
                problems.append("%s: got %r, expected %r" % (key, got, facts[key]))
    for key in ("title", "issuer"):
        if key in facts:
            el = root.find(key + "/zh")
            got = el.text if el is not None else None
            if got != facts[key]:
                problems.append("%s: got %r, expected %r" % (key, got, facts[key]))
    if "status" in facts and root.get("status") != facts["status"]:
        problems.append("status: got %r, expected %r" % (root.get("status"), facts["status"]))
    validity = root.find("validity")
    for attr, want in facts.get("validity", {}).items():
        got = validity.get(attr) if validity is not None else None
        if got != want:
            problems.append("validity %s: got %r, expected %r" % (attr, got, want))
    numbers = [a.get("number") for a in root.findall("article")]
    if "article-numbers" in facts and numbers != facts["article-numbers"]:
        problems.append("article numbers: got %s, expected %s" % (" ".join(numbers),
                                                                   " ".join(facts["article-numbers"])))
    for text in facts.get("stderr", []):
        if text not in stderr:
            problems.append("stderr does not say %r: %s" % (text, stderr.strip()))
    for loc in facts.get("local-locations", []):
        if root.find("local-locations/location[@id='%s']" % loc) is None:
            problems.append("no local location %r" % loc)
    for number, units in facts.get("units", {}).items():
        art = next((a for a in root.findall("article") if a.get("number") == number), None)
        got = [u.get("ref") for u in art.findall("units/unit")] if art is not None else []
        for u in units:
            if u not in got:
                problems.append("article %s: unit %r missing (has %s)" % (number, u, got))
    if "overlap-rule" in facts:
        el = root.find("overlap-rule/quote")
        if el is None or facts["overlap-rule"] not in el.text:
            problems.append("overlap rule: got %r" % (el.text if el is not None else None))
    return problems


if __name__ == "__main__":
    sys.exit(main(sys.argv))
