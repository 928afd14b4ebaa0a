"""Shrinks a failing generated module to a small program that still fails.

Usage: reduce_program.py --pyxx PYXX FAILING.pyx [-o OUT_DIR]

FAILING.pyx and its FAILING.driver.py come from random_programs.py (kept in its
--keep directory). The reducer first finds how the module fails (the C++
compiler rejects it, pyxx rejects it, or an output line differs) and the first
call whose output differs; then, while the module still fails the same way, it
  1. keeps only that call in the driver and only the `def` it calls,
  2. deletes statements (with their nested blocks), last first, repeatedly,
  3. deletes unused functions and helper declarations,
  4. replaces subexpressions by simpler ones (an operand of a binary operation,
     of a cast, of a call) where the program still fails.
Every step is one `run_diff_test.py` run (a pyxx build and two interpreters),
so expect a few minutes. The result is written to OUT_DIR/NAME_reduced.pyx and
.driver.py: read it, then turn it into a tests/diff regression test by hand
(a meaningful name, a comment on what went wrong, expected values on both sides).
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
RUN_DIFF = os.path.join(os.path.dirname(HERE), "tools", "run_diff_test.py")


def classify(pyxx, pyx_text, driver_text, workdir):
    """('ok' | 'cxx' | 'pyxx' | 'differs' | 'crash', first differing line) of a program."""
    pyx = os.path.join(workdir, "reduce_case.pyx")
    with open(pyx, "w") as out:
        out.write(pyx_text)
    with open(os.path.join(workdir, "reduce_case.driver.py"), "w") as out:
        out.write(driver_text)
    result = subprocess.run([sys.executable, RUN_DIFF, "--pyxx", pyxx, pyx], stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True, timeout=600)
    out = result.stdout
    if result.returncode == 0:
        return "ok", None
    if "the C++ compiler failed" in out:
        return "cxx", None
    if "pyxx build" in out and "exited 1" in out:
        return "pyxx", None
    if "behaves differently" in out:
        # The first differing line that is a call's result (`name(args): ...`); a
        # line printed inside the call (print) differs too, but names no call.
        changed = [line for line in out.splitlines()
                   if line[:1] in "+-" and not line.startswith(("+++", "---"))]
        first = next((line for line in changed if re.match(r"[-+]\w+\(.*\): ", line)),
                     changed[0] if changed else "")
        return "differs", first
    return "crash", None


def blocks(lines):
    """(start, end) line ranges of statements inside function bodies, nested blocks included."""
    spans = []
    for i, line in enumerate(lines):
        stripped = line.lstrip()
        indent = len(line) - len(stripped)
        if indent < 4 or not stripped or stripped.startswith(("else:", "elif ", "finally:", "#")):
            continue
        end = i + 1
        while end < len(lines) and (not lines[end].strip() or len(lines[end]) - len(lines[end].lstrip()) > indent
                                    or (len(lines[end]) - len(lines[end].lstrip()) == indent
                                        and lines[end].lstrip().startswith(("else:", "elif ", "finally:")))):
            end += 1
        spans.append((i, end))
    return spans


def fix_empty_blocks(lines):
    """A block left empty by a deletion gets `pass`."""
    out = []
    for i, line in enumerate(lines):
        out.append(line)
        if line.rstrip().endswith(":") and not line.lstrip().startswith("#"):
            indent = len(line) - len(line.lstrip())
            nxt = next((x for x in lines[i + 1:] if x.strip()), None)
            if nxt is None or len(nxt) - len(nxt.lstrip()) <= indent:
                out.append(" " * (indent + 4) + "pass")
    return out


def functions(text):
    """Top-level definitions (with their decorators) as (name, start, end) line ranges."""
    lines = text.split("\n")
    result, i = [], 0
    while i < len(lines):
        if lines[i].startswith(("@", "def ")):
            start = i
            while not lines[i].startswith("def "):
                i += 1
            name = re.match(r"def (\w+)", lines[i]).group(1)
            i += 1
            while i < len(lines) and (not lines[i].strip() or lines[i].startswith(" ")):
                i += 1
            result.append((name, start, i))
        else:
            i += 1
    return result


def subexpressions(line):
    """Candidate replacements of one line: a parenthesized part replaced by one of its operands."""
    out = []
    for match in re.finditer(r"\(", line):
        start = match.start()
        depth = 0
        for j in range(start, len(line)):
            depth += line[j] == "("
            depth -= line[j] == ")"
            if depth == 0:
                break
        inner = line[start + 1:j]
        prefix = line[:start]
        call = re.search(r"([\w.]+)$", prefix)
        if call and call.group(1).startswith("cython.cast"):
            # cython.cast(T, X) -> X is not always of the same type; keep the cast, shrink X.
            continue
        parts = split_top(inner)
        for part in parts:
            candidate = part.strip()
            if candidate and candidate != inner.strip():
                out.append(line[:start] + "(" + candidate + ")" + line[j + 1:])
    return out


def split_top(text):
    """Operands of a binary operation or the arguments of a call, at nesting depth 0."""
    parts, depth, cur, i = [], 0, "", 0
    ops = [" if ", " else ", " and ", " or ", " // ", " ** ", " << ", " >> ", " + ", " - ", " * ", " % ",
           " & ", " | ", " ^ ", " <= ", " >= ", " == ", " != ", " < ", " > ", ", "]
    while i < len(text):
        c = text[i]
        if c in "([":
            depth += 1
        elif c in ")]":
            depth -= 1
        if depth == 0:
            op = next((o for o in ops if text.startswith(o, i)), None)
            if op:
                parts.append(cur)
                cur = ""
                i += len(op)
                continue
        cur += c
        i += 1
    parts.append(cur)
    return parts if len(parts) > 1 else []


class Reducer:
    def __init__(self, pyxx, pyx_text, driver_text, workdir):
        self.pyxx, self.workdir = pyxx, workdir
        self.pyx, self.driver = pyx_text, driver_text
        self.kind, self.first = classify(pyxx, pyx_text, driver_text, workdir)
        self.steps = 0

    def fails(self, pyx, driver=None):
        self.steps += 1
        kind, _ = classify(self.pyxx, pyx, driver or self.driver, self.workdir)
        return kind == self.kind

    def try_pyx(self, candidate):
        if candidate != self.pyx and self.fails(candidate):
            self.pyx = candidate
            print(f"  step {self.steps}: {len(self.pyx.splitlines())} lines", flush=True)
            return True
        return False

    def narrow_driver(self):
        if self.kind != "differs" or not self.first:
            return
        label = self.first[1:].split("): ")[0] + ")"
        name = re.match(r"(\w+)\(", label)
        match = re.search(r"CALLS = (\[.*\])\n", self.driver)
        if not name or not match:
            return
        calls = eval(match.group(1))  # the generator wrote it with repr()
        keep = [c for c in calls if f"{c[0]}{tuple(c[1])}" == label] or [c for c in calls if c[0] == name.group(1)]
        driver = self.driver.replace(match.group(1), repr(keep[:1]))
        if self.fails(self.pyx, driver):
            self.driver = driver
            wanted = keep[0][0]
            text = self.pyx
            for fname, start, end in reversed(functions(text)):
                if fname.startswith("f") and fname != wanted:
                    lines = text.split("\n")
                    text = "\n".join(lines[:start] + lines[end:])
            self.try_pyx(text)

    def delete_statements(self):
        changed = True
        while changed:
            changed = False
            lines = self.pyx.split("\n")
            for start, end in reversed(blocks(lines)):
                if lines[start].lstrip().startswith(("def ", "@")):
                    continue
                candidate = "\n".join(fix_empty_blocks(lines[:start] + lines[end:]))
                if self.try_pyx(candidate):
                    changed = True
                    break

    def delete_functions(self):
        for fname, start, end in reversed(functions(self.pyx)):
            if re.search(rf"\b{fname}\(", "\n".join(
                    x for k, x in enumerate(self.pyx.split("\n")) if not start <= k < end)) or (
                    f'"{fname}"' in self.driver or f"'{fname}'" in self.driver):
                continue
            lines = self.pyx.split("\n")
            self.try_pyx("\n".join(lines[:start] + lines[end:]))

    def simplify_expressions(self):
        changed = True
        while changed:
            changed = False
            lines = self.pyx.split("\n")
            for k in range(len(lines)):
                for candidate in subexpressions(lines[k]):
                    if self.try_pyx("\n".join(lines[:k] + [candidate] + lines[k + 1:])):
                        changed = True
                        break
                if changed:
                    break

    def run(self):
        print(f"failure kind: {self.kind}" + (f" (first differing line: {self.first})" if self.first else ""),
              flush=True)
        if self.kind == "ok":
            return False
        self.narrow_driver()
        self.delete_statements()
        self.delete_functions()
        self.simplify_expressions()
        self.delete_statements()
        self.delete_functions()
        return True


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pyxx", required=True)
    parser.add_argument("pyx")
    parser.add_argument("-o", "--out", help="directory of the result (default: next to the input)")
    args = parser.parse_args()
    pyx = os.path.abspath(args.pyx)
    with open(pyx) as f:
        pyx_text = f.read()
    with open(os.path.splitext(pyx)[0] + ".driver.py") as f:
        driver_text = f.read()
    workdir = tempfile.mkdtemp(prefix="pyxx-reduce-")
    try:
        reducer = Reducer(os.path.abspath(args.pyxx), pyx_text, driver_text, workdir)
        if not reducer.run():
            print("the module does not fail: nothing to reduce")
            return 1
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    out_dir = args.out or os.path.dirname(pyx)
    base = os.path.join(out_dir, os.path.splitext(os.path.basename(pyx))[0] + "_reduced")
    with open(base + ".pyx", "w") as f:
        f.write(reducer.pyx)
    with open(base + ".driver.py", "w") as f:
        f.write(reducer.driver)
    print(f"reduced in {reducer.steps} steps to {len(reducer.pyx.splitlines())} lines: {base}.pyx")
    return 0


if __name__ == "__main__":
    sys.exit(main())
