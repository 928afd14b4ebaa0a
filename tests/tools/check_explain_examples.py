#!/usr/bin/env python3
"""Every `pyxx explain` page's examples, checked against the compiler.

For each page PXnnn.md: its erroneous example must be reported with PXnnn and
no other code (one diagnostic per cause), and its fixed example must check
clean. A page whose examples drift from what the compiler does misleads the
user who reads it after the error.

A page may also show declarations files (```pyxd blocks whose first line is
`# NAME.pyxd`): they are written beside the examples, as a cimport needs them.
An example may be preceded, in its own section, by the augmenting .pxd of the
module (a ```pxd block whose first line is `# example.pxd`), written beside it.

Two examples cannot be written literally in a page: PX001's file holds a
Latin-1 byte where the page shows an escape, and PX007's nesting is
abbreviated; both are made into the files the pages describe.
"""
import argparse
import json
import pathlib
import re
import subprocess
import sys
import tempfile

EXAMPLE = re.compile(r"```python\n(.*?)```", re.S)
DECLARATIONS = re.compile(r"```pyxd\n# ([A-Za-z_][A-Za-z0-9_]*\.pyxd)\n(.*?)```", re.S)
AUGMENTING = re.compile(r"```pxd\n# example\.pxd\n(.*?)```", re.S)
TOO_DEEP = 2000  # brackets: over PX007's nesting limit
# A page whose code needs an option of `pyxx check` says so (PX306: --limited-api).
CHECK_OPTIONS = re.compile(r"<!-- pyxx check options: (.*?) -->")


def example(page_text, heading):
    start = page_text.find(heading)
    if start < 0:
        return None
    found = EXAMPLE.search(page_text, start)
    return found.group(1) if found else None


def augmenting_pxd(page_text, heading):
    """The ```pxd block of the example's own section (before its ```python block), or None."""
    start = page_text.find(heading)
    end = page_text.find("\n## ", start + len(heading))
    section = page_text[start:end if end >= 0 else len(page_text)]
    found = AUGMENTING.search(section)
    return found.group(1) if found else None


def as_file_bytes(code, text, erroneous):
    data = text.encode("utf-8")
    if code == "PX001" and erroneous:
        return text.replace("\\xe9", "\xe9").encode("latin-1")
    if code == "PX007" and erroneous:
        deep = "(" * TOO_DEEP + "x" + " + 1.0)" * TOO_DEEP
        return re.sub(r"return \(+.*", "return " + deep, text).encode("utf-8")
    return data


def codes_reported(pyxx, source_bytes, workdir, page_text, pxd=None):
    for name, body in DECLARATIONS.findall(page_text):
        (pathlib.Path(workdir) / name).write_text(body, encoding="utf-8")
    if pxd is not None:
        (pathlib.Path(workdir) / "example.pxd").write_text(pxd, encoding="utf-8")
    path = pathlib.Path(workdir) / "example.py"
    path.write_bytes(source_bytes)
    options = CHECK_OPTIONS.search(page_text)
    extra = options.group(1).split() if options else []
    run = subprocess.run([pyxx, "check", *extra, "--diagnostics-format", "json", str(path)],
                         capture_output=True, text=True, timeout=120)
    if run.returncode not in (0, 1):
        return None, f"pyxx check exited with {run.returncode}: {run.stderr.strip()[:300]}"
    try:  # one JSON object per diagnostic, one per line
        diagnostics = [json.loads(line) for line in run.stdout.splitlines() if line.strip()]
    except json.JSONDecodeError:
        return None, f"output is not JSON lines: {run.stdout[:300]}"
    return [d.get("code") for d in diagnostics if d.get("code")], None


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--pyxx", required=True)
    parser.add_argument("explain_dir")
    args = parser.parse_args()
    problems = []
    pages = sorted(pathlib.Path(args.explain_dir).glob("PX*.md"))
    if not pages:
        problems.append(f"no explanation pages in {args.explain_dir}")
    for page in pages:
        code = page.stem
        text = page.read_text(encoding="utf-8")
        for heading, erroneous in (("## Erroneous example", True), ("## Fixed example", False)):
            source = example(text, heading)
            if source is None:
                problems.append(f"{code}: no ```python block under `{heading}`")
                continue
            with tempfile.TemporaryDirectory() as workdir:
                codes, error = codes_reported(args.pyxx, as_file_bytes(code, source, erroneous), workdir, text,
                                              augmenting_pxd(text, heading))
            if error:
                problems.append(f"{code} {heading[3:]}: {error}")
            elif erroneous and set(codes) != {code}:
                problems.append(f"{code}: the erroneous example reports {codes or 'nothing'}, expected only {code}")
            elif not erroneous and codes:
                problems.append(f"{code}: the fixed example still reports {codes}")
    for p in problems:
        print(p)
    print(f"{len(pages)} pages, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
