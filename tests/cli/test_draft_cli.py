#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""pnav draft from the command line (TAP).

    test_draft_cli.py SOURCE-ROOT PATH-TO-PNAV

A draft goes to standard output or replaces --output in one step, and
validates; bad input (empty, binary, a PDF without text, no articles, too
large, not a regular file) is one line on stderr naming the file, exit
status 3, and an existing --output left as it was.  `pnav validate` says
how many benefits of a draft are not yet reviewed.
"""

import json
import os
import subprocess
import sys
import tempfile
import zipfile
import xml.etree.ElementTree as ET

MAX_BYTES = 32 * 1024 * 1024


def image_only_pdf():
    """A valid one-page PDF whose page is a grey rectangle: no text."""
    content = b"0.5 g 72 72 450 600 re f\n"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"endstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, obj in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


class Tap:
    def __init__(self):
        self.lines = []
        self.n = 0
        self.failed = 0

    def check(self, name, problems):
        self.n += 1
        if problems:
            self.failed += 1
            self.lines.append("not ok %d - %s" % (self.n, name))
            self.lines += ["# " + p for p in problems]
        else:
            self.lines.append("ok %d - %s" % (self.n, name))

    def finish(self):
        print("1..%d" % self.n)
        print("\n".join(self.lines))
        return 1 if self.failed else 0


def main(argv):
    root, pnav = argv[1], argv[2]
    tmp = tempfile.mkdtemp(prefix="pn-draft-cli-")
    env = dict(os.environ, XDG_DATA_HOME=os.path.join(tmp, "data"), LANGUAGE="en", LC_ALL="C.UTF-8")
    db = os.path.join(tmp, "test.db")
    tap = Tap()

    def run(*args):
        p = subprocess.run([pnav] + list(args), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           env=env, timeout=120)
        return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")

    source = os.path.join(root, "data", "sources", "jinjiang-2025-8.txt")

    # help
    status, out, _ = run("--help")
    tap.check("pnav --help lists draft", [] if status == 0 and "draft" in out else
              ["exit %d, help:\n%s" % (status, out)])
    status, out, _ = run("draft", "--help")
    tap.check("pnav draft --help names SOURCE, --output and --id",
              [] if status == 0 and all(w in out for w in ("SOURCE", "--output", "--id")) else
              ["exit %d:\n%s" % (status, out)])

    # to standard output, then validated
    status, out, err = run("draft", source)
    problems = [] if status == 0 else ["exit %d: %s" % (status, err)]
    if status == 0:
        path = os.path.join(tmp, "stdout.xml")
        with open(path, "w", encoding="utf-8") as f:
            f.write(out)
        doc = ET.parse(path).getroot()
        if doc.get("id") != "jinjiang-2025-8":
            problems.append("id %r" % doc.get("id"))
        benefits = list(doc.iter("benefit"))
        if not benefits or any(b.get("reviewed") != "false" for b in benefits):
            problems.append("every benefit must be reviewed=\"false\"")
        vstatus, vout, verr = run("--db", db, "validate", path)
        if vstatus != 0:
            problems.append("pnav validate: exit %d: %s" % (vstatus, verr))
        elif "%d of %d benefits are not yet reviewed" % (len(benefits), len(benefits)) not in vout:
            problems.append("pnav validate does not explain the unreviewed benefits:\n" + vout)
    tap.check("pnav draft SOURCE writes valid XML, pnav validate explains it is unreviewed", problems)

    # --output and --id
    target = os.path.join(tmp, "out.xml")
    status, out, err = run("draft", source, "--output", target, "--id", "jinjiang-test-1")
    problems = [] if status == 0 else ["exit %d: %s" % (status, err)]
    if status == 0:
        if ET.parse(target).getroot().get("id") != "jinjiang-test-1":
            problems.append("--id not used")
        if "jinjiang-test-1" not in out:
            problems.append("no summary on stdout: %r" % out)
    tap.check("pnav draft --output FILE --id ID", problems)

    status, _, err = run("draft", source, "--id", "Not An Id")
    tap.check("a bad --id is a usage error (exit 2)",
              [] if status == 2 and "--id" in err else ["exit %d: %s" % (status, err)])
    status, _, err = run("draft", source, "--output", os.path.join(tmp, "missing", "x.xml"))
    tap.check("an --output in a missing folder is a usage error (exit 2)",
              [] if status == 2 and "--output" in err else ["exit %d: %s" % (status, err)])
    status, _, err = run("draft")
    tap.check("no SOURCE is a usage error (exit 2)", [] if status == 2 else ["exit %d: %s" % (status, err)])

    # a renamed text file named .docx crashed (SIGSEGV); an empty document.xml spoke a CRITICAL
    renamed = os.path.join(tmp, "renamed.docx")
    with open(renamed, "wb") as f:
        f.write(b"hello")
    status, _, err = run("draft", renamed)
    tap.check("a .docx that is no zip is one line, exit 3",
              [] if status == 3 and len(err.strip().splitlines()) == 1 and "renamed.docx" in err
              else ["exit %d: %s" % (status, err)])
    empty = os.path.join(tmp, "empty-body.docx")
    with zipfile.ZipFile(empty, "w") as z:
        z.writestr("word/document.xml", b"")
    status, _, err = run("draft", empty)
    tap.check("a .docx with an empty word/document.xml is one line, exit 3",
              [] if status == 3 and len(err.strip().splitlines()) == 1 and "CRITICAL" not in err
              else ["exit %d: %s" % (status, err)])

    # a new place: drafted, reviewed, imported, then asked about by name
    shenzhen = os.path.join(tmp, "shenzhen.txt")
    with open(shenzhen, "w", encoding="utf-8") as f:
        f.write("深圳市促进生物医药产业集群高质量发展的若干措施\n深发改规〔2025〕3号\n"
                "第一条 为加快推进我市生物医药产业集群高质量发展，制定本措施。\n"
                "第二条 对在本市完成Ⅱ期临床试验的创新药，按照不超过研发投入的40%给予资助，最高不超过2000万元。"
                "（责任单位：市科技创新局、市财政局）\n"
                "第三条 本措施自2025年3月1日起施行，有效期5年。\n深圳市发展和改革委员会\n2025年2月10日\n")
    drafted = os.path.join(tmp, "shenzhen.xml")
    status, _, err = run("draft", shenzhen, "--output", drafted)
    problems = [] if status == 0 else ["draft: exit %d: %s" % (status, err)]
    if status == 0:
        with open(drafted, encoding="utf-8") as f:
            xml = f.read().replace('reviewed="false"', 'reviewed="true"')
        with open(drafted, "w", encoding="utf-8") as f:
            f.write(xml)
        status, _, err = run("--db", db, "import", drafted)
        if status != 0:
            problems.append("import: exit %d: %s" % (status, err))
        status, out, err = run("--db", db, "vocab", "locations")
        if status != 0 or "shenzhen" not in out or "Shenzhen" not in out:
            problems.append("vocab locations does not list the declared place: %s%s" % (out, err))
        status, out, err = run("--db", db, "match", "--location", "shenzhen", "--drug-class", "innovative",
                               "--phase", "phase-2", "--rd-investment", "30000000", "--as-of", "2026-01-01")
        if status != 0 or not out.startswith("Location: Shenzhen") or "Total (1 counted): ¥12,000,000" not in out:
            problems.append("match --location shenzhen: exit %d: %s%s" % (status, out, err))
        # the units the document declares are named, not shown by their ids
        status, out, err = run("--db", db, "match", "--location", "shenzhen", "--drug-class", "innovative",
                               "--phase", "phase-2", "--rd-investment", "30000000", "--as-of", "2026-01-01",
                               "--format", "json")
        units = [u for m in (json.loads(out)["matches"] if status == 0 else []) for u in m["responsible_units"]]
        if status != 0 or not units or any(u["zh"] is None for u in units):
            problems.append("match --format json: units of the document unnamed: %s%s" % (out[:2000], err))
        status, out, err = run("--db", db, "match", "--location", "shenzhen", "--drug-class", "innovative",
                               "--phase", "phase-2", "--rd-investment", "30000000", "--as-of", "2026-01-01")
        status2, out2, err2 = run("--db", db, "deadlines", "--location", "shenzhen", "--as-of", "2026-01-01")
        if "-unit-" in out or "-unit-" in out2 or "科技创新局" not in out2:
            problems.append("units shown by their ids: %s%s" % (out, out2))
        status, _, err = run("--db", db, "match", "--location", "nowhere")
        if status != 2 or "shenzhen" not in err:
            problems.append("an unknown place does not list the declared ones: %s" % err)
        status, out, err = run("--db", db, "compare", "--locations", "shenzhen,xiamen", "--drug-class",
                               "innovative", "--phase", "phase-2", "--rd-investment", "30000000",
                               "--as-of", "2026-01-01")
        if status != 0 or "Shenzhen" not in out:
            problems.append("compare --locations shenzhen,xiamen: exit %d: %s%s" % (status, out, err))
        status, out, err = run("--db", db, "deadlines", "--location", "shenzhen", "--as-of", "2026-01-01")
        if status != 0 or not out.startswith("Location: Shenzhen") or "2030-02-28" not in out:
            problems.append("deadlines --location shenzhen: exit %d: %s%s" % (status, out, err))
    tap.check("a place a drafted document declares can be asked about once it is imported", problems)

    # a client saved there, then the document removed: said, not ¥0 in silence
    problems = []
    status, _, err = run("--db", db, "profile", "save", "sz-client", "--location", "shenzhen",
                         "--drug-class", "innovative", "--phase", "phase-2")
    if status != 0:
        problems.append("profile save at shenzhen: exit %d: %s" % (status, err))
    status, _, err = run("--db", db, "remove", "shenzhen-2025-3")
    if status != 0:
        problems.append("remove: exit %d: %s" % (status, err))
    status, out, err = run("--db", db, "match", "--profile", "sz-client")
    if status != 2 or "sz-client" not in err or "shenzhen" not in err:
        problems.append("match --profile at a removed place: exit %d: %s%s" % (status, out, err))
    tap.check("a saved client at a place no document names any more gets a clear error", problems)

    # bad input: exit 3, one line naming the file, --output untouched
    bad = os.path.join(tmp, "bad")
    os.mkdir(bad)
    cases = {
        "empty.txt": b"",
        "binary.txt": bytes(range(256)) * 4,
        "scan.pdf": image_only_pdf(),
        "notice.txt": "关于做好生物医药产业统计工作的通知\n请各单位按时报送相关数据。\n".encode("utf-8"),
        "fake.docx": b"PK\x03\x04 this is no zip",
    }
    for name, data in cases.items():
        with open(os.path.join(bad, name), "wb") as f:
            f.write(data)
    large = os.path.join(bad, "large.txt")
    with open(large, "wb") as f:
        f.truncate(MAX_BYTES + 1)
    fifo = os.path.join(bad, "pipe.txt")
    os.mkfifo(fifo)
    keep = os.path.join(tmp, "keep.xml")
    for name in list(cases) + ["large.txt", "pipe.txt", "."]:
        path = os.path.join(bad, name) if name != "." else bad
        with open(keep, "w", encoding="utf-8") as f:
            f.write("an earlier draft\n")
        before = os.stat(keep)
        status, out, err = run("draft", path, "--output", keep)
        problems = []
        if status != 3:
            problems.append("exit %d, expected 3" % status)
        lines = err.strip().splitlines()
        if len(lines) != 1 or path not in lines[0]:
            problems.append("stderr is not one line naming %s: %r" % (path, err))
        with open(keep, encoding="utf-8") as f:
            if f.read() != "an earlier draft\n" or os.stat(keep).st_mtime_ns != before.st_mtime_ns:
                problems.append("--output was changed")
        if out:
            problems.append("stdout is not empty: %r" % out)
        leftovers = [f for f in os.listdir(tmp) if f.startswith(".keep") or f.startswith("keep.xml.")]
        if leftovers:
            problems.append("temporary files left: %s" % leftovers)
        tap.check("bad input %s: exit 3, one line, nothing written" % name, problems + ([err.strip()] if problems else []))

    return tap.finish()


if __name__ == "__main__":
    sys.exit(main(sys.argv))
