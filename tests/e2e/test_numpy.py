"""Typed memoryviews over NumPy arrays: dtype, ndim, contiguity and
read-only checks at the boundary, writes through the view.

NumPy is not a dependency of pyxx; the test uses the first Python that has it
(the configured one, else /usr/bin/python3 with Debian's python3-numpy) and is
skipped (exit code 77) when none does.
"""
import os
import subprocess
import sys
import tempfile

import support

PROGRAM = '''
import cython


@cython.cfunc
@cython.nogil
def total(v: cython.double[:]) -> cython.double:
    s: cython.double = 0.0
    for i in range(v.shape[0]):
        s += v[i]
    return s


def summed(v: cython.double[:]) -> cython.double:
    with cython.nogil:
        s = total(v)
    return s + v[-1]


def scale(m: cython.float[:, ::1], factor: cython.float) -> cython.void:
    for i in range(m.shape[0]):
        for j in range(m.shape[1]):
            m[i, j] *= factor
'''

DRIVER = '''
import numpy as np
import views

print(views.summed(np.arange(6, dtype=np.float64)))
m = np.ones((2, 3), dtype=np.float32)
views.scale(m, 3.0)
print(m.tolist())
for bad in (np.arange(3), np.ones((3, 2), dtype=np.float32).T, np.ones(3)):
    try:
        if bad.ndim == 1 and bad.dtype == np.float64:
            views.scale(bad, 1.0)
        elif bad.ndim == 1:
            views.summed(bad)
        else:
            views.scale(bad, 1.0)
    except ValueError as e:
        print("ValueError", e)
frozen = np.ones(4)
frozen.flags.writeable = False
print(views.summed(frozen))
frozen2 = np.ones((1, 1), dtype=np.float32)
frozen2.flags.writeable = False
try:
    views.scale(frozen2, 2.0)
except ValueError as e:
    print("ValueError", e)
'''

EXPECTED = [
    "20.0",
    "[[3.0, 3.0, 3.0], [3.0, 3.0, 3.0]]",
    "ValueError Buffer dtype mismatch, expected 'double' but got 'long'",
    "ValueError ndarray is not C-contiguous",
    "ValueError Buffer has wrong number of dimensions (expected 2, got 1)",
    "5.0",
    "ValueError buffer source array is read-only",
]


def python_with_numpy():
    for python in (sys.executable, "/usr/bin/python3"):
        if os.path.exists(python) and subprocess.run(
                [python, "-c", "import numpy"], capture_output=True).returncode == 0:
            return python
    return None


def main():
    pyxx = sys.argv[sys.argv.index("--pyxx") + 1]
    python = python_with_numpy()
    if python is None:
        support.skip_program("NumPy is not installed for any Python here")
    with tempfile.TemporaryDirectory() as work:
        with open(os.path.join(work, "views.pyx"), "w") as f:
            f.write(PROGRAM)
        build = subprocess.run([pyxx, "build", "views.pyx", "-o", ".", "--python", python], cwd=work,
                               capture_output=True, text=True)
        if build.returncode != 0:
            print(build.stdout + build.stderr)
            return 1
        run = subprocess.run([python, "-c", DRIVER], cwd=work, capture_output=True, text=True)
        lines = run.stdout.splitlines()
        if run.returncode != 0 or lines != EXPECTED:
            print("expected:", *EXPECTED, sep="\n  ")
            print("got:", *lines, run.stderr, sep="\n  ")
            return 1
    print(f"NumPy memoryview checks passed with {python}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
