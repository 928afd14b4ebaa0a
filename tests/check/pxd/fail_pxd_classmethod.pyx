# A `@classmethod` that the .pxd makes a cpdef method, whose body uses its first
# parameter: Cython passes the instance there, Python the class.
import cython


class Shelf:
    @classmethod
    def label(tp):
        return "shelf"

    @classmethod  # expected-error PX303 expected-note: Cython then drops `@classmethod` and passes the instance as `tp`
    def named(tp):
        return tp.__name__
