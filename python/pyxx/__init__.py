"""pyxx's Python helpers: building pyxx modules from Python build tools.

`pyxx.setuptools` gives setuptools an Extension class and a build_ext command
that run pyxx (docs/building.md, "setuptools"). `find_pyxx()` and `config()`
locate the pyxx executable and ask it for its compile flags.
"""
import functools
import os
import shlex
import shutil
import subprocess
import sys

__all__ = ["PyxxNotFound", "find_pyxx", "config"]


class PyxxNotFound(RuntimeError):
    """The pyxx executable cannot be found."""


def find_pyxx():
    """The pyxx executable: $PYXX, else the one installed with this package
    (<prefix>/bin/pyxx), else `pyxx` on PATH."""
    explicit = os.environ.get("PYXX")
    if explicit:
        found = shutil.which(explicit)
        if found is None:
            raise PyxxNotFound(f"PYXX={explicit} names no executable")
        return found
    try:
        from ._location import BIN_RELATIVE  # written when pyxx is installed
    except ImportError:
        BIN_RELATIVE = None
    if BIN_RELATIVE is not None:
        installed = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), BIN_RELATIVE, "pyxx"))
        if os.access(installed, os.X_OK):
            return installed
    found = shutil.which("pyxx")
    if found is None:
        raise PyxxNotFound("cannot find the pyxx executable: install pyxx (its bin/ on PATH) or set PYXX")
    return found


@functools.lru_cache(maxsize=None)
def config(what, python=sys.executable):
    """`pyxx config --WHAT --python PYTHON`, split into words (what: "cxxflags",
    "includes", "ldflags" or "ext-suffix")."""
    result = subprocess.run([find_pyxx(), "config", "--" + what, "--python", python],
                            capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"pyxx config --{what} failed: {result.stderr.strip()}")
    return tuple(shlex.split(result.stdout))
