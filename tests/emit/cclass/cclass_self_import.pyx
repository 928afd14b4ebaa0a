# `from m import T` with T an extension type of the module: the import checks
# that it gives the type and binds nothing.
import cython


@cython.cclass
class Shop:
    stock: cython.int


from cclass_self_import import Shop
