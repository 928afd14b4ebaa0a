"""Shim for `cython.operator` (also `cython.cimports.cython.operator`).

`dereference(p)` reads what a shim pointer points at, as `p[0]` does. The
increments store to the caller's variable, which a plain-Python function
cannot do: they have no plain-Python meaning (Cython's own shim has no
`cython.operator` at all), so programs that use them run compiled only."""


def dereference(pointer):
    return pointer[0]


def _compiled_only(name):
    def function(*args):
        raise NotImplementedError(f"cython.operator.{name}() has no plain-Python meaning")
    function.__name__ = name
    return function


preincrement = _compiled_only("preincrement")
predecrement = _compiled_only("predecrement")
postincrement = _compiled_only("postincrement")
postdecrement = _compiled_only("postdecrement")
