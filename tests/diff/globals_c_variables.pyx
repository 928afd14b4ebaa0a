# Module-level C variables: declared at the top level with a C annotation or
# cython.declare, initialised in module-body order, read and written from def,
# cfunc and nogil code (`global` to assign in a function), not module attributes.
import cython

trace = []
hits: cython.int = 0
scale: cython.double = 1.5
limit = cython.declare(cython.long, 7 * 6)
cython.declare(ready=cython.bint, step=cython.short)
names: list = []  # a Python type: an ordinary Python global

trace.append(limit)  # initialised already: module code runs in order
step = 3
ready = limit > 40
limit += step  # module code reads and writes them too
shadow: cython.int = 5


@cython.cfunc
@cython.nogil
def bump(k: cython.int) -> cython.int:
    global hits
    hits += k
    return hits


def add(n: cython.int) -> cython.double:
    global hits, limit
    acc: cython.double = 0
    with cython.nogil:
        for i in range(n):
            acc += scale * i
            bump(step)
        limit = hits + limit
    return acc


def snapshot():
    return (hits, scale, limit, ready, step, shadow)


def set_scale(x):
    global scale
    scale = x  # converted to a C double, as Cython does
    return scale


def local_shadow():
    shadow = "a local"  # no `global`: a local, as in Python
    return shadow, cython.typeof(shadow)


def bump_with(f):
    global hits
    hits += f()  # the target is read before the value runs
    return hits


def reset():
    global hits
    hits = 0


def loop_variable(n: cython.int):
    global step
    out = []
    for step in range(n):
        out.append(step)
    return out, step


def spin(n: cython.int) -> cython.int:
    # Several threads store without the GIL: each store is whole (relaxed
    # atomics), so the last one leaves n - 1.
    global shadow
    with cython.nogil:
        for i in range(n):
            shadow = i
    return shadow


def exported():
    # pyxx, as Cython for cdef globals: a C variable is no module attribute.
    import sys
    module = sys.modules[__name__]
    if cython.compiled:
        return [name for name in ("hits", "scale", "limit", "ready", "step", "shadow") if hasattr(module, name)]
    return []


names.append(snapshot())
