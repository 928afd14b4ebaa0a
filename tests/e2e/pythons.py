"""The CPython 3.9-3.13 interpreters installed here (pyenv's, the system's),
for the tests that build one module for several of them."""
import glob
import os
import re
import shutil
import subprocess
import sys

MINORS = range(9, 14)


def version_of(python):
    """(major, minor, has Python.h) of an interpreter, or None."""
    try:
        answer = subprocess.run(
            [python, "-c", "import os, sys, sysconfig; print(*sys.version_info[:2], "
             "os.path.exists(os.path.join(sysconfig.get_paths()['include'], 'Python.h')))"],
            capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return None
    words = answer.stdout.split()
    if answer.returncode != 0 or len(words) != 3:
        return None
    return int(words[0]), int(words[1]), words[2] == "True"


def find_pythons():
    """{minor: (interpreter, has headers)} for the CPython 3.9-3.13 found here."""
    found = {}
    candidates = []
    for minor in MINORS:
        pyenv = sorted(glob.glob(os.path.expanduser(f"~/.pyenv/versions/3.{minor}.*/bin/python3.{minor}")),
                       key=lambda p: [int(n) for n in re.findall(r"\d+", p.split("/versions/")[1].split("/")[0])])
        candidates += pyenv[::-1]
        candidates += [f"/usr/bin/python3.{minor}", shutil.which(f"python3.{minor}")]
    candidates += [sys.executable, "/usr/bin/python3"]
    for python in candidates:
        if not python or not os.path.exists(python):
            continue
        answer = version_of(python)
        if answer is None or answer[0] != 3 or answer[1] not in MINORS:
            continue
        minor, headers = answer[1], answer[2]
        if minor not in found or (headers and not found[minor][1]):
            found[minor] = (python, headers)
    return found
