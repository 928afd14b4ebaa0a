"""End to end: the article's two programs built with `pyxx build` and imported.

Checks values (against a Python reference, with 64-bit wrap-around), argument
errors at the def boundary, and that the nogil versions really release the GIL
during the call -- proven by thread interleaving, not by timing.
"""
import importlib
import os
import sys
import tempfile
import threading
import time
import unittest

import support
from support import OPTIONS

FIB_1E9_MOD_2_64 = 3311503426941990459  # fib(10**9) mod 2**64


def fibonacci_reference(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a


def to_int64(value):
    value %= 2**64
    return value - 2**64 if value >= 2**63 else value


def counter_snapshot_after_call(function, n):
    """Runs function(n) in a worker thread while the main thread counts.

    The switch interval is huge, so Python threads never preempt each other:
    the main thread can count only while the worker has released the GIL.
    The worker reads the counter right after the call returns, while it holds
    the GIL again. So the snapshot counts the rounds the main thread ran while
    the call had the GIL released: 0 when it never did, a round or two when it
    released it briefly, thousands when the whole work ran without it.
    The main loop sleeps briefly each round so that a worker waiting to take
    the GIL back gets it without waiting for the (huge) switch interval.
    """
    box = {"counter": 0, "snapshot": None, "error": None}

    def worker():
        try:
            function(n)
        except BaseException as error:  # reported by the caller
            box["error"] = error
        box["snapshot"] = box["counter"]

    old_interval = sys.getswitchinterval()
    sys.setswitchinterval(1000)
    try:
        thread = threading.Thread(target=worker)
        thread.start()
        while thread.is_alive():
            box["counter"] += 1
            time.sleep(0.0002)
        thread.join()
    finally:
        sys.setswitchinterval(old_interval)
    if box["error"] is not None:
        raise box["error"]
    return box["snapshot"]


# How often the main thread must have run during a call that released the GIL
# for all its work (fib(10**9): hundreds of milliseconds, so thousands of rounds
# of 0.2 ms). A call that released it for one short statement lets the main
# thread run a round or two: gil_control.brief_release shows that it stays
# below this.
RELEASED_ROUNDS = 25

# The control: the GIL released for one statement, the work done holding it.
GIL_CONTROL = """\
import cython


@cython.cfunc
@cython.nogil
def fibonacci(n: cython.ulong) -> cython.ulong:
    a: cython.ulong = 0
    b: cython.ulong = 1
    for _i in range(n):
        a, b = b, a + b
    return a


def brief_release(n: cython.ulong):
    x: cython.ulong = 0
    with cython.nogil:
        x = 1
    return fibonacci(n) + x
"""


def setUpModule():
    global built_dir, fib_cython, fib_numba, gil_control
    built_dir = tempfile.TemporaryDirectory(prefix="pyxx-e2e-")
    for program in ("fib_cython", "fib_numba"):
        support.pyxx_build(OPTIONS.pyxx, support.example("article", program + ".pyx"),
                           built_dir.name)
    control = os.path.join(built_dir.name, "gil_control.pyx")
    with open(control, "w", encoding="utf-8") as out:
        out.write(GIL_CONTROL)
    support.pyxx_build(OPTIONS.pyxx, control, built_dir.name)
    sys.path.insert(0, built_dir.name)
    fib_cython = importlib.import_module("fib_cython")
    fib_numba = importlib.import_module("fib_numba")
    gil_control = importlib.import_module("gil_control")


def tearDownModule():
    sys.path.remove(built_dir.name)
    built_dir.cleanup()


class ArticleCython(unittest.TestCase):
    def test_module_is_the_built_extension(self):
        self.assertTrue(fib_cython.__file__.startswith(built_dir.name))
        self.assertTrue(hasattr(fib_cython, "cython_nogil"))
        self.assertTrue(hasattr(fib_cython, "cython_gil"))
        # A @cython.cfunc is not visible from Python.
        self.assertFalse(hasattr(fib_cython, "fibonacci"))

    def test_values_match_python(self):
        for n in range(21):
            with self.subTest(n=n):
                self.assertEqual(fib_cython.cython_nogil(n), fibonacci_reference(n))
                self.assertEqual(fib_cython.cython_gil(n), fibonacci_reference(n))
        self.assertEqual(fib_cython.cython_gil(93), fibonacci_reference(93))  # largest < 2**64
        self.assertEqual(fib_cython.cython_gil(94), fibonacci_reference(94) % 2**64)

    def test_wraps_around_mod_2_64(self):
        self.assertEqual(fib_cython.cython_gil(10**9), FIB_1E9_MOD_2_64)
        self.assertEqual(fib_cython.cython_nogil(10**9), FIB_1E9_MOD_2_64)

    def test_argument_errors(self):
        for function in (fib_cython.cython_nogil, fib_cython.cython_gil):
            with self.subTest(function=function.__name__):
                self.assertRaises(OverflowError, function, -1)
                self.assertRaises(OverflowError, function, 2**64)
                self.assertRaises(TypeError, function, 2.0)
                self.assertRaises(TypeError, function, "10")
                self.assertRaises(TypeError, function, None)
                self.assertRaises(TypeError, function)
                self.assertRaises(TypeError, function, 1, 2)

    @unittest.skipIf(hasattr(sys, "_is_gil_enabled") and not sys._is_gil_enabled(),
                     "free-threaded Python has no GIL to release")
    def test_nogil_call_releases_the_gil(self):
        rounds = counter_snapshot_after_call(fib_cython.cython_nogil, 10**9)
        self.assertGreaterEqual(rounds, RELEASED_ROUNDS)

    @unittest.skipIf(hasattr(sys, "_is_gil_enabled") and not sys._is_gil_enabled(),
                     "free-threaded Python has no GIL to release")
    def test_a_release_of_one_statement_stays_below_the_bound(self):
        # The bound above means something: a call that releases the GIL for one
        # statement and does its work holding it cannot reach it.
        rounds = counter_snapshot_after_call(gil_control.brief_release, 10**9)
        self.assertLess(rounds, RELEASED_ROUNDS)

    @unittest.skipIf(hasattr(sys, "_is_gil_enabled") and not sys._is_gil_enabled(),
                     "free-threaded Python has no GIL to release")
    def test_gil_call_keeps_the_gil(self):
        self.assertEqual(counter_snapshot_after_call(fib_cython.cython_gil, 10**9), 0)


class ArticleNumba(unittest.TestCase):
    def test_values_match_python(self):
        for n in range(21):
            with self.subTest(n=n):
                self.assertEqual(fib_numba.numba_nogil(n), fibonacci_reference(n))
                self.assertEqual(fib_numba.numba_gil(n), fibonacci_reference(n))
        for n in (92, 93, 100):  # int64 wrap-around from fib(93) on
            self.assertEqual(fib_numba.numba_gil(n), to_int64(fibonacci_reference(n)))

    def test_wraps_around_as_int64(self):
        expected = to_int64(FIB_1E9_MOD_2_64)
        self.assertEqual(fib_numba.numba_gil(10**9), expected)
        self.assertEqual(fib_numba.numba_nogil(10**9), expected)

    def test_recursion_of_nogil_functions_is_safe(self):
        self.assertEqual(fib_numba.numba_recurse(2), 0)
        self.assertEqual(fib_numba.numba_recurse(1000), 0)

    def test_argument_errors(self):
        for function in (fib_numba.numba_nogil, fib_numba.numba_gil):
            with self.subTest(function=function.__name__):
                self.assertRaises(OverflowError, function, 2**63)
                self.assertRaises(OverflowError, function, -2**63 - 1)
                self.assertRaises(TypeError, function, 2.5)
                self.assertRaises(TypeError, function, "10")
                self.assertRaises(TypeError, function)
                self.assertRaises(TypeError, function, 1, 2)
        self.assertEqual(fib_numba.numba_gil(-5), -5)  # n <= 1 returns n

    @unittest.skipIf(hasattr(sys, "_is_gil_enabled") and not sys._is_gil_enabled(),
                     "free-threaded Python has no GIL to release")
    def test_nogil_call_releases_the_gil(self):
        rounds = counter_snapshot_after_call(fib_numba.numba_nogil, 10**9)
        self.assertGreaterEqual(rounds, RELEASED_ROUNDS)

    @unittest.skipIf(hasattr(sys, "_is_gil_enabled") and not sys._is_gil_enabled(),
                     "free-threaded Python has no GIL to release")
    def test_gil_call_keeps_the_gil(self):
        self.assertEqual(counter_snapshot_after_call(fib_numba.numba_gil, 10**9), 0)


if __name__ == "__main__":
    support.parse_options_then_run_unittest()
