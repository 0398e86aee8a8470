#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""check-flatpak-manifest.py MANIFEST

Fails unless MANIFEST parses as JSON, names the application and its runtime,
every local path it names (module files, dir/file/patch sources) exists
relative to the manifest, and every remote source is pinned: a git source
to a commit (40 hexadecimal digits; a tag alone can move), an archive or
file to its sha256.  Modules that predate this rule are listed in
TAG_ONLY_MODULES until they are pinned.
"""

import json
import os
import re
import sys

# git sources pinned by tag only, kept as they were: pin them, then remove
TAG_ONLY_MODULES = {"libical"}

COMMIT_RE = re.compile(r"[0-9a-f]{40}")
SHA256_RE = re.compile(r"[0-9a-f]{64}")

REQUIRED_KEYS = ("runtime", "runtime-version", "sdk", "command", "modules")


def check_pinned(module, source, i, where, errors):
    kind = source.get("type")
    if kind == "git" and "url" in source:
        commit = source.get("commit")
        if commit is None:
            if module.get("name") not in TAG_ONLY_MODULES:
                errors.append(f"{where}: source {i} (git {source['url']}) is not pinned to a commit")
        elif not COMMIT_RE.fullmatch(commit):
            errors.append(f"{where}: source {i} commit {commit!r} is not 40 hexadecimal digits")
    elif kind in ("archive", "file") and "url" in source:
        if not SHA256_RE.fullmatch(source.get("sha256", "")):
            errors.append(f"{where}: source {i} ({kind} {source['url']}) has no sha256")


def check_sources(module, base, where, errors):
    for i, source in enumerate(module.get("sources", [])):
        if isinstance(source, str):
            # a path to a JSON file of sources
            paths = [source]
        else:
            check_pinned(module, source, i, where, errors)
            paths = [source[k] for k in ("path",) if k in source]
            paths += source.get("paths", [])
        for path in paths:
            full = os.path.normpath(os.path.join(base, path))
            if not os.path.exists(full):
                errors.append(f"{where}: source {i} names {path}, which does not exist ({full})")


def check_modules(modules, base, where, errors):
    for i, module in enumerate(modules):
        if isinstance(module, str):
            full = os.path.normpath(os.path.join(base, module))
            if not os.path.exists(full):
                errors.append(f"{where}: module {i} names {module}, which does not exist ({full})")
                continue
            if full.endswith(".json"):
                try:
                    with open(full, encoding="utf-8") as f:
                        module = json.load(f)
                except json.JSONDecodeError as e:
                    errors.append(f"{full}: not valid JSON: {e}")
                    continue
                check_sources(module, os.path.dirname(full), full, errors)
                check_modules(module.get("modules", []), os.path.dirname(full), full, errors)
            continue
        name = module.get("name", f"#{i}")
        check_sources(module, base, f"{where}: module {name}", errors)
        check_modules(module.get("modules", []), base, f"{where}: module {name}", errors)


def main(argv):
    if len(argv) != 2:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    manifest = argv[1]
    try:
        with open(manifest, encoding="utf-8") as f:
            data = json.load(f)
    except (OSError, json.JSONDecodeError) as e:
        print(f"FAIL: {manifest}: {e}")
        return 1

    errors = []
    if "id" not in data and "app-id" not in data:
        errors.append(f"{manifest}: no id")
    errors += [f"{manifest}: no {key}" for key in REQUIRED_KEYS if key not in data]
    check_modules(data.get("modules", []), os.path.dirname(os.path.abspath(manifest)), manifest, errors)

    for error in errors:
        print(f"FAIL: {error}")
    if not errors:
        print(f"{manifest}: OK")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
