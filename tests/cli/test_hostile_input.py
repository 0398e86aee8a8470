#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""pnav against hostile files, paths and saved data (issue 15), as TAP.

    test_hostile_input.py PATH-TO-PNAV

Each case must end in a one-line error (exit 2 or 3) or a correct answer,
within the time limit (seconds, times $PN_TEST_TIME_FACTOR for the
sanitizer build).  Every run uses its own temporary folder, database and
XDG_DATA_HOME.
"""

import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time

LIMIT = 2.0 * float(os.environ.get("PN_TEST_TIME_FACTOR", "1"))

HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<policy-document schema-version="1" id="%s" status="final">
  <title><zh>测试</zh><en>Test</en></title>
  <issuer><zh>测试</zh><en>Test</en></issuer>
  <jurisdiction>xiamen</jurisdiction>
  <validity/>
  <source file="x.txt" last-verified="2026-01-01"/>
"""


def article(body, original="原文"):
    return ("  <article number=\"1\" chapter=\"一\">\n"
            "    <heading><zh>标题</zh><en>Heading</en></heading>\n"
            "    <original>%s</original>\n    <summary>Summary</summary>\n%s  </article>\n") % (original, body)


def benefit(bid, kind="fixed", inside="<amount>1000</amount>"):
    return ("    <benefit id=\"%s\" kind=\"%s\"><title><zh>甲</zh><en>A</en></title>%s</benefit>\n"
            % (bid, kind, inside))


def document(doc_id, body, original="原文"):
    return HEAD % doc_id + article(body, original) + "</policy-document>\n"


class Tap:
    def __init__(self):
        self.count = 0
        self.failed = 0

    def ok(self, condition, description, diagnostics=None, todo=None):
        self.count += 1
        print("%s %d - %s%s" % ("ok" if condition else "not ok", self.count, description,
                                " # TODO " + todo if todo else ""))
        if not condition:
            self.failed += 0 if todo else 1
            for line in str(diagnostics or "").splitlines():
                print("#   " + line)
        sys.stdout.flush()
        return condition


class Result:
    def __init__(self, rc, out, err, seconds):
        self.rc, self.out, self.err, self.seconds = rc, out, err, seconds

    def __str__(self):
        return "rc=%d in %.2f s\nstdout: %s\nstderr: %s" % (self.rc, self.seconds, self.out[:2000], self.err[:2000])


class Pnav:
    def __init__(self, exe, tmp):
        self.exe = exe
        self.tmp = tmp
        self.db = os.path.join(tmp, "test.db")
        self.env = dict(os.environ, XDG_DATA_HOME=os.path.join(tmp, "data"), HOME=tmp,
                        LC_ALL="C.UTF-8", LANGUAGE="en")

    def run(self, *args, db=True, timeout=120):
        argv = [self.exe] + (["--db", self.db] if db else []) + list(args)
        start = time.monotonic()
        p = subprocess.run(argv, capture_output=True, env=self.env, timeout=timeout)
        seconds = time.monotonic() - start
        return Result(p.returncode, p.stdout.decode("utf-8", "replace"),
                      p.stderr.decode("utf-8", "replace"), seconds)

    def write(self, name, text):
        path = os.path.join(self.tmp, name)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        return path


def one_line_error(r, status, needle):
    lines = r.err.splitlines()
    return (r.rc == status and len(lines) == 1 and lines[0].startswith("pnav: ")
            and needle in lines[0] and "CRITICAL" not in r.err and r.seconds < LIMIT)


def main():
    exe = sys.argv[1]
    tap = Tap()
    tmp = tempfile.mkdtemp(prefix="pnav-issue15-")
    try:
        pnav = Pnav(exe, tmp)
        run_cases(tap, pnav)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print("1..%d" % tap.count)
    return 1 if tap.failed else 0


def run_cases(tap, pnav):
    # ---- files that are not files (item 7) ---------------------------------
    fifo = os.path.join(pnav.tmp, "fifo.xml")
    os.mkfifo(fifo)
    for path, needle in [("/proc/self/pagemap", "/proc/self/pagemap: not a regular file"),
                         (fifo, "not a regular file (a FIFO)"),
                         ("/dev/zero", "/dev/zero: not a regular file (a device)"),
                         (pnav.tmp, "not a regular file (a folder)")]:
        for command in ["validate", "import"]:
            r = pnav.run(command, path, timeout=30)
            tap.ok(one_line_error(r, 3, needle), "%s %s: one line, fast" % (command, path), r)

    # draft reads texts: a /proc file it refuses too (/proc/kmsg blocked until
    # the kernel wrote), and a failed write is said once (it was twice)
    r = pnav.run("draft", "/proc/self/status", timeout=30)
    tap.ok(one_line_error(r, 3, "/proc/self/status: not a regular file"), "draft /proc/self/status: one line, fast", r)
    huge = pnav.write("huge.txt", "一、总则\n" + "".join("（%d）对企业给予%d万元奖励。\n" % (n, n) for n in range(1, 30000)))
    r = pnav.run("draft", huge, timeout=60)
    tap.ok(one_line_error(r, 3, "the text is longer than 1 MiB"), "draft of a 1.4 MiB text: refused at once", r)
    text = pnav.write("full.txt", "测试市若干措施\n一、对1类创新药取得药品注册证书的，给予1000万元奖励。\n"
                                  "二、本措施自2025年1月1日起施行。\n")
    argv = [pnav.exe, "--db", pnav.db, "draft", text]
    with open("/dev/full", "w") as full:
        p = subprocess.run(argv, stdout=full, stderr=subprocess.PIPE, env=pnav.env, timeout=60)
    err = p.stderr.decode("utf-8", "replace")
    tap.ok(p.returncode == 3 and err.count("cannot write the output") == 1,
           "draft to a full disk: exit 3, said once", err)
    # past a file-size limit a write fails and the command says so (the
    # signal's default killed it without a word, exit 153)
    import resource
    limit_db = os.path.join(pnav.tmp, "limit.db")
    subprocess.run([pnav.exe, "--db", limit_db, "list-documents"], capture_output=True, env=pnav.env, timeout=120)
    room = 65536   # the store is larger already: what it adds fails

    def small_files():
        resource.setrlimit(resource.RLIMIT_FSIZE, (room, room))
    big = pnav.write("big-limit.xml", document("big-limit", "".join(benefit("big-limit/1/b%d" % n) for n in range(3000)),
                                               "原文" * 20000))
    p = subprocess.run([pnav.exe, "--db", limit_db, "import", big], capture_output=True,
                       env=pnav.env, timeout=120, preexec_fn=small_files)
    err = p.stderr.decode("utf-8", "replace")
    tap.ok(p.returncode == 3 and err.startswith("pnav: ") and len(err.splitlines()) == 1,
           "import past a file-size limit: exit 3 in one line", "rc=%d %s" % (p.returncode, err))
    r = pnav.run("--db", limit_db, "list-documents", db=False)
    tap.ok(r.rc == 0 and "big-limit" not in r.out, "…and the store is as it was", r)

    # ---- the parse budget (item 3) -----------------------------------------
    cases = [
        ("comments-9MiB", document("c9", "", "a<!--c-->" * (1024 * 1024)), 0, "valid"),
        ("comments-18MiB", document("c18", "", "a<!--c-->" * (2 * 1024 * 1024)), 3,
         "a text longer than 1 MiB (the limit)"),
        ("attributes-100000", HEAD % "attrs" + "  <article number=\"1\" chapter=\"一\""
         + "".join(" a%d=\"1\"" % i for i in range(100000)) + "/>\n</policy-document>\n", 3,
         "an element has more than 32 attributes (the limit)"),
        ("shared-id-40000", document("dup", benefit("dup/1/same") * 40000), 3,
         "benefit id “dup/1/same” is used twice"),
        ("deep", document("deep", "", "<x>" * 5000 + "</x>" * 5000), 3,
         "elements nested more than 32 deep (the limit)"),
        ("huge-text", document("text", "", "文" * (3 * 1024 * 1024 // 3)), 3,
         "a text longer than 1 MiB (the limit)"),
    ]
    for name, text, status, needle in cases:
        path = pnav.write(name + ".xml", text)
        r = pnav.run("validate", path)
        if status == 0:
            tap.ok(r.rc == 0 and needle in r.out and r.seconds < LIMIT,
                   "validate %s: a correct answer within %.0f s" % (name, LIMIT), r)
        else:
            tap.ok(one_line_error(r, status, needle) and name in r.err,
                   "validate %s: one line naming the file and the limit, fast" % name, r)
        if status != 0:
            r = pnav.run("import", path)
            tap.ok(one_line_error(r, status, needle), "import %s: the same, fast" % name, r)

    # ---- the model's rules (smaller items) --------------------------------
    rules = [
        ("unknown-top-up", benefit("rules/1/a", "top-up",
                                   "<amount>10</amount><tops-up ref=\"xiamen-2023-17/1/no-such\"/>"),
         "unknown benefit to top up “xiamen-2023-17/1/no-such”"),
        ("self-top-up", benefit("rules/1/a", "top-up", "<amount>10</amount><tops-up ref=\"rules/1/a\"/>"),
         "benefit “rules/1/a” tops itself up"),
        ("cycle", benefit("rules/1/a", "top-up", "<amount>10</amount><tops-up ref=\"rules/1/b\"/>")
         + benefit("rules/1/b", "top-up", "<amount>10</amount><tops-up ref=\"rules/1/a\"/>"),
         "top-ups form a cycle: rules/1/a → rules/1/b → rules/1/a"),
        ("stages", benefit("rules/1/a", "fixed", "<amount>10</amount><staged-payment>"
                           "<stage share=\"0.5\"/><stage share=\"0.4\"/></staged-payment>"),
         "the stages of benefit “rules/1/a” add up to 0.9, not 1"),
    ]
    for name, body, needle in rules:
        path = pnav.write("rule-" + name + ".xml", document("rules", body))
        for command in ["validate", "import"]:
            r = pnav.run(command, path)
            tap.ok(one_line_error(r, 3, needle), "%s %s: refused by both" % (command, name), r)

    # The same import in 200 fresh processes gives the same answer: GLib's
    # number parser once refused "10" about one time in a hundred when the
    # schema check's thread held a lock as the first number was read.
    path = pnav.write("rule-self-top-up.xml", document("rules", rules[1][1]))
    answers = {}
    for _ in range(200):
        r = pnav.run("import", path)
        answers[r.err] = answers.get(r.err, 0) + 1
    tap.ok(list(answers) == ["pnav: %s:12: %s\n" % (path, rules[1][2])],
           "200 imports in fresh processes give one answer",
           "\n".join("%d × %s" % (n, e.strip()) for e, n in answers.items()))

    # validate without any database: against the bundled corpus, creating none
    path = pnav.write("rule-unknown-top-up.xml", document("rules", rules[0][1]))
    r = pnav.run("validate", path, db=False)
    tap.ok(one_line_error(r, 3, rules[0][2]) and not os.path.exists(os.path.join(pnav.tmp, "data")),
           "validate with no database checks the bundled corpus and creates none", r)

    # a cycle across documents: one is imported, the other closes it
    first = pnav.write("one.xml", document("one", benefit("one/1/a", "fixed", "<amount>10</amount>")))
    r = pnav.run("import", first)
    tap.ok(r.rc == 0, "import a document", r)
    second = pnav.write("two.xml", document("two", benefit("two/1/b", "top-up",
                                                          "<amount>10</amount><tops-up ref=\"one/1/a\"/>")))
    r = pnav.run("import", second)
    tap.ok(r.rc == 0, "import a document topping it up", r)
    first_again = pnav.write("one-again.xml", document("one", benefit("one/1/a", "top-up",
                                                                     "<amount>10</amount><tops-up ref=\"two/1/b\"/>")))
    for command in ["validate", "import"]:
        args = [command, first_again] + (["--replace"] if command == "import" else [])
        r = pnav.run(*args)
        tap.ok(one_line_error(r, 3, "cycle") and "one/1/a" in r.err and "two/1/b" in r.err,
               "%s of a replacement closing a cycle across documents is refused" % command, r)

    # a long chain of top-ups within one document: each benefit's chain was
    # followed through the store (6,000 of them took about 5 s, 50,000 more
    # than a minute); none can close a cycle when no stored benefit tops up
    # one of its ids
    chain = pnav.write("chain.xml", document("chain", benefit("chain/1/b0", "fixed", "<amount>10</amount>") + "".join(
        benefit("chain/1/b%d" % n, "top-up", "<amount>%d</amount><tops-up ref=\"chain/1/b%d\"/>" % (10 + n, n - 1))
        for n in range(1, 6000))))
    r = pnav.run("import", chain)
    tap.ok(r.rc == 0 and r.seconds < LIMIT * 1.5, "a chain of 6,000 top-ups imports in a moment", r)

    # a line break in a title forged a whole entry of `pnav list-documents`
    forged = pnav.write("forge.xml", document("forge", benefit("forge/1/a")).replace(
        "<en>Test</en>", "<en>Hostile&#10;xiamen-2026-official&#10;  Official measures</en>", 1))
    r = pnav.run("import", forged)
    tap.ok(r.rc == 0 and len(r.out.splitlines()) == 1, "a title with line breaks imports on one line", r)
    r = pnav.run("list-documents")
    tap.ok(r.rc == 0 and not any(line.startswith("xiamen-2026-official") for line in r.out.splitlines())
           and "Hostile xiamen-2026-official Official measures" in r.out,
           "a line break in a title cannot forge a document entry", r)
    pnav.run("remove", "forge")

    # one place id, two parents: the second file moved the first one's
    # measures to the other city in silence
    def declaring(doc_id, parent):
        return document(doc_id, benefit(doc_id + "/1/a")).replace(
            "  <jurisdiction>xiamen</jurisdiction>\n",
            "  <local-locations>\n    <location id=\"shared-county\" level=\"county\" parent=\"%s\">"
            "<zh>共用县</zh><en>Shared county</en></location>\n  </local-locations>\n"
            "  <jurisdiction>shared-county</jurisdiction>\n" % parent, 1)
    r = pnav.run("import", pnav.write("county-a.xml", declaring("county-a", "xiamen")))
    tap.ok(r.rc == 0, "a document declaring a county of Xiamen imports", r)
    r = pnav.run("import", pnav.write("county-b.xml", declaring("county-b", "fuzhou")))
    tap.ok(one_line_error(r, 3, "the place “shared-county” is declared by “county-a” as a county of xiamen"),
           "the same place declared under another parent is refused, naming both", r)
    r = pnav.run("import", pnav.write("county-c.xml", declaring("county-c", "xiamen")))
    tap.ok(r.rc == 0, "the same place declared the same way imports", r)
    for doc_id in ("county-a", "county-c"):
        pnav.run("remove", doc_id)

    # ---- totals (item 4) ----------------------------------------------------
    big = pnav.write("big.xml", document("big", "".join(
        benefit("big/1/b%d" % i, "fixed", "<amount>100000000000000</amount>") for i in range(3))))
    r = pnav.run("validate", big)
    tap.ok(one_line_error(r, 3, "100000000000000"), "an amount past 10^12 yuan is refused", r)

    # ---- --db (item 5) ------------------------------------------------------
    r = pnav.run("--db", "", "list-documents", db=False)
    tap.ok(one_line_error(r, 2, "--db: expected the path of a database file"), "--db \"\" exits 2 in one line", r)
    for path, what in [("/dev/null", "it is a device"), (pnav.tmp, "it is a folder"), (fifo, "it is a FIFO")]:
        r = pnav.run("--db", path, "list-documents", db=False, timeout=30)
        tap.ok(one_line_error(r, 2, what), "--db %s exits 2 in one line" % path, r)
    tap.ok(not os.path.exists("/dev/null-journal"), "no /dev/null-journal was created")
    # another program's SQLite database was turned into a store in silence
    foreign = os.path.join(pnav.tmp, "accounts.db")
    con = sqlite3.connect(foreign)
    con.execute("CREATE TABLE accounts (id, balance)")
    con.commit()
    con.close()
    r = pnav.run("--db", foreign, "list-documents", db=False)
    con = sqlite3.connect(foreign)
    tables = [row[0] for row in con.execute("SELECT name FROM sqlite_master")]
    con.close()
    tap.ok(one_line_error(r, 3, "not a Policy Navigator database") and tables == ["accounts"],
           "another program's database is refused and left as it was", r)

    # ---- saved profiles (item 5) -------------------------------------------
    r = pnav.run("profile", "save", "ok", "--location", "xiamen")
    tap.ok(r.rc == 0, "profile save", r)
    con = sqlite3.connect(pnav.db)
    con.execute("INSERT INTO profiles (name, data, updated) VALUES (?, ?, 0)",
                ("\x1b[31mred\nline\u009b", '{"location": "xiamen"}'))
    con.execute("INSERT INTO profiles (name, data, updated) VALUES (?, ?, 0)",
                ("damaged", '{"location": 42, "answers": [1]}'))
    con.execute("INSERT INTO profiles (name, data, updated) VALUES (?, ?, 0)",
                ("deep", "[" * 100000 + "]" * 100000))
    con.execute("INSERT INTO profiles (name, data, updated) VALUES (?, ?, 0)",
                ("unknown-phase", '{"location": "xiamen", "answers": {"phase": "phase-9"}}'))
    con.commit()
    con.close()

    r = pnav.run("profile", "list")
    tap.ok(r.rc == 0 and "\x1b" not in r.out and "\u009b" not in r.out
           and "\\u001b[31mred\\u000aline\\u009b" in r.out and len(r.out.splitlines()) == 5,
           "profile list escapes ESC, newline and C1 in names", r)
    r = pnav.run("profile", "show", "nope")
    tap.ok(one_line_error(r, 2, "\\u001b[31mred\\u000aline") and "\x1b" not in r.err,
           "the list of names in an error is escaped too", r)
    r = pnav.run("profile", "delete", "x\x1b[2Jy")
    tap.ok(one_line_error(r, 2, "x\\u001b[2Jy"), "a name given on the command line is escaped", r)

    # an answer the vocabulary does not have: refused on the command line,
    # so in a saved client too (it gave ¥0 and exit 0)
    r = pnav.run("match", "--profile", "unknown-phase")
    tap.ok(one_line_error(r, 3, "saved profile “unknown-phase” is damaged: its answer “phase-9” to phase"),
           "a saved answer outside the vocabulary is damage, not ¥0", r)
    r = pnav.run("match", "--profile", "unknown-phase", "--phase", "phase-2")
    tap.ok(r.rc == 0, "the same client with the answer given on the command line matches", r)

    for command in [["match", "--profile", "damaged"], ["profile", "show", "damaged"]]:
        r = pnav.run(*command)
        tap.ok(one_line_error(r, 3, "saved profile “damaged” is damaged: field location must be a string")
               and "--location is required" not in r.err,
               "%s: one line naming the damaged field" % " ".join(command), r)


if __name__ == "__main__":
    sys.exit(main())
