# A static C method: a plain C function of the type (no `self`, no vtable
# slot), called directly as `Node.make(...)`, also without the GIL.
import cython


@cython.cclass
class Node:
    key: cython.int

    @staticmethod
    @cython.cfunc
    def make(key: cython.int) -> "Node":
        n: Node = Node.__new__(Node)
        n.key = key
        return n

    @staticmethod
    @cython.cfunc
    @cython.nogil
    def hash_of(key: cython.int) -> cython.int:
        return key * 31


def build(key: cython.int) -> cython.int:
    h: cython.int
    with cython.nogil:
        h = Node.hash_of(key)
    return Node.make(h).key
