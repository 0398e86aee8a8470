#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""`pnav match --format json` stays byte-identical for 500 generated profiles (TAP).

    test_profiles.py PATH-TO-PNAV [--update] [--dump DIR]

The profiles come from a fixed seed and cover every location, product,
answer and figure, blank answers, thresholds at and around their values and
as-of dates at the edges of every validity period of the bundled corpus.
`golden/profiles.sha256` holds the SHA-256 of each output: a refactoring of
the store or the engine must not change a byte of what a founder sees.  When
the output changes on purpose, regenerate with --update and say why in the
commit; to see what changed, run the old and the new pnav with the args the
failure prints.
"""
import hashlib
import os
import random
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
GOLDEN = os.path.join(HERE, 'golden', 'profiles.sha256')
N_PROFILES = 500
SEED = 20261206

LOCATIONS = ['fujian', 'fuzhou', 'xiamen', 'quanzhou', 'jinjiang', 'zhangzhou', 'putian',
             'sanming', 'nanping', 'longyan', 'ningde']
ANSWERS = {
    'drug-class': ['innovative', 'improved', 'generic', 'classical-tcm'],
    'modality': ['chemical', 'biologic', 'tcm'],
    'therapeutic-area': ['oncology', 'radiopharmaceutical', 'other'],
    'device-class': ['class-2', 'class-3'],
    'device-type': ['imaging', 'particle-therapy', 'medical-robot', 'ivd',
                    'life-support-monitoring', 'wearable', 'home-health-monitor',
                    'vascular-interventional', 'orthopedic-implant', 'drug-delivery',
                    'surgical-consumable', 'other'],
    'rank': ['first', 'top3', 'other'],
    'entity': ['enterprise', 'cro', 'cmo', 'cdmo', 'medical-institution',
               'research-institute', 'platform'],
}
PHASES = ['preclinical', 'phase-1', 'phase-2', 'phase-3', 'overseas-clinical', 'registered',
          'marketed', 'consistency-evaluation', 'overseas-approval']
FIGURES = ['rd-investment', 'sales', 'fixed-assets', 'equipment', 'evaluation-cost',
           'tech-transaction', 'contract-amount', 'service-revenue', 'annual-revenue',
           'national-funding', 'total-investment']
# Figures around the thresholds and caps the corpus states (yuan).
AMOUNTS = [0, 1, 499999, 500000, 500001, 1000000, 2000000, 5000000, 9999999, 10000000,
           10000001, 20000000, 30000000, 50000000, 100000000, 200000000, 1000000000]
# Validity edges of the bundled documents and some ordinary days.
DATES = ['2022-01-01', '2022-06-30', '2023-11-19', '2023-11-20', '2024-06-01', '2024-12-31',
         '2025-01-01', '2025-06-25', '2025-06-26', '2025-06-30', '2025-12-31', '2026-01-01',
         '2026-06-01', '2026-12-31', '2027-01-01', '2028-03-15']


def profiles():
    rng = random.Random(SEED)
    for i in range(N_PROFILES):
        args = ['--location', LOCATIONS[i % len(LOCATIONS)]]
        product = rng.choice(['drug', 'device', 'organisation', 'health-product', None])
        if product is not None and rng.random() < 0.7:
            args += ['--product', product]
        if product in ('drug', None):
            for q in ('drug-class', 'modality', 'therapeutic-area', 'rank'):
                if rng.random() < 0.6:
                    args += ['--' + q, rng.choice(ANSWERS[q])]
        if product in ('device', None):
            for q in ('device-class', 'device-type'):
                if rng.random() < 0.6:
                    args += ['--' + q, rng.choice(ANSWERS[q])]
            if rng.random() < 0.5:
                args.append(rng.choice(['--innovative-device', '--no-innovative-device']))
        if rng.random() < 0.8:
            args += ['--phase', rng.choice(PHASES)]
        if rng.random() < 0.4:
            args += ['--entity', rng.choice(ANSWERS['entity'])]
        for figure in FIGURES:
            if rng.random() < 0.35:
                args += ['--' + figure, str(rng.choice(AMOUNTS))]
        args += ['--as-of', rng.choice(DATES)]
        yield args


def run(pnav, db, args, dump=None):
    out = subprocess.run([pnav, '--db', db, 'match', '--format', 'json'] + args,
                         capture_output=True)
    if out.returncode not in (0,):
        return None, out.stderr.decode('utf-8', 'replace')
    if dump is not None:
        with open(dump, 'wb') as f:
            f.write(out.stdout)
    return hashlib.sha256(out.stdout).hexdigest(), None


def main():
    pnav = sys.argv[1]
    update = '--update' in sys.argv[2:]
    # --dump DIR writes each output to DIR/NNN.json, to diff two builds
    dump_dir = sys.argv[sys.argv.index('--dump') + 1] if '--dump' in sys.argv else None
    want = []
    if not update:
        with open(GOLDEN, encoding='utf-8') as f:
            want = [line.split()[0] for line in f if line.strip() and not line.startswith('#')]
    got = []
    failures = 0
    with tempfile.TemporaryDirectory() as tmp:
        db = os.path.join(tmp, 'profiles.db')
        all_profiles = list(profiles())
        print('1..%d' % len(all_profiles))
        for i, args in enumerate(all_profiles):
            dump = os.path.join(dump_dir, '%03d.json' % (i + 1)) if dump_dir else None
            digest, err = run(pnav, db, args, dump)
            got.append(digest or 'error')
            ok = digest is not None and (update or (i < len(want) and want[i] == digest))
            if ok:
                print('ok %d' % (i + 1))
            else:
                failures += 1
                print('not ok %d - pnav match --format json %s' % (i + 1, ' '.join(args)))
                if err:
                    print('# ' + err.strip().replace('\n', '\n# '))
    if update:
        with open(GOLDEN, 'w', encoding='utf-8') as f:
            f.write('# SHA-256 of `pnav match --format json` for each profile of test_profiles.py\n')
            for digest in got:
                f.write(digest + '\n')
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
