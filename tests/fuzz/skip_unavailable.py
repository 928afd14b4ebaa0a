"""A ctest that reports a layer as skipped, with its reason, when configure
found its tools missing (clang for the fuzzers, libasan for diff-asan):
exits 77 (SKIP_RETURN_CODE) and logs the reason for tests/run.sh's summary.

Usage: skip_unavailable.py REASON
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "e2e"))
import support  # noqa: E402  (tests/e2e/support.py: record_skip, skip_program)

support.skip_program(" ".join(sys.argv[1:]))
