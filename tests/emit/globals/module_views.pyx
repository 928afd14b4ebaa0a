# A module-level memoryview: storage that is never destroyed (ModuleView),
# plain reads and stores (every use holds the GIL).
import cython

view = cython.declare(cython.double[:])


def bind(obj):
    global view
    view = obj


def first():
    return view[0]
