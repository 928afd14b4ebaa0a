# `__dict__: dict`: the instance dictionary's slot in the struct, its
# `__dictoffset__` member, the `__dict__` descriptor, and GC over it.
import cython


@cython.cclass
class Animal:
    legs: cython.int
    __dict__: dict
