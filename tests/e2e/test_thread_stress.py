"""Thread stress: many threads call functions that release the GIL at once.

tests/e2e/thread_stress.pyx is built once. A fixed list of calls -- plain values,
raising paths (an exception raised in released code takes the GIL back only to
set it), memoryview reads of shared arrays and writes into per-thread arrays,
out-of-range indices -- is run single-threaded first; its results (values, or
exception type and message) are the reference. The same calls, shuffled, then run
on many threads with a tiny switch interval, several times over: every result must
equal the reference, and the arrays the calls wrote must hold what the
single-threaded run wrote. Last, a bytearray that a released function is reading
cannot be resized while it holds the buffer (BufferError), and can be once the
call returns.
"""
import array
import random
import sys
import tempfile
import threading
import time
import unittest

import support
from support import OPTIONS

THREADS = 8
CALLS = 1200
ROUNDS = 3


def setUpModule():
    global built_dir, stress
    built_dir = tempfile.TemporaryDirectory(prefix="pyxx-threads-")
    support.pyxx_build(OPTIONS.pyxx, support.test_file("e2e", "thread_stress.pyx"),
                       built_dir.name)
    sys.path.insert(0, built_dir.name)
    import thread_stress
    stress = thread_stress


def tearDownModule():
    sys.path.remove(built_dir.name)
    built_dir.cleanup()


def outcome(function, *args):
    try:
        return ("value", function(*args))
    except Exception as error:  # the exception is the result being compared
        return ("raised", type(error).__name__, str(error))


class Calls:
    """The call list, with the arrays it reads and writes."""

    def __init__(self, seed):
        rng = random.Random(seed)
        self.shared = [array.array("d", [rng.uniform(-1, 1) for _ in range(n)])
                       for n in (0, 1, 7, 1000, 4096)]
        self.longs = array.array("l", range(-50, 50))
        self.outputs = []
        self.calls = []
        for index in range(CALLS):
            kind = rng.randrange(5)
            if kind == 0:
                self.calls.append((stress.mix, rng.getrandbits(64), rng.randrange(2000)))
            elif kind == 1:
                divisor = rng.choice([-3, -1, 0, 1, 2, 7, 1000])
                self.calls.append((stress.ratio, rng.randrange(-10**6, 10**6), divisor))
            elif kind == 2:
                self.calls.append((stress.weighted_sum, rng.choice(self.shared),
                                   rng.uniform(-2, 2)))
            elif kind == 3:
                source = rng.choice(self.shared)
                target = array.array("d", bytes(8 * len(source)))
                self.outputs.append(target)
                self.calls.append((stress.scale_into, source, target, rng.uniform(-2, 2)))
            else:
                self.calls.append((stress.element, self.longs, rng.randrange(-120, 120)))

    def reset_outputs(self):
        for target in self.outputs:
            for i in range(len(target)):
                target[i] = 0.0


def run_threaded(calls, order):
    """Runs calls[i] for i in `order`, spread over THREADS threads."""
    results = [None] * len(calls)
    start = threading.Barrier(THREADS)

    def worker(indices):
        start.wait()
        for i in indices:
            function, *args = calls[i]
            results[i] = outcome(function, *args)

    threads = [threading.Thread(target=worker, args=(order[k::THREADS],))
               for k in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


class ThreadStress(unittest.TestCase):
    def setUp(self):
        self.old_interval = sys.getswitchinterval()
        sys.setswitchinterval(1e-6)  # switch threads as often as CPython will

    def tearDown(self):
        sys.setswitchinterval(self.old_interval)

    def test_threaded_results_equal_single_threaded(self):
        calls = Calls(seed=2026)
        reference = [outcome(function, *args) for function, *args in calls.calls]
        written = [target.tolist() for target in calls.outputs]
        kinds = {result[0] for result in reference}
        self.assertEqual(kinds, {"value", "raised"}, "the list must exercise both paths")
        rng = random.Random(7)
        for round_number in range(ROUNDS):
            calls.reset_outputs()
            order = list(range(len(calls.calls)))
            rng.shuffle(order)
            results = run_threaded(calls.calls, order)
            for i, (got, expected) in enumerate(zip(results, reference)):
                if got != expected:
                    self.fail(f"round {round_number}, call {i} "
                              f"({calls.calls[i][0].__name__}): {got!r} != {expected!r}")
            self.assertEqual([target.tolist() for target in calls.outputs], written)

    def test_buffer_cannot_be_resized_while_released_code_reads_it(self):
        data = bytearray(range(256)) * 4096  # 1 MiB
        rounds = 400
        box = {}

        def reader():
            box["total"] = stress.hold_and_sum(data, rounds)

        # The main thread keeps trying to grow the bytearray: before the reader
        # takes the buffer and after it lets go, that works; in between, it must not.
        events = []
        sizes = []
        thread = threading.Thread(target=reader)
        thread.start()
        while thread.is_alive():
            size = len(data)
            try:
                data.extend(b"x")
            except BufferError:
                events.append("R")
            else:
                events.append("S")
                sizes.append(size)
            time.sleep(0.0005)
        thread.join()
        pattern = "".join(events)
        self.assertRegex(pattern, r"^S*R+S*$",
                         "the buffer must be held for one unbroken stretch")
        grown_before = len(pattern) - len(pattern.lstrip("S"))
        held = bytes(range(256)) * 4096 + b"x" * grown_before
        self.assertEqual(box["total"], sum(held) * rounds)
        data.extend(b"x")  # released once the call has returned
        self.assertEqual(len(data), len(held) + pattern.count("S") - grown_before + 1)

if __name__ == "__main__":
    support.parse_options_then_run_unittest()
