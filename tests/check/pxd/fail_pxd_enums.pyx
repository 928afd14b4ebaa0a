# A .pxd's enumerators are constants of the module: not rebound, and an
# integer is not an enum value.
import cython


def main():  # expected-error PX105
    pass


def first(c):
    return c + 1  # expected-error PX302: the operator `+` on the C enum `course`


def use() -> cython.int:
    return first(0)  # expected-error PX103
