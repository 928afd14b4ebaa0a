import cython


# An annotation and a @cython.locals entry that disagree: which one is meant?
@cython.locals(x=cython.int)  # expected-error PX105
def conflict(x: cython.double) -> cython.double:
    return x
