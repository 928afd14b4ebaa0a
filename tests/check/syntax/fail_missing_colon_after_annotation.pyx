import cython


# The parser gives up inside the body; the colon of the header is what is missing.
def area(w: cython.double, h: cython.double) -> cython.double  # expected-error PX003
    return w * h


class Box(object)  # expected-error PX003
    size: int = 0
