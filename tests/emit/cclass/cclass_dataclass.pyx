# A `@cython.dataclasses.dataclass` extension type: a field table (each field's
# descriptor entry, its field() options, the default the class body evaluates)
# and the slots made from it (tp_init, tp_repr, tp_richcompare, tp_hash), which
# call the runtime's generic methods; `__dataclass_fields__` in the namespace.
import cython


@cython.dataclasses.dataclass(order=True)
@cython.cclass
class Point:
    x: cython.double
    y: cython.double = 0.0
    tags: list = cython.dataclasses.field(default_factory=list, compare=False)
