# FILE is libc's own struct: only pointed at, passed to stdio's functions and
# compared. printf & co. are variadic (their arguments have no declared type).
import cython
from cython.cimports.libc.stdio import FILE, fopen, fclose, fputs, printf, sprintf
from cython.cimports.libc.stdlib import malloc
from cython.cimports.cpython.exc import PyErr_SetFromErrno, PyErr_Occurred


def values(f: FILE):  # expected-error PX304: a `FILE` value (libc's `FILE` is only pointed at
    return 0


@cython.cfunc
def misuse(p: cython.p_int) -> cython.int:
    f: cython.pointer(FILE) = fopen("x", "r")
    g: cython.pointer(FILE) = malloc(8)  # expected-error PX103: cannot convert `cython.pointer(cython.void)` to `cython.pointer(FILE)` expected-note: convert it with `cython.cast(cython.pointer(FILE), ...)`
    h: cython.pointer(FILE) = p  # expected-error PX103: cannot convert `cython.pointer(cython.int)` to `cython.pointer(FILE)`  expected-note: cython.cast
    c = f[0]  # expected-error PX111: operator `[]` cannot be applied to `cython.pointer(FILE)`
    fclose(p)  # expected-error PX103: cannot convert `cython.pointer(cython.int)` to a `cython.pointer(FILE)`
    fputs("x", "y")  # expected-error PX103: to a `cython.pointer(FILE)`
    printf("%d\n", 1)  # a literal format whose conversion fits (check_printf.cpp)
    sprintf(cython.NULL, "%d", 1)  # expected-error PX302: `libc.stdio.sprintf` (pyxx knows
    return 0


@cython.cfunc
def errors(f: cython.pointer(FILE)):
    with cython.nogil:  # expected-note: the GIL is released here
        if not f:
            PyErr_SetFromErrno(OSError)  # expected-error PX202: call to `PyErr_SetFromErrno`, which needs the GIL, without the GIL
    PyErr_SetFromErrno(OSError, "x")  # expected-error PX104: `PyErr_SetFromErrno` takes 1 argument but 2 were given
    return PyErr_Occurred()  # expected-error PX302: `cpython.exc.PyErr_Occurred` (pyxx knows
