"""setuptools support for pyxx modules (docs/building.md, "setuptools").

    from setuptools import setup
    from pyxx.setuptools import PyxxExtension, build_ext

    setup(
        ext_modules=[PyxxExtension("pkg.fast", ["src/pkg/fast.py"])],
        cmdclass={"build_ext": build_ext},
    )

`build_ext` translates every PyxxExtension with `pyxx translate` into its
build directory before anything is compiled (a module that cimports another
of the project finds its declarations file there, whatever the order), then
lets setuptools compile the C++ with the flags `pyxx config --cxxflags` gives
(C++17, no FMA contraction, hidden visibility, -O2; the extension's own
extra_compile_args come after and win). It subclasses the build_ext setuptools
would use, Cython's included, so other extensions build as before; pyxx's
sources never reach Cython's .pyx handling.
"""
import os
import subprocess
import sys

from setuptools import Extension
from setuptools.command.build_ext import build_ext as _build_ext

from . import config, find_pyxx

__all__ = ["PyxxExtension", "build_ext"]

SOURCE_SUFFIXES = (".py", ".pyx")


class PyxxExtension(Extension):
    """An extension module made by pyxx from one source file (.py or .pyx).

    name: the module's full dotted name ("pkg.fast"); sources: [that file];
    pyxd_dirs: more directories holding declarations files (.pyxd) of modules
    it cimports that are not built by this project. py_limited_api=True builds
    an abi3 module (NAME.abi3.so) for the limited API of `limited_api` ("3.9",
    the default, ... "3.13": the oldest Python it must import into; giving
    limited_api implies py_limited_api). pyxx refuses, naming them, the
    constructs the limited API cannot compile (PX306). Other keywords go to
    setuptools.Extension (define_macros, extra_compile_args, ...).
    """

    def __init__(self, name, sources, *, pyxd_dirs=(), limited_api=None, **kwargs):
        sources = [os.fspath(s) for s in sources]
        if len(sources) != 1 or not sources[0].endswith(SOURCE_SUFFIXES):
            raise ValueError(f"PyxxExtension({name!r}): sources must be one .py or .pyx file, got {sources}")
        if limited_api is not None:
            kwargs.setdefault("py_limited_api", True)
        if kwargs.get("py_limited_api") and limited_api is None:
            limited_api = "3.9"
        if limited_api is not None and not kwargs.get("py_limited_api"):
            raise ValueError(f"PyxxExtension({name!r}): limited_api={limited_api!r} with py_limited_api=False")
        kwargs.setdefault("language", "c++")
        super().__init__(name, sources, **kwargs)
        self.pyxx_source = sources[0]
        self.pyxx_pyxd_dirs = [os.fspath(d) for d in pyxd_dirs]
        # The generated C++ defines Py_LIMITED_API itself; setuptools names the module .abi3.so.
        self.pyxx_limited_api = limited_api

    def _convert_pyx_sources_to_lang(self):
        """setuptools renames .pyx sources to .c when Cython is absent; pyxx
        translates them itself."""


class build_ext(_build_ext):
    """setuptools' build_ext that runs pyxx for PyxxExtension modules first."""

    def run(self):
        extensions = [e for e in self.extensions if isinstance(e, PyxxExtension)]
        for ext in extensions:
            self._check_limited_api(ext)
        self._translate_all(extensions)
        super().run()

    @staticmethod
    def _check_limited_api(ext):
        """The Python building an abi3 module must be as new as its limited API
        (its headers must know it), as `pyxx build` requires."""
        version = ext.pyxx_limited_api
        if version is None:
            return
        wanted = tuple(int(part) for part in version.split(".")) if version.replace(".", "").isdigit() else None
        if wanted is not None and sys.version_info[:2] < wanted:
            raise SystemExit(f"error: {ext.name}: limited_api={version!r} needs the headers of Python {version} "
                             f"or newer; this is Python {sys.version_info[0]}.{sys.version_info[1]}")

    def _generated_root(self):
        return os.path.join(self.build_temp, "pyxx")

    def _translate(self, ext, quiet):
        """Writes ROOT/pkg/mod.cpp (and mod.pyxd beside it); the process result."""
        parts = ext.name.split(".")
        cpp = os.path.join(self._generated_root(), *parts[:-1], parts[-1] + ".cpp")
        os.makedirs(os.path.dirname(cpp), exist_ok=True)
        command = [find_pyxx(), "translate", ext.pyxx_source, "-o", cpp, "--module-name", ext.name,
                   "-I", self._generated_root()]
        # Paths in the module relative to the project: the wheel does not
        # depend on where the project was unpacked.
        root = os.path.abspath(self.distribution.src_root or os.curdir)
        if os.path.abspath(ext.pyxx_source).startswith(os.path.join(root, "")):
            command += ["--source-root", root]
        for directory in ext.pyxx_pyxd_dirs:
            command += ["-I", directory]
        if ext.pyxx_limited_api is not None:
            command += ["--limited-api", ext.pyxx_limited_api]
        result = subprocess.run(command, capture_output=True, text=True)
        if result.returncode == 0 or not quiet:
            sys.stderr.write(result.stderr)  # warnings, or the errors that stop the build
        return cpp, result

    def _translate_all(self, extensions):
        # A module may cimport one translated later in the list: what fails is
        # tried again while another succeeds, and reported when none does.
        pending = list(extensions)
        while pending:
            failed = []
            for ext in pending:
                if not self.force and getattr(ext, "_pyxx_translated", False):
                    continue
                self.announce(f"pyxx: translating {ext.pyxx_source} ({ext.name})", level=2)
                cpp, result = self._translate(ext, quiet=True)
                if result.returncode == 0:
                    self._use_translation(ext, cpp)
                else:
                    failed.append(ext)
            if len(failed) == len(pending):
                for ext in failed:
                    self._translate(ext, quiet=False)
                names = ", ".join(e.pyxx_source for e in failed)
                raise SystemExit(f"error: pyxx could not translate {names} (diagnostics above)")
            pending = failed

    def _use_translation(self, ext, cpp):
        # The C++ is rewritten only when it changes: setuptools then compiles
        # only what an edit changed (a comment in the source compiles nothing).
        ext.sources = [cpp]
        ext.extra_compile_args = [*config("cxxflags", sys.executable), *ext.extra_compile_args]
        ext._pyxx_translated = True
