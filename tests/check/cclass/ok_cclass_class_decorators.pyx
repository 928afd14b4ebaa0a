# expected-no-diagnostics
import cython


@cython.collection_type("sequence")
@cython.cclass
class Items:
    n: cython.int

    def __len__(self):
        return self.n

    def __getitem__(self, i: cython.Py_ssize_t):
        return i


@cython.collection_type("mapping")
@cython.no_gc_clear
@cython.cclass
class Table:
    data: dict


@cython.no_gc
@cython.type_version_tag
@cython.type_version_tag(True)
@cython.cclass
class Leaf:
    n: cython.int

    @cython.nogil
    @cython.cfunc
    def size(self) -> cython.int:
        return self.n


def total(leaf: Leaf) -> cython.int:
    with cython.nogil:
        return leaf.size()  # C fields and nogil methods need no GIL, whatever the decorators
