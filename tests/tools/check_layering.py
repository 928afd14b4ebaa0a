#!/usr/bin/env python3
"""The layering of transpiler/ (docs/internals.md), checked on the includes:

    driver -> {check, emit} -> checked -> syntax -> diagnostics -> base

A file may include headers of its own folder and of the folders below it only,
and a `*_impl.h` header only from its own folder. The CMake libraries enforce the
same order at link time; this catches a header-only include that links anyway.
"""
import pathlib
import re
import sys

ALLOWED = {
    "base": {"base"},
    "diagnostics": {"diagnostics", "base"},
    "syntax": {"syntax", "diagnostics", "base"},
    "checked": {"checked", "syntax", "diagnostics", "base"},
    "check": {"check", "checked", "syntax", "diagnostics", "base"},
    "emit": {"emit", "checked", "syntax", "diagnostics", "base"},
    "driver": {"driver", "check", "emit", "checked", "syntax", "diagnostics", "base"},
}
INCLUDE = re.compile(r'^\s*#\s*include\s+"([a-z_]+)/([^"]+)"', re.M)
# emit/ reads the checked program (namespace `checked`) and never names the
# checker's namespace `check`, not even through an alias.
NAMES_CHECK = re.compile(r'(?<![\w:])(?:::)?(?:pyxx::)?check::|\bnamespace\s+check\b')


def main() -> int:
    root = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else pathlib.Path(__file__).parents[2] / "transpiler"
    problems = []
    for path in sorted(root.rglob("*")):
        if path.suffix not in (".h", ".cpp") or path.parent.parent != root:
            continue
        folder = path.parent.name
        if folder not in ALLOWED:
            problems.append(f"{path.relative_to(root)}: folder `{folder}` has no place in the layering")
            continue
        text = path.read_text(encoding="utf-8")
        if folder == "emit":
            for match in NAMES_CHECK.finditer(text):
                line = text.count("\n", 0, match.start()) + 1
                problems.append(f"{path.relative_to(root)}:{line}: names the checker's namespace (`{match.group(0)}`); "
                                f"emit/ reads `checked::`")
        for target_folder, header in INCLUDE.findall(text):
            where = f"{path.relative_to(root)}: includes {target_folder}/{header}"
            if target_folder not in ALLOWED[folder]:
                problems.append(f"{where}, but {folder}/ may only use {sorted(ALLOWED[folder])}")
            elif header.endswith("_impl.h") and target_folder != folder:
                problems.append(f"{where}, a header private to {target_folder}/")
    for p in problems:
        print(p)
    print(f"layering: {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
