# C data fields of an extension type: a public or readonly field is converted
# at each access from Python, so it must have a Python value (PX103: a pointer,
# a union, a struct holding a pointer); an object field next to them is still
# PX201 without the GIL.
import cython

Point = cython.struct(x=cython.double, y=cython.double)
Number = cython.union(i=cython.long, d=cython.double)
Node = cython.struct(value=cython.double, next=cython.pointer(cython.double))


@cython.cclass
class Bad:
    where = cython.declare(cython.p_double, visibility='public')  # expected-error PX103: cannot convert `cython.pointer(cython.double)` to a Python object
    number = cython.declare(Number, visibility='readonly')  # expected-error PX103
    node = cython.declare(Node, visibility='public')  # expected-error PX103
    points = cython.declare(Point[2], visibility='public')
    names: list

    def use(self) -> cython.double:
        with cython.nogil:
            self.points[0].x = 1.0
            if self.names:  # expected-error PX201: Python-object field `names` of extension type `Bad`
                return 0.0
        return self.points[0].x
