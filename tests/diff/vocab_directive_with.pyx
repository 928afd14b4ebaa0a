# Directives as `with` blocks apply to their block only.
import cython


def divisions(a: cython.int, b: cython.int):
    before = a // b, a % b
    with cython.cdivision(True):
        inside = a // b, a % b
        with cython.cdivision(False):
            nested = a // b
    after = a // b
    return before, inside, nested, after


def zero_division(a: cython.int):
    return a // 0 if a > 1000 else divide_by(a, 0)


def divide_by(a: cython.int, b: cython.int) -> cython.int:
    return a // b


def indexing(v: cython.long[:], i: cython.Py_ssize_t) -> cython.long:
    with cython.wraparound(True), cython.boundscheck(True):
        first = v[i]
    with cython.boundscheck(False):
        second = v[0]
    return first + second


def annotated_targets(d: dict, key: str):
    # An annotated subscript or attribute target assigns; its annotation is not typed.
    d[key]: int = 2
    d["other"]: "cython.int" = d[key] * 10
    return d
