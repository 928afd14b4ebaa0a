# Parameter and argument forms beyond plain positional ones: keyword-only
# parameters (after `*`) with C and object types, *args and **kwargs
# parameters, * and ** at call sites, starred assignment targets, and * / **
# inside list and dict displays.
import cython


def greet(name, punctuation="!", times: cython.int = 1):
    return ("hello " + name + punctuation) * times


def apply(f, *values):
    return f(*values)


def build_kwargs(**options):
    return sorted(options.items())


def everything(a, b: cython.int = 2, *rest, **named):
    return (a, b, rest, sorted(named))


def star_call(args, kwargs):
    return greet(*args, **kwargs)


def starred(seq):
    first, *rest = seq
    *init, last = seq
    return (first, rest, init, last)


def spread(a, b):
    return [*a, *b], {**{"k": 1}, **b}


def keyword_only(x: cython.long, *, step: cython.long = 1, times: cython.int = 3):
    out = []
    for k in range(times):
        out.append(x + step * k)
    return out


def required_keyword(*, name: str, width: cython.int):
    return name.rjust(width, ".")


def mixed(a: cython.double, b: cython.double = 1.0, *, scale: cython.double = 10.0):
    return (a + b) * scale
