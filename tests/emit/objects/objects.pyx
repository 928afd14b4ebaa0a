import cython
import math

SCALE = 3


def describe(items, name: str = "items"):
    out = []
    for item in items:
        out.append(item * SCALE)
    info = {"name": name, "count": len(items), "first": items[0] if items else None}
    return out, info, f"{name}: {len(items)}"


def attrs(obj, key):
    obj.value = obj.value + 1
    return obj.value, obj[key], obj[1:3], math.floor(2.5)


def mixed(n: cython.int, obj) -> cython.int:
    x = obj + n
    return x
