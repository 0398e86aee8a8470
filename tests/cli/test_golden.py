#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Golden `pnav match --format json` output for a few client profiles.

Each golden file was generated once and its amounts checked by hand against
the source text (see the comment of each profile below); a difference fails
with a diff.  Regenerate deliberately with `test_golden.py PNAV --update`.
"""
import difflib
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))

PROFILES = {
    # 厦府规〔2023〕17号（一）: 40% × ¥30,000,000 = ¥12,000,000 (cap ¥20,000,000);
    # Fujian task 11's 30% (¥9,000,000) loses under 就高从优不重复. Total ¥12,000,000.
    'xiamen-innovative-phase-2': [
        '--location', 'xiamen', '--drug-class', 'innovative', '--modality', 'chemical',
        '--phase', 'phase-2', '--rd-investment', '30000000', '--as-of', '2025-06-01'],
    # 晋政规〔2025〕8号（一）1: province 30% × ¥30,000,000 = ¥9,000,000, topped up to
    # 40% = ¥12,000,000: Jinjiang adds ¥3,000,000. Total ¥12,000,000.
    'jinjiang-oncology-phase-2': [
        '--location', 'jinjiang', '--drug-class', 'innovative', '--therapeutic-area', 'oncology',
        '--phase', 'phase-2', '--rd-investment', '30000000', '--as-of', '2025-08-01'],
    # 厦府规〔2023〕17号（二）: class III ¥1,000,000 (sales ≥ ¥500,000) plus the
    # special-review class III award ¥2,000,000; Fujian task 13's awards lose. Total ¥3,000,000.
    'xiamen-innovative-device-marketed': [
        '--location', 'xiamen', '--device-class', 'class-3', '--innovative-device',
        '--phase', 'marketed', '--sales', '800000', '--as-of', '2026-02-01'],
    # 厦府规〔2023〕17号（十）: CRO with annual revenue ¥20,000,000 (以上: inclusive),
    # 10% × ¥60,000,000 services = ¥6,000,000, capped at ¥5,000,000.
    'xiamen-cro-services': [
        '--location', 'xiamen', '--entity', 'cro', '--annual-revenue', '20000000',
        '--service-revenue', '60000000', '--as-of', '2026-05-01'],
}


def run(pnav, db, args):
    out = subprocess.run([pnav, '--db', db, 'match', '--format', 'json'] + args,
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def main():
    pnav = sys.argv[1]
    update = '--update' in sys.argv
    failures = 0
    with tempfile.TemporaryDirectory() as tmp:
        db = os.path.join(tmp, 'golden.db')
        print('1..%d' % len(PROFILES))
        for i, (name, args) in enumerate(sorted(PROFILES.items()), 1):
            path = os.path.join(HERE, 'golden', name + '.json')
            got = json.dumps(run(pnav, db, args), ensure_ascii=False, indent=2, sort_keys=True) + '\n'
            if update:
                with open(path, 'w', encoding='utf-8') as f:
                    f.write(got)
            with open(path, encoding='utf-8') as f:
                want = f.read()
            if got == want:
                print('ok %d - %s' % (i, name))
            else:
                failures += 1
                print('not ok %d - %s' % (i, name))
                for line in difflib.unified_diff(want.splitlines(), got.splitlines(),
                                                 'golden', 'pnav', lineterm='', n=2):
                    print('# ' + line)
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
