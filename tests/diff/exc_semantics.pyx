# Python's exception semantics: a `finally` with a `with gil:` block in a nogil
# function entered without the GIL, an exception raised in `finally` replacing the
# propagating one, `except E as e` unbinding `e`, sys.exc_info() in handlers, the
# implicit __context__ and `raise X from Y` with classes, instances and None.
import sys

import cython


@cython.cfunc
@cython.nogil
def nogil_floordiv(a: cython.long, b: cython.long) -> cython.long:
    try:
        if b < 0:
            raise ValueError("negative divisor")
        return a // b
    finally:
        with cython.gil:
            print("nogil finally ran for", a, b)


def call_without_gil(a: cython.long, b: cython.long) -> cython.long:
    r: cython.long = 0
    with cython.nogil:
        r = nogil_floordiv(a, b)
    return r


def finally_replaces(x):
    try:
        if x == 1:
            raise ValueError("first")
        if x == 2:
            return 10 // (x - 2)
        return "ok"
    finally:
        if x > 0:
            raise KeyError("second")


def finally_context(x):
    try:
        finally_replaces(x)
    except KeyError as e:
        return (repr(e), repr(e.__context__), e.__suppress_context__)
    return None


def finally_sees_exc_info():
    seen = []
    try:
        try:
            raise ValueError("pending")
        finally:
            seen.append(repr(sys.exc_info()[1]))
    except ValueError:
        pass
    seen.append(sys.exc_info())
    return seen


def unbinds_name():
    e = 1
    try:
        raise ValueError("x")
    except ValueError as e:
        pass
    return e


def unbinds_after_raise():
    try:
        try:
            raise ValueError("x")
        except ValueError as e:
            raise KeyError("y")
    except KeyError:
        pass
    return e


def exc_info_in_handler():
    try:
        raise ValueError("v")
    except ValueError:
        t, v, tb = sys.exc_info()
        return (t.__name__, str(v), tb is not None)


def exc_info_nested():
    out = []
    try:
        raise ValueError("outer")
    except ValueError:
        try:
            raise KeyError("inner")
        except KeyError:
            out.append(repr(sys.exc_info()[1]))
        out.append(repr(sys.exc_info()[1]))
    out.append(sys.exc_info())
    return out


def exc_info_c_error(b: cython.long):
    try:
        return 10 // b
    except ZeroDivisionError:
        return repr(sys.exc_info()[1])


def implicit_context(kind):
    try:
        try:
            if kind == 0:
                raise ValueError("a")
            return 1 // (kind - 1)
        except (ValueError, ZeroDivisionError):
            raise KeyError("b")
    except KeyError as e:
        return (repr(e), repr(e.__context__), e.__cause__, e.__suppress_context__)


def raise_from(kind):
    try:
        try:
            raise IndexError("handled")
        except IndexError:
            if kind == 0:
                raise KeyError("k") from ValueError
            if kind == 1:
                raise KeyError from ValueError("v")
            if kind == 2:
                raise KeyError("k") from None
            if kind == 3:
                raise KeyError("k") from 5
            raise KeyError
    except Exception as e:
        return (repr(e), repr(e.__cause__), e.__suppress_context__, repr(e.__context__))


def raise_bad(kind):
    if kind == 0:
        raise int
    raise ValueError from int
