# The entry point of a function with Python object members: C numbers first,
# then isinstance tests of the object types in order, then `object`.
import cython


@cython.cclass
class Box:
    v: cython.long


member = cython.fused_type(object, cython.double, bytes, Box)


def describe(x: member):
    if member is object:
        return 0
    else:
        return 1
