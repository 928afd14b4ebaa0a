"""Each module object of the extension has its own globals."""
import cython

counter = 0
label = "first"


def bump() -> cython.int:
    global counter
    counter += 1
    return counter


def get():
    return counter, label


def call_bump() -> cython.int:
    return bump()


@cython.cfunc
def c_get() -> object:
    return counter


def get_via_cfunc():
    return c_get()


def relabel(text):
    global label
    label = text
