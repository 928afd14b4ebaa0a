# libc.stdio through FILE pointers, without the GIL, and cpython.exc's errno
# errors. Plain Python (Cython's Shadow module) cannot cimport either: the
# driver shows what Cython gives (documented).
import cython

if cython.compiled:
    from cython.cimports.libc.stdio import FILE, fopen, fclose, fputs, fgets, fread, fwrite, fflush, feof, ferror
    from cython.cimports.libc.stdio import fputc, fgetc, remove, rename
    from cython.cimports.cpython.exc import PyErr_SetFromErrno, PyErr_SetFromErrnoWithFilenameObject
else:
    FILE = cython.void  # only for the annotations: plain Python calls none of these


@cython.cfunc
@cython.nogil
def write_lines(f: cython.pointer(FILE), line: cython.p_char, n: cython.int) -> cython.int:
    i: cython.int
    for i in range(n):
        if fputs(line, f) < 0 or fputc(10, f) < 0:
            return -1
    return n


def write_file(path: bytes, line: bytes, n: cython.int):
    p: cython.p_char = path
    text: cython.p_char = line
    f: cython.pointer(FILE) = fopen(p, "w")
    if f is cython.NULL:
        PyErr_SetFromErrnoWithFilenameObject(OSError, path)
    with cython.nogil:
        written = write_lines(f, text, n)
        fclose(f)
    return written


def read_file(path: bytes):
    p: cython.p_char = path
    f: cython.pointer(FILE) = fopen(p, "rb")
    if not f:
        PyErr_SetFromErrno(OSError)
    buf = cython.declare(cython.char[8])
    first = fgets(buf, 8, f)
    head = buf[:4] if first != cython.NULL else b""
    c: cython.int = fgetc(f)
    rest = cython.declare(cython.char[64])
    n: cython.size_t
    with cython.nogil:
        n = fread(rest, 1, 64, f)
    at_end = feof(f) != 0
    failed = ferror(f) != 0
    fclose(f)
    return head, c, rest[:n], at_end, failed


def copy_bytes(src: bytes, dst: bytes, data: bytes) -> cython.size_t:
    ps: cython.p_char = src
    pd: cython.p_char = dst
    pdata: cython.p_char = data
    f: cython.pointer(FILE) = fopen(ps, "wb")
    n: cython.size_t = fwrite(pdata, 1, len(data), f)
    fflush(f)
    fclose(f)
    return n + rename(ps, pd)


def delete(path: bytes) -> cython.int:
    p: cython.p_char = path
    return remove(p)

