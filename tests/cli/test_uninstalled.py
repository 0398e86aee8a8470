#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Translations from the build tree, as build-aux/run runs the programs.

    test_uninstalled.py SOURCE_ROOT BUILD_ROOT PROGRAM [ARG…]

Sources build-aux/setup, calls pn_uninstalled_env BUILD_ROOT (what
build-aux/run does before it starts a program) and runs PROGRAM ARG… with
LANGUAGE=zh_CN and no other locale variable, then with LANGUAGE=en.  The
Chinese run must print Chinese, the English one must not: translations are
found in BUILD_ROOT/po although nothing is installed.  Prints TAP.
"""

import os
import re
import subprocess
import sys

HAN = re.compile('[\u4e00-\u9fff]')
results = []


def tap(ok, name, detail=''):
    results.append(ok)
    print('%s %d - %s' % ('ok' if ok else 'not ok', len(results), name))
    for line in detail.splitlines():
        print('# ' + line)


def run(source_root, build_root, argv, language):
    env = {key: value for key, value in os.environ.items()
           if not key.startswith('LC_') and key not in ('LANG', 'LANGUAGE',
                                                         'POLICY_NAVIGATOR_LOCALEDIR')}
    env['LANGUAGE'] = language
    script = 'source "$1/build-aux/setup"; pn_uninstalled_env "$2"; shift 2; exec "$@"'
    proc = subprocess.run(['bash', '-c', script, 'uninstalled', source_root, build_root] + argv,
                          env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          text=True, timeout=60)
    return proc.returncode, proc.stdout + proc.stderr


def main():
    if len(sys.argv) < 4:
        print('usage: test_uninstalled.py SOURCE_ROOT BUILD_ROOT PROGRAM [ARG…]', file=sys.stderr)
        return 2
    source_root, build_root, argv = sys.argv[1], sys.argv[2], sys.argv[3:]
    name = os.path.basename(argv[0])

    status, output = run(source_root, build_root, argv, 'zh_CN')
    tap(status == 0 and HAN.search(output) is not None,
        '%s in Chinese from the build tree' % name, output)

    status, output = run(source_root, build_root, argv, 'en')
    tap(status == 0 and HAN.search(output) is None,
        '%s in English with LANGUAGE=en' % name, output)

    print('1..%d' % len(results))
    return 0 if all(results) else 1


if __name__ == '__main__':
    sys.exit(main())
