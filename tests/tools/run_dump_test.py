"""One checked-facts snapshot test: `pyxx translate --dump checked`, compared.

Usage: run_dump_test.py --pyxx PYXX FILE.pyx

Dumps the checked program of FILE.pyx (from its own folder) and compares the
text with the sibling FILE.checked.txt, printing a unified diff on mismatch.
With PYXX_UPDATE=1 in the environment the snapshot is (re)written instead
(refused under CI, see snapshot_update.py).
"""
import argparse
import difflib
import os
import subprocess
import sys

from snapshot_update import update_requested


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--pyxx", required=True)
    parser.add_argument("pyx")
    args = parser.parse_args()
    pyx = os.path.abspath(args.pyx)
    snapshot = os.path.splitext(pyx)[0] + ".checked.txt"
    result = subprocess.run([args.pyxx, "translate", "--dump", "checked", os.path.basename(pyx)],
                            cwd=os.path.dirname(pyx), capture_output=True, text=True)
    if result.returncode != 0:
        sys.stderr.write(result.stderr)
        print(f"error: pyxx translate --dump checked exited {result.returncode}", file=sys.stderr)
        return 1
    actual = result.stdout
    if update_requested():
        with open(snapshot, "w", encoding="utf-8") as out:
            out.write(actual)
        print(f"updated {snapshot}")
        return 0
    if not os.path.exists(snapshot):
        print(f"error: no snapshot {snapshot}; run with PYXX_UPDATE=1 to create it", file=sys.stderr)
        return 1
    with open(snapshot, encoding="utf-8") as f:
        expected = f.read()
    if actual == expected:
        return 0
    sys.stdout.writelines(difflib.unified_diff(expected.splitlines(keepends=True), actual.splitlines(keepends=True),
                                               fromfile=os.path.basename(snapshot), tofile="pyxx --dump checked"))
    print(f"\nerror: output differs from {snapshot} (PYXX_UPDATE=1 rewrites it)", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
