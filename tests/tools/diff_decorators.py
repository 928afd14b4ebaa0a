"""Decorators written in Python for differential programs (tests/diff/fn_defaults_decorators.pyx).

The program imports them at run time, compiled or plain, so that both runs apply
the same Python code to the module's functions.
"""

trace = []


def counting(fn):
    """Records each call of `fn` by name in `trace`."""
    def wrapper(*args, **kwargs):
        trace.append(fn.__name__)
        return fn(*args, **kwargs)
    return wrapper


def tagged(label):
    """A decorator with an argument: the result becomes (label, result)."""
    def apply(fn):
        def inner(*args, **kwargs):
            return (label, fn(*args, **kwargs))
        return inner
    return apply
