# A `__dict__` field: a `dict`, once in a chain of types, not in a dataclass;
# `__weakref__` is not supported yet.
import cython


@cython.cclass
class WrongType:
    __dict__: list  # expected-error PX113: a `__dict__` field is a `dict`


@cython.cclass
class Base:
    __dict__: dict


@cython.cclass
class Again(Base):
    __dict__: dict  # expected-error PX113: `Base` has a `__dict__` already


@cython.cclass
class Weak:
    __weakref__: object  # expected-error PX301: a `__weakref__` field


@cython.dataclasses.dataclass
@cython.cclass
class Data:
    __dict__: dict  # expected-error PX301: a `__dict__` field of a dataclass
