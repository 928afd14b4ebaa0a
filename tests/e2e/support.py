"""Helpers shared by the end-to-end tests: command-line options, running pyxx."""
import argparse
import os
import subprocess
import sys
import unittest

OPTIONS = argparse.Namespace()


def parse_options_then_run_unittest(extra_options=()):
    """Reads --pyxx/--source-dir/... then hands the rest of argv to unittest."""
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--pyxx", required=True, help="the pyxx executable under test")
    parser.add_argument("--source-dir", required=True, help="the repository's top folder")
    for name, help_text in extra_options:
        parser.add_argument(name, help=help_text)
    options, rest = parser.parse_known_args()
    vars(OPTIONS).update(vars(options))
    unittest.main(argv=[sys.argv[0], "-v", *rest])


def run(args, cwd=None, check=False, env=None):
    """Runs a command and returns the CompletedProcess (text output)."""
    result = subprocess.run([str(a) for a in args], cwd=cwd, env=env, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if check and result.returncode != 0:
        raise AssertionError(
            f"{' '.join(map(str, args))} exited {result.returncode}\n"
            f"--- stdout ---\n{result.stdout}\n--- stderr ---\n{result.stderr}")
    return result


def pyxx_build(pyxx, source, out_dir, cwd=None):
    """`pyxx build SOURCE -o OUT_DIR` for the Python running the tests."""
    return run([pyxx, "build", source, "-o", out_dir, "--python", sys.executable],
               cwd=cwd, check=True)


def example(*parts):
    return os.path.join(OPTIONS.source_dir, "examples", *parts)


def test_file(*parts):
    """A file of the test suite (tests/...)."""
    return os.path.join(OPTIONS.source_dir, "tests", *parts)
