from diff_support import documented, show

# Cython's shim (Shadow.py) makes `@cython.total_ordering` a no-op decorator:
# run as plain Python, the methods the class leaves out do not exist, so the
# results of the made ones are written down as Cython computes them (for these
# consistent orders, as the integers compare).
PAIRS = [(1, 2), (2, 1), (1, 1)]


def table(cls, ops):
    return [[op(cls(a), cls(b)) for a, b in PAIRS] for op in ops]


def lt(a, b):
    return a < b


def le(a, b):
    return a <= b


def gt(a, b):
    return a > b


def ge(a, b):
    return a >= b


def error_name(function):
    try:
        return function()
    except Exception as e:
        return type(e).__name__


def run(mod):
    show("defined ge", lambda: table(mod.ByGe, [ge]))
    documented("made from ge", lambda: table(mod.ByGe, [lt, le, gt]), (),
               "[[True, False, False], [True, False, True], [False, True, False]]")
    show("defined lt", lambda: table(mod.ByLtNe, [lt]))
    documented("made from lt and ne", lambda: table(mod.ByLtNe, [le, gt, ge]), (),
               "[[True, False, True], [False, True, False], [False, True, True]]")
    show("defined le gt", lambda: table(mod.ByLe, [le, gt]))
    documented("made from le", lambda: table(mod.ByLe, [lt, ge]), (),
               "[[True, False, False], [False, True, True]]")
    del mod.calls[:]
    # `<` from `__le__` (preferred to `__gt__`): le, then equality when le holds.
    documented("root calls", lambda: (mod.ByLe(1) < mod.ByLe(1), mod.ByLe(2) < mod.ByLe(1), list(mod.calls)), (),
               "(False, False, ['le', 'eq', 'le'])")
    # NotImplemented from the root passes through: Python then raises TypeError.
    documented("not implemented", lambda: error_name(lambda: mod.ByGe(1) < 3), (), "'TypeError'")
    documented("root raises", lambda: error_name(lambda: mod.ByGe(-1) <= mod.ByGe(2)), (), "'ValueError'")
    show("eq unchanged", lambda: (mod.ByGe(1) == mod.ByGe(1), mod.ByGe(1) != mod.ByGe(2), mod.ByGe(1) == 1))

    class Sub(mod.ByGe):
        def __ge__(self, other):
            return True

    # The made methods call the extension type's own root, not a subclass's override.
    documented("subclass override", lambda: (Sub(1) < Sub(2), Sub(5) >= Sub(9)), (), "(True, True)")
