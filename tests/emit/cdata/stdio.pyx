# libc.stdio: FILE* values, calls through `::`, the C streams by name, and
# cpython.exc's errno error raised through pyxx::check.
import cython
from cython.cimports.libc.stdio import FILE, fopen, fclose, fputs, stdout
from cython.cimports.cpython.exc import PyErr_SetFromErrnoWithFilenameObject


def write(path: bytes, line: bytes) -> cython.int:
    p: cython.p_char = path
    text: cython.p_char = line
    f: cython.pointer(FILE) = fopen(p, "w")
    if f is cython.NULL:
        PyErr_SetFromErrnoWithFilenameObject(OSError, path)
    with cython.nogil:
        r = fputs(text, f)
        fclose(f)
        fputs(text, stdout)
    return r
