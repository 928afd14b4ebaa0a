"""One emit snapshot test: pyxx translate, compare, then compile the result.

Usage: run_emit_test.py --pyxx PYXX --cxx CXX [--include DIR]... FILE.pyx

Translates FILE.pyx (from its own folder, so the output names it by its short
name) and compares the C++ byte for byte with the sibling FILE.expected.cpp,
printing a unified diff on mismatch. When it matches, the C++ must compile with
-std=c++17 -O0 -Wall -Wextra -Werror -fsyntax-only against the given include
folders (the runtime and Python's headers).

A first line `# translate-args: ARGS` passes ARGS to pyxx translate (e.g.
`--part-lines 8` for a file of several parts). A file of several parts
(`// pyxx-parts: K` on its second line) must also compile as each part
(-DPYXX_PART=k).

With PYXX_UPDATE=1 in the environment the snapshot is (re)written instead of
compared; that is also how a new snapshot is created (refused under CI:
snapshot_update.py).
"""
import argparse
import difflib
import os
import subprocess
import sys
import tempfile

from snapshot_update import update_requested


def snapshot_path(pyx):
    stem, _ = os.path.splitext(pyx)
    return stem + ".expected.cpp"


def translate_args(pyx):
    """The extra `pyxx translate` arguments a first `# translate-args:` line asks for."""
    with open(pyx, encoding="utf-8") as f:
        first = f.readline()
    prefix = "# translate-args:"
    return first[len(prefix):].split() if first.startswith(prefix) else []


def part_count(cpp):
    with open(cpp, encoding="utf-8") as f:
        f.readline()
        second = f.readline()
    prefix = "// pyxx-parts: "
    return int(second[len(prefix):].split()[0]) if second.startswith(prefix) else 1


def translate(pyxx, pyx, out):
    result = subprocess.run([pyxx, "translate", os.path.basename(pyx), "-o", out, *translate_args(pyx)],
                            cwd=os.path.dirname(pyx))
    if result.returncode != 0:
        print(f"error: pyxx translate {pyx} exited {result.returncode}", file=sys.stderr)
        return None
    with open(out, "rb") as generated:
        return generated.read()


def compare(actual, snapshot):
    if not os.path.exists(snapshot):
        print(f"error: no snapshot {snapshot}; run with PYXX_UPDATE=1 to create it",
              file=sys.stderr)
        return False
    with open(snapshot, "rb") as expected_file:
        expected = expected_file.read()
    if actual == expected:
        return True
    diff = difflib.unified_diff(
        expected.decode("utf-8", "replace").splitlines(keepends=True),
        actual.decode("utf-8", "replace").splitlines(keepends=True),
        fromfile=os.path.basename(snapshot), tofile="pyxx translate output")
    sys.stdout.writelines(diff)
    print(f"\nerror: output differs from {snapshot} (PYXX_UPDATE=1 rewrites it)", file=sys.stderr)
    return False


def compile_check(cxx, includes, cpp):
    parts = part_count(cpp)
    for part in [[]] + ([[f"-DPYXX_PART={k}"] for k in range(parts)] if parts > 1 else []):
        command = [cxx, "-std=c++17", "-O0", "-Wall", "-Wextra", "-Werror", "-fsyntax-only", *part]
        command += [f"-I{d}" for d in includes] + [cpp]
        result = subprocess.run(command)
        if result.returncode != 0:
            print("error: the snapshot does not compile: " + " ".join(command), file=sys.stderr)
            return False
    return True


def main():
    parser = argparse.ArgumentParser(description="pyxx emit snapshot test")
    parser.add_argument("--pyxx", required=True)
    parser.add_argument("--cxx", required=True)
    parser.add_argument("--include", action="append", default=[])
    parser.add_argument("pyx")
    args = parser.parse_args()
    pyx = os.path.abspath(args.pyx)
    snapshot = snapshot_path(pyx)
    with tempfile.TemporaryDirectory(prefix="pyxx-emit-") as tmp:
        cpp = os.path.join(tmp, os.path.basename(snapshot))
        actual = translate(args.pyxx, pyx, cpp)
        if actual is None:
            return 1
        if update_requested():
            with open(snapshot, "wb") as out:
                out.write(actual)
            print(f"updated {snapshot}")
        elif not compare(actual, snapshot):
            return 1
        return 0 if compile_check(args.cxx, args.include, cpp) else 1


if __name__ == "__main__":
    sys.exit(main())
