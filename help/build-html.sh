#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   build-html.sh YELP_BUILD ITSTOOL MSGFMT LANG SRCDIR OUTDIR STAMP
#
# The user guide as HTML in OUTDIR (OUTDIR/index.html), for a browser when
# no help viewer is installed: the C pages as they are, another language's
# pages translated with SRCDIR/LANG/LANG.po first (itstool).
set -euo pipefail

yelp_build="$1" itstool="$2" msgfmt="$3" lang="$4" srcdir="$5" outdir="$6" stamp="$7"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

pages=("$srcdir"/C/*.page)
if [[ "$lang" != C ]]; then
  "$msgfmt" -o "$work/$lang.mo" "$srcdir/$lang/$lang.po"
  mkdir "$work/pages"
  "$itstool" -l "$lang" -m "$work/$lang.mo" -o "$work/pages" "${pages[@]}"
  pages=("$work"/pages/*.page)
fi

rm -rf "$outdir"
mkdir -p "$outdir"
"$yelp_build" html -o "$outdir/" "${pages[@]}"
test -f "$outdir/index.html"
touch "$stamp"
