# What pyxx does not take in memoryview subscripts and attributes.
import cython


def subscripts(m: cython.double[:, :], o, n: cython.int[:]) -> cython.void:
    m[0], k = m[1], 1  # expected-error PX301: as one of several targets
    m[0] = n  # expected-error PX103: a copy needs the same element type
    x = m[0, 0, 0]  # expected-error PX113: too many indices
    y = m[..., 0, ...]  # expected-error PX113: more than one `...`
    q = m[0, ..., 1]  # expected-error PX113: stands for no dimension
    z = m[o:]  # expected-error PX103: a memoryview slice bound
    w = m.shape[2]  # expected-error PX113: out of range
    u = m.strides[-3]  # expected-error PX113
    t = m.base  # expected-error PX302: memoryview attribute `.base`


def unpack_rows(m: cython.double[:, :, :]):
    # Its rows are 2-D Python memoryviews, which Python cannot iterate.
    for a, b in m:  # expected-error PX301: unpacking the rows of a 3-dimensional memoryview
        print(a, b)
