#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The store against damaged rows and other processes (TAP).

    test_store_robustness.py PATH-TO-PNAV

- A row that breaks the model's rules is a one-line "the database is
  damaged" error naming the document, exit 3; never a crash or a hang.
- Readers never fail while another process imports and removes documents,
  and several processes opening a new database at once all succeed.
- A database in a folder its user cannot write to is still readable.
"""
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import threading

MATCH = ['match', '--location', 'xiamen', '--drug-class', 'innovative', '--phase', 'phase-2',
         '--rd-investment', '30000000', '--as-of', '2025-06-01', '--format', 'json']

X = 'xiamen-2023-17'
X_KEY = "(SELECT key FROM documents WHERE id = 'xiamen-2023-17')"
X_BENEFIT = "'xiamen-2023-17/1/innovative-phase-2'"

# (name, SQL damaging a fresh database, pnav arguments that read it,
#  the document the error must name, or None)
DAMAGE = [
    ('unknown benefit kind', "UPDATE benefits SET kind = 'bogus' WHERE id = " + X_BENEFIT, MATCH, X),
    ('negative amount', "UPDATE benefits SET cap = -5 WHERE id = " + X_BENEFIT, MATCH, X),
    ('rate above one', "UPDATE benefits SET rate = 7.5 WHERE id = " + X_BENEFIT, MATCH, X),
    ('text rate', "UPDATE benefits SET rate = 'forty' WHERE id = " + X_BENEFIT, MATCH, X),
    ('unknown base figure', "UPDATE benefits SET base = 'luck' WHERE id = " + X_BENEFIT, MATCH, X),
    # a share of a figure with no share read as 0%; an amount past the
    # schema's ¥1,000,000,000,000; a place no taxonomy holds dropped the
    # document from every answer, in silence
    ('rate of a share missing', "UPDATE benefits SET rate = NULL WHERE id = " + X_BENEFIT, MATCH, X),
    ('amount past the schema', "UPDATE benefits SET cap = 100000000000000 WHERE id = " + X_BENEFIT, MATCH, X),
    ('unknown place', "UPDATE documents SET jurisdiction = 'atlantis' WHERE id = 'xiamen-2023-17'", MATCH, X),
    ('benefit lists garbage', "UPDATE benefits SET lists = x'0102030405' WHERE id = " + X_BENEFIT,
     MATCH, X),
    ('benefit lists empty', "UPDATE benefits SET lists = x'' WHERE id = " + X_BENEFIT, MATCH, X),
    ('benefit lists of an article', "UPDATE benefits SET lists = (SELECT lists FROM articles"
     " WHERE document = " + X_KEY + " AND number = '3') WHERE id = " + X_BENEFIT, MATCH, X),
    ('benefit under another document', "UPDATE benefits SET id = 'other/1/x' WHERE id = " + X_BENEFIT,
     MATCH, X),
    ('benefit title empty', "UPDATE benefits SET title_zh = '' WHERE id = " + X_BENEFIT, MATCH, X),
    ('invalid UTF-8 title', "UPDATE benefits SET title_en = CAST(x'c328ff' AS TEXT) WHERE id = " + X_BENEFIT,
     MATCH, X),
    ('keys cut short', "UPDATE benefit_keys SET keys = substr(keys, 1, 10) WHERE document = " + X_KEY,
     MATCH, X),
    ('key of a missing benefit', "DELETE FROM benefits WHERE id = " + X_BENEFIT, MATCH, X),
    ('article missing', "DELETE FROM articles WHERE document = " + X_KEY + " AND number = '1'",
     MATCH, X),
    ('article date garbage', "UPDATE articles SET valid_until = 'soon' WHERE document = " + X_KEY,
     ['show', X], X),
    ('article lists garbage', "UPDATE articles SET lists = randomblob(40) WHERE document = " + X_KEY,
     ['show', X], X),
    ('document lists garbage', "UPDATE documents SET lists = randomblob(33) WHERE id = '" + X + "'",
     ['list-documents'], X),
    ('document status out of range', "UPDATE documents SET draft = 7 WHERE id = '" + X + "'",
     ['list-documents'], X),
    ('document ends before it starts',
     "UPDATE documents SET in_force_until = '2001-01-01' WHERE id = '" + X + "'", MATCH, X),
    ('benefit count wrong', "UPDATE documents SET n_benefits = n_benefits + 1 WHERE id = '" + X + "'",
     ['show', X], X),
    ('benefits out of order', "UPDATE benefits SET seq = seq + 1000 WHERE id = " + X_BENEFIT,
     ['show', X], X),
    ('taxonomy gone', "DELETE FROM terms", MATCH, None),
    ('location out of place', "UPDATE terms SET parent = 'atlantis' WHERE id = 'xiamen'",
     ['list-documents'], None),
    ('cases garbage', "UPDATE document_cases SET cases = randomblob(64) WHERE document = " + X_KEY,
     ['check', X], X),
    # found by tests/fuzz (store-readers): a key the store never gives
    ('document key zero', "UPDATE documents SET key = 0 WHERE id = '" + X + "'", ['show', X], X),
    ('article text not UTF-8, found by search', "UPDATE articles SET original = CAST(x'e88dafe8' AS TEXT)"
     " WHERE document = " + X_KEY + " AND number = '1'", ['search', '药', '--document', X], X),
    ('article heading not UTF-8, found by search', "UPDATE articles SET heading_zh = CAST(x'e5889be696b0e8af' AS TEXT)"
     " WHERE document = " + X_KEY + " AND number = '1'", ['search', '创新', '--document', X], X),
    ('benefit key zero in the keys', "UPDATE benefit_keys SET keys = zeroblob(8) || substr(keys, 9)"
     " WHERE document = " + X_KEY, MATCH, X),
    # a column deadlines filters on, found by a hostile tester: 13 measures
    # dropped in silence
    ('measure end date impossible', "UPDATE benefits SET valid_until = '2026-02-30' WHERE id = " + X_BENEFIT,
     ['deadlines', '--location', 'xiamen', '--as-of', '2026-06-01'], X),
    # a supersession the document's own list does not hold: a client's
    # ¥12,000,000 became ¥0 with exit 0
    ('supersession of no document\'s list', "INSERT INTO supersessions VALUES ((SELECT key FROM documents"
     " WHERE id = 'jinjiang-2025-8'), 'xiamen-2023-17', '2020-01-01')", MATCH, 'jinjiang-2025-8'),
    # an extension the document's own list does not hold: a measure that
    # ended would count for a year more
    ('extension of no document\'s list', "INSERT INTO extensions VALUES ((SELECT key FROM documents"
     " WHERE id = 'jinjiang-2025-8'), 'xiamen-2023-17', '2027-12-31')", MATCH, 'jinjiang-2025-8'),
    ('extension to no date', "INSERT INTO extensions VALUES ((SELECT key FROM documents"
     " WHERE id = 'jinjiang-2025-8'), 'xiamen-2023-17', '2027-13-45')", MATCH, 'jinjiang-2025-8'),
    # a byte of the file's header, found by a hostile tester: CRITICALs and
    # exit 0 with no brief written
    ('negative schema version', "PRAGMA user_version = -1", ['deadlines', '--location', 'xiamen'], None),
    # it said "migration to schema 8 failed: table terms already exists"
    ('schema version lost', "PRAGMA user_version = 0", ['list-documents'], None),
    # a blob read as 0%: the award ¥0 and a top-up of it in full (13.5M → 22.5M)
    ('rate a blob', "UPDATE benefits SET rate = x'ff' WHERE id = " + X_BENEFIT, MATCH, X),
    # stacked what 就高从优不重复 holds apart
    ('overlap group of no taxonomy', "UPDATE benefits SET overlap_group = 'NaN' WHERE id = " + X_BENEFIT,
     MATCH, X),
    # every measure of the document left every question, exit 0
    ('benefit keys empty', "UPDATE benefit_keys SET keys = x'' WHERE document = (SELECT key FROM documents"
     " WHERE id = 'xiamen-2023-17')", MATCH, X),
]

# What validate and import accept, the store reads back; what it would
# call damaged, they refuse (a valid file once locked every Xiamen client
# out).  (name, change to DOCUMENT, accepted)
READ_BACK = [
    ('a number of 1001 bytes',
     lambda d: d.replace('<title>', '<doc-number>' + 'a' * 1001 + '</doc-number>\n  <title>', 1), True),
    ('a source file name of 1001 bytes',
     lambda d: d.replace('file="test.txt"', 'file="' + 'f' * 1001 + '"'), True),
    ('a staged share of 0',
     lambda d: d.replace('</conditions>', '</conditions>\n      <staged-payment><stage share="0"/>'
                                          '<stage share="1"/></staged-payment>'), False),
    ('a condition that accepts nothing',
     lambda d: d.replace('<drug-class>innovative</drug-class>', '<drug-class></drug-class>'), False),
    ('an article number of 1199 characters',
     lambda d: d.replace('<article number="1"', '<article number="' + '.'.join(['1'] * 600) + '"')
                .replace('test-store-doc/1/a', 'test-store-doc/' + '.'.join(['1'] * 600) + '/a'), False),
]


def test_bundled_restored(tap, pnav, tmp, fresh):
    # no command removes a bundled document; a store that lost them gave
    # ¥0 for every client and "No documents." with exit 0
    db = os.path.join(tmp, 'lost-bundled.db')
    shutil.copy(fresh, db)
    with sqlite3.connect(db) as connection:
        connection.execute('PRAGMA foreign_keys = ON')
        connection.execute('DELETE FROM documents WHERE user_imported = 0')
    listed = run(pnav, db, ['list-documents'])
    matched = run(pnav, db, MATCH)
    tap.ok(listed.returncode == 0 and X in listed.stdout and matched.returncode == 0 and
           '"total_estimate_cny" : 12000000' in matched.stdout,
           'bundled documents a store lost come back on the next open',
           'list: %s\nmatch: %s' % (listed.stdout[:300], matched.stdout[-300:]))


def test_rows_left_behind(tap, pnav, tmp, fresh, document):
    # a documents row deleted with the sqlite3 shell (foreign keys off):
    # its rows stayed, stood in the way of the document coming back, and
    # every command said "UNIQUE constraint failed" naming nothing
    db = os.path.join(tmp, 'rows-left.db')
    shutil.copy(fresh, db)
    imported = run(pnav, db, ['import', document])
    with sqlite3.connect(db) as connection:
        connection.execute("DELETE FROM documents WHERE id = 'xiamen-2023-17'")
        connection.execute("DELETE FROM documents WHERE id = 'test-store-doc'")
    listed = run(pnav, db, ['list-documents'])
    matched = run(pnav, db, MATCH)
    tap.ok(imported.returncode == 0 and listed.returncode == 0 and X in listed.stdout and
           matched.returncode == 0 and '"total_estimate_cny" : 12000000' in matched.stdout,
           'a bundled document whose row was deleted by hand comes back, its rows left behind gone',
           'list %d: %s\nmatch %d: %s' % (listed.returncode, listed.stderr, matched.returncode, matched.stderr))
    again = run(pnav, db, ['import', document])
    searched = run(pnav, db, ['search', 'test'])
    with sqlite3.connect(db) as connection:
        left = connection.execute('SELECT count(*) FROM benefits WHERE document NOT IN '
                                  '(SELECT key FROM documents)').fetchone()[0]
    tap.ok(again.returncode == 0 and searched.returncode == 0 and left == 0,
           'an imported document whose row was deleted by hand imports again',
           'import %d: %s\nsearch %d: %s\nleft %d' % (again.returncode, again.stderr, searched.returncode,
                                                       searched.stderr, left))


def test_tables_changed(tap, pnav, tmp, fresh):
    # a column dropped, the search index's format changed by hand: SQLite's
    # own words ("no such column: b.cap") said nothing of what happened
    for name, sql, args in [('a column dropped', 'ALTER TABLE benefits DROP COLUMN cap', MATCH),
                            ('the search index changed', 'UPDATE articles_fts_config SET v = 99',
                             ['search', '临床试验'])]:
        db = os.path.join(tmp, 'changed-%d.db' % len(name))
        shutil.copy(fresh, db)
        with sqlite3.connect(db) as connection:
            connection.execute(sql)
        r = run(pnav, db, args)
        lines = r.stderr.splitlines()
        tap.ok(r.returncode == 3 and len(lines) == 1 and 'the database is damaged' in lines[0],
               '%s: "the database is damaged", one line, exit 3' % name, 'exit %d: %s' % (r.returncode, r.stderr))


def test_remove_damaged(tap, pnav, tmp, fresh, document):
    # a damaged imported document stopped every listing and could not be
    # removed: the one way out needed its original file
    db = os.path.join(tmp, 'remove-damaged.db')
    shutil.copy(fresh, db)
    imported = run(pnav, db, ['import', document])
    with sqlite3.connect(db) as connection:
        connection.execute("UPDATE documents SET in_force_until = 'garbage' WHERE id = 'test-store-doc'")
    before = run(pnav, db, ['list-documents'])
    removed = run(pnav, db, ['remove', 'test-store-doc'])
    after = run(pnav, db, ['list-documents'])
    tap.ok(imported.returncode == 0 and before.returncode == 3 and removed.returncode == 0 and
           after.returncode == 0 and 'test-store-doc' not in after.stdout,
           'a damaged imported document can be removed',
           'before %d: %s\nremove %d: %s\nafter %d: %s' % (before.returncode, before.stderr, removed.returncode,
                                                          removed.stderr, after.returncode, after.stderr))


def test_read_back(tap, pnav, tmp, fresh):
    for i, (name, change, accepted) in enumerate(READ_BACK):
        db = os.path.join(tmp, 'read-back-%d.db' % i)
        path = os.path.join(tmp, 'read-back-%d.xml' % i)
        shutil.copy(fresh, db)
        with open(path, 'w', encoding='utf-8') as f:
            f.write(change(DOCUMENT))
        validated = run(pnav, db, ['validate', path])
        imported = run(pnav, db, ['import', path])
        if not accepted:
            lines = validated.stderr.strip().splitlines() + imported.stderr.strip().splitlines()
            tap.ok(validated.returncode == 3 and imported.returncode == 3 and len(lines) == 2 and
                   all(path in line for line in lines),
                   'a file with %s: validate and import refuse it, one line each' % name,
                   'validate %d: %s\nimport %d: %s' % (validated.returncode, validated.stderr,
                                                      imported.returncode, imported.stderr))
            continue
        reads = [run(pnav, db, args) for args in (['list-documents'], ['show', 'test-store-doc'], MATCH,
                                                  ['check', 'test-store-doc'], ['remove', 'test-store-doc'])]
        tap.ok(validated.returncode == 0 and imported.returncode == 0 and
               all(r.returncode == 0 for r in reads),
               'a file with %s: imported, read back, checked and removed' % name,
               '\n'.join('exit %d: %s' % (r.returncode, r.stderr[:300])
                         for r in [validated, imported] + reads))


class Tap:
    def __init__(self):
        self.n = 0
        self.failed = 0

    def ok(self, condition, description, detail=''):
        self.n += 1
        if condition:
            print('ok %d - %s' % (self.n, description))
        else:
            self.failed += 1
            print('not ok %d - %s' % (self.n, description))
            for line in str(detail).splitlines()[:20]:
                print('# ' + line)


def run(pnav, db, args, timeout=30, user=None):
    command = [pnav, '--db', db] + args
    if user is not None:
        command = ['setpriv', '--reuid=%d' % user, '--regid=%d' % user, '--clear-groups'] + command
    return subprocess.run(command, capture_output=True, text=True, timeout=timeout,
                          env=dict(os.environ, LANGUAGE='en', LC_ALL='C.UTF-8'))


def test_damage(tap, pnav, tmp, fresh):
    for i, (name, sql, args, document) in enumerate(DAMAGE):
        # (a file name without "damaged" in it: the message must say so)
        db = os.path.join(tmp, 'copy-%d.db' % i)
        shutil.copy(fresh, db)
        with sqlite3.connect(db) as connection:
            connection.execute(sql)
        result = run(pnav, db, args)
        lines = result.stderr.strip().splitlines()
        good = (result.returncode == 3 and len(lines) == 1 and db in lines[0] and
                ('is damaged' in lines[0] or 'corrupt' in lines[0]) and
                (document is None or ('“%s”' % document) in lines[0]))
        tap.ok(good, 'damaged row (%s): one line, exit 3' % name,
               'exit %d\nstderr: %s' % (result.returncode, result.stderr))


def test_readers_during_writes(tap, pnav, tmp, fresh, document):
    db = os.path.join(tmp, 'busy.db')
    shutil.copy(fresh, db)
    failures = []
    stop = threading.Event()

    def writer():
        for i in range(12):
            for args in (['import', '--replace', document], ['remove', 'test-store-doc']):
                result = run(pnav, db, args, timeout=60)
                if result.returncode != 0:
                    failures.append(('writer', args[0], result.returncode, result.stderr))
        stop.set()

    def reader():
        while not stop.is_set():
            result = run(pnav, db, MATCH, timeout=60)
            if result.returncode != 0 or '"matches"' not in result.stdout:
                failures.append(('reader', result.returncode, result.stderr))

    threads = [threading.Thread(target=writer)] + [threading.Thread(target=reader) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    tap.ok(not failures, 'readers never fail while another process imports and removes',
           '\n'.join(repr(f) for f in failures[:5]))

    # the document itself, shown while it is replaced: its header and its
    # articles once came from two reads ("it should have 1 articles, not 0")
    failures = []
    stop.clear()
    run(pnav, db, ['import', '--replace', document])

    def replacer():
        for i in range(40):
            result = run(pnav, db, ['import', '--replace', document], timeout=60)
            if result.returncode != 0:
                failures.append(('writer', result.returncode, result.stderr))
        stop.set()

    def shower():
        while not stop.is_set():
            result = run(pnav, db, ['show', 'test-store-doc'], timeout=60)
            if result.returncode != 0:
                failures.append(('show', result.returncode, result.stderr))

    threads = [threading.Thread(target=replacer)] + [threading.Thread(target=shower) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    tap.ok(not failures, 'a document shown while another process replaces it is shown whole',
           '\n'.join(repr(f) for f in failures[:5]))


def test_first_open_race(tap, pnav, tmp):
    failures = []
    outputs = set()
    for trial in range(5):
        db = os.path.join(tmp, 'race-%d' % trial, 'new.db')
        processes = [subprocess.Popen([pnav, '--db', db, 'list-documents', '--format', 'json'],
                                      stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                     for _ in range(6)]
        for process in processes:
            out, err = process.communicate(timeout=120)
            if process.returncode != 0:
                failures.append((trial, process.returncode, err))
            else:
                outputs.add(out)
    tap.ok(not failures and len(outputs) == 1,
           'six processes opening a new database at once all succeed, alike',
           '\n'.join(repr(f) for f in failures[:5]))


def test_read_only_folder(tap, pnav, tmp, fresh):
    if os.geteuid() != 0 or shutil.which('setpriv') is None:
        print('ok %d # SKIP needs root and setpriv to run as another user' % (tap.n + 1))
        tap.n += 1
        return
    folder = os.path.join(tmp, 'read-only')
    os.mkdir(folder)
    db = os.path.join(folder, 'store.db')
    shutil.copy(fresh, db)
    # what a checkpointed database looks like when its owner closed it
    for suffix in ('-wal', '-shm'):
        if os.path.exists(fresh + suffix):
            os.remove(db + suffix) if os.path.exists(db + suffix) else None
    os.chmod(db, 0o444)
    os.chmod(folder, 0o555)
    os.chmod(tmp, 0o755)
    nobody = 65534
    result = run(pnav, db, MATCH, user=nobody)
    tap.ok(result.returncode == 0 and '"matches"' in result.stdout,
           'a database in a read-only folder is readable',
           'exit %d\nstderr: %s' % (result.returncode, result.stderr))
    result = run(pnav, db, ['profile', 'delete', 'nobody-here'], user=nobody)
    tap.ok(result.returncode in (2, 3) and len(result.stderr.strip().splitlines()) == 1,
           'writing to a read-only database is one clear error',
           'exit %d\nstderr: %s' % (result.returncode, result.stderr))


def test_output_and_names(tap, pnav, tmp, fresh):
    """--output never replaces the database; a "file:" name is a file."""
    db = os.path.join(tmp, 'outputs.db')
    shutil.copy(fresh, db)
    saved = run(pnav, db, ['profile', 'save', 'client', '--location', 'xiamen'])
    link = os.path.join(tmp, 'link-to-db.pdf')
    os.symlink(db, link)
    failures = []
    for args in (['brief', '--profile', 'client', '--output', db],
                 ['brief', '--profile', 'client', '--output', link],
                 ['deadlines', '--location', 'xiamen', '--output', db]):
        result = run(pnav, db, args)
        if result.returncode != 2 or 'is the database' not in result.stderr:
            failures.append('%s: exit %d: %s' % (args, result.returncode, result.stderr))
    listed = run(pnav, db, ['profile', 'list'])
    tap.ok(saved.returncode == 0 and not failures and listed.returncode == 0 and 'client' in listed.stdout,
           '--output naming the database (or a link to it) is refused, the clients kept',
           '\n'.join(failures) + '\n' + listed.stderr)

    # its -journal before it exists: SQLite removed the output on the next open
    result = run(pnav, db, ['brief', '--profile', 'client', '--format', 'md', '--output', db + '-journal'])
    tap.ok(result.returncode == 2 and 'is the database' in result.stderr and not os.path.exists(db + '-journal'),
           '--output naming the database\'s -journal is refused', result.stderr)

    # a FIFO blocked the write until a reader came: refused at once
    fifo = os.path.join(tmp, 'brief-fifo')
    os.mkfifo(fifo)
    try:
        result = run(pnav, db, ['brief', '--profile', 'client', '--format', 'md', '--output', fifo], timeout=10)
        hung = False
    except subprocess.TimeoutExpired:
        hung = True
    tap.ok(not hung and result.returncode == 2 and 'not a regular file' in result.stderr,
           '--output naming a FIFO is refused, not a hang', 'hung' if hung else result.stderr)

    # a write that fails (here a file size limit) leaves the old file as it
    # was: g_file_replace_contents() renamed its cut temporary file over it
    kept = os.path.join(tmp, 'kept.md')
    with open(kept, 'w') as f:
        f.write('OLD\n')

    def limit():
        import resource
        import signal
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))
    result = subprocess.run([pnav, '--db', db, 'brief', '--profile', 'client', '--format', 'md', '--output', kept],
                            capture_output=True, text=True, timeout=30, preexec_fn=limit,
                            env=dict(os.environ, LANGUAGE='en', LC_ALL='C.UTF-8'))
    with open(kept) as f:
        content = f.read()
    leftovers = [n for n in os.listdir(tmp) if n.startswith('.kept.md.')]
    tap.ok(result.returncode == 2 and content == 'OLD\n' and not leftovers,
           'an --output write that fails leaves the old file as it was, and no temporary file',
           'exit %d, %r, %r, %s' % (result.returncode, content[:40], leftovers, result.stderr))

    # "file:x.db?mode=memory" was an SQLite URI: saved in memory, exit 0, lost
    cwd = os.getcwd()
    os.chdir(tmp)
    try:
        name = 'file:uri.db?mode=memory'
        saved = run(pnav, name, ['profile', 'save', 'client', '--location', 'xiamen'])
        listed = run(pnav, name, ['profile', 'list'])
        kept = os.path.exists(os.path.join(tmp, name))
    finally:
        os.chdir(cwd)
    tap.ok(saved.returncode == 0 and 'client' in listed.stdout and kept,
           'a --db name that starts with "file:" is a file of that name',
           'save %d, list %r, file kept: %s' % (saved.returncode, listed.stdout, kept))


def store_with(pnav, tmp, fresh, name, document):
    """A copy of the fresh store, `document` (XML text) written as NAME.xml
    and imported into it: (db, the import's result)."""
    db = os.path.join(tmp, name + '.db')
    shutil.copy(fresh, db)
    path = os.path.join(tmp, name + '.xml')
    with open(path, 'w', encoding='utf-8') as f:
        f.write(document)
    return db, run(pnav, db, ['import', path])


def test_csv_formulas(tap, pnav, tmp, fresh):
    """A policy file's title that reads as a spreadsheet formula stays text."""
    db, imported = store_with(pnav, tmp, fresh, 'formula',
                              DOCUMENT.replace('<en>A</en>', '<en>=HYPERLINK("http://example.invalid","A")</en>')
                                      .replace('<zh>甲</zh>', '<zh>@SUM(1+1)</zh>'))
    out = os.path.join(tmp, 'brief.csv')
    saved = run(pnav, db, ['profile', 'save', 'csv-client', '--location', 'xiamen', '--product', 'drug',
                           '--drug-class', 'innovative'])
    brief = run(pnav, db, ['brief', '--profile', 'csv-client', '--format', 'csv', '--output', out])
    text = open(out, encoding='utf-8-sig').read() if os.path.exists(out) else ''
    tap.ok(imported.returncode == 0 and brief.returncode == 0 and
           '"\'=HYPERLINK(' in text and '"\'@SUM(' in text and ',"=HYPERLINK' not in text,
           'a title that reads as a formula starts its CSV cell with an apostrophe',
           'import %d %s\nbrief %d %s' % (imported.returncode, imported.stderr, brief.returncode, brief.stderr))


def test_overlap_within_caps(tap, pnav, tmp, fresh):
    """就高从优 weighs each award as its yearly cap lets it count."""
    db = os.path.join(tmp, 'overlap.db')
    shutil.copy(fresh, db)
    fixture = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'fuzz', 'store-readers.xml')
    imported = run(pnav, db, ['import', fixture])
    result = run(pnav, db, ['match', '--location', 'xiamen', '--product', 'drug', '--drug-class', 'innovative',
                            '--phase', 'phase-2', '--therapeutic-area', 'oncology', '--rd-investment', '30000000',
                            '--sales', '1', '--total-investment', '999999999', '--as-of', '2025-06-01',
                            '--format', 'json'])
    got = json.loads(result.stdout) if result.returncode == 0 else None
    counted = {m['benefit_id']: m['counted'] for m in got['matches']} if got else {}
    # fuzzdoc/1/rate: ¥12,000,000 under a yearly cap of ¥8,000,000 won the group, then was cut
    tap.ok(imported.returncode == 0 and got is not None and got['total_estimate_cny'] == 13500000 and
           counted.get('xiamen-2023-17/1/innovative-phase-2') is True and counted.get('fuzzdoc/1/rate') is False,
           'an award its yearly cap cuts loses its overlap group to an equal one it does not',
           'import %d %s\nmatch %d %s' % (imported.returncode, imported.stderr, result.returncode,
                                           result.stdout[:300] + result.stderr))


def test_brief_long_word(tap, pnav, tmp, fresh):
    """A schema-valid title of one 200,000-letter word: the PDF brief took minutes."""
    db, imported = store_with(pnav, tmp, fresh, 'long-word',
                              DOCUMENT.replace('<en>A</en>', '<en>' + 'a' * 200000 + '</en>'))
    saved = run(pnav, db, ['profile', 'save', 'long', '--location', 'xiamen', '--product', 'drug',
                           '--drug-class', 'innovative'])
    out = os.path.join(tmp, 'long-word.pdf')
    try:
        brief = run(pnav, db, ['brief', '--profile', 'long', '--output', out], timeout=60)
        ok = brief.returncode == 0 and os.path.getsize(out) > 0
        detail = brief.stderr
    except subprocess.TimeoutExpired:
        ok, detail = False, 'still laying out after 60 s'
    tap.ok(imported.returncode == 0 and saved.returncode == 0 and ok,
           'a PDF brief of a 200,000-letter word is written in seconds', detail)


def test_terminal_controls(tap, pnav, tmp, fresh):
    """Bidi controls and line separators from a title reach no terminal."""
    db, imported = store_with(pnav, tmp, fresh, 'bidi',
                              DOCUMENT.replace('<en>Concurrency test</en>',
                                               '<en>Test \u202e000,000,21\u2028' + 'x' * 5000 + '</en>'))
    listed = run(pnav, db, ['list-documents'])
    out = imported.stdout + listed.stdout
    tap.ok(imported.returncode == 0 and listed.returncode == 0 and '\u202e' not in out and
           '\u2028' not in out and '\\u202e' in out and len(imported.stdout) < 400,
           "a title's bidi controls and line separators are escaped; import shows a line of it",
           repr(out[:300]))


def test_remove_topped_up(tap, pnav, tmp, fresh):
    """A document another tops up is not removed from under it."""
    db = os.path.join(tmp, 'topped.db')
    shutil.copy(fresh, db)
    a = os.path.join(tmp, 'topped-a.xml')
    b = os.path.join(tmp, 'topped-b.xml')
    with open(a, 'w', encoding='utf-8') as f:
        f.write(DOCUMENT)
    with open(b, 'w', encoding='utf-8') as f:
        f.write(DOCUMENT.replace('test-store-doc', 'test-store-top')
                        .replace('kind="fixed">', 'kind="top-up">')
                        .replace('</conditions>', '</conditions>\n      <tops-up ref="test-store-doc/1/a"/>'))
    first = run(pnav, db, ['import', a])
    second = run(pnav, db, ['import', b])
    refused = run(pnav, db, ['remove', 'test-store-doc'])
    replaced = run(pnav, db, ['import', '--replace', b])
    tap.ok(first.returncode == 0 and second.returncode == 0 and refused.returncode == 2 and
           'test-store-top' in refused.stderr and len(refused.stderr.strip().splitlines()) == 1 and
           replaced.returncode == 0,
           'removing a document another tops up is refused, naming it (it left that one dangling)',
           'imports %d %d %s\nremove %d %s\nreplace %d %s' % (
               first.returncode, second.returncode, second.stderr, refused.returncode, refused.stderr,
               replaced.returncode, replaced.stderr))


# Damage to the policy rows that leaves the profiles alone: a consultant
# must still list, show and delete their saved clients.
POLICY_DAMAGE = [
    ('benefit kind', "UPDATE benefits SET kind = 'bogus'"),
    ('benefit lists', "UPDATE benefits SET lists = randomblob(40)"),
    ('document lists', "UPDATE documents SET lists = randomblob(33)"),
    ('benefit keys', "UPDATE benefit_keys SET keys = substr(keys, 1, 10) WHERE length(keys) > 10"),
    ('articles gone', "DELETE FROM articles"),
    ('document counts', "UPDATE documents SET n_benefits = n_benefits + 1"),
    ('taxonomy gone', "DELETE FROM terms"),
    # the bundled refresh or an upgrade fails on open: every command failed
    ('a bundled document row gone', "PRAGMA foreign_keys = OFF; DELETE FROM documents WHERE id = 'xiamen-2023-17';"),
    ('meta gone', "DROP TABLE meta;"),
    ('an old schema that no longer upgrades', "PRAGMA user_version = 3;"),
]


def test_profiles_on_damaged_store(tap, pnav, tmp, fresh):
    base = os.path.join(tmp, 'clients.db')
    shutil.copy(fresh, base)
    for name in ('Client A', 'Client B'):
        result = run(pnav, base, ['profile', 'save', name, '--location', 'xiamen',
                                  '--drug-class', 'innovative', '--phase', 'phase-2'])
        if result.returncode != 0:
            print('Bail out! cannot save a profile: %s' % result.stderr)
            sys.exit(1)

    for i, (name, sql) in enumerate(POLICY_DAMAGE):
        db = os.path.join(tmp, 'clients-%d.db' % i)
        shutil.copy(base, db)
        with sqlite3.connect(db) as connection:
            if sql.endswith(';'):
                connection.executescript(sql)
            else:
                connection.execute(sql)
        listed = run(pnav, db, ['profile', 'list', '--format', 'json'])
        shown = run(pnav, db, ['profile', 'show', 'Client A'])
        deleted = run(pnav, db, ['profile', 'delete', 'Client B'])
        after = run(pnav, db, ['profile', 'list', '--format', 'json'])
        good = (listed.returncode == 0 and '"Client A"' in listed.stdout and '"Client B"' in listed.stdout and
                shown.returncode == 0 and '"xiamen"' in shown.stdout and
                deleted.returncode == 0 and
                after.returncode == 0 and '"Client A"' in after.stdout and '"Client B"' not in after.stdout)
        tap.ok(good, 'damaged policy rows (%s): profiles still list, show and delete' % name,
               '\n'.join('%s: exit %d\n%s%s' % (what, r.returncode, r.stdout, r.stderr)
                         for what, r in (('list', listed), ('show', shown), ('delete', deleted),
                                         ('list after', after))))

    # a damaged profile row: one line naming the database and the profile, exit 3
    db = os.path.join(tmp, 'clients-bad-json.db')
    shutil.copy(base, db)
    with sqlite3.connect(db) as connection:
        connection.execute("UPDATE profiles SET data = '{\"location\": 7}' WHERE name = 'Client A'")
    result = run(pnav, db, ['profile', 'show', 'Client A'])
    lines = result.stderr.strip().splitlines()
    tap.ok(result.returncode == 3 and len(lines) == 1 and db in lines[0] and '“Client A”' in lines[0] and
           'damaged' in lines[0].replace(db, ''),
           'profile show on a damaged profile row: one line, exit 3',
           'exit %d\nstderr: %s' % (result.returncode, result.stderr))

    # a profile row without a name (found by tests/fuzz): the others are listed
    db = os.path.join(tmp, 'clients-null-name.db')
    shutil.copy(base, db)
    with sqlite3.connect(db) as connection:
        connection.execute("UPDATE profiles SET name = NULL WHERE name = 'Client B'")
    result = run(pnav, db, ['profile', 'list', '--format', 'json'])
    tap.ok(result.returncode == 0 and '"Client A"' in result.stdout,
           'a profile row without a name hides no other profile',
           'exit %d\nstdout: %s\nstderr: %s' % (result.returncode, result.stdout, result.stderr))


# A schema someone else wrote: a table replaced by a view (here endless),
# a trigger.  The store uses neither, so neither runs.
HOSTILE_SCHEMA = [
    ('profiles an endless view',
     "DROP TABLE profiles; CREATE VIEW profiles (name, data, updated) AS"
     " WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT 'p' || x, '{}', '' FROM c;",
     ['profile', 'list']),
    ('benefits an endless view',
     "DROP TABLE benefits; CREATE VIEW benefits AS WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL"
     " SELECT x + 1 FROM c) SELECT x AS key, 'x' AS id, 1 AS document FROM c;", MATCH),
    # the bundled corpus looks stale, so opening the store writes meta
    ('a trigger on the store\'s own write',
     "UPDATE meta SET value = 'stale' WHERE key = 'bundled-hash';"
     " CREATE TRIGGER t AFTER INSERT ON meta BEGIN DELETE FROM profiles; END;",
     ['profile', 'list', '--format', 'json']),
]


def test_hostile_schema(tap, pnav, tmp, fresh):
    for i, (name, sql, args) in enumerate(HOSTILE_SCHEMA):
        db = os.path.join(tmp, 'schema-%d.db' % i)
        shutil.copy(fresh, db)
        with sqlite3.connect(db) as connection:
            connection.execute("INSERT INTO profiles VALUES ('Client', '{}', '')")
            connection.executescript(sql)
        try:
            result = run(pnav, db, args, timeout=20)
        except subprocess.TimeoutExpired:
            tap.ok(False, 'hostile schema (%s): an answer or one line' % name, 'no answer in 20 s')
            continue
        lines = result.stderr.strip().splitlines()
        tap.ok((result.returncode == 3 and len(lines) == 1 and db in lines[0]) or
               (result.returncode == 0 and not lines and '"Client"' in result.stdout),
               'hostile schema (%s): an answer or one line' % name,
               'exit %d\nstdout: %s\nstderr: %s' % (result.returncode, result.stdout[:500], result.stderr))


DOCUMENT = """<?xml version="1.0" encoding="UTF-8"?>
<policy-document schema-version="1" id="test-store-doc" status="final">
  <title><zh>并发测试</zh><en>Concurrency test</en></title>
  <issuer><zh>测试</zh><en>Test</en></issuer>
  <jurisdiction>xiamen</jurisdiction>
  <validity in-force-from="2020-01-01"/>
  <source file="test.txt" last-verified="2026-12-06"/>
  <article number="1" chapter="一">
    <heading><zh>测试</zh><en>Test</en></heading>
    <original>对完成Ⅱ期临床试验的创新药给予奖励。</original>
    <summary>A test.</summary>
    <benefit id="test-store-doc/1/a" kind="fixed">
      <title><zh>甲</zh><en>A</en></title>
      <amount>100</amount>
      <conditions><product>drug</product><drug-class>innovative</drug-class></conditions>
    </benefit>
  </article>
</policy-document>
"""


def main():
    pnav = os.path.abspath(sys.argv[1])
    tap = Tap()
    with tempfile.TemporaryDirectory() as tmp:
        fresh = os.path.join(tmp, 'fresh.db')
        result = run(pnav, fresh, ['list-documents'])
        if result.returncode != 0:
            print('Bail out! cannot create a database: %s' % result.stderr)
            return 1
        # one file, no -wal: what every copy starts from
        with sqlite3.connect(fresh) as connection:
            connection.execute('PRAGMA wal_checkpoint(TRUNCATE)')
        document = os.path.join(tmp, 'test-store-doc.xml')
        with open(document, 'w', encoding='utf-8') as f:
            f.write(DOCUMENT)

        print('1..%d' % (len(DAMAGE) + len(POLICY_DAMAGE) + len(HOSTILE_SCHEMA) + len(READ_BACK) + 23))
        test_damage(tap, pnav, tmp, fresh)
        test_read_back(tap, pnav, tmp, fresh)
        test_bundled_restored(tap, pnav, tmp, fresh)
        test_rows_left_behind(tap, pnav, tmp, fresh, document)
        test_tables_changed(tap, pnav, tmp, fresh)
        test_remove_damaged(tap, pnav, tmp, fresh, document)
        test_hostile_schema(tap, pnav, tmp, fresh)
        test_profiles_on_damaged_store(tap, pnav, tmp, fresh)
        test_readers_during_writes(tap, pnav, tmp, fresh, document)
        test_first_open_race(tap, pnav, tmp)
        test_read_only_folder(tap, pnav, tmp, fresh)
        test_output_and_names(tap, pnav, tmp, fresh)
        test_csv_formulas(tap, pnav, tmp, fresh)
        test_overlap_within_caps(tap, pnav, tmp, fresh)
        test_brief_long_word(tap, pnav, tmp, fresh)
        test_terminal_controls(tap, pnav, tmp, fresh)
        test_remove_topped_up(tap, pnav, tmp, fresh)
    return 1 if tap.failed else 0


if __name__ == '__main__':
    sys.exit(main())
