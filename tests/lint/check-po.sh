#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# check-po.sh MSGFMT SOURCE_ROOT PO_FILE
#
# Fails unless PO_FILE compiles with `msgfmt --check` and has no untranslated
# and no fuzzy messages, and unless every file po/POTFILES.in lists exists.
set -euo pipefail

msgfmt="$1"
source_root="$2"
po_file="$3"
status=0

stats="$("$msgfmt" --check --statistics --output-file=/dev/null "$po_file" 2>&1)" || {
  printf '%s\n' "$stats"
  echo "FAIL: msgfmt --check rejects $po_file"
  exit 1
}
printf '%s: %s\n' "$(basename "$po_file")" "$stats"

# msgfmt only mentions fuzzy and untranslated messages when there are some.
if grep -Eq '[1-9][0-9]* (fuzzy|untranslated)' <<<"$stats"; then
  echo "FAIL: $po_file has fuzzy or untranslated messages"
  status=1
fi
if ! grep -Eq '^[1-9][0-9]* translated message' <<<"$stats"; then
  echo "FAIL: $po_file has no translated messages"
  status=1
fi

while IFS= read -r line; do
  line="${line%%#*}"
  line="${line//[[:space:]]/}"
  [[ -z "$line" ]] && continue
  if [[ ! -f "$source_root/$line" ]]; then
    echo "FAIL: po/POTFILES.in lists $line, which does not exist"
    status=1
  fi
done <"$source_root/po/POTFILES.in"

# and every source that marks a string for translation is listed: a file
# left out shows English in Chinese (the removal's toast did)
while IFS= read -r file; do
  relative="${file#"$source_root"/}"
  if ! grep -qx "$relative" "$source_root/po/POTFILES.in"; then
    echo "FAIL: $relative marks strings for translation but po/POTFILES.in does not list it"
    status=1
  fi
done < <(grep -rlE '(^|[^A-Za-z_])(N?_|C_|g_dngettext) ?\("|translatable="yes"' "$source_root/src" "$source_root/ui" \
           --include='*.c' --include='*.ui' | sort)

exit "$status"
