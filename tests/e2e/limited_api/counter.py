# An extension type: refused under the limited API (PX306).
import cython


@cython.cclass
class Counter:
    count: cython.int
