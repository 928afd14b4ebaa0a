# `@cython.dataclasses.dataclass`: the options are literal booleans, the fields
# annotated C numbers or Python objects, defaults in __init__'s order, no
# mutable default.
import cython
from cython.cimports.libc.stdlib import malloc


@cython.dataclasses.dataclass(True)  # expected-error PX107: keyword arguments only
@cython.cclass
class Positional:
    x: cython.int


@cython.dataclasses.dataclass(slots=True, eq=1)  # expected-error PX107: `slots` is not an option # expected-error PX107: are `True` or `False`
@cython.cclass
class Options:
    x: cython.int


@cython.dataclasses.dataclass
@cython.dataclasses.dataclass(order=True)  # expected-error PX303: decorator `cython.dataclasses.dataclass(order=True)` not supported yet # expected-note: the class is already a dataclass
@cython.cclass
class Twice:
    x: cython.int


@cython.dataclasses.dataclass
@cython.cclass
class Fields:
    a: cython.int = cython.dataclasses.field(default=1, default_factory=int)  # expected-error PX113: cannot specify both default and default_factory
    b: list = []  # expected-error PX113: mutable default for field `b`
    c: object = cython.dataclasses.field(metadata={})  # expected-error PX302: `metadata=` of `cython.dataclasses.field`
    d: cython.int = cython.dataclasses.field(init=0)  # expected-error PX113: `init=` of `cython.dataclasses.field` is `True` or `False`
    e = cython.declare(cython.int)  # expected-error PX301: a `cython.declare` field in a dataclass
    f: cython.p_int  # expected-error PX304: a field of type `cython.p_int` in a dataclass


@cython.dataclasses.dataclass
@cython.cclass
class Order:
    a: cython.int = 0  # expected-note: a
    b: cython.int  # expected-error PX113: non-default argument 'b' follows default argument


@cython.dataclasses.dataclass(unsafe_hash=True)
@cython.cclass
class Hashed:  # expected-error PX107: Cannot overwrite attribute __hash__ in class Hashed
    a: cython.int

    def __hash__(self):
        return 1


@cython.dataclasses.dataclass
@cython.cclass
class Box:
    n: cython.int
    label: str  # expected-note: `label` is declared here as a Python `str`


def size(b: Box) -> cython.int:
    with cython.nogil:  # expected-note: the GIL is released here
        if b.label is None:  # expected-error PX201: Python-object field `label`
            return 0
        return b.n
