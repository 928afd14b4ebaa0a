"""Helpers shared by the end-to-end tests: command-line options, running pyxx."""
import argparse
import os
import subprocess
import sys
import unittest

OPTIONS = argparse.Namespace()


# A skipped test must not pass unseen: its reason is printed and, under
# tests/run.sh, appended to the file PYXX_SKIP_LOG, which run.sh prints at the
# end. ctest sets PYXX_TEST_NAME (the ctest name) for every e2e test.
SKIP_EXIT_CODE = 77  # ctest's SKIP_RETURN_CODE for the whole program


def record_skip(reason, case=None):
    """Reports a skipped test (case: the unittest id, None for the whole program)."""
    what = os.environ.get("PYXX_TEST_NAME") or os.path.basename(sys.argv[0])
    line = f"{what}{' ' + case if case else ''}: {reason}"
    print(f"skipped: {line}", file=sys.stderr)
    log = os.environ.get("PYXX_SKIP_LOG")
    if log:
        with open(log, "a", encoding="utf-8") as out:
            out.write(line + "\n")


def skip_program(reason):
    """Skips the whole test program (ctest shows it as skipped) with its reason."""
    record_skip(reason)
    sys.exit(SKIP_EXIT_CODE)


def parse_options_then_run_unittest(extra_options=()):
    """Reads --pyxx/--source-dir/... then hands the rest of argv to unittest."""
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--pyxx", required=True, help="the pyxx executable under test")
    parser.add_argument("--source-dir", required=True, help="the repository's top folder")
    for name, help_text in extra_options:
        parser.add_argument(name, help=help_text)
    options, rest = parser.parse_known_args()
    vars(OPTIONS).update(vars(options))
    program = unittest.main(argv=[sys.argv[0], "-v", *rest], exit=False)
    for test, reason in program.result.skipped:
        record_skip(reason, test.id())
    sys.exit(0 if program.result.wasSuccessful() else 1)


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


def alive(pid):
    """True while the process exists and is not a zombie."""
    try:
        with open(f"/proc/{pid}/stat", encoding="utf-8") as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False
