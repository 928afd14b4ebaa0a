# Statements in class bodies: loops, branches, try, with, imports, del,
# augmented and unpacking assignments, global/nonlocal, comprehensions.
import cython

trace = []
counter = 100
scale = "global scale"


class Recorder:
    def __init__(self, name, swallow=False):
        self.name = name
        self.swallow = swallow

    def __enter__(self):
        trace.append("enter " + self.name)
        return self.name.upper()

    def __exit__(self, kind, value, tb):
        trace.append("exit " + self.name + " " + (kind.__name__ if kind else "-"))
        return self.swallow


class Body:
    total = 0
    for i in range(4):
        total += i
    names = []
    for k, v in [("a", 1), ("b", 2), ("c", 3)]:
        if k == "c":
            continue
        names.append(k * v)
    else:
        loop_done = True
    n = 0
    while n < 10:
        n += 3
        if n == 9:
            break
    else:
        n = -1
    if total > 5:
        size = "big"
    elif total > 2:
        size = "medium"
    else:
        size = "small"
    try:
        bad = 1 // 0
    except ZeroDivisionError as exc:
        caught = type(exc).__name__
    else:
        caught = "none"
    finally:
        finished = True
    try:
        parsed = int("5")
    except ValueError:
        parsed = -1
    else:
        parsed_else = parsed * 2
    import math
    import os.path
    from collections import OrderedDict as OD, deque
    tau = math.tau
    with Recorder("one") as rec:
        inside = rec
    with Recorder("two", True), Recorder("three") as third:
        raise KeyError(third)
    a, b = 1, 2
    (c, d), *rest = (3, 4), 5, 6
    [e, f] = "xy"
    x = y = 7
    del y
    x += 1
    x *= 3
    label = "L"
    label += "!"
    items = [1]
    items += [2]
    del i, k, v
    sq = [j * j for j in range(total)]
    pairs = {j: j * 2 for j in names}
    # Only the first iterable sees the class's names; the rest read globals.
    scaled = [(j, scale) for j in names]
    nested = [(p, q) for p in range(2) for q in (scale, p)]
    gen_first = list(j for j in sq)
    fn = lambda self, dflt=total: (dflt, scale)


def summary(cls):
    out = []
    for name in ["total", "names", "loop_done", "n", "size", "caught", "finished", "parsed", "parsed_else", "tau",
                 "inside", "third", "a", "b", "c", "d", "e", "f", "rest", "x", "label", "items", "sq", "pairs",
                 "scaled", "nested", "gen_first"]:
        out.append((name, getattr(cls, name, "<missing>")))
    for gone in ["i", "k", "v", "y", "exc", "bad", "j", "p", "q"]:
        out.append((gone, hasattr(cls, gone)))
    out.append((cls.math.__name__, cls.os.__name__, cls.OD.__name__, cls.deque.__name__))
    out.append(cls().fn())
    return out


class Globals:
    global counter, fresh_global
    counter += 1
    fresh_global = "made in a class body"
    local_name = counter


def make(flag, start):
    offset = 10
    shadow = "function shadow"
    i = cython.declare(cython.int, 99)

    class Inner:
        nonlocal offset
        offset += 5
        # A name the body binds is the class's: not the function's `shadow`.
        shadow = "class shadow"
        seen = shadow
        for i in range(3):
            pass
        if flag:
            kind = "on"
        else:
            kind = "off"
        # The comprehension sees the function's variables, not the class's.
        combo = [(shadow, start, w) for w in range(2)]
        try:
            risky = [1][start]
        except IndexError:
            risky = None
        countdown = start
        while countdown > 0:
            countdown -= 1
        del seen

    return Inner, offset, shadow, i, start


def run_all():
    out = [summary(Body), list(trace)]
    out.append((counter, fresh_global, Globals.local_name, hasattr(Globals, "counter"), hasattr(Globals, "fresh_global")))
    for flag, start in [(True, 0), (False, 1), (True, 3)]:
        cls, offset, shadow, i, start_after = make(flag, start)
        out.append((offset, shadow, i, start_after, cls.shadow, cls.i, cls.kind, cls.combo, cls.risky, cls.countdown,
                    hasattr(cls, "seen"), hasattr(cls, "offset"), cls.__qualname__))
    return out


def class_name_not_function_local(start):
    class Reads:
        # `start` is bound in the body, so the body looks it up in its
        # namespace and the globals, never in the function.
        before = start
        start = 1
    return Reads
