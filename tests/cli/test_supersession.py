#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A document that replaces another from a date, and what an import or a
removal would change for each saved client (`--dry-run`), as TAP.

    test_supersession.py PATH-TO-PNAV

The replacing document is written here: 厦府规〔2027〕1号 (a test text),
"对在本市转化的创新药完成Ⅱ期临床试验的，按照研发投入30%的标准，给予最高不超过
1500万元的奖励", in force 2027-01-01 to 2029-12-31, replacing
xiamen-2023-17 from 2027-01-01.

For an innovative chemical drug completing Phase II with ¥30,000,000 of R&D:
  - as of 2026-12-01, 厦府规〔2023〕17号（一）: 40% × 30,000,000 = 12,000,000
    (cap 2000万元) counts; the new document is not yet in force;
  - as of 2027-02-01, xiamen-2023-17 is superseded (shown, not counted) and
    the new one gives 30% × 30,000,000 = 9,000,000 (cap 1500万元).
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile

PHASE_2 = ["--location", "xiamen", "--product", "drug", "--drug-class", "innovative",
           "--modality", "chemical", "--phase", "phase-2", "--rd-investment", "30000000"]

NEW_DOCUMENT = """<?xml version="1.0" encoding="UTF-8"?>
<policy-document schema-version="1" id="xiamen-2027-1" status="%(status)s">
  <doc-number>厦府规〔2027〕1号</doc-number>
  <title><zh>厦门市生物医药产业高质量发展若干措施（2027年）</zh><en>Xiamen measures for the biomedical industry (2027)</en></title>
  <issuer><zh>厦门市人民政府</zh><en>Xiamen Municipal People's Government</en></issuer>
  <jurisdiction>xiamen</jurisdiction>
  <validity issued="2026-12-20" in-force-from="2027-01-01" in-force-until="2029-12-31"/>
  <source file="xiamen-2027-1.txt" last-verified="2026-12-20"/>
  %(supersedes)s
  <article number="1" chapter="一、研发">
    <heading><zh>支持创新药研发</zh><en>Innovative drug R&amp;D</en></heading>
    <original>对在本市转化的创新药完成Ⅱ期临床试验的，按照研发投入30%%的标准，给予最高不超过1500万元的奖励。（责任单位：市科技局）</original>
    <summary>An innovative drug completing Phase II gets 30%% of R&amp;D investment, at most 15 million yuan.</summary>
    <units><unit ref="xm-kjj" role="lead"/></units>
    <benefit id="xiamen-2027-1/1/innovative-phase-2" kind="rate" per="product">
      <title><zh>创新药完成Ⅱ期临床试验</zh><en>Innovative drug: Phase II completed</en></title>
      <rate>0.3</rate>
      <base>rd-investment</base>
      <cap>15000000</cap>
      <conditions>
        <product>drug</product>
        <drug-class>innovative</drug-class>
        <phase>phase-2</phase>
      </conditions>
    </benefit>
  </article>
</policy-document>
"""

SUPERSEDES = '<supersedes ref="xiamen-2023-17" from="2027-01-01"/>'


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


def match(pnav, as_of):
    rc, data, err = pnav.json("match", *PHASE_2, "--as-of", as_of)
    by_id = {m["benefit_id"]: m for m in (data or {}).get("matches", [])}
    return rc, data, by_id, err


def main():
    if len(sys.argv) != 2:
        print("usage: test_supersession.py PATH-TO-PNAV", file=sys.stderr)
        return 99
    tmp = tempfile.mkdtemp(prefix="pnav-supersession-")
    tap = Tap()
    try:
        run_tests(tap, Pnav(os.path.abspath(sys.argv[1]), tmp))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print("1..%d" % tap.count)
    return 1 if tap.failed else 0


def run_tests(tap, pnav):
    old = "xiamen-2023-17/1/innovative-phase-2"
    new = "xiamen-2027-1/1/innovative-phase-2"
    path = pnav.write("xiamen-2027-1.xml", NEW_DOCUMENT % {"status": "final", "supersedes": SUPERSEDES})

    # two clients, one before the date and one after
    for name, as_of in (("Acme", "2027-02-01"), ("Beta", "2026-12-01")):
        rc, out, err = pnav.run("profile", "save", name, *PHASE_2, "--as-of", as_of)
        tap.ok(rc == 0, "profile save %s (as of %s)" % (name, as_of), err)

    # ---- the dry run: nothing written, the right totals ----------------------
    rc, before_list, err = pnav.json("list-documents")
    rc, impact, err = pnav.json("import", "--dry-run", path)
    clients = {c["name"]: c for c in (impact or {}).get("clients", [])}
    acme, beta = clients.get("Acme", {}), clients.get("Beta", {})
    # Acme, 2027-02-01: xiamen-2023-17 has expired (有效期至2026年12月31日): 0 before;
    # after, the new document's 30% × 30,000,000 = 9,000,000.
    tap.ok(rc == 0 and impact.get("dry_run") is True and impact.get("action") == "import"
           and acme.get("before_total_cny") == 0 and acme.get("after_total_cny") == 9000000
           and acme.get("difference_cny") == 9000000
           and [(c["kind"], c["benefit_id"], c["after_cny"]) for c in acme.get("changes", [])]
           == [("gained", new, 9000000)],
           "import --dry-run: Acme (2027-02-01) goes from ¥0 to ¥9,000,000, gaining the new award",
           json.dumps(impact, ensure_ascii=False, indent=1))
    # Beta, 2026-12-01, is before the document takes effect (2027-01-01),
    # where nothing would change: it is worked out on that day instead,
    # and says so (xiamen-2023-17 has ended: 0 → 9,000,000)
    tap.ok(beta.get("as_of") == "2027-01-01" and beta.get("as_of_from") == "takes-effect"
           and beta.get("before_total_cny") == 0 and beta.get("after_total_cny") == 9000000
           and acme.get("as_of_from") == "client",
           "import --dry-run: Beta (2026-12-01) is shown on 2027-01-01, when the change takes effect",
           json.dumps(beta, ensure_ascii=False))
    # --as-of: every client on that day; on 2026-12-01, 40% × 30,000,000 =
    # 12,000,000 before and after
    rc, impact, err = pnav.json("import", "--dry-run", "--as-of", "2026-12-01", path)
    clients = {c["name"]: c for c in (impact or {}).get("clients", [])}
    tap.ok(rc == 0 and all(c.get("as_of") == "2026-12-01" and c.get("as_of_from") == "given"
                           and c.get("before_total_cny") == 12000000 and c.get("after_total_cny") == 12000000
                           and c.get("changes") == [] for c in clients.values()) and len(clients) == 2,
           "import --dry-run --as-of 2026-12-01: both keep ¥12,000,000",
           json.dumps(impact, ensure_ascii=False)[:2000])
    rc, out, err = pnav.run("import", "--as-of", "2026-12-01", path)
    tap.ok(rc == 2 and "--dry-run" in err, "import --as-of without --dry-run is refused", err)
    # a document no one has reviewed changes nothing, and says why
    unreviewed = pnav.write("unreviewed.xml", (NEW_DOCUMENT % {"status": "final", "supersedes": ""})
                            .replace("<benefit ", "<benefit reviewed=\"false\" ")
                            .replace("xiamen-2027-1", "xiamen-2027-9"))
    rc, out, err = pnav.run("import", "--dry-run", unreviewed)
    rc2, impact, err2 = pnav.json("import", "--dry-run", unreviewed)
    tap.ok(rc == 0 and "1 of the document’s 1 measures is not yet reviewed" in out
           and "Acme: unchanged, ¥0" in out and impact.get("unreviewed_measures") == 1,
           "import --dry-run of an unreviewed document says why nothing changes", out + err + err2)
    # replacing a document of another place says so before it happens
    rc, out, err = pnav.run("import", unreviewed)
    elsewhere = pnav.write("elsewhere.xml", open(unreviewed, encoding="utf-8").read()
                           .replace("<jurisdiction>xiamen</jurisdiction>", "<jurisdiction>fuzhou</jurisdiction>"))
    rc2, out2, err2 = pnav.run("import", "--replace", "--dry-run", elsewhere)
    rc3, out3, err3 = pnav.run("remove", "xiamen-2027-9")
    tap.ok(rc == 0 and rc2 == 0 and "warning" in err2 and "(xiamen)" not in err2 and "move there" in err2
           and rc3 == 0,
           "import --replace of another place's document warns", err + err2 + err3)
    rc, after_list, err = pnav.json("list-documents")
    tap.ok(after_list == before_list and not any(d["id"] == "xiamen-2027-1" for d in after_list or []),
           "import --dry-run writes nothing", err)
    rc, out, err = pnav.run("import", "--dry-run", path)
    tap.ok(rc == 0 and "Acme: ¥0 → ¥9,000,000 (as of 2027-02-01)" in out
           and "Beta: ¥0 → ¥9,000,000 (as of 2027-01-01, when the change takes effect)" in out
           and "Nothing was written" in out, "import --dry-run as text", out + err)

    # a dry run refuses what the import would refuse, with the same error
    bad = pnav.write("bad.xml", (NEW_DOCUMENT % {"status": "final", "supersedes": SUPERSEDES})
                     .replace("</conditions>", "</conditions><tops-up ref=\"no/such/benefit\"/>"))
    rc, out, err = pnav.run("import", "--dry-run", bad)
    rc2, out2, err2 = pnav.run("import", bad)
    tap.ok(rc == 3 and rc2 == 3 and "no/such/benefit" in err and err.strip() == err2.strip(),
           "import --dry-run refuses a dangling reference as import does", err + "\n" + err2)

    # ---- the import, then the statuses on both sides of the date -------------
    rc, out, err = pnav.run("import", path)
    tap.ok(rc == 0, "import the replacing document", err)

    rc, data, by_id, err = match(pnav, "2027-02-01")
    m_old, m_new = by_id.get(old, {}), by_id.get(new, {})
    tap.ok(rc == 0 and m_old.get("status") == "superseded" and m_old.get("counted") is False
           and m_old.get("not_counted_reason") == "superseded"
           and "厦府规〔2027〕1号" in (m_old.get("not_counted_detail") or {}).get("en", "")
           and m_new.get("counted") is True and m_new["amount"]["estimate_cny"] == 9000000
           and data["total_estimate_cny"] == 9000000,
           "as of 2027-02-01 xiamen-2023-17 is superseded and not counted; the new one counts ¥9,000,000",
           json.dumps([m_old, m_new], ensure_ascii=False)[:3000])
    tap.ok(all(m["status"] == "superseded" and not m["counted"]
               for m in data["matches"] if m["document_id"] == "xiamen-2023-17"),
           "as of 2027-02-01 every listed xiamen-2023-17 measure is superseded")

    rc, data, by_id, err = match(pnav, "2026-12-01")
    m_old, m_new = by_id.get(old, {}), by_id.get(new, {})
    tap.ok(rc == 0 and m_old.get("status") == "in-force" and m_old.get("counted") is True
           and m_old["amount"]["estimate_cny"] == 12000000 and m_new.get("status") == "pending"
           and data["total_estimate_cny"] == 12000000,
           "as of 2026-12-01 xiamen-2023-17 counts ¥12,000,000 and the new one is not yet in force",
           json.dumps([m_old, m_new], ensure_ascii=False)[:3000])

    rc, doc, err = pnav.json("show", "xiamen-2023-17")
    tap.ok(rc == 0 and doc.get("superseded_by") == {"id": "xiamen-2027-1", "from": "2027-01-01"},
           "show: the replaced document says what replaces it and from when", str(doc)[:500] + err)
    rc, out, err = pnav.run("list-documents")
    tap.ok(rc == 0 and "replaced by xiamen-2027-1 from 2027-01-01" in out,
           "list-documents says it is replaced", out[-800:])
    rc, dl, err = pnav.json("deadlines", "--location", "xiamen", "--as-of", "2026-12-06")
    ending = [d for d in (dl or {}).get("deadlines", []) if d["benefit_id"] == old]
    tap.ok(rc == 0 and ending and ending[0]["replaced_by"] == {"id": "xiamen-2027-1", "from": "2027-01-01"}
           and ending[0]["status"] == "in-force",
           "deadlines: an ending measure names its successor", json.dumps(ending)[:800] + err)

    # ---- removal: a dry run, then the real thing ------------------------------
    rc, impact, err = pnav.json("remove", "--dry-run", "xiamen-2027-1")
    clients = {c["name"]: c for c in (impact or {}).get("clients", [])}
    acme = clients.get("Acme", {})
    tap.ok(rc == 0 and impact.get("action") == "remove" and acme.get("before_total_cny") == 9000000
           and acme.get("after_total_cny") == 0
           and [(c["kind"], c["benefit_id"], c["before_cny"]) for c in acme.get("changes", [])]
           == [("lost", new, 9000000)],
           "remove --dry-run: Acme would lose the ¥9,000,000", json.dumps(impact, ensure_ascii=False)[:3000])
    rc, data, by_id, err = match(pnav, "2027-02-01")
    tap.ok(by_id.get(old, {}).get("status") == "superseded", "remove --dry-run writes nothing")

    rc, out, err = pnav.run("remove", "xiamen-2027-1")
    rc, data, by_id, err = match(pnav, "2027-02-01")
    tap.ok(rc == 0 and by_id.get(old, {}).get("status") == "expired",
           "after the removal xiamen-2023-17 is merely expired again", json.dumps(by_id.get(old))[:800])

    # ---- a draft replaces nothing ---------------------------------------------
    draft = pnav.write("xiamen-2027-1-draft.xml", NEW_DOCUMENT % {"status": "draft", "supersedes": SUPERSEDES})
    rc, out, err = pnav.run("import", draft)
    rc, data, by_id, err = match(pnav, "2027-02-01")
    tap.ok(by_id.get(old, {}).get("status") == "expired",
           "a draft that names what it supersedes replaces nothing until final",
           json.dumps(by_id.get(old))[:800])

    # ---- pnav draft proposes the link to the document it looks like -----------
    text = pnav.write("xiamen-2027-3.txt",
                      "厦门市人民政府关于印发厦门市加快推进生物医药产业高质量发展若干措施（2027年修订）的通知\n"
                      "厦府规〔2027〕3号\n\n一、提升研发创新能力\n"
                      "（一）支持创新产品研发。对在本市转化的创新药完成Ⅱ期临床试验的，按照研发投入30%的标准，"
                      "给予最高不超过1500万元的奖励。（责任单位：市科技局）\n\n"
                      "本措施自2027年1月1日起施行，有效期至2029年12月31日。\n\n厦门市人民政府\n2026年12月20日\n")
    rc, out, err = pnav.run("draft", text, "--output", os.path.join(pnav.tmp, "drafted.xml"))
    tap.ok(rc == 0 and 'new version of “xiamen-2023-17”' in err
           and '<supersedes ref="xiamen-2023-17" from="2027-01-01"/>' in err,
           "pnav draft proposes <supersedes> for a new version of a stored document", err)

    # ---- a changed copy of a bundled document, for two saved clients -----------
    test_changed_bundled_copy(tap, pnav)

    # ---- bad supersessions are one line naming the file ------------------------
    own = pnav.write("self.xml", NEW_DOCUMENT % {"status": "final",
                                                 "supersedes": '<supersedes ref="xiamen-2027-1" from="2027-01-01"/>'})
    rc, out, err = pnav.run("validate", own)
    tap.ok(rc == 3 and "self.xml:" in err and "itself" in err and len(err.strip().splitlines()) == 1,
           "a document cannot supersede itself", err)
    nodate = pnav.write("nodate.xml", NEW_DOCUMENT % {"status": "final",
                                                      "supersedes": '<supersedes ref="xiamen-2023-17"/>'})
    rc, out, err = pnav.run("validate", nodate)
    tap.ok(rc == 3 and "nodate.xml:" in err and "from" in err, "a supersession needs its date", err)

    # two documents that supersede each other (or by way of a third): from the
    # later day neither counted, the money gone without a word; refused
    def relation_doc(doc_id, element):
        return (NEW_DOCUMENT % {"status": "final", "supersedes": element}).replace("xiamen-2027-1", doc_id)
    rc, out, err = pnav.run("import", pnav.write("cyc-a.xml", relation_doc(
        "cyc-a", '<supersedes ref="cyc-b" from="2027-06-01"/>')))
    tap.ok(rc == 0, "a document superseding one not stored imports", err)
    rc, out, err = pnav.run("import", pnav.write("cyc-b.xml", relation_doc(
        "cyc-b", '<supersedes ref="cyc-c" from="2027-06-01"/>')))
    tap.ok(rc == 0, "…and one it supersedes, superseding a third", err)
    rc, out, err = pnav.run("import", pnav.write("cyc-c.xml", relation_doc(
        "cyc-c", '<supersedes ref="cyc-a" from="2027-06-01"/>')))
    tap.ok(rc == 3 and "cyc-c.xml" in err and 'supersedes ref="cyc-a"' in err and "in turn" in err
           and len(err.strip().splitlines()) == 1,
           "the third superseding the first is refused in one line naming the file", err)
    rc, out, err = pnav.run("list-documents")
    tap.ok(rc == 0 and "cyc-c" not in out, "…and nothing of it is stored", out + err)
    rc, out, err = pnav.run("import", pnav.write("ext-a.xml", relation_doc(
        "ext-a", '<extends ref="ext-b" until="2030-12-31"/>')))
    tap.ok(rc == 0, "a notice keeping a document not stored in force imports", err)
    rc, out, err = pnav.run("import", pnav.write("ext-b.xml", relation_doc(
        "ext-b", '<extends ref="ext-a" until="2030-12-31"/>')))
    tap.ok(rc == 3 and "ext-b.xml" in err and "in turn" in err, "two notices keeping each other in force are refused",
           err)
    for doc_id in ("cyc-a", "cyc-b", "ext-a"):
        pnav.run("remove", doc_id)


def test_changed_bundled_copy(tap, pnav):
    """xiamen-2023-17 with the Phase II cap lowered from 2000万元 to 1000万元 (a
    revision, say), through `pnav import --replace --dry-run`:
      Gamma, Phase II with R&D 30,000,000 on 2025-06-01: 40% = 12,000,000,
        capped at 20,000,000 before (12,000,000) and at 10,000,000 after;
        Fujian task 11 (30% = 9,000,000) still loses the overlap group.
      Delta, Phase I with R&D 10,000,000 on 2025-06-01: 40% = 4,000,000 under
        the Phase I cap of 1000万元, untouched by the change."""
    source = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..",
                          "data", "policies", "xiamen-2023-17.xml")
    with open(source, encoding="utf-8") as f:
        text = f.read()
    marker = '<benefit id="xiamen-2023-17/1/innovative-phase-2"'
    start = text.index(marker)
    end = text.index("</benefit>", start)
    changed = text[:start] + text[start:end].replace("<cap>20000000</cap>", "<cap>10000000</cap>", 1) + text[end:]
    if changed == text:
        tap.ok(False, "the bundled document has the Phase II cap the test changes")
        return
    path = pnav.write("xiamen-2023-17-revised.xml", changed)

    for name, phase, rd in (("Gamma", "phase-2", "30000000"), ("Delta", "phase-1", "10000000")):
        rc, out, err = pnav.run("profile", "save", name, "--location", "xiamen", "--product", "drug",
                                "--drug-class", "innovative", "--modality", "chemical", "--phase", phase,
                                "--rd-investment", rd, "--as-of", "2025-06-01")
        tap.ok(rc == 0, "profile save %s" % name, err)

    rc, before, err = pnav.json("show", "xiamen-2023-17")
    rc, impact, err = pnav.json("import", "--replace", "--dry-run", path)
    clients = {c["name"]: c for c in (impact or {}).get("clients", [])}
    gamma, delta = clients.get("Gamma", {}), clients.get("Delta", {})
    tap.ok(rc == 0 and impact.get("action") == "replace"
           and gamma.get("before_total_cny") == 12000000 and gamma.get("after_total_cny") == 10000000
           and [(c["kind"], c["benefit_id"], c["before_cny"], c["after_cny"]) for c in gamma.get("changes", [])]
           == [("changed", "xiamen-2023-17/1/innovative-phase-2", 12000000, 10000000)],
           "replace --dry-run on a changed bundled document: Gamma ¥12,000,000 → ¥10,000,000",
           json.dumps(impact, ensure_ascii=False)[:3000] + err)
    tap.ok(delta.get("before_total_cny") == 4000000 and delta.get("after_total_cny") == 4000000
           and delta.get("changes") == [],
           "replace --dry-run: Delta keeps ¥4,000,000", json.dumps(delta, ensure_ascii=False))
    rc, after, err = pnav.json("show", "xiamen-2023-17")
    tap.ok(after == before, "replace --dry-run leaves the stored document as it was", err)


if __name__ == "__main__":
    sys.exit(main())
