"""Run a command as a child process and measure it.

Wall time comes from a monotonic clock around the child; CPU time is the
user + system time of the child and every descendant it waited for (stable
under load, where wall time is not); peak memory is the
child's `ru_maxrss` from wait4(2), which covers the child and every descendant
it waited for (for a compiler driver that is its largest stage, e.g. cc1plus).
"""
import os
import re
import subprocess
import tempfile
import time
from dataclasses import dataclass


class CommandFailed(Exception):
    """A measured command exited with a non-zero status."""


@dataclass
class Run:
    wall_s: float
    cpu_s: float
    max_rss_kib: int
    returncode: int
    stdout: str
    stderr: str


def run_measured(cmd, *, env=None, cwd=None, check=True):
    """Run cmd (a list) to completion; return a Run. Raises CommandFailed when check and it fails."""
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        start = time.perf_counter()
        try:
            proc = subprocess.Popen(cmd, stdout=out, stderr=err, env=env, cwd=cwd, text=True)
        except OSError as e:
            raise CommandFailed(f"cannot run {cmd[0]}: {e}") from e
        # wait4 instead of Popen.wait: only wait4 hands back this child's rusage.
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        run = Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss, proc.returncode, out.read(), err.read())
    if check and run.returncode != 0:
        shown = " ".join(str(c) for c in cmd)
        raise CommandFailed(f"`{shown}` exited {run.returncode}:\n{(run.stderr or run.stdout).strip()}")
    return run


def best_of(repeat, cmd, **kwargs):
    """Run cmd `repeat` times; the fastest wall time, the least CPU time, and the largest peak RSS
    seen (memory is nearly deterministic, time is not: the minimum is the least disturbed run)."""
    runs = [run_measured(cmd, **kwargs) for _ in range(repeat)]
    fastest = min(runs, key=lambda r: r.wall_s)
    return Run(fastest.wall_s, min(r.cpu_s for r in runs), max(r.max_rss_kib for r in runs), fastest.returncode,
               fastest.stdout, fastest.stderr)


_COLLECTED = re.compile(r"^==\d+== Collected : (\d+)$", re.MULTILINE)


def callgrind_instructions(cmd, *, env=None):
    """Instructions executed by cmd (all of it: interpreter start-up included), counted by
    valgrind's callgrind. Nearly deterministic for the same binary, input and environment."""
    run = run_measured(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *cmd], env=env)
    match = _COLLECTED.search(run.stderr)
    if not match:
        raise CommandFailed("callgrind printed no instruction count:\n" + run.stderr[-2000:])
    return int(match.group(1))
