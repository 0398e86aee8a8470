#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""SIGKILL during `pnav import` (issue 15), as TAP.

    test_kill_import.py PATH-TO-PNAV

A database holds two imported documents and a saved profile.  `pnav
import BIG.xml` (20,000 benefits; 5,000 under the sanitizers) is started on a copy of it and killed
with SIGKILL after delays spread over the import's own duration (measured
first), at 14 points; three more kills hit the first open of a database
that does not exist yet.  After each kill:

  - PRAGMA integrity_check says ok;
  - the earlier documents are all there and unchanged (pnav show --format
    json, byte for byte), and so is the saved profile;
  - the big document is there whole or not at all;
  - pnav still answers (match, list-documents).

Written against the CLI only, so that it holds across store rewrites.
"""

import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time

# benefits in the big document; fewer under the sanitizers (build-aux/test
# sets PN_TEST_TIME_FACTOR), where every pnav run is several times slower
BIG = 20000 if float(os.environ.get("PN_TEST_TIME_FACTOR", "1")) <= 1 else 5000

HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<policy-document schema-version="1" id="%s" status="final">
  <title><zh>测试</zh><en>Test</en></title>
  <issuer><zh>测试</zh><en>Test</en></issuer>
  <jurisdiction>xiamen</jurisdiction>
  <validity/>
  <source file="x.txt" last-verified="2026-01-01"/>
  <article number="1" chapter="一">
    <heading><zh>标题</zh><en>Heading</en></heading>
    <original>原文%s</original>
    <summary>Summary</summary>
"""


def document(doc_id, n):
    parts = [HEAD % (doc_id, doc_id)]
    for i in range(n):
        parts.append("    <benefit id=\"%s/1/b%d\" kind=\"fixed\"><title><zh>甲%d</zh><en>A %d</en></title>"
                     "<amount>%d</amount><conditions><product>drug</product></conditions></benefit>\n"
                     % (doc_id, i, i, i, 1000 + i))
    parts.append("  </article>\n</policy-document>\n")
    return "".join(parts)


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


def main():
    exe = sys.argv[1]
    tap = Tap()
    tmp = tempfile.mkdtemp(prefix="pnav-kill-")
    env = dict(os.environ, XDG_DATA_HOME=os.path.join(tmp, "data"), HOME=tmp, LC_ALL="C.UTF-8")
    rng = random.Random(int(os.environ.get("PN_KILL_SEED", "15")))

    def run(db, *args):
        p = subprocess.run([exe, "--db", db] + list(args), capture_output=True, env=env, timeout=120)
        return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")

    def write(name, text):
        path = os.path.join(tmp, name)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        return path

    try:
        first = write("first.xml", document("kill-first", 20))
        second = write("second.xml", document("kill-second", 30))
        big = write("big.xml", document("kill-big", BIG))

        # the database every kill starts from
        base = os.path.join(tmp, "base.db")
        for path in (first, second):
            rc, out, err = run(base, "import", path)
            tap.ok(rc == 0, "import %s" % os.path.basename(path), err)
        rc, out, err = run(base, "profile", "save", "survivor", "--location", "xiamen",
                           "--product", "drug", "--rd-investment", "30000000")
        tap.ok(rc == 0, "profile save", err)

        expected = {}
        for doc_id in ("kill-first", "kill-second"):
            expected[doc_id] = run(base, "show", doc_id, "--format", "json")[1]
        expected_profile = run(base, "profile", "show", "survivor")[1]

        # how long an import takes, on a copy
        timing = os.path.join(tmp, "timing.db")
        shutil.copy(base, timing)
        start = time.monotonic()
        rc, out, err = run(timing, "import", big)
        duration = time.monotonic() - start
        tap.ok(rc == 0, "the big import completes (%.2f s)" % duration, err)

        # 14 kill points spread over the import, jittered; 3 on a new database
        points = [("copy", duration * (i + rng.random()) / 14) for i in range(14)]
        points += [("new", duration * rng.random() / 3) for _ in range(3)]

        for n, (kind, delay) in enumerate(points):
            db = os.path.join(tmp, "kill-%02d.db" % n)
            if kind == "copy":
                shutil.copy(base, db)
            proc = subprocess.Popen([exe, "--db", db, "import", big], env=env,
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(delay)
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            what = "kill %d (%s database, after %.3f s, %s)" % (
                n, kind, delay, "killed" if proc.returncode == -signal.SIGKILL else "had finished")
            check(tap, run, db, what, kind == "copy", expected, expected_profile)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    print("1..%d" % tap.count)
    return 1 if tap.failed else 0


def check(tap, run, db, what, had_documents, expected, expected_profile):
    if not os.path.exists(db):
        # killed before the file was created: nothing to check but a fresh start
        rc, out, err = run(db, "list-documents")
        tap.ok(rc == 0, "%s: no file yet, and a new one opens" % what, err)
        return

    # pnav first: it must open what the kill left (and roll back a hot
    # journal) before anything else looks at the file
    rc, out, err = run(db, "list-documents", "--format", "json")
    tap.ok(rc == 0, "%s: the database still opens" % what, err)

    con = sqlite3.connect(db)
    try:
        result = con.execute("PRAGMA integrity_check").fetchall()
    finally:
        con.close()
    tap.ok(result == [("ok",)], "%s: PRAGMA integrity_check is ok" % what, result)

    if had_documents:
        same = all(run(db, "show", doc_id, "--format", "json")[1] == text
                   for doc_id, text in expected.items())
        tap.ok(same, "%s: the earlier documents are there, unchanged" % what)
        tap.ok(run(db, "profile", "show", "survivor")[1] == expected_profile,
               "%s: the saved profile survived" % what)

    rc, out, err = run(db, "show", "kill-big", "--format", "json")
    if rc == 0:
        whole = out.count("kill-big/1/b") >= BIG
        tap.ok(whole, "%s: the big document is there whole" % what, out[-300:])
    else:
        tap.ok(rc == 2 and "kill-big" in err, "%s: the big document is not there at all" % what, err)

    rc, out, err = run(db, "match", "--location", "xiamen", "--product", "drug")
    tap.ok(rc == 0, "%s: match still answers" % what, err)


if __name__ == "__main__":
    sys.exit(main())
