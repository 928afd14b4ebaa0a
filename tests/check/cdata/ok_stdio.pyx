# libc.stdio: FILE pointers and the functions whose arguments all have one C
# type, without the GIL as in Cython's stdio.pxd; cpython.exc raises the
# OSError of errno (with the GIL).
# expected-no-diagnostics
import cython
from cython.cimports.libc.stdio import FILE, fopen, fclose, fputs, fgets, fflush, feof, ferror, fread, fwrite
from cython.cimports.libc.stdio import fgetc, fputc, puts, putchar, remove, rename, stdin, stdout, stderr
from cython.cimports.cpython.exc import PyErr_SetFromErrno, PyErr_SetFromErrnoWithFilenameObject


@cython.cfunc
@cython.nogil
def copy(src: cython.pointer(FILE), dst: cython.pointer(FILE)) -> cython.size_t:
    buf = cython.declare(cython.char[256])
    total: cython.size_t = 0
    n: cython.size_t = fread(buf, 1, 256, src)
    while n > 0:
        total += fwrite(buf, 1, n, dst)
        n = fread(buf, 1, 256, src)
    if ferror(src) or not feof(src):
        return 0
    fputc(10, dst)
    fputs("done", stderr)
    fflush(cython.NULL)
    return total


def copy_file(a: bytes, b: bytes):
    pa: cython.p_char = a
    pb: cython.p_char = b
    src: cython.pointer(FILE) = fopen(pa, "rb")
    if src is cython.NULL:
        PyErr_SetFromErrnoWithFilenameObject(OSError, a)
    dst = fopen(pb, "wb")
    if not dst:
        fclose(src)
        PyErr_SetFromErrno(OSError)
    with cython.nogil:
        n = copy(src, dst)
        fclose(src)
        fclose(dst)
    line = cython.declare(cython.char[16])
    f: cython.pointer(FILE) = fopen(pb, "r")
    first = fgets(line, 16, f) != cython.NULL and fgetc(f) >= 0
    fclose(f)
    puts("copied")
    putchar(10)
    return n, first, rename(pb, pa), remove(pa), stdin == stdout
