import os
import tempfile

from diff_support import documented


def errno_error(function, *args):
    try:
        return function(*args)
    except OSError as e:
        return type(e).__name__, e.errno == 2, os.path.basename(e.filename or "")


def run(mod):
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "lines.txt").encode()
        documented("write_file(path, b'spam', 3)", mod.write_file, (path, b"spam", 3), "3")
        documented("read_file(path)", mod.read_file, (path,), r"(b'spam', 115, b'pam\nspam\n', True, False)")
        missing = os.path.join(folder, "missing.txt").encode()
        documented("read_file(missing)", errno_error, (mod.read_file, missing), "('FileNotFoundError', True, '')")
        nowhere = os.path.join(folder, "no", "such.txt").encode()
        documented("write_file(nowhere)", errno_error, (mod.write_file, nowhere, b"x", 1),
                   "('FileNotFoundError', True, b'such.txt')")
        other = os.path.join(folder, "other.bin").encode()
        documented("copy_bytes(...)", mod.copy_bytes, (path, other, b"a\x00b"), "3")
        documented("read_file(other)", mod.read_file, (other,), r"(b'a\x00b\x00', -1, b'', True, False)")
        documented("delete(other)", mod.delete, (other,), "0")
        documented("delete(other) again", mod.delete, (other,), "-1")
