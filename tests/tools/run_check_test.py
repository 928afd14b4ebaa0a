"""One check file test: `pyxx check --verify FILE`, plus the naming rule.

Usage: run_check_test.py PYXX FILE

The file carries its expected diagnostics as comments (spec section 8). Its name
says which kind of case it is, and the runner holds it to that:
  fail_*.pyx  must expect at least one diagnostic (`# expected-error ...`, or
              `# expected-warning ...` for a warning's failing case);
  ok_*.pyx    must say `# expected-no-diagnostics` and expect no error.
A line `# pyxx-check-options: --limited-api 3.9` passes those options to pyxx check.
A file's augmenting .pxd beside it (NAME.pxd) counts as part of the case: a
fail_ case may expect its diagnostics there only (the .pyx then says
`# expected-no-diagnostics` for itself), and an ok_ case's .pxd expects none.
"""
import os
import re
import subprocess
import sys

# `# pyxx-check-options: --limited-api 3.9` in a file: options its check needs.
CHECK_OPTIONS = re.compile(r"^#\s*pyxx-check-options:(.*)$", re.M)
EXPECTED_ANY = re.compile(r"#\s*expected-(error|warning)\b")
NO_DIAGNOSTICS = re.compile(r"#\s*expected-no-diagnostics\b")


def naming_problem(path, text, pxd_text=""):
    name = os.path.basename(path)
    if name.startswith("fail_"):
        if not EXPECTED_ANY.search(text + pxd_text):
            return (f"{name}: a fail_ file must expect at least one diagnostic "
                    "(# expected-error PXnnn or # expected-warning PXnnn)")
        if NO_DIAGNOSTICS.search(text) and not EXPECTED_ANY.search(pxd_text):
            return f"{name}: a fail_ file cannot say # expected-no-diagnostics"
        return None
    if name.startswith("ok_"):
        if not NO_DIAGNOSTICS.search(text):
            return f"{name}: an ok_ file must carry # expected-no-diagnostics"
        if EXPECTED_ANY.search(text + pxd_text):
            return f"{name}: an ok_ file cannot expect diagnostics"
        return None
    return f"{name}: check test files are named fail_*.pyx or ok_*.pyx"


def main():
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    pyxx, path = sys.argv[1], sys.argv[2]
    with open(path, encoding="utf-8", errors="replace") as source:
        text = source.read()
    pxd = os.path.splitext(path)[0] + ".pxd"
    pxd_text = ""
    if os.path.exists(pxd):
        with open(pxd, encoding="utf-8", errors="replace") as declarations:
            pxd_text = declarations.read()
    problem = naming_problem(path, text, pxd_text)
    if problem:
        print(f"error: {problem}", file=sys.stderr)
        return 1
    # Run from the file's folder so diagnostics show the short name.
    options = CHECK_OPTIONS.search(text)
    extra = options.group(1).split() if options else []
    result = subprocess.run([pyxx, "check", *extra, "--verify", os.path.basename(path)],
                            cwd=os.path.dirname(os.path.abspath(path)))
    if result.returncode != 0:
        print(f"error: pyxx check --verify {path} exited {result.returncode}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
