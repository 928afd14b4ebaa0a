# diff-needs: numpy
import numpy as np

from diff_support import show


# Plain Python words a None subscript or attribute its own way; compiled code
# raises Cython's nonecheck errors (and IndexError, unchecked, under bounds checking).
def raises(kind, message):
    def model(*args):
        raise kind(message)
    return model


INDEX = raises(TypeError, "Cannot index None memoryview slice")
BOUNDS = raises(IndexError, "Out of bounds on buffer access (axis 0)")


def run(mod):
    v = np.array([1.5, 2.5, 3.5])
    m = np.arange(6, dtype=np.float64).reshape(2, 3)
    show("index_checked", mod.index_checked, v)
    show("index_checked(None)", mod.index_checked, None, c_model=INDEX)
    show("store_checked", mod.store_checked, v.copy())
    show("store_checked(None)", mod.store_checked, None, c_model=INDEX)
    show("shape_checked", mod.shape_checked, m)
    show("shape_checked(None)", mod.shape_checked, None,
         c_model=raises(AttributeError, "Cannot access 'shape' attribute of None memoryview slice"))
    show("ndim_checked", mod.ndim_checked, m)
    show("ndim_checked(None)", mod.ndim_checked, None,
         c_model=raises(AttributeError, "Cannot access 'ndim' attribute of None memoryview slice"))
    show("transpose_checked", mod.transpose_checked, m)
    show("transpose_checked(None)", mod.transpose_checked, None,
         c_model=raises(AttributeError, "Cannot transpose None memoryview slice"))
    show("with_block", mod.with_block, m)
    show("with_block(None)", mod.with_block, None,
         c_model=raises(AttributeError, "Cannot access 'shape' attribute of None memoryview slice"))
    show("index_unchecked", mod.index_unchecked, v)
    show("index_unchecked(None)", mod.index_unchecked, None, c_model=BOUNDS)
    show("shape_unchecked(None)", mod.shape_unchecked, None, c_model=lambda v: 0)
    show("index_no_bounds", mod.index_no_bounds, v)
    show("first_nogil", mod.first_nogil, v)
