"""Shim for `cython.cimports`: C libraries seen from plain Python, and other
modules of the project (`from cython.cimports.pkg.mod import f` is `pkg.mod`'s
`f` when the file runs as plain Python)."""
import importlib
import importlib.abc
import importlib.util
import sys

from . import cpython, libc, libcpp, numpy  # noqa: F401

_PREFIX = __name__ + "."


class _ModuleAlias(importlib.abc.Loader):
    def __init__(self, real_name):
        self.real_name = real_name

    def create_module(self, spec):
        module = importlib.import_module(self.real_name)
        self.real_spec = module.__spec__
        return module

    def exec_module(self, module):
        # The real module ran when it was imported; the import system gave it
        # the alias's spec meanwhile: it keeps its own.
        module.__spec__ = self.real_spec


class _ProjectModules(importlib.abc.MetaPathFinder):
    def find_spec(self, fullname, path, target=None):
        if not fullname.startswith(_PREFIX) or fullname[len(_PREFIX):].split(".")[0] in ("libc", "libcpp", "cpython"):
            return None
        real = fullname[len(_PREFIX):]
        if importlib.util.find_spec(real) is None:
            return None
        return importlib.util.spec_from_loader(fullname, _ModuleAlias(real), is_package=False)


sys.meta_path.append(_ProjectModules())
