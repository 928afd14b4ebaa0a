# Module-level `def` functions stored as class attributes bind as methods, as
# Python's functions do (Cython 3's `binding=True`): in a class body, assigned
# to a class later by the module or by Python code, in plain classes and in
# extension types.
import cython


def plus_one(a):
    return a + 1


def describe(self, suffix="!"):
    return f"{type(self).__name__}{suffix}"


def count_args(*args, **kwargs):
    return len(args), sorted(kwargs)


def typed_scale(self, k: cython.int) -> cython.int:
    return self.base * k


def attached_later(self):
    return ("later", type(self).__name__)


def attached_by_python(self):
    return self is not None


def stored_default(self, items=[]):
    items.append(1)
    return len(items)


@cython.binding(True)
def asked_to_bind(self):
    return ("asked", type(self).__name__)


class Plain:
    base = 10
    plus1 = plus_one
    name = describe
    counted = count_args
    scale = typed_scale
    grows = stored_default
    bound_static = staticmethod(plus_one)
    if base > 5:
        conditional = describe


class Derived(Plain):
    base = 3


@cython.cclass
class Ext:
    base: cython.int
    name = describe
    counted = count_args
    asked = asked_to_bind

    def __init__(self, base: cython.int):
        self.base = base

    def get_base(self):
        return self.base


def attach_later():
    Plain.later = attached_later
    Derived.later2 = attached_later
    return Plain().later(), Derived().later2()


def calls_in_module():
    p = Plain()
    return (Plain.plus1(1), p.name(), p.name("?"), p.counted(1, x=2), p.scale(4),
            Derived().scale(4), Plain.bound_static(5), p.conditional())


def same_object():
    # The class attribute is the module's function itself.
    return Plain.__dict__["plus1"] is plus_one, Plain.plus1 is plus_one


def direct_call_still_works():
    # Called by name in the module, the function takes its arguments as before.
    return plus_one(41), describe(Ext(2)), typed_scale(Plain(), 3)
