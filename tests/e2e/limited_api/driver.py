"""Calls the abi3 test modules and prints one line per call (e2e/limited_api).

Run as `python driver.py MODULE_DIR`: the same lines must come out of the
limited build in every Python and of the full-API build. Messages that
CPython changed between versions are printed as whether they equal the
running interpreter's own message for the same error.
"""
import os
import sys
import traceback

sys.path.insert(0, sys.argv[1])

import fib_cython  # noqa: E402
import functions as f  # noqa: E402
import rooms  # noqa: E402


def show(label, call):
    try:
        print(f"{label}: {call()!r}")
    except Exception as e:  # noqa: BLE001
        print(f"{label}: {type(e).__name__}: {e}")


def entries(e):
    """The traceback entries below the driver: (file name, line, function)."""
    return [(os.path.basename(fs.filename), fs.lineno, fs.name) for fs in traceback.extract_tb(e.__traceback__)[1:]]


def show_traceback(label, call):
    try:
        call()
    except Exception as e:  # noqa: BLE001
        cause = e.__cause__
        print(f"{label}: {type(e).__name__}: {e} at {entries(e)}"
              + (f" from {type(cause).__name__}: {cause} at {entries(cause)}" if cause else ""))


def message(call):
    try:
        call()
    except Exception as e:  # noqa: BLE001
        return f"{type(e).__name__}: {e}"
    return None


def python_unbound(flag):
    if flag:
        y = 1
    return y


def with_python(cm):
    with cm as value:
        return value


class Manager:
    def __enter__(self):
        return "entered"

    def __exit__(self, *exc):
        print("  exit", exc[0].__name__ if exc[0] else None)
        return False


show("fib", lambda: f.fib(30))
show("fib bad", lambda: f.fib("x"))
show("fib float", lambda: f.fib(2.5))
show("fib huge", lambda: f.fib(2 ** 40))
show("int_div", lambda: f.int_div(-7, 2))
show("int_div zero", lambda: f.int_div(1, 0))
show("int_mod", lambda: f.int_mod(-7, 2))
print("int_mod zero matches the interpreter:", message(lambda: f.int_mod(1, 0)) == message(lambda: 1 % 0))
show("to_uint", lambda: f.to_uint(4000000000))
show("to_uint negative", lambda: f.to_uint(-1))
show("to_char overflow", lambda: f.to_char(200))
show("third", lambda: f.third(1))
show("third str", lambda: f.third("1"))
show("keywords", lambda: f.keywords(1, 3, 5, 6, c=7, z=8, y=9))
show("keywords missing", lambda: f.keywords(1))
show("keywords twice", lambda: f.keywords(1, a=2, c=3))
show("keywords not str", lambda: f.keywords(1, c=3, **{1: 2}))
show("positional", lambda: f.positional(1, 2, c=3))
show("positional as keyword", lambda: f.positional(1, b=2, c=3))
show("positional too many", lambda: f.positional(1, 2, 3, 4))
show("typed", lambda: f.typed([1, 2], {3: 4}))
show("typed wrong", lambda: f.typed((1, 2), {}))
show("typed subclass", lambda: f.typed(type("L", (list,), {})(), {}))
show("norm2", lambda: f.norm2(3, 4))
show("sum_three", lambda: f.sum_three([1, 2, 3]))
show("sum_three short", lambda: f.sum_three([1]))
show_traceback("chained", lambda: f.chained(0))
log = []
show("finally_order", lambda: f.finally_order(log))
print("  log", log)
show("handled_inside", f.handled_inside)
show("handled_after", f.handled_after)
try:
    raise RuntimeError("outer")
except RuntimeError:
    show("handled_inside under outer", f.handled_inside)
    show("exc_info kept", lambda: repr(sys.exc_info()[1]))
show("with_manager", lambda: f.with_manager(Manager()))
print("with_manager not one matches the interpreter:",
      message(lambda: f.with_manager(42)) == message(lambda: with_python(42)))
print("unbound matches the interpreter:", message(lambda: f.unbound(False)) == message(lambda: python_unbound(False)))
show("unbound bound", lambda: f.unbound(True))
show("unpack", lambda: f.unpack((1, 2)))
show("unpack int", lambda: f.unpack(5))
show("unpack long", lambda: f.unpack([1, 2, 3]))
show("call_it", lambda: f.call_it(max, 3, 9, key=lambda v: -v))
show("call_it error", lambda: f.call_it(len, 1, 2))
show("nogil_sum", lambda: f.nogil_sum(100000))
show("shout", lambda: f.shout("abi3"))
show("shout bytes", lambda: f.shout(b"abi3"))
show("count_words", lambda: f.count_words("a b a c b a"))
show("floor_area", lambda: rooms.floor_area(3, 4))
show_traceback("floor_area negative", lambda: rooms.floor_area(-1, 4))
show("article nogil", lambda: fib_cython.cython_nogil(90))
show("article gil", lambda: fib_cython.cython_gil(50))
show("article negative", lambda: fib_cython.cython_nogil(-1))
print("functions in the module:", sorted(n for n in dir(f) if not n.startswith("_"))[:8])
