# A function that returns an object, holds a `try`/`finally` or a `with`, and
# returns early returns through one exit (GCC 12 cannot compile the plain
# `return` there: docs/internals.md). Every way out must behave as Python's.
import cython

log = []


class Manager:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        log.append(f"enter {self.name}")
        return self

    def __exit__(self, exc_type, exc, tb):
        log.append(f"exit {self.name} {exc_type.__name__ if exc_type else None}")
        return False


def handler_then_finally(o, a: cython.int):
    # the shape that crashed GCC 12: a `finally` inside a handler, a `return`
    # inside a `try`, then another `try`/`finally`
    v = 0
    try:
        v = 10 // a
    except ZeroDivisionError:
        try:
            v = -1
        finally:
            log.append("inner finally")
    try:
        if o:
            return v
    except ValueError:
        v = 3
    try:
        v += 1
    finally:
        log.append("outer finally")
    return v


def gcc12_crash_shape(o, a):
    # exactly the shape found by fuzz/diff_programs that crashed GCC 12.2
    try:
        v = 1
    except ZeroDivisionError:
        try:
            v = 2
        finally:
            pass
    try:
        return v
    except ValueError:
        v = 3
    try:
        pass
    finally:
        log.append(o)


def return_in_with(flag):
    with Manager("m"):
        if flag:
            return "early"
        log.append("body")
    try:
        return "late"
    finally:
        log.append("finally after with")


def finally_replaces_return(flag):
    # the finally's exception replaces the pending return value; the handler
    # outside then returns something else
    try:
        try:
            return [1, 2, 3]
        finally:
            if flag:
                raise ValueError("from finally")
    except ValueError as e:
        return str(e)


def loop_with_returns(items):
    total = 0
    for x in items:
        with Manager(str(x)):
            if x < 0:
                return ("negative", x, total)
            total += x
    return ("sum", total)


def bare_return(flag):
    try:
        if flag:
            return
        log.append("not returned")
    finally:
        log.append("finally")
    return 7


def generator_returns(n):
    try:
        yield 1
        if n:
            return
        yield 2
    finally:
        log.append("gen finally")
    with Manager("g"):
        yield 3
