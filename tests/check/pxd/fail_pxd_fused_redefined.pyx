# A fused type of the .pxd is a name of the module: not defined again.
import cython

number = cython.fused_type(cython.int, cython.float)  # expected-error PX105


def same(x: number):
    return x
