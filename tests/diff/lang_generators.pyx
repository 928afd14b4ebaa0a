# Generators: yield, yield as an expression (send), yield from, return values,
# throw, close (GeneratorExit runs finally blocks), try/except/finally/with
# around yields, C locals across yields, generators dropped unfinished.
import cython

log = []


def take_log():
    out = list(log)
    log.clear()
    return out


def count(n: cython.int):
    i: cython.int = 0
    while i < n:
        yield i
        i += 1


def squares(xs):
    for x in xs:
        yield x * x


def bare():
    yield
    yield


def echo():
    received = []
    value = yield "ready"
    while value is not None:
        received.append(value)
        value = yield f"got {value}"
    return received


def running_total():
    total: cython.double = 0.0
    while True:
        x = yield total
        if x is None:
            return total
        total += x


def with_return(n):
    for i in range(n):
        yield i
    return "result", n


def delegate(n):
    r = yield from with_return(n)
    log.append(f"delegate got {r!r}")
    r2 = yield from [10, 20]
    log.append(f"list gave {r2!r}")
    return "outer done"


def delegate_echo():
    received = yield from echo()
    return ("echoed", received)


def guarded(name):
    log.append(f"{name} start")
    try:
        yield 1
        yield 2
    finally:
        log.append(f"{name} finally")


def catching():
    while True:
        try:
            yield "waiting"
        except ValueError as e:
            log.append(f"caught {e!r}")
            yield "handled"
        except GeneratorExit:
            log.append("exit seen")
            raise


def ignores_exit():
    try:
        yield 1
    except GeneratorExit:
        pass
    yield 2


def exc_info_across_yield():
    import sys
    try:
        raise KeyError("inside")
    except KeyError:
        yield repr(sys.exc_info()[1])
        yield repr(sys.exc_info()[1])
    yield repr(sys.exc_info()[1])


def raises_stop():
    yield 1
    raise StopIteration("leak")


def raises_error(n):
    yield n
    raise ValueError(f"bad {n}")


def in_with(manager):
    with manager as m:
        yield m
        yield "second"


def nested_loops(n):
    for i in range(n):
        for j in range(i):
            if j == 2:
                break
            yield i, j


def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


def first_n(gen, n: cython.int):
    out = []
    for x in gen:
        if n == 0:
            break
        out.append(x)
        n -= 1
    return out


def recursive(depth: cython.int):
    if depth > 0:
        yield from recursive(depth - 1)
    yield depth


def yield_in_expression():
    a = (yield 1) or "default"
    b = [(yield 2), (yield 3)]
    return a, b


def closes_early():
    g = guarded("early")
    first = next(g)
    g.close()
    return first, take_log()


def dropped():
    g = guarded("dropped")
    next(g)
    del g
    return take_log()


def generator_attributes():
    g = count(3)
    return (type(g).__name__, g.__name__, g.__qualname__, g.gi_running, iter(g) is g)
