"""Translations that check clean must compile: the seed programs and
deterministic mutants of them go through the real command line.

Usage: compile_translations.py --pyxx PYXX --cxx CXX -I DIR... --seconds N
                               [--seed S] [--keep DIR] INPUT_DIR...

For each input (mutants of every .pyx file under the INPUT_DIRs,
preceded by those files themselves with --seeds-too; mutants are made with a
fixed seed: integer literals at type limits, operators,
comparison and C type names exchanged, lines deleted, duplicated or swapped,
functions spliced from another file):
  `pyxx translate` exits 0 and writes the file, or exits 1 and writes nothing
      (errors => no output; any other status, e.g. an internal error, fails);
  the output has no emitter fallback for a construct check should have rejected;
  a second translation gives the same bytes (determinism across processes);
  when it exited 0, `CXX -std=c++17 -fsyntax-only` accepts the output.
Stops when the time is up (inputs are taken in a fixed order, so a longer
budget only adds inputs). Failing inputs are copied to --keep.
"""
import argparse
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time

INT_LIMITS = ["0", "1", "-1", "127", "128", "-128", "-129", "255", "256", "32767", "32768", "-32769",
              "65535", "65536", "2147483647", "2147483648", "-2147483649", "4294967295", "4294967296",
              "9223372036854775807", "9223372036854775808", "-9223372036854775809",
              "18446744073709551615", "18446744073709551616", "0x7f", "0o777", "0b1", "1_000"]
BINARY_OPS = ["+", "-", "*", "/", "//", "%", "**", "<<", ">>", "&", "|", "^"]
COMPARE_OPS = ["<", "<=", ">", ">=", "==", "!=", " is ", " is not ", " in ", " not in "]
C_TYPES = ["cython.char", "cython.schar", "cython.uchar", "cython.short", "cython.ushort", "cython.int",
           "cython.uint", "cython.long", "cython.ulong", "cython.longlong", "cython.ulonglong",
           "cython.Py_ssize_t", "cython.size_t", "cython.float", "cython.double", "cython.bint",
           "object", "int", "float", "bytes", "str", "list", "dict", "tuple"]

INT_RE = re.compile(r"(?<![\w.])\d[\d_]*(?![\w.])")
BINOP_RE = re.compile(r"(?<=\s)(\*\*|//|<<|>>|[-+*/%&|^])(?=\s)")
COMPARE_RE = re.compile(r"(?<=\s)(<=|>=|==|!=|<|>)(?=\s)")
TYPE_RE = re.compile(r"cython\.(?:u?char|schar|u?short|u?int|u?long(?:long)?|Py_ssize_t|size_t|float|double|bint)\b")


def replace_random_match(rng, text, pattern, choices):
    matches = list(pattern.finditer(text))
    if not matches:
        return None
    m = rng.choice(matches)
    return text[:m.start()] + rng.choice(choices) + text[m.end():]


def functions_of(text):
    """Top-level `def` blocks (with their decorators) of a program."""
    lines = text.splitlines(keepends=True)
    blocks, current = [], None
    for line in lines:
        if line.startswith(("def ", "@")):
            if current is not None and not current[-1].startswith("@"):
                blocks.append("".join(current))
                current = None
            current = (current or []) + [line]
        elif current is not None and (line.startswith((" ", "\t")) or not line.strip()):
            current.append(line)
        elif current is not None:
            blocks.append("".join(current))
            current = None
    if current:
        blocks.append("".join(current))
    return blocks


def mutate_once(rng, text, donors):
    kind = rng.randrange(8)
    lines = text.splitlines(keepends=True)
    if kind == 0:
        return replace_random_match(rng, text, INT_RE, INT_LIMITS)
    if kind == 1:
        return replace_random_match(rng, text, BINOP_RE, BINARY_OPS)
    if kind == 2:
        return replace_random_match(rng, text, COMPARE_RE, COMPARE_OPS)
    if kind == 3:
        return replace_random_match(rng, text, TYPE_RE, C_TYPES)
    if kind == 4 and len(lines) > 1:
        del lines[rng.randrange(len(lines))]
        return "".join(lines)
    if kind == 5 and lines:
        i = rng.randrange(len(lines))
        lines.insert(i, lines[i])
        return "".join(lines)
    if kind == 6 and len(lines) > 1:
        i = rng.randrange(len(lines) - 1)
        lines[i], lines[i + 1] = lines[i + 1], lines[i]
        return "".join(lines)
    if kind == 7:
        blocks = functions_of(rng.choice(donors))
        if blocks:
            return text.rstrip("\n") + "\n\n\n" + rng.choice(blocks)
    return None


def mutants(rng, seeds):
    texts = [text for _, text in seeds]
    while True:
        name, text = rng.choice(seeds)
        for _ in range(rng.randint(1, 3)):
            text = mutate_once(rng, text, texts) or text
        yield name, text


def collect_seeds(dirs):
    seeds = []
    for top in dirs:
        for root, subdirs, files in os.walk(top):
            subdirs.sort()
            for f in sorted(files):
                if f.endswith(".pyx"):
                    with open(os.path.join(root, f), "rb") as fh:
                        seeds.append((os.path.join(root, f), fh.read().decode("utf-8", "replace")))
    return seeds


class Runner:
    def __init__(self, args, work):
        self.args = args
        self.work = work
        self.failures = 0
        self.counts = {"translated": 0, "rejected": 0, "compiled": 0}

    def fail(self, origin, text, message):
        self.failures += 1
        print(f"FAIL ({origin}): {message}")
        if self.args.keep:
            os.makedirs(self.args.keep, exist_ok=True)
            path = os.path.join(self.args.keep, f"failure_{self.failures}.pyx")
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
            print(f"  input saved as {path}")

    def translate(self, pyx, out):
        if os.path.exists(out):
            os.unlink(out)
        return subprocess.run([self.args.pyxx, "translate", pyx, "-o", out], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True, errors="replace", cwd=self.work)

    def run_one(self, origin, text):
        pyx = os.path.join(self.work, "m.pyx")
        with open(pyx, "w", encoding="utf-8") as f:
            f.write(text)
        first, second = os.path.join(self.work, "a.cpp"), os.path.join(self.work, "b.cpp")
        r = self.translate(pyx, first)
        if r.returncode == 1:
            self.counts["rejected"] += 1
            if os.path.exists(first):
                self.fail(origin, text, "pyxx translate reported errors but wrote its output")
            elif "error" not in r.stderr:
                self.fail(origin, text, f"pyxx translate exited 1 without an error message:\n{r.stderr}")
            return
        if r.returncode != 0:
            self.fail(origin, text, f"pyxx translate exited {r.returncode}:\n{r.stderr[-3000:]}")
            return
        self.counts["translated"] += 1
        if not os.path.exists(first):
            self.fail(origin, text, "pyxx translate exited 0 without writing its output")
            return
        with open(first, encoding="utf-8", errors="replace") as f:
            if "rejected by the checker" in f.read():
                self.fail(origin, text, "emit met a construct the checker should have rejected")
                return
        if self.translate(pyx, second).returncode != 0 or not same_bytes(first, second):
            self.fail(origin, text, "two translations of the same file differ")
            return
        c = subprocess.run([*self.args.cxx, "-std=c++17", "-fsyntax-only", *[f"-I{d}" for d in self.args.include],
                            first], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, errors="replace")
        if c.returncode != 0:
            self.fail(origin, text, f"the translation does not compile:\n{c.stdout[-4000:]}")
            return
        self.counts["compiled"] += 1


def same_bytes(a, b):
    with open(a, "rb") as fa, open(b, "rb") as fb:
        return fa.read() == fb.read()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pyxx", required=True)
    parser.add_argument("--cxx", required=True, help="the compiler command (split on spaces)")
    parser.add_argument("-I", dest="include", action="append", default=[])
    parser.add_argument("--seconds", type=float, required=True)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", help="copy failing inputs here")
    parser.add_argument("--seeds-too", action="store_true",
                        help="also the unmutated inputs (the test suite builds those already)")
    parser.add_argument("dirs", nargs="+")
    args = parser.parse_args()
    args.cxx = args.cxx.split()
    seeds = collect_seeds(args.dirs)
    if not seeds:
        print("error: no input programs found", file=sys.stderr)
        return 1
    rng = random.Random(args.seed)
    deadline = time.monotonic() + args.seconds
    inputs = 0
    with tempfile.TemporaryDirectory(prefix="pyxx-compile-") as work:
        runner = Runner(args, work)
        stream = [(f"seed {name}", text) for name, text in seeds] if args.seeds_too else []
        generator = mutants(rng, seeds)
        while time.monotonic() < deadline:
            if inputs < len(stream):
                origin, text = stream[inputs]
            else:
                name, text = next(generator)
                origin = f"mutant #{inputs - len(stream) + 1} of {name}"
            runner.run_one(origin, text)
            inputs += 1
    c = runner.counts
    print(f"{inputs} inputs (mutants of {len(seeds)} programs, seed {args.seed}): "
          f"{c['rejected']} rejected with errors, {c['translated']} translated, {c['compiled']} compiled")
    if runner.failures:
        print(f"error: {runner.failures} inputs failed", file=sys.stderr)
        return 1
    if c["compiled"] == 0:
        print("error: no translation was compiled (is the time budget too small?)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
