"""The three tools, driven the way a user drives them, each step measured.

pyxx:   `pyxx translate` (C++ source) and `pyxx build` (translate + C++ compiler).
Cython: `cython3 -3` (C source), then the C compiler with pyxx's own flags.
Numba:  nothing ahead of time; the worker measures the first-call JIT compile.
"""
import os
import shutil
import subprocess
from dataclasses import dataclass

from measure import CommandFailed, best_of, run_measured

# The flags `pyxx build` passes to the C++ compiler (transpiler/driver/build.cpp),
# minus the C++ standard: Cython's C gets the same optimisation and linking.
SHARED_FLAGS = ["-O2", "-fPIC", "-shared", "-fvisibility=hidden"]
BENCH_DIR = os.path.dirname(os.path.abspath(__file__))


@dataclass
class Toolchain:
    pyxx: str
    python: str
    cython: str
    cc: str
    include_dir: str
    ext_suffix: str

    @staticmethod
    def find(pyxx, python):
        cython = shutil.which("cython3") or shutil.which("cython")
        if cython is None:
            raise CommandFailed("cython3 not found (apt-get install cython3)")
        query = run_measured([python, "-c", "import sysconfig; print(sysconfig.get_paths()['include']); "
                                            "print(sysconfig.get_config_var('EXT_SUFFIX'))"])
        include_dir, ext_suffix = query.stdout.split()[:2]
        return Toolchain(pyxx, python, cython, os.environ.get("CC", "cc"), include_dir, ext_suffix)

    def worker(self, *args):
        return [self.python, os.path.join(BENCH_DIR, "worker.py"), *map(str, args)]


def file_stats(path):
    """Lines and bytes of a text file, or the size of a binary."""
    with open(path, "rb") as f:
        data = f.read()
    return {"lines": data.count(b"\n"), "bytes": len(data)}


@dataclass
class BuildResult:
    source_step: object   # Run of the source-to-source step (best of k)
    compile_step: object  # Run of the C/C++ compile, or None when the tool builds in one step
    total: object         # Run of the whole build (pyxx build), or None (sum the two steps)
    generated: dict
    module: dict
    module_dir: str
    module_name: str

    def total_s(self):
        return self.total.wall_s if self.total else self.source_step.wall_s + self.compile_step.wall_s

    def compile_s(self):
        if self.compile_step:
            return self.compile_step.wall_s
        return self.total.wall_s - self.source_step.wall_s


def build_with_pyxx(tc, source, out_dir, repeat):
    """pyxx translate, then pyxx build (which translates again and compiles)."""
    os.makedirs(out_dir, exist_ok=True)
    name = os.path.basename(source).rsplit(".", 1)[0]
    cpp = os.path.join(out_dir, name + ".cpp")
    translate = best_of(repeat, [tc.pyxx, "translate", source, "-o", cpp])
    # --force: every repetition compiles (an unchanged module would be skipped).
    build = best_of(repeat, [tc.pyxx, "build", "--force", "-q", source, "-o", out_dir, "--python", tc.python])
    module = os.path.join(out_dir, name + tc.ext_suffix)
    return BuildResult(translate, None, build, file_stats(cpp), file_stats(module), out_dir, name)


def build_with_cython(tc, source, out_dir, module_name, repeat):
    """Copy the pure-mode source to MODULE.py, cython3 -3 it, compile its C as pyxx compiles C++."""
    os.makedirs(out_dir, exist_ok=True)
    py_file = os.path.join(out_dir, module_name + ".py")
    shutil.copyfile(source, py_file)
    c_file = os.path.join(out_dir, module_name + ".c")
    module = os.path.join(out_dir, module_name + tc.ext_suffix)
    cythonize = best_of(repeat, [tc.cython, "-3", py_file, "-o", c_file])
    compile_c = best_of(repeat, [tc.cc, *SHARED_FLAGS, "-I" + tc.include_dir, c_file, "-o", module])
    return BuildResult(cythonize, compile_c, None, file_stats(c_file), file_stats(module), out_dir, module_name)


def versions(tc):
    """What was measured: tool versions, compiler, CPU."""
    def first_line(cmd):
        try:
            out = subprocess.run(cmd, capture_output=True, text=True, check=False)
            return (out.stdout or out.stderr).strip().splitlines()[0]
        except (OSError, IndexError):
            return "unknown"
    cpu = "unknown"
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            cpu = next(line.split(":", 1)[1].strip() for line in f if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    return {
        "pyxx": first_line([tc.pyxx, "--version"]),
        "Cython": first_line([tc.cython, "--version"]),
        "Numba": first_line([tc.python, "-c", "import numba, numpy; "
                                              "print('Numba', numba.__version__, '/ NumPy', numpy.__version__)"]),
        "Python": first_line([tc.python, "-c", "import sys; print('CPython', sys.version.split()[0])"]),
        "C compiler": first_line([tc.cc, "--version"]),
        "C++ compiler": first_line([os.environ.get("CXX", "c++"), "--version"]),
        "CPU": f"{cpu}, {os.cpu_count()} logical cores",
    }
