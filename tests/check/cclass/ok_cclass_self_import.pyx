# A module importing its own extension type by name (as a documentation
# example does): the name keeps the type, the import only checks that it
# gives the type itself.
import cython


@cython.cclass
class Shop:
    stock: cython.int


from ok_cclass_self_import import Shop
from ok_cclass_self_import import Shop as Shop


def count(s: Shop) -> cython.int:
    return s.stock
# expected-no-diagnostics
