"""Every example of a language-guide page builds, or gives the diagnostics it shows.

Rules for a page (docs/language.md, docs/language/*.md; docs/language/README.md
says them to writers):

* Every fence carries a language: `python`, `pycon`, or one of KNOWN_FENCES.
  Only `python` and `pycon` fences are run; the closed list keeps Python code
  from hiding in an unchecked fence.
* A `python` fence is a whole module. Its first line may name it (`# fib.py`);
  otherwise it is `example_<page>_<n>`.
  - With `# expected-error` / `# expected-warning` comments it is checked with
    `pyxx check --verify` (exactly the diagnostics shown). A module with only
    expected warnings is also built.
  - Otherwise `pyxx build` must succeed without printing anything.
* A `text` fence whose first line names a `.pxd` (`# pantry.pxd`) is that
  file, which the page's later modules can cimport (it is on their `-I`); a
  later module of the same name (`# pantry.py`) is built with it beside it,
  as its augmenting `.pxd`.
* A `pycon` fence is a doctest session against the modules of the page built so
  far. It runs compiled and, unless the fence says `pycon compiled`, also with
  the same `.py` files run as plain Python (the `cython` shim of tests/shim),
  so the guide shows where compiled and plain Python agree.
* Relative links resolve to files of the repository; no link leaves it.
* docs/language.md links every page under docs/language/.
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile

KNOWN_FENCES = {"python", "pycon", "text", "console", "sh", "cmake", "cpp", "json", "toml", "make", "ini"}
FENCE = re.compile(r"^(`{3,}|~{3,})(.*)$")
LINK = re.compile(r"\]\(([^)\s]+)\)")
MODULE_NAME_LINE = re.compile(r"^#\s*([A-Za-z_][A-Za-z0-9_]*)\.py\s*$")
PXD_NAME_LINE = re.compile(r"^#\s*([A-Za-z_][A-Za-z0-9_]*)\.pxd\s*$")


class Fence:
    def __init__(self, info, line, text):
        words = info.split()
        self.language = words[0] if words else ""
        self.options = words[1:]
        self.line = line  # 1-based line of the opening fence
        self.text = text


def read_fences(path):
    fences, problems = [], []
    with open(path, encoding="utf-8") as page:
        lines = page.read().split("\n")
    i = 0
    while i < len(lines):
        match = FENCE.match(lines[i].strip())
        if not match:
            i += 1
            continue
        marker, info = match.group(1), match.group(2).strip()
        start = i
        body = []
        i += 1
        while i < len(lines) and not lines[i].strip().startswith(marker):
            body.append(lines[i])
            i += 1
        if i == len(lines):
            problems.append(f"{path}:{start + 1}: fence is never closed")
        fences.append(Fence(info, start + 1, "\n".join(body) + "\n"))
        i += 1
    return fences, problems


def link_problems(path, source_dir):
    problems = []
    with open(path, encoding="utf-8") as page:
        text = page.read()
    # Links inside code fences are code, not links.
    text = re.sub(r"(?ms)^\s*(`{3,}|~{3,}).*?^\s*\1\s*$", "", text)
    for target in LINK.findall(text):
        if re.match(r"^[a-z][a-z0-9+.-]*:", target):
            problems.append(f"{path}: link `{target}` leaves the repository")
            continue
        file_part = target.split("#", 1)[0]
        if not file_part:
            continue
        resolved = os.path.normpath(os.path.join(os.path.dirname(path), file_part))
        if not resolved.startswith(os.path.normpath(source_dir) + os.sep) or not os.path.exists(resolved):
            problems.append(f"{path}: link `{target}` does not name a file of the repository")
    return problems


def run(args, **kwargs):
    return subprocess.run([str(a) for a in args], text=True, stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, timeout=600, **kwargs)


def describe(result):
    return f"exit {result.returncode}\n--- stdout ---\n{result.stdout}--- stderr ---\n{result.stderr}"


SESSION_RUNNER = r"""
import doctest, sys
session_file, name = sys.argv[1], sys.argv[2]
sys.path[:0] = sys.argv[3:]
text = open(session_file, encoding="utf-8").read()
test = doctest.DocTestParser().get_doctest(text, {}, name, name, 0)
runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
runner.run(test, out=sys.stdout.write)
sys.exit(1 if runner.failures else 0)
"""


def run_session(session, label, paths, work):
    """Runs a pycon session in a fresh interpreter with PATHS first on sys.path."""
    session_file = os.path.join(work, f"session_{session.line}.txt")
    with open(session_file, "w", encoding="utf-8") as out:
        out.write(session.text)
    result = run([sys.executable, "-c", SESSION_RUNNER, session_file, label, *paths],
                 env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"})
    if result.returncode != 0:
        return [f"{label}: the session does not give the output shown ({describe(result)})"]
    return []


def check_page(path, options, work):
    fences, problems = read_fences(path)
    problems += link_problems(path, options.source_dir)
    page = os.path.splitext(os.path.basename(path))[0]
    compiled_dirs, source_dirs, names = [], [], set()
    examples = 0
    for fence in fences:
        where = f"{path}:{fence.line}"
        if fence.language not in KNOWN_FENCES:
            problems.append(f"{where}: fence language `{fence.language}` is not one of {sorted(KNOWN_FENCES)}")
            continue
        if fence.language == "text" and PXD_NAME_LINE.match(fence.text.split("\n", 1)[0]):
            pxd_dir = os.path.join(work, "pxd")
            os.makedirs(pxd_dir, exist_ok=True)
            pxd_name = PXD_NAME_LINE.match(fence.text.split("\n", 1)[0]).group(1)
            with open(os.path.join(pxd_dir, pxd_name + ".pxd"), "w", encoding="utf-8") as out:
                out.write(fence.text)
            continue
        if fence.language == "python":
            examples += 1
            first = fence.text.split("\n", 1)[0]
            named = MODULE_NAME_LINE.match(first)
            name = named.group(1) if named else f"example_{re.sub(r'[^A-Za-z0-9_]', '_', page)}_{examples}"
            if name in names:
                problems.append(f"{where}: a second module named `{name}` on this page")
                continue
            names.add(name)
            problems += check_module(fence, name, where, options, work, compiled_dirs, source_dirs)
        elif fence.language == "pycon":
            if not compiled_dirs:
                problems.append(f"{where}: a session before any example module")
                continue
            problems += run_session(fence, f"{where} (compiled)", compiled_dirs[::-1], work)
            if "compiled" not in fence.options:
                shim = os.path.join(options.source_dir, "tests", "shim")
                problems += run_session(fence, f"{where} (plain Python)", [*source_dirs[::-1], shim], work)
    return problems, examples


def check_module(fence, name, where, options, work, compiled_dirs, source_dirs):
    source_dir = os.path.join(work, f"src_{name}")
    out_dir = os.path.join(work, f"build_{name}")
    os.makedirs(source_dir)
    os.makedirs(out_dir)
    source = os.path.join(source_dir, f"{name}.py")
    with open(source, "w", encoding="utf-8") as out:
        out.write(fence.text)
    # A .pxd of the page named like the module is its augmenting .pxd: beside it.
    pxd = os.path.join(work, "pxd", f"{name}.pxd")
    if os.path.exists(pxd):
        shutil.copy(pxd, os.path.join(source_dir, f"{name}.pxd"))
    expects_errors = "expected-error" in fence.text
    expects_warnings = "expected-warning" in fence.text
    # The page's modules built so far: their declarations files, for cimports.
    includes = [arg for d in compiled_dirs for arg in ("-I", d)]
    if os.path.isdir(os.path.join(work, "pxd")):  # the page's .pxd files so far
        includes += ["-I", os.path.join(work, "pxd")]
    if expects_errors or expects_warnings:
        result = run([options.pyxx, "check", "--verify", *includes, source])
        if result.returncode != 0:
            return [f"{where}: `pyxx check --verify` disagrees with the diagnostics shown ({describe(result)})"]
        if expects_errors:
            return []
    # -q: no progress line, so that anything printed is a diagnostic.
    result = run([options.pyxx, "build", "-q", source, "-o", out_dir, "--python", sys.executable, *includes])
    if result.returncode != 0:
        return [f"{where}: `pyxx build` fails ({describe(result)})"]
    if (result.stdout + result.stderr).strip() and not expects_warnings:
        return [f"{where}: `pyxx build` prints diagnostics the page does not show ({describe(result)})"]
    compiled_dirs.append(out_dir)
    source_dirs.append(source_dir)
    return []


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--pyxx", required=True)
    parser.add_argument("--source-dir", required=True)
    parser.add_argument("pages", nargs="+")
    options = parser.parse_args()
    problems, total = [], 0
    for page in options.pages:
        page = os.path.abspath(page)
        with tempfile.TemporaryDirectory(prefix="pyxx-guide-") as work:
            page_problems, examples = check_page(page, options, work)
        problems += page_problems
        total += examples
        print(f"{os.path.relpath(page, options.source_dir)}: {examples} examples, "
              f"{len(page_problems)} problem(s)")
        if os.path.basename(page) == "language.md":
            problems += orphan_pages(page)
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


def orphan_pages(index):
    """Pages under docs/language/ that docs/language.md does not link."""
    with open(index, encoding="utf-8") as page:
        linked = {os.path.normpath(os.path.join(os.path.dirname(index), t.split("#")[0]))
                  for t in LINK.findall(page.read())}
    folder = os.path.join(os.path.dirname(index), "language")
    problems = []
    for name in sorted(os.listdir(folder)) if os.path.isdir(folder) else []:
        path = os.path.normpath(os.path.join(folder, name))
        if name.endswith(".md") and name != "README.md" and path not in linked:
            problems.append(f"{index}: does not link the guide page language/{name}")
    return problems


if __name__ == "__main__":
    sys.exit(main())
