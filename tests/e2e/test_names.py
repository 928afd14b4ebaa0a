"""End to end: names pyxx invents never meet names the user wrote.

Generates a few modules that use a list of awkward names (C++ keywords and
alternative tokens, macros of Python.h, libc and the runtime, names the
generated code uses, functions of the runtime, escapes of pyxx's own mangling,
Unicode names) in every role: C and object locals and parameters of def, cfunc,
ccall, nogil and Numba functions, inside `with nogil` / `with gil` / `raise`,
loop variables, function names and module globals. Each module is built,
imported and compared with the same file run as plain Python
(tests/tools/run_diff_test.py). The names are batched into a few modules, since
each build costs about a second of the C++ compiler.
"""
import glob
import keyword
import os
import re
import shutil
import subprocess
import sys
import sysconfig
import tempfile
import unicodedata
import unittest

import support
from support import OPTIONS

CXX_KEYWORDS = """
alignas alignof and_eq asm auto bitand bitor bool case catch char char8_t char16_t
char32_t compl concept const consteval constexpr constinit const_cast co_await
co_return co_yield decltype default delete do double dynamic_cast enum explicit export
extern final float friend goto inline int long module mutable namespace new noexcept
not_eq nullptr operator or_eq override private protected public register
reinterpret_cast requires short signed sizeof static static_assert static_cast struct
switch template this thread_local throw true false typedef typeid typename union
unsigned using virtual void volatile wchar_t xor xor_eq
""".split()

MACROS = """
INT_MAX INT_MIN LONG_MAX HUGE_VAL PY_SSIZE_T_MAX PY_SSIZE_T_MIN NULL EOF BUFSIZ
CHAR_BIT EXIT_SUCCESS EXIT_FAILURE M_PI NAN INFINITY RAND_MAX SEEK_SET DBL_MAX
SIZE_MAX UINT64_MAX EINVAL ENOENT SIGINT Py_None Py_True Py_False Py_RETURN_NONE
Py_INCREF Py_DECREF Py_XDECREF PyObject PyObject_HEAD PyMODINIT_FUNC METH_FASTCALL
METH_KEYWORDS Py_ssize_t Py_hash_t Py_LIMITED_API PY_VERSION_HEX Py_GIL_DISABLED
PyInit_names PyInitU_x PyModuleDef_HEAD_INIT I DOMAIN OVERFLOW errno assert offsetof
stdin stdout stderr isnan isinf isfinite signbit fpclassify va_arg va_start va_end
setjmp longjmp alloca major minor makedev st_atime st_mtime linux unix i386 getc
putc sa_handler si_pid complex noreturn __LINE__ __FILE__ __cplusplus __GNUC__
__STDC__ __x86_64__ _GNU_SOURCE _POSIX_C_SOURCE _Bool _Complex __attribute__
""".split()

INVENTED = """
args nargs kwnames names argv gil nogil result module_globals kSourceFile
module_methods module_exec self std main size_t pyxx pyxx_line pyxx_gil pyxx_nogil
pyxx_result pyxx_args pyxx_nargs pyxx_kwnames pyxx_names pyxx_argv pyxx_param0
pyxx_param1 pyxx_module_globals pyxx_source_file pyxx_methods pyxx_exec pyxx_module
pyxx_wrap_f pyxx_u_x pyxx_u_true pyxx_u_Q_ pyxx_arg0 pyxx_value0 pyxx_t0 pyxx_iter0
pyxx_item0 pyxx_l pyxx_r pyxx_res pyxx_v pyxx_m pyxx_c0 pyxx_finally
pyxx_clear_objects pyxx_module_def_ pyxx_module_slots_ pyxx_module_free_ pyxx_site pyxx_str_x
pyxx_str0 pyxx_int_1 pyxx_float_2_5 pyxx_constants pyxx_constant_specs pyxx_recursion
Ref View Site AcquiredGil Constant ConstantSpec ConstantTable
ReleasedGil Finally
""".split()

# Probes of the escaping itself: every pair here must stay two names.
ESCAPES = """
Q QQ Q_ _Q _ __ ___ x__y x_ _x __x u_x Qu00e9 QU0001d518 Qx a_Q_b aQ_b
""".split()

UNICODE = ["é", "café", "λ", "Ωmega", "变量", "π", "ß", "ñandú", "Ärger", "øre", "名前", "ʃ", "ǅ",
           "Ⅸ", "ǆx", "ɐ", "ᚠ", "ℵ0", "𝔘nicode", "µ"]


def runtime_functions():
    """Lower-case function names of namespace pyxx (a user function of the same
    name called with a pyxx::Ref argument would meet them by argument-dependent lookup)."""
    found = set()
    for header in glob.glob(os.path.join(OPTIONS.source_dir, "runtime", "include", "pyxx", "*.hpp")):
        with open(header, encoding="utf-8") as f:
            text = re.sub(r"//.*", "", f.read())
        for m in re.finditer(r"^\s*(?:template\s*<[^>]*>\s*)?(?:\[\[\w+\]\]\s*)?(?:inline|constexpr|static)\b"
                             r"[^;{()=]*?\b([a-z_][a-z0-9_]*)\s*\(", text, re.M):
            found.add(m.group(1))
    return sorted(found)


def compiler_macros():
    """The lower-case macros the C++ compiler sees in a generated module."""
    include = sysconfig.get_paths()["include"]
    runtime = os.path.join(OPTIONS.source_dir, "runtime", "include")
    cxx = os.environ.get("CXX", "c++").split()
    found = set()
    for std in ("c++17", "gnu++17"):
        result = subprocess.run(cxx + [f"-std={std}", "-dM", "-E", "-I", runtime, "-I", include, "-x", "c++", "-"],
                                input='#include "pyxx/runtime.hpp"\n', text=True,
                                stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        for line in result.stdout.splitlines():
            name = re.match(r"#define (\w+)", line)
            if name and re.fullmatch(r"[a-z]\w*", name.group(1)):
                found.add(name.group(1))
    return sorted(found)


# Names the generated helpers themselves use.
RESERVED_FOR_TEST = {"cython", "numba", "njit", "range", "ValueError", "__debug__"}


def awkward_names():
    names, seen = [], set()
    for name in (CXX_KEYWORDS + MACROS + INVENTED + ESCAPES + UNICODE + runtime_functions()
                 + compiler_macros()):
        normal = unicodedata.normalize("NFKC", name)
        if (not name.isidentifier() or keyword.iskeyword(name) or name in RESERVED_FOR_TEST
                or name.startswith("zz_") or normal in seen):
            continue
        seen.add(normal)
        names.append(name)
    return names


def chunks(items, size):
    return [items[i:i + size] for i in range(0, len(items), size)]


HEADER = "import cython\nfrom numba import njit\n\n"


def locals_module(names):
    """Every name as a C local, an object local, a loop variable, a parameter of
    each kind of function, inside `with nogil`, `with gil` and `raise`."""
    src, calls = [HEADER], []
    for c, group in enumerate(chunks(names, 20)):
        n = len(group)
        everything = ", ".join(group)
        weighted = " + ".join(f"{name} * {i + 1}" for i, name in enumerate(group))
        # C locals, loop variables, `with nogil` and `raise` without the GIL.
        src.append(f"def c_locals_{c}(zz_k: cython.long) -> cython.long:\n    zz_acc: cython.long = 0\n")
        src += [f"    {name}: cython.long = zz_k + {i}\n" for i, name in enumerate(group)]
        src.append("    with cython.nogil:\n")
        src += [f"        {name} += {i}\n" for i, name in enumerate(group)]
        src.append(f"        if zz_k < 0:\n            raise ValueError({everything})\n")
        src += [f"    for {name} in range({name}, {name} + {i % 3 + 1}):\n        zz_acc += {name}\n"
                for i, name in enumerate(group)]
        src.append(f"    return zz_acc + {weighted}\n\n")
        calls += [f"c_locals_{c}(4)", f"c_locals_{c}(-1)"]
        # Object locals and loop variables, `raise` with objects.
        src.append(f"def object_locals_{c}(zz_k):\n")
        src += [f"    {name} = [zz_k, {i}]\n" for i, name in enumerate(group)]
        src += [f"    for {name} in {name}:\n        pass\n" for name in group]
        src.append(f"    if zz_k is None:\n        raise ValueError({everything})\n")
        src.append(f"    return [{everything}]\n\n")
        calls += [f"object_locals_{c}('k')", f"object_locals_{c}(None)"]
        # Parameters: object (def), C (def, cfunc, ccall, nogil cfunc with `with gil`, Numba).
        c_params = ", ".join(f"{p}: cython.long" for p in group)
        src.append(f"def object_params_{c}({everything}):\n    return [{everything}]\n\n")
        src.append(f"def c_params_{c}({c_params}) -> cython.long:\n    return {weighted}\n\n")
        src.append(f"@cython.cfunc\ndef cfunc_params_{c}({c_params}) -> cython.long:\n    return {weighted}\n\n")
        src.append(f"@cython.ccall\ndef ccall_params_{c}(zz_o, {c_params}) -> cython.long:\n    return {weighted}\n\n")
        src.append(f"@cython.cfunc\n@cython.nogil\ndef nogil_params_{c}(zz_k: cython.long, {c_params}) -> cython.long:\n"
                   f"    with cython.gil:\n        if zz_k < 0:\n            raise ValueError({everything})\n"
                   f"    return {weighted}\n\n")
        src.append(f"@njit\ndef numba_params_{c}(" + ", ".join(f"{p}: int" for p in group)
                   + f") -> int:\n    return {weighted}\n\n")
        values = ", ".join(f"{i} * zz_w" for i in range(n))
        src.append(f"def call_natively_{c}(zz_w: cython.long, zz_k: cython.long):\n"
                   f"    return [cfunc_params_{c}({values}), ccall_params_{c}(None, {values}),\n"
                   f"            numba_params_{c}({values}), nogil_params_{c}(zz_k, {values})]\n\n")
        calls += [f"call_natively_{c}(3, 1)", f"call_natively_{c}(2, -1)"]
        kwargs = "{" + ", ".join(f"{name!r}: {i} * 2" for i, name in enumerate(group)) + "}"
        for f in ("object_params", "c_params", "numba_params"):
            calls.append(f"{f}_{c}(**{kwargs})")
        calls.append(f"ccall_params_{c}(None, **{kwargs})")
    return "".join(src), calls


def functions_module(names):
    """Every name as the name of a def, cfunc, ccall or Numba function; runtime
    names only of functions with an object parameter."""
    src, calls, body = [HEADER], [], []
    runtime = set(runtime_functions())
    for i, name in enumerate(names):
        role = i % 3 if name in runtime else i % 4
        if role == 0:
            src.append(f"def {name}(zz_o):\n    return [zz_o, {i}]\n\n")
            calls.append(f"{name}('x')")
            body.append(f"{name}(zz_o)")
        elif role == 1:
            src.append(f"@cython.cfunc\ndef {name}(zz_o, zz_x: cython.long):\n    return [zz_o, zz_x * 7 + {i}]\n\n")
            body.append(f"{name}(zz_o, zz_x)")
        elif role == 2:
            src.append(f"@cython.ccall\ndef {name}(zz_o, zz_x: cython.long):\n    return [zz_o, zz_x + {i}]\n\n")
            calls.append(f"{name}('y', 2)")
            body.append(f"{name}(zz_o, zz_x)")
        else:
            src.append(f"@njit\ndef {name}(zz_x: int) -> int:\n    return zz_x * 5 + {i}\n\n")
            calls.append(f"{name}(4)")
            body.append(f"{name}(zz_x)")
    src.append("def zz_call_all(zz_o, zz_x: cython.long):\n    return [\n"
               + "".join(f"        {b},\n" for b in body) + "    ]\n")
    calls.append("zz_call_all(['o'], 3)")
    return "".join(src), calls


def globals_module(names):
    """Every name as a module global, read and rebound by functions."""
    src, calls = [HEADER], []
    src += [f"{name} = {i} * 3\n" for i, name in enumerate(names)]
    for c, group in enumerate(chunks(names, 25)):
        src.append(f"\n\ndef zz_read_{c}():\n    return [" + ", ".join(group) + "]\n\n\n")
        src.append(f"def zz_write_{c}(zz_v):\n    global " + ", ".join(group) + "\n")
        src += [f"    {name} = zz_v + {i}\n" for i, name in enumerate(group)]
        calls += [f"zz_read_{c}()", f"zz_write_{c}(10)", f"zz_read_{c}()"]
    calls += [f"getattr(mod, {name!r})" for name in names[::7]]
    return "".join(src), calls


def driver(calls):
    lines = ["def show(label, function):\n"
             "    try:\n        result = function()\n"
             "    except Exception as error:\n"
             "        print(f'{label}: {type(error).__name__}{error.args!r}')\n"
             "        return\n"
             "    print(f'{label}: {result!r}')\n\n\ndef run(mod):\n"]
    for call in calls:
        target = call if call.startswith("getattr(") else f"mod.{call}"
        lines.append(f"    show({call!r}, lambda: {target})\n")
    return "".join(lines)


class Names(unittest.TestCase):
    def setUp(self):
        self.work = tempfile.mkdtemp(prefix="pyxx-names-")
        self.addCleanup(shutil.rmtree, self.work)

    def differential(self, module, source_and_calls):
        source, calls = source_and_calls
        pyx = os.path.join(self.work, module + ".pyx")
        with open(pyx, "w", encoding="utf-8") as f:
            f.write(source)
        with open(os.path.join(self.work, module + ".driver.py"), "w", encoding="utf-8") as f:
            f.write(driver(calls))
        tool = os.path.join(OPTIONS.source_dir, "tests", "tools", "run_diff_test.py")
        support.run([sys.executable, tool, "--pyxx", OPTIONS.pyxx, pyx], check=True)

    def test_enough_names(self):
        self.assertGreaterEqual(len(awkward_names()), 150)

    def test_locals_and_parameters(self):
        # Runtime functions matter as function names (argument-dependent lookup);
        # as locals they are plain lower-case names like many others here.
        runtime = set(runtime_functions())
        self.differential("names_locals", locals_module([n for n in awkward_names() if n not in runtime]))

    def test_function_names(self):
        self.differential("names_functions", functions_module(awkward_names()))

    def test_module_globals(self):
        self.differential("names_globals", globals_module(awkward_names()))


if __name__ == "__main__":
    support.parse_options_then_run_unittest()
