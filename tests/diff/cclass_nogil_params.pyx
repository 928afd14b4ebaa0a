# An extension type instance as a parameter of nogil C functions: its C fields
# and nogil methods are used without the GIL; a None instance raises
# AttributeError once the GIL is back (Cython would crash there).
import cython
from typing import Optional


@cython.cclass
class Particle:
    x = cython.declare(cython.double, visibility='public')
    v: cython.double
    steps = cython.declare(cython.long, visibility='readonly')

    def __init__(self, x: cython.double, v: cython.double):
        self.x = x
        self.v = v

    @cython.cfunc
    @cython.nogil
    def advance(self, dt: cython.double) -> cython.double:
        self.x += self.v * dt
        self.steps += 1
        return self.x


@cython.cfunc
@cython.nogil
def simulate(p: Particle, n: cython.long, dt: cython.double) -> cython.double:
    i: cython.long
    for i in range(n):
        p.advance(dt)
        if p.x > 100.0:
            p.v = -p.v
    return p.x


@cython.cfunc
@cython.nogil
def gap(a: Particle, b: Optional[Particle]) -> cython.double:
    return b.x - a.x


@cython.ccall
@cython.nogil
def kick(p: Particle, dv: cython.double) -> cython.double:
    p.v += dv
    return p.v


def run(p: Particle, n: cython.long) -> cython.double:
    r: cython.double
    with cython.nogil:
        r = simulate(p, n, 0.5)
    return r


def distance(a: Particle, b: Optional[Particle]):
    d: cython.double
    with cython.nogil:
        d = gap(a, b)
    return d


def kicked(p: Particle) -> cython.double:
    return kick(p, 1.0) + simulate(p, 3, 1.0)
