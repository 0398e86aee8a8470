#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""check-flatpak-manifest.py MANIFEST

Fails unless MANIFEST parses as JSON, names the application and its runtime,
and every local path it names (module files, dir/file/patch sources) exists
relative to the manifest.
"""

import json
import os
import sys

REQUIRED_KEYS = ("runtime", "runtime-version", "sdk", "command", "modules")


def check_sources(module, base, where, errors):
    for i, source in enumerate(module.get("sources", [])):
        if isinstance(source, str):
            # a path to a JSON file of sources
            paths = [source]
        else:
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
