# `return`, `break` and `continue` inside `finally`: the jump drops the
# exception being propagated, or replaces the pending return or jump, as in
# Python -- in functions, loops, nested `try` statements, `except` clauses,
# `with` blocks, generators, C-typed and nogil functions, methods and module code.
import sys

import cython

log = []


def take_log():
    out = list(log)
    log.clear()
    return out


def swallow(exc):
    try:
        log.append("body")
        raise exc
    finally:
        log.append(sys.exc_info()[0].__name__ if sys.exc_info()[0] else None)
        return "swallowed"


def replace_return(x):
    try:
        return x * 2
    finally:
        if x > 5:
            return "finally wins"


def conditional_swallow(x):
    try:
        if x < 0:
            raise ValueError(x)
        return x
    finally:
        if x < -10:
            return "small"


def break_swallows(items):
    out = []
    for item in items:
        try:
            out.append(10 // item)
        finally:
            if item == 0:
                break
    return out


def continue_swallows(items):
    out = []
    for item in items:
        try:
            out.append(10 // item)
        finally:
            continue
    return out


def break_cancels_return(n):
    for i in range(n):
        try:
            return i
        finally:
            break
    return "after loop"


def continue_cancels_return_and_break(n):
    seen = []
    i = 0
    while i < n:
        i += 1
        try:
            seen.append(i)
            if i % 2:
                return seen
            break
        finally:
            continue
    return ("done", seen)


def for_else(items, stop):
    for item in items:
        try:
            if item == stop:
                raise KeyError(item)
        finally:
            if item == stop:
                break
    else:
        return "no break"
    return "broke at %r" % (stop,)


def nested(x):
    try:
        try:
            try:
                log.append("inner body")
                if x == 0:
                    raise ValueError("inner")
                return "inner return"
            finally:
                log.append("inner finally")
                if x == 1:
                    return "inner finally return"
        finally:
            log.append("middle finally")
    finally:
        log.append("outer finally")
        if x == 2:
            return "outer finally return"


def through_two(x):
    try:
        try:
            return [x]
        finally:
            if x > 0:
                return ["inner", x]
    finally:
        if x > 1:
            return ["outer", x]


def with_handlers(x):
    try:
        if x == 0:
            raise KeyError("k")
        if x == 1:
            raise TypeError("t")
    except KeyError:
        log.append("except")
        return "from except"
    else:
        return "from else"
    finally:
        log.append("finally")
        if x != 2:
            return "finally %d" % x


def handler_raises(x):
    try:
        raise KeyError(x)
    except KeyError:
        raise ValueError("from handler")
    finally:
        return sys.exc_info()[0].__name__


def finally_raises(x):
    try:
        if x:
            raise KeyError("first")
        return "body"
    finally:
        if x > 1:
            raise ValueError("second")
        if x == 1:
            return "first dropped"


def context_of_replacement():
    try:
        finally_raises(2)
    except ValueError as e:
        return (type(e.__context__).__name__, str(e.__context__))


def exc_info_after():
    try:
        raise KeyError("gone")
    except KeyError:
        r = swallow(ValueError("v"))
        return (r, sys.exc_info()[0].__name__)


class Manager:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress

    def __enter__(self):
        log.append("enter " + self.name)
        return self

    def __exit__(self, t, v, tb):
        log.append("exit %s %s" % (self.name, t.__name__ if t else None))
        return self.suppress


def with_inside_try(x):
    try:
        with Manager("a"):
            if x:
                raise KeyError(x)
            return "in with"
    finally:
        return "finally after with"


def try_inside_with(x):
    with Manager("b"):
        try:
            if x:
                raise KeyError(x)
        finally:
            return "returned inside with"


def loop_with(items):
    out = []
    for item in items:
        with Manager(str(item)):
            try:
                out.append(1 // item)
            finally:
                if item == 0:
                    continue
                if item < 0:
                    break
    return out


def gen_return(x):
    try:
        yield 1
        if x:
            raise KeyError(x)
        yield 2
    finally:
        return


def gen_close_log():
    try:
        yield 1
        yield 2
    finally:
        log.append(sys.exc_info()[0].__name__)
        return


def gen_loop(items):
    for item in items:
        try:
            yield 10 // item
        finally:
            if item == 0:
                break
    yield "end"


def gen_value(x):
    try:
        yield x
        raise KeyError(x)
    finally:
        return x * 10


def collect_gen_value(x):
    out = []
    g = gen_value(x)
    out.append(next(g))
    try:
        next(g)
    except StopIteration as e:
        out.append(e.value)
    return out


def gen_close_value():
    try:
        yield 1
    finally:
        return "closed value"


def close_gen_value():
    g = gen_close_value()
    next(g)
    return g.close()  # Python 3.13: the value returned; before: None


def close_gen():
    g = gen_close_log()
    first = next(g)
    closed = g.close()
    return (first, closed is None or closed == None, take_log())


@cython.cfunc
def c_divide(a: cython.int, b: cython.int) -> cython.int:
    r: cython.int = -1
    try:
        r = a // b
        return r
    finally:
        if b == 0:
            return -2
        if b == 1:
            return r + 100


def call_c_divide(a: cython.int, b: cython.int) -> cython.int:
    return c_divide(a, b)


@cython.cfunc
@cython.nogil
def nogil_sum(n: cython.int, zero_at: cython.int) -> cython.long:
    total: cython.long = 0
    i: cython.int
    for i in range(n):
        try:
            total += 100 // (i - zero_at)
        finally:
            if i == zero_at:
                break
    return total


def call_nogil_sum(n: cython.int, zero_at: cython.int) -> cython.long:
    with cython.nogil:
        r = nogil_sum(n, zero_at)
    return r


@cython.cfunc
@cython.nogil
def nogil_void(n: cython.int, out: cython.int[:]) -> cython.void:
    try:
        out[0] = 100 // n
    finally:
        if n == 0:
            out[1] = -1
            return
        out[1] = 1


def call_nogil_void(n: cython.int, out: cython.int[:]):
    with cython.nogil:
        nogil_void(n, out)
    return [out[0], out[1]]


@cython.cclass
class Counter:
    count: cython.int

    def __init__(self):
        self.count = 0

    def step(self, fail):
        try:
            self.count += 1
            if fail:
                raise RuntimeError("step")
            return self.count
        finally:
            if fail:
                return -self.count


def traceback_line(x):
    try:
        if x:
            raise KeyError(x)
    finally:
        if not x:
            return "no error"


module_trace = []
for _i in range(5):
    try:
        if _i == 1:
            continue
        if _i == 3:
            raise IndexError(_i)
        module_trace.append(_i)
    finally:
        if _i == 3:
            break
