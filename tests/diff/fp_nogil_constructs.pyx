# Correct programs pyxx used to reject (issue 7, section 5), run compiled and as
# plain Python: docstrings in nogil code, @cython.locals typing parameters,
# divmod of C integers and methods of C numbers without the GIL, `with` items
# spanning lines, and one-line definitions tree-sitter misreads.
import cython


@cython.cfunc
@cython.nogil
def square(n: cython.long) -> cython.long:
    """The square of n."""
    return n * n


def docstrings(n: cython.long) -> cython.long:
    """Calls square without the GIL."""
    with cython.nogil:
        "a string statement"
        ...
        r = square(n)
    return r


@cython.cfunc
@cython.nogil
@cython.locals(a=cython.int, b=cython.double, total=cython.double)
def scale(a, b) -> cython.double:
    total = a * b
    return total


@cython.locals(n=cython.int)
def typed_by_locals(n, x: cython.double):
    with cython.nogil:
        r = scale(n, x)
    return r


@cython.cfunc
@cython.nogil
def divmod_nogil(a: cython.long, b: cython.long) -> cython.long:
    q, r = divmod(a, b)
    return q * 1000 + r


def divmod_long(a: cython.long, b: cython.long):
    with cython.nogil:
        v = divmod_nogil(a, b)
    return v


def divmod_mixed(a: cython.short, b: cython.uint):  # C's conversions: unsigned
    q, r = divmod(a, b)
    return (q, r)


def divmod_literal(a: cython.int):
    with cython.nogil:
        q, r = divmod(a, 7)
        s, t = divmod(100, a)
    return (q, r, s, t)


@cython.cdivision(True)
def divmod_cdivision(a: cython.int, b: cython.int):
    q, r = divmod(a, b)
    return (q, r)


def digits(n: cython.ulong) -> cython.int:
    count: cython.int = 0
    with cython.nogil:
        while True:
            n, _digit = divmod(n, 10)
            count += 1
            if n == 0:
                break
    return count


def divmod_object(a, b: cython.int):
    q, r = divmod(a, b)  # a Python object: Python's divmod
    return (q, r)


@cython.cfunc
@cython.nogil
def float_parts(x: cython.double) -> cython.double:
    one: cython.double = (1.0).conjugate()
    if x.is_integer():
        return x.real + one + x.imag
    return x.conjugate()


def float_methods(x: cython.double):
    with cython.nogil:
        v = float_parts(x)
        whole = x.is_integer()
    return (v, whole)


def int_parts(n: cython.int):
    with cython.nogil:
        v = n.real + n.imag + n.conjugate() + n.numerator + n.denominator
    return (v, n.real, n.imag)


def with_condition(n: cython.long, flag: cython.bint) -> cython.long:
    with cython.nogil(
            flag):
        r = square(n)
    return r


def with_parenthesized(n: cython.long) -> cython.long:
    with (
        cython.nogil,
    ):
        r = square(n)
    with (
        cython.nogil
    ):
        r += square(r)
    return r


def one_line(a) -> list: a[0] = 7; return a


def one_line_swap(a) -> list: a[0], a[1] = a[1], a[0]; return a


def one_line_nested(a) -> list: a[0][1] = 2; return a


def one_line_typed(n: cython.int) -> cython.int: m = [n]; m[0] += 1; return m[0]
