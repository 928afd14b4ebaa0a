# Functions declared without `nogil` in fail_pxd_nogil.pxd.
import cython


@cython.nogil
def scaled(x):  # expected-error PX124: `scaled` is declared without `nogil` in the .pxd
    return x * 2.0


def shifted(x):
    return x + 1.0


@cython.with_gil
def logged(x):  # expected-error PX124: `logged` is declared without `with gil` in the .pxd
    return x


def run(x: cython.double) -> cython.double:
    with cython.nogil:  # expected-note: the GIL is released here
        x = shifted(x)  # expected-error PX202: call to `shifted`, which needs the GIL
    return x


class Meter:
    @cython.nogil
    def reading(self):  # expected-error PX124: `reading` is declared without `nogil` in the .pxd
        return 1.0
