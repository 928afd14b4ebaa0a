from diff_support import documented, show


def error_type(f, *args):
    """The exception's type only: a C array's messages are Cython's, a list's Python's."""
    try:
        return f(*args)
    except Exception as e:  # noqa: BLE001 - the type is the result
        return type(e).__name__


def run(mod):
    show("squares(5)", mod.squares, 5)
    show("pick([0, 4, -1])", mod.pick, [0, 4, -1])
    show("pick([5])", error_type, mod.pick, [5])
    show("pick([1.0])", error_type, mod.pick, [1.0])
    # Past Py_ssize_t: the conversion fails (OverflowError), as in Cython; a list says IndexError.
    documented("pick([2**70])", error_type, (mod.pick, [2**70]), "'OverflowError'")
    show("store([2, 0], 7)", mod.store, [2, 0], 7)
    show("store([3], 7)", error_type, mod.store, [3], 7)
