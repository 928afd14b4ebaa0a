# When the objects a statement makes are released: by the end of the
# statement, before a `break` or `continue` leaves the loop, before a handler,
# a `finally` block or `__exit__` runs after an exception, before the guards a
# `return` passes through (the frame of object slots, docs/internals.md).
# Each check counts the live Tracked objects at a point where Python has
# released every temporary of the statements before it.
import weakref

import cython

alive = weakref.WeakSet()
log = []


class Tracked:
    def __init__(self, n):
        self.n = n
        alive.add(self)


def use(t):
    return t.n


def fail(n):
    raise ValueError(n)


def pair(a, b):
    return (a, b)


class Manager:
    def __enter__(self):
        return self

    def __exit__(self, kind, value, tb):
        log.append(("exit", None if kind is None else kind.__name__, len(alive)))
        return True


def loop_jumps(items):
    total = 0
    for it in items:
        if use(Tracked(it)) == 2:
            continue
        if use(Tracked(it)) + use(Tracked(10)) == 15:
            break
        total += use(Tracked(it))
    log.append(("after loop", len(alive)))
    return total


def while_jumps(n):
    i = 0
    while i < n:
        i += 1
        if str(Tracked(i).n) == "2":
            continue
        if str(Tracked(i).n) == "4":
            break
    log.append(("after while", len(alive)))
    return i


def nested_loops(rows):
    found = []
    for row in rows:
        for x in row:
            if use(Tracked(x)) < 0:
                break
            found.append(use(Tracked(x)))
        else:
            found.append(str(Tracked(0).n))
    log.append(("after nested", len(alive)))
    return found


def caught(flag):
    try:
        x = use(pair(Tracked(1), fail(2) if flag else Tracked(3))[1])
    except ValueError as e:
        log.append(("handler", e.args, len(alive)))
        x = -1
    log.append(("after try", len(alive)))
    return x


def caught_in_loop(items):
    out = []
    for it in items:
        try:
            out.append(pair(Tracked(it), fail(it)))
        except ValueError:
            out.append(len(alive))
    log.append(("after caught loop", len(alive)))
    return out


def finally_counts(flag):
    try:
        try:
            return use(pair(Tracked(1), fail(2) if flag else Tracked(3))[1])
        finally:
            log.append(("finally", len(alive)))
    except ValueError:
        return "raised"


def with_exception():
    with Manager():
        pair(Tracked(1), fail(2))
    log.append(("after with", len(alive)))


def return_through_with():
    with Manager():
        return use(Tracked(5)) + use(Tracked(6))


def generator(n):
    for i in range(n):
        yield use(Tracked(i)) * 2
        log.append(("resumed", len(alive)))


def comprehension_in_loop(rows):
    out = []
    for row in rows:
        out.append([use(Tracked(x)) for x in row if use(Tracked(x)) != 2])
    log.append(("after comprehension", len(alive)))
    return out


def tests(table: dict, key, x, items):
    r = []
    if key in table:
        r.append("in")
    if key not in table:
        r.append("not in")
    if x is None:
        r.append("is None")
    if x is not None and key in items:
        r.append("both")
    while x is not None:
        r.append("loop")
        x = None
    return r


def unbound_after_loop(items):
    for item in items:
        pass
    return item


def typed_loop(items):
    n: cython.int = 0
    for v in items:
        n += use(Tracked(v))
    log.append(("after typed loop", len(alive)))
    return n
