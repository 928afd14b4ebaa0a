import cython


class Plain:
    pass


@cython.cclass
class FromPlain(Plain):  # expected-error PX301: a base class of an extension type other than an extension type
    pass


@cython.final
@cython.cclass
class Sealed:
    pass


@cython.cclass
class FromSealed(Sealed):  # expected-error PX113: `Sealed` is `@cython.final`
    pass


@cython.cclass
class Base:
    size: cython.int
    items: list

    @cython.cfunc
    def weight(self, k: cython.int) -> cython.double:
        return k * 1.0

    @cython.cfunc
    @cython.nogil
    def fast(self) -> cython.int:
        return self.size

    @cython.ccall
    def name(self) -> str:
        return "base"


@cython.cclass
class Derived(Base):
    size: cython.long  # expected-error PX105: `size` is already defined

    @cython.cfunc
    def weight(self, k: cython.double) -> cython.double:  # expected-error PX113: overrides `Base.weight` with another signature
        return k

    @cython.cfunc
    def fast(self) -> cython.int:  # expected-error PX113: overrides `Base.fast` with another signature
        return 0

    def name(self):  # expected-error PX105: `name` is already defined
        return "derived"

    @cython.cfunc
    def helper(self) -> cython.int:
        return super().missing()  # expected-error PX302: zero-argument `super()` in a C method


@cython.cclass
class Other(Base):
    pass


def narrow(b: Base) -> cython.int:
    with cython.nogil:
        use_derived(b)  # expected-error PX201: converting a Python object to a C value (`Base` to `Derived`)
    return 0


@cython.cfunc
@cython.nogil
def use_derived(d: Derived) -> cython.int:
    return d.size
