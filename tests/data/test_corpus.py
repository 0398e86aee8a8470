#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Tests of the policy corpus in data/ (TAP).

    test_corpus.py SOURCE-ROOT PATH-TO-PNAV

Checks data/policies/*.xml and data/taxonomy.xml against the schema (through
the real libxml2 validation of `pnav validate` and xmllint), that broken
copies are rejected with the right file:line, that every article's
<original> is the source text, that every figure of a source is encoded or
listed in data/coverage/, that every reference resolves, and the hard facts
the engine relies on.  See docs/corpus-guide.md.

Exits 1 when a test fails.  Every pnav run uses a database in a temporary
folder (--db) and a temporary XDG_DATA_HOME.
"""

import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from decimal import Decimal, InvalidOperation

GOBACK = "[bookmark: _GoBack]"

# docs/corpus-guide.md, "Cross-document groups"
CROSS_DOCUMENT_GROUPS = {
    "drug-clinical-innovative",
    "drug-clinical-improved",
    "drug-industrialisation",
    "device-industrialisation",
    "consistency-evaluation",
    "tech-transfer",
    "cro-platform-construction",
    "national-project-matching",
    "national-key-lab",
    "national-engineering-centre",
    "national-enterprise-tech-centre",
}

# shared/seeds/README.md: the article numbers of each document
EXPECTED_ARTICLES = {
    "xiamen-2023-17": [str(i) for i in range(1, 25)],
    "xiamen-2025-draft": [str(i) for i in range(1, 30)],
    "fujian-2022-tasks": [str(i) for i in range(1, 86)],
    "jinjiang-2025-8": ["1.1", "1.2", "1.3", "1.4", "2.1", "2.2",
                        "3.1", "3.2", "3.3", "4.1", "4.2", "4.3"],
}

CN_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5,
             "六": 6, "七": 7, "八": 8, "九": 9}
CN_NUM = "[一二三四五六七八九十]+"

# A money amount (…万元, …亿元, and 万 alone before 的 as in "300 万的") or
# a percentage, in a text with all whitespace removed.
FIGURE_RE = re.compile(r"(\d+(?:\.\d+)?)(万元|亿元|万(?=的)|%)")
UNIT_YUAN = {"万元": 10000, "万": 10000, "亿元": 100000000}


def cn_number(s):
    """一 … 九十九 as an int."""
    if s == "十":
        return 10
    if "十" in s:
        tens, _, ones = s.partition("十")
        return (CN_DIGITS[tens] if tens else 1) * 10 + (CN_DIGITS[ones] if ones else 0)
    return CN_DIGITS[s]


def squash(text):
    return re.sub(r"\s+", "", text)


def full_text(el):
    return "".join(el.itertext()) if el is not None else ""


class Corpus:
    def __init__(self, root):
        self.root = root
        self.policy_dir = os.path.join(root, "data", "policies")
        self.files = sorted(
            os.path.join(self.policy_dir, f)
            for f in os.listdir(self.policy_dir) if f.endswith(".xml"))
        self.docs = {}      # doc id -> root element
        self.doc_file = {}  # doc id -> path
        self.parse_errors = {}
        for path in self.files:
            try:
                el = ET.parse(path).getroot()
            except ET.ParseError as e:
                self.parse_errors[path] = str(e)
                continue
            doc_id = el.get("id") or os.path.basename(path)[:-4]
            self.docs[doc_id] = el
            self.doc_file[doc_id] = path
        self.taxonomy_path = os.path.join(root, "data", "taxonomy.xml")
        self.schema_path = os.path.join(root, "data", "schema", "policy.xsd")
        try:
            self.taxonomy = ET.parse(self.taxonomy_path).getroot()
        except ET.ParseError:
            self.taxonomy = None

    def source_path(self, doc_id):
        return os.path.join(self.root, "data", "sources", doc_id + ".txt")

    def source(self, doc_id):
        with open(self.source_path(doc_id), encoding="utf-8") as f:
            return f.read()

    def benefits(self):
        for doc_id, doc in self.docs.items():
            for art in doc.findall("article"):
                for b in art.findall("benefit"):
                    yield doc_id, art, b

    def benefit(self, bid):
        for _doc_id, _art, b in self.benefits():
            if b.get("id") == bid:
                return b
        return None


class Tap:
    def __init__(self):
        self.tests = []
        self.failed = 0

    def add(self, name, func):
        self.tests.append((name, func))

    def run(self):
        print("1..%d" % len(self.tests), flush=True)
        for i, (name, func) in enumerate(self.tests, 1):
            try:
                result = func()
            except Exception as e:  # a bug in the test or unreadable data
                result = ["exception: %r" % (e,)]
            skip = None
            if isinstance(result, tuple) and result and result[0] == "skip":
                skip = result[1]
                problems, notes = [], []
            elif isinstance(result, tuple):
                problems, notes = result
            else:
                problems, notes = result or [], []
            if skip is not None:
                print("ok %d - %s # SKIP %s" % (i, name, skip))
            elif problems:
                self.failed += 1
                print("not ok %d - %s" % (i, name))
            else:
                print("ok %d - %s" % (i, name))
            for line in list(problems) + list(notes):
                for sub in str(line).splitlines() or [""]:
                    print("# " + sub)
            sys.stdout.flush()
        return 1 if self.failed else 0


def run(cmd, env=None):
    return subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          env=env, timeout=60)


# ---------------------------------------------------------------- 1. schema

def t_pnav_validate(ctx, path):
    def f():
        p = run([ctx["pnav"], "--db", ctx["db"], "validate", path], env=ctx["env"])
        if p.returncode != 0:
            return ["pnav validate %s exited %d" % (path, p.returncode),
                    "stdout: " + p.stdout.decode(errors="replace").strip(),
                    "stderr: " + p.stderr.decode(errors="replace").strip()]
        return []
    return f


def t_taxonomy_schema(ctx, corpus):
    def f():
        xmllint = shutil.which("xmllint")
        if xmllint is None:
            return ["xmllint not found"]
        p = run([xmllint, "--noout", "--schema", corpus.schema_path, corpus.taxonomy_path])
        if p.returncode != 0:
            return ["xmllint exited %d" % p.returncode,
                    p.stderr.decode(errors="replace").strip()]
        return []
    return f


# ---------------------------------------------------------- 2. broken copies

def first_line(lines, pattern):
    rx = re.compile(pattern)
    for i, line in enumerate(lines):
        if rx.search(line):
            return i
    return None


def break_required_attribute(lines):
    i = first_line(lines, r'<benefit\b[^>]*\skind="[^"]*"')
    if i is not None:
        return i, re.sub(r'\skind="[^"]*"', "", lines[i], count=1), "kind of the first <benefit>"
    i = first_line(lines, r'<article\b[^>]*\snumber="[^"]*"')
    if i is not None:
        return i, re.sub(r'\snumber="[^"]*"', "", lines[i], count=1), "number of the first <article>"
    return None


def break_amount(lines):
    i = first_line(lines, r"<(amount|cap)>[^<]*</(amount|cap)>")
    if i is None:
        return None
    new = re.sub(r"<(amount|cap)>[^<]*</", r"<\1>200万</", lines[i], count=1)
    return i, new, "first <amount>/<cap> value → 200万"


def break_vocabulary(lines):
    i = first_line(lines, r"<phase>[^<]*</phase>")
    if i is not None:
        return i, re.sub(r"<phase>[^<]*</phase>", "<phase>phase-9</phase>", lines[i], count=1), \
            "first <phase> → phase-9"
    i = first_line(lines, r"<jurisdiction>[^<]*</jurisdiction>")
    if i is not None:
        return i, re.sub(r"<jurisdiction>[^<]*</jurisdiction>", "<jurisdiction>atlantis</jurisdiction>",
                         lines[i], count=1), "<jurisdiction> → atlantis"
    return None


def t_broken(ctx, path, label, breaker):
    def f():
        with open(path, encoding="utf-8") as fh:
            lines = fh.read().split("\n")
        change = breaker(lines)
        if change is None:
            return ("skip", "%s has nothing to break this way" % os.path.basename(path))
        i, new_line, what = change
        if new_line == lines[i]:
            return ["could not apply the change (%s) at line %d" % (what, i + 1)]
        broken = list(lines)
        broken[i] = new_line
        copy = os.path.join(ctx["tmp"], "broken-%s-%s" % (label, os.path.basename(path)))
        with open(copy, "w", encoding="utf-8") as fh:
            fh.write("\n".join(broken))
        p = run([ctx["pnav"], "--db", ctx["db"], "validate", copy], env=ctx["env"])
        err = p.stderr.decode(errors="replace")
        problems = []
        if p.returncode != 3:
            problems.append("pnav validate exited %d, expected 3" % p.returncode)
        if not re.search(re.escape(copy) + ":" + str(i + 1) + r"(?!\d)", err):
            problems.append("stderr does not name %s:%d" % (copy, i + 1))
        if problems:
            problems += ["change: %s, line %d" % (what, i + 1),
                         "stderr: " + err.strip()]
        return problems
    return f


# ---------------------------------------------------------- 3. text fidelity

def t_originals(corpus, doc_id):
    def f():
        doc = corpus.docs[doc_id]
        problems = []
        src_file = doc.find("source").get("file") if doc.find("source") is not None else None
        if src_file != doc_id + ".txt":
            problems.append("<source file=%r>, expected %r" % (src_file, doc_id + ".txt"))
        src = squash(corpus.source(doc_id).replace(GOBACK, ""))
        for art in doc.findall("article"):
            orig = squash(full_text(art.find("original")))
            if not orig:
                problems.append("article %s: empty <original>" % art.get("number"))
                continue
            if orig in src:
                continue
            # the longest prefix that is found, to point at the first difference
            lo, hi = 0, len(orig)
            while lo < hi:
                mid = (lo + hi + 1) // 2
                if orig[:mid] in src:
                    lo = mid
                else:
                    hi = mid - 1
            problems.append("article %s: <original> is not in data/sources/%s.txt; "
                            "matches up to character %d of %d, then XML has %r"
                            % (art.get("number"), doc_id, lo, len(orig),
                               orig[max(0, lo - 15):lo + 15]))
        return problems, ["%d articles checked" % len(doc.findall("article"))]
    return f


def source_article_numbers(corpus, doc_id):
    """The article numbers as the source text numbers its measures."""
    lines = [l.replace(GOBACK, "").strip() for l in corpus.source(doc_id).splitlines()]
    found = []
    if doc_id == "fujian-2022-tasks":
        # the 序号 column: a cell holding only a number
        for raw in corpus.source(doc_id).splitlines():
            m = re.fullmatch(r"\t(\d+)\s*", raw)
            if m:
                found.append(m.group(1))
    elif doc_id in ("xiamen-2023-17", "xiamen-2025-draft"):
        # （一）…, tolerating the extraction's "（二十四 ）" and "二十五）"
        for l in lines:
            m = re.match(r"^（?\s*(" + CN_NUM + r")\s*）", l)
            if m:
                found.append(str(cn_number(m.group(1))))
    elif doc_id == "jinjiang-2025-8":
        chapter = None
        for l in lines:
            if l.startswith("五、") or l.startswith("附件"):
                break  # 附则 and the annex are not measures
            m = re.match(r"^(" + CN_NUM + r")、", l)
            if m:
                chapter = cn_number(m.group(1))
                continue
            m = re.match(r"^（(" + CN_NUM + r")）", l)
            if m and chapter:
                found.append("%d.%d" % (chapter, cn_number(m.group(1))))
    return found


def t_article_numbers(corpus, doc_id):
    def f():
        expected = EXPECTED_ARTICLES[doc_id]
        in_source = source_article_numbers(corpus, doc_id)
        in_xml = [a.get("number") for a in corpus.docs[doc_id].findall("article")]
        problems, notes = [], []
        if in_source != expected:
            notes.append("numbers derived from the source differ from the README's list: %s"
                         % " ".join(in_source))
        missing = [n for n in expected if n not in in_xml]
        missing += [n for n in in_source if n not in in_xml and n not in missing]
        if missing:
            problems.append("articles missing from the XML: " + " ".join(missing))
        extra = [n for n in in_xml if n not in expected and n not in in_source]
        if extra:
            problems.append("articles in the XML that the source does not number: " + " ".join(extra))
        return problems, notes
    return f


def t_fuzhou_sections(corpus):
    doc_id = "fuzhou-plan"

    def f():
        chapter = None
        sections = []
        for l in corpus.source(doc_id).splitlines():
            l = l.replace(GOBACK, "").strip()
            m = re.match(r"^(" + CN_NUM + r")、", l)
            if m:
                chapter = cn_number(m.group(1))
                continue
            m = re.match(r"^（(" + CN_NUM + r")）", l)
            if m and chapter:
                sections.append("%d.%d" % (chapter, cn_number(m.group(1))))
        numbers = [a.get("number") for a in corpus.docs[doc_id].findall("article")]
        problems = []
        if not sections:
            problems.append("no 一、/（一） sections found in data/sources/fuzhou-plan.txt")
        for s in sections:
            if not any(n == s or n.startswith(s + ".") for n in numbers):
                problems.append("section %s has no article %s or %s.*" % (s, s, s))
        return problems, ["sections in the source: " + " ".join(sections)]
    return f


# --------------------------------------------------------- 4. figure coverage

def dec(s):
    try:
        return Decimal(s.strip())
    except (InvalidOperation, AttributeError):
        return None


def t_figures(corpus, doc_id):
    def f():
        doc = corpus.docs[doc_id]
        yuan = set()
        rates = set()
        for tag in ("amount", "cap"):
            for el in doc.iter(tag):
                v = dec(el.text or "")
                if v is not None:
                    yuan.add(v)
        for el in doc.iter("threshold"):
            v = dec(el.get("min", ""))
            if v is not None:
                yuan.add(v)
        for el in doc.findall("annual-cap"):
            v = dec(el.get("amount", ""))
            if v is not None:
                yuan.add(v)
        for el in doc.iter("rate"):
            v = dec(el.text or "")
            if v is not None:
                rates.add(v)
        for el in doc.iter("stage"):
            v = dec(el.get("share", ""))
            if v is not None:
                rates.add(v)

        covered = set()
        cov_path = os.path.join(corpus.root, "data", "coverage", doc_id + ".txt")
        notes = []
        if os.path.exists(cov_path):
            with open(cov_path, encoding="utf-8") as fh:
                for n, line in enumerate(fh, 1):
                    if not line.strip():
                        continue
                    figure, tab, reason = line.rstrip("\n").partition("\t")
                    if not tab or not reason.strip():
                        notes.append("%s:%d: no TAB and reason" % (cov_path, n))
                    covered.add(squash(figure))

        text = squash(corpus.source(doc_id).replace(GOBACK, ""))
        uncovered = []
        seen = set()
        for m in FIGURE_RE.finditer(text):
            num, unit = m.group(1), m.group(2)
            figure = num + unit
            if figure in seen:
                continue
            seen.add(figure)
            value = Decimal(num)
            if unit == "%":
                ok = (value / 100) in rates
            else:
                ok = value * UNIT_YUAN[unit] in yuan
            if ok or figure in covered or (unit == "万" and figure + "的" in covered):
                continue
            ctx_text = text[max(0, m.start() - 25):m.end() + 10]
            uncovered.append("%s not encoded and not in data/coverage/%s.txt: …%s…"
                             % (figure, doc_id, ctx_text))
        notes.append("%d distinct figures in the source, %d listed in data/coverage/%s.txt"
                     % (len(seen), len(covered), doc_id))
        return uncovered, notes
    return f


# --------------------------------------------------------------- 5. references

def t_units(corpus):
    def f():
        if corpus.taxonomy is None:
            return ["data/taxonomy.xml does not parse"]
        known = {u.get("id") for u in corpus.taxonomy.find("units").findall("unit")}
        problems = []
        for doc_id, doc in corpus.docs.items():
            for art in doc.findall("article"):
                units = art.find("units")
                for u in (units.findall("unit") if units is not None else []):
                    if u.get("ref") not in known:
                        problems.append("%s article %s: unit %r is not in the taxonomy"
                                        % (doc_id, art.get("number"), u.get("ref")))
                for b in art.findall("benefit"):
                    bunits = b.find("units")
                    for u in (bunits.findall("unit") if bunits is not None else []):
                        if u.get("ref") not in known:
                            problems.append("%s: unit %r is not in the taxonomy" % (b.get("id"), u.get("ref")))
        return problems
    return f


def t_paragraph_units(corpus):
    """An article whose paragraphs each name their own 责任单位 gives each
    benefit the units of its paragraph (Xiamen art. 10, 13, 14, 15)."""
    def f():
        problems = []
        for doc_id, doc in corpus.docs.items():
            for art in doc.findall("article"):
                if full_text(art.find("original")).count("责任单位") < 2:
                    continue
                for b in art.findall("benefit"):
                    if b.find("units") is None:
                        problems.append("%s: the article names units per paragraph, the benefit none"
                                        % b.get("id"))
        return problems
    return f


def t_overlaps(corpus):
    def f():
        if corpus.taxonomy is None:
            return ["data/taxonomy.xml does not parse"]
        known = {g.get("id") for g in corpus.taxonomy.find("overlap-groups").findall("group")}
        members = {}
        problems, notes = [], []
        for doc_id, _art, b in corpus.benefits():
            for o in b.findall("overlap"):
                ref = o.get("ref")
                if ref not in known:
                    problems.append("%s: overlap group %r is not in the taxonomy" % (b.get("id"), ref))
                members.setdefault(ref, []).append((doc_id, b.get("id")))
        for ref, ms in sorted(members.items()):
            if len(ms) < 2:
                line = "overlap group %r has a single member benefit: %s" % (ref, ms[0][1])
                (problems if ref in CROSS_DOCUMENT_GROUPS else notes).append(line)
        for ref in sorted(CROSS_DOCUMENT_GROUPS):
            docs = sorted({d for d, _ in members.get(ref, [])})
            if len(docs) < 2:
                notes.append("cross-document group %r is used by %s" % (ref, docs or "no document"))
        unused = sorted(known - set(members))
        if unused:
            notes.append("overlap groups in the taxonomy no benefit uses: " + " ".join(unused))
        return problems, notes
    return f


def t_tops_up(corpus):
    def f():
        ids = {b.get("id") for _d, _a, b in corpus.benefits()}
        problems = []
        for _d, _a, b in corpus.benefits():
            for t in b.findall("tops-up"):
                if t.get("ref") not in ids:
                    problems.append("%s: tops-up %r is no benefit of the corpus" % (b.get("id"), t.get("ref")))
            if b.get("kind") == "top-up" and not b.findall("tops-up"):
                problems.append("%s: kind top-up without <tops-up>" % b.get("id"))
        return problems
    return f


def t_benefit_ids(corpus):
    def f():
        seen = {}
        problems = []
        for doc_id, art, b in corpus.benefits():
            bid = b.get("id") or ""
            prefix = "%s/%s/" % (doc_id, art.get("number"))
            if not bid.startswith(prefix) or len(bid) == len(prefix):
                problems.append("%s: benefit id does not start with %r" % (bid, prefix))
            if bid in seen:
                problems.append("%s: benefit id used twice (%s and %s)" % (bid, seen[bid], doc_id))
            seen[bid] = doc_id
        return problems
    return f


def t_annual_caps(corpus):
    def f():
        problems = []
        for doc_id, doc in corpus.docs.items():
            caps = {c.get("id") for c in doc.findall("annual-cap")}
            for c in doc.findall("annual-cap"):
                if not c.get("id", "").startswith(doc_id + "/caps/"):
                    problems.append("%s: annual cap id %r is not under %s/caps/" % (doc_id, c.get("id"), doc_id))
            for art in doc.findall("article"):
                for b in art.findall("benefit"):
                    for r in b.findall("annual-cap"):
                        if r.get("ref") not in caps:
                            problems.append("%s: annual-cap %r is not a cap of %s"
                                            % (b.get("id"), r.get("ref"), doc_id))
        return problems
    return f


# --------------------------------------------------------------- 6. hard facts

def expect(problems, what, got, want):
    if got != want:
        problems.append("%s: got %r, expected %r" % (what, got, want))


def t_validity(corpus, doc_id, want):
    def f():
        doc = corpus.docs.get(doc_id)
        if doc is None:
            return ["no document %s" % doc_id]
        v = doc.find("validity")
        problems = []
        for attr in ("in-force-from", "in-force-until", "applies-from"):
            expect(problems, "%s validity %s" % (doc_id, attr),
                   v.get(attr) if v is not None else None, want.get(attr))
        return problems
    return f


def t_status(corpus, doc_id, want):
    def f():
        doc = corpus.docs.get(doc_id)
        if doc is None:
            return ["no document %s" % doc_id]
        problems = []
        expect(problems, "%s status" % doc_id, doc.get("status"), want)
        return problems
    return f


def t_benefit_facts(corpus, bid, want):
    def f():
        b = corpus.benefit(bid)
        if b is None:
            return ["no benefit with id %s" % bid]
        problems = []
        got = {
            "kind": b.get("kind"),
            "rate": dec(b.findtext("rate") or ""),
            "base": b.findtext("base"),
            "cap": dec(b.findtext("cap") or ""),
            "tops-up": [t.get("ref") for t in b.findall("tops-up")],
        }
        for key, value in want.items():
            if key in ("rate", "cap"):
                value = Decimal(value)
            expect(problems, "%s %s" % (bid, key), got[key], value)
        return problems
    return f


def t_deadline(corpus, doc_id, number, want):
    def f():
        doc = corpus.docs.get(doc_id)
        art = None if doc is None else next(
            (a for a in doc.findall("article") if a.get("number") == number), None)
        if art is None:
            return ["no article %s in %s" % (number, doc_id)]
        d = art.find("deadline")
        if d is None:
            return ["%s article %s has no <deadline>" % (doc_id, number)]
        problems = []
        for attr, value in want.items():
            expect(problems, "%s article %s deadline %s" % (doc_id, number, attr), d.get(attr), value)
        return problems
    return f


def main():
    if len(sys.argv) != 3:
        print("usage: test_corpus.py SOURCE-ROOT PATH-TO-PNAV", file=sys.stderr)
        return 2
    root, pnav = sys.argv[1], os.path.abspath(sys.argv[2])
    corpus = Corpus(root)
    tmp = tempfile.mkdtemp(prefix="pn-test-corpus-")
    env = dict(os.environ)
    env["XDG_DATA_HOME"] = os.path.join(tmp, "xdg-data")
    env["XDG_CONFIG_HOME"] = os.path.join(tmp, "xdg-config")
    env["XDG_CACHE_HOME"] = os.path.join(tmp, "xdg-cache")
    ctx = {"pnav": pnav, "db": os.path.join(tmp, "pn.db"), "tmp": tmp, "env": env}

    tap = Tap()

    # 1. schema
    for path in corpus.files:
        tap.add("schema: %s" % os.path.relpath(path, root), t_pnav_validate(ctx, path))
    tap.add("schema: data/taxonomy.xml", t_taxonomy_schema(ctx, corpus))
    if corpus.parse_errors:
        tap.add("policies parse", lambda: ["%s: %s" % kv for kv in corpus.parse_errors.items()])

    # 2. broken copies
    for path in corpus.files:
        base = os.path.basename(path)
        tap.add("broken %s: required attribute removed" % base,
                t_broken(ctx, path, "attr", break_required_attribute))
        tap.add("broken %s: amount 200万" % base, t_broken(ctx, path, "amount", break_amount))
        tap.add("broken %s: unknown vocabulary id" % base,
                t_broken(ctx, path, "vocab", break_vocabulary))

    # 3. text fidelity
    for doc_id in sorted(corpus.docs):
        tap.add("text: %s originals are in the source" % doc_id, t_originals(corpus, doc_id))
    for doc_id in sorted(EXPECTED_ARTICLES):
        tap.add("text: %s has every article of the source" % doc_id, t_article_numbers(corpus, doc_id))
    tap.add("text: fuzhou-plan has every section of the source", t_fuzhou_sections(corpus))

    # 4. figure coverage
    for doc_id in sorted(corpus.docs):
        tap.add("figures: %s every amount and percentage is encoded or listed" % doc_id,
                t_figures(corpus, doc_id))

    # 5. references
    tap.add("refs: units are in the taxonomy", t_units(corpus))
    tap.add("units: each paragraph's units for its benefits", t_paragraph_units(corpus))
    tap.add("refs: overlap groups exist and have members", t_overlaps(corpus))
    tap.add("refs: tops-up resolve", t_tops_up(corpus))
    tap.add("refs: benefit ids unique and prefixed", t_benefit_ids(corpus))
    tap.add("refs: annual caps resolve", t_annual_caps(corpus))

    # 6. hard facts
    tap.add("facts: xiamen-2023-17 validity",
            t_validity(corpus, "xiamen-2023-17",
                       {"in-force-from": "2023-11-20", "in-force-until": "2026-12-31"}))
    tap.add("facts: jinjiang-2025-8 validity",
            t_validity(corpus, "jinjiang-2025-8",
                       {"in-force-from": "2025-06-26", "in-force-until": "2026-12-31",
                        "applies-from": "2025-01-01"}))
    tap.add("facts: xiamen-2025-draft is a draft", t_status(corpus, "xiamen-2025-draft", "draft"))
    tap.add("facts: xiamen-2023-17/1/innovative-phase-2",
            t_benefit_facts(corpus, "xiamen-2023-17/1/innovative-phase-2",
                            {"kind": "rate", "rate": "0.4", "base": "rd-investment", "cap": "20000000"}))
    tap.add("facts: fujian-2022-tasks/11/innovative-phase-1",
            t_benefit_facts(corpus, "fujian-2022-tasks/11/innovative-phase-1",
                            {"rate": "0.3", "cap": "10000000"}))
    tap.add("facts: jinjiang-2025-8/1.1/innovative-phase-2",
            t_benefit_facts(corpus, "jinjiang-2025-8/1.1/innovative-phase-2",
                            {"kind": "top-up", "rate": "0.4", "cap": "20000000",
                             "tops-up": ["fujian-2022-tasks/11/innovative-phase-2"]}))
    tap.add("facts: fujian-2022-tasks task 11 deadline",
            t_deadline(corpus, "fujian-2022-tasks", "11",
                       {"from": "2022-01-01", "until": "2025-12-31"}))

    try:
        return tap.run()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
