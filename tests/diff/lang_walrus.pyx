# Assignment expressions (`y := v`): in conditions, loops, comprehensions and
# module code; into object, C-typed, module-level C, extension-type and
# inferred variables; Python's order of evaluation and short-circuiting kept.
import cython

log = []
counter = cython.declare(cython.int, 0)


@cython.cclass
class Box:
    w: cython.int

    def __init__(self, w: cython.int):
        self.w = w


def bump(n: cython.int):
    global counter
    if (counter := counter + n) > 10:
        return "big", counter
    return "small", counter


def box_width(w):
    if (b := Box(w)).w > 2:
        return b.w * 2
    return b.w


@cython.locals(k=cython.long)
def locals_typed(x):
    return (k := x + 1) * 2, k


def note(v):
    log.append(v)
    return v


def first_long(words):
    if (n := len(words)) > 3:
        return n, words[:n - 1]
    return n, None


def countdown(start: cython.int):
    n: cython.int = start
    seen = []
    while (n := n - 1) > 0:
        seen.append(n)
    return seen, n


def inferred(a: cython.int):
    k = 0
    total = (k := a * 2) + k
    return total, k


def order():
    x = 1
    r = x + (x := 5) + x
    return r, x


def short_circuit(flag):
    del log[:]
    b = "unset"
    ok = flag and (b := note("ran"))
    return ok, b, list(log)


def in_comprehension(xs):
    ys = [y := v * 10 for v in xs]
    evens = [v for v in xs if (half := v // 2) * 2 == v]
    return ys, y, evens, half


def c_in_comprehension(xs):
    last: cython.double = 0.0
    doubled = [(last := v * 2.0) for v in xs]
    return doubled, last


@cython.cfunc
@cython.nogil
def sum_until(limit: cython.int) -> cython.long:
    total: cython.long = 0
    i: cython.int = 0
    while (i := i + 1) <= limit:
        total += i
    return total


def nogil_loop(limit: cython.int):
    with cython.nogil:
        r = sum_until(limit)
    return r


def closure():
    (v := 3)

    def inner():
        return v * 2
    return inner()


def in_lambda():
    f = lambda: (q := 4) + q
    return f()


def rebind_read(items):
    out = []
    it = iter(items)
    while (item := next(it, None)) is not None:
        out.append(item)
    return out, item


class Holder:
    size = (width := 3) * 2
    area = width * width


def default_from_walrus(a=(dv := 7)):
    return a


if (m := 10) > 5:
    print("module", m)

print("walrus globals", dv, Holder.size, Holder.area, Holder.width)
