# An extension type deriving from a builtin: the struct starts with the
# builtin's (PyListObject), tp_new/tp_dealloc/traverse/clear chain to its
# slots, create_cclass checks the builtin's size; a derived type nests it.
import cython


@cython.cclass
class Stack(list):
    depth: cython.int
    label: object

    @cython.cfunc
    def grow(self) -> cython.int:
        self.depth += 1
        return self.depth


@cython.cclass
class Named(Stack):
    name: str


@cython.cclass
class Failure(Exception):
    code: cython.int
