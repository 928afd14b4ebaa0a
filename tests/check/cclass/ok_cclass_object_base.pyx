# An extension type's explicit `object` base is the implicit one.
# expected-no-diagnostics
import cython


@cython.cclass
class Base(object):
    n: cython.int


@cython.cclass
class Derived(Base):
    m: cython.int
