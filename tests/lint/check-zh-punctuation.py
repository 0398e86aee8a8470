#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""check-zh-punctuation.py PO_FILE: Chinese sentences end the Chinese way.

A message whose English ends with "?", "!" or ":" is translated with the
full-width "？", "！", "：" (headings such as 项目位于哪里？), and no
translation mixes an ASCII "?" into Chinese text.  Exit 1 on a failure.
"""

import re
import sys

HAN = re.compile('[\u4e00-\u9fff]')
FULL = {'?': '？', '!': '！', ':': '：'}


def entries(path):
    text = open(path, encoding='utf-8').read()
    for block in text.split('\n\n'):
        if block.lstrip().startswith('#~'):
            continue
        fields = {}
        key = None
        for line in block.splitlines():
            m = re.match(r'^(msgid|msgid_plural|msgstr(?:\[\d+\])?|msgctxt) "(.*)"$', line)
            if m:
                key = m.group(1)
                fields[key] = m.group(2)
            elif line.startswith('"') and key:
                fields[key] += line[1:-1]
        if fields.get('msgid'):
            yield fields


def main():
    failures = []
    for fields in entries(sys.argv[1]):
        msgid = fields['msgid'].replace('\\n', '\n')
        for key, msgstr in fields.items():
            if not key.startswith('msgstr') or not msgstr or not HAN.search(msgstr):
                continue
            # as the msgid: a trailing "\n" is white space, not text
            msgstr = msgstr.replace('\\n', '\n')
            end = msgid.rstrip()[-1:]
            if end in FULL and not msgstr.rstrip().endswith(FULL[end]) and not msgstr.rstrip().endswith('…'):
                failures.append('%r → %r: ends without %s' % (msgid, msgstr, FULL[end]))
            if re.search('[\u4e00-\u9fff]\\?|\\?[\u4e00-\u9fff]', msgstr):
                failures.append('%r → %r: an ASCII "?" in Chinese text' % (msgid, msgstr))
    for failure in failures:
        print('FAIL: ' + failure)
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
