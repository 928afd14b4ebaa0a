import array

from diff_support import documented, show


def run(mod):
    # Plain Python's shim makes cython.address a new one-element pointer: stores
    # through it do not reach the array. Compiled, they do, as in Cython.
    a = array.array('i', [1, 2, 3, 4])
    documented("poke(a, 1)", mod.poke, (a, 1), "[1, 7, 0, 4]")
    show("poke out of range", mod.poke, array.array('i', [1, 2, 3, 4]), 3)
    documented("poke read-only", mod.poke, (memoryview(array.array('i', [1, 2])).toreadonly(), 0),
               "ValueError: buffer source array is read-only")
    grid = array.array('d', [0.0] * 6)
    view = memoryview(grid).cast('B').cast('d', [2, 3])
    documented("fill_row", lambda: (mod.fill_row(view, 1, 2.5), list(grid))[1], (),
               "[0.0, 0.0, 0.0, 2.5, 2.5, 2.5]")
