# An extension type deriving from a cimported one cannot take the place of the
# base's C methods (the exporting module's vtable and dispatcher know only its
# own types), nor reach them through super(); GIL rules as for any type.
import cython
from cython.cimports.shapes_decl import Shape, Square


@cython.cclass
class Polygon(Shape):
    title: str

    @cython.cfunc
    @cython.nogil
    def corners(self) -> cython.int:  # expected-error PX301: a method overriding the C method `corners` of the cimported extension type `shapes_decl.Shape`
        return 3

    def label(self, prefix: str) -> str:  # expected-error PX301: overriding the C method `label`
        return prefix

    def twice(self) -> cython.int:
        return 2 * super().corners()  # expected-error PX302: `super().corners(...)` of the C method


@cython.cclass
class Both(Shape, Square):  # expected-error PX301: several base classes of an extension type
    pass


@cython.total_ordering  # expected-error PX303
@cython.cclass
class Ordered(Square):
    def __eq__(self, other):
        return True

    def __lt__(self, other):
        return False


def title_of(p: Polygon) -> cython.int:
    with cython.nogil:
        p.title = p.title  # expected-error PX201: Python-object field `title`
    return 0
