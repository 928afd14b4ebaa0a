# Truth tests of Python objects in GIL code: if/while/not/and/or on objects
# (and/or return an operand), objects converted to bint, conditional
# expressions choosing objects.
import cython


def truthy(obj):
    if obj:
        return "yes"
    return "no"


def negated(obj):
    return not obj


def pick_or(a, b):
    return a or b


def pick_and(a, b):
    return a and b


def to_bint(obj) -> cython.int:
    flag: cython.bint = obj
    if flag:
        return 1
    return 0


def count_down(lst):
    n: cython.int = 0
    while lst:
        lst.pop()
        n += 1
    return n


def mixed(obj, n: cython.int):
    if obj and n > 0:
        return "both"
    elif obj or n:
        return "one"
    return "none"


def choose(obj, a, b):
    return a if obj else b
