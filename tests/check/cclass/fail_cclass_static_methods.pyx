import cython


@cython.cclass
class Buffer:
    size: cython.int
    items: list

    @staticmethod
    @cython.cfunc
    def empty(size: cython.int) -> "Buffer":
        b: Buffer = Buffer.__new__(Buffer)
        b.size = size
        return b

    @staticmethod
    @cython.cfunc
    def size(n: cython.int) -> cython.int:  # expected-error PX105: `size` is already defined
        return n

    @classmethod  # expected-error PX303: decorator `classmethod`
    @cython.cfunc
    def default(cls) -> cython.int:
        return 0

    @staticmethod
    @cython.cfunc
    @cython.nogil
    def clamp(n: cython.int, items: list) -> cython.int:  # expected-error PX205: parameter `items`
        return n

    @staticmethod
    @cython.cfunc
    def scaled(n: cython.int, k: cython.int = len("ab")) -> cython.int:  # expected-error PX302: non-constant default
        return n * k

    @staticmethod
    @cython.cfunc
    def base() -> cython.int:
        return super().size  # expected-error PX302: zero-argument `super()`

    @staticmethod
    @cython.cfunc
    @cython.nogil
    def twice(n: cython.int) -> cython.int:
        return 2 * n


def as_value():
    f = Buffer.empty  # expected-error PX302: the static `@cython.cfunc` method `empty` of `Buffer` used other than in a call
    return f


def through_instance(b: Buffer):
    return b.empty(3)  # expected-error PX302: the static `@cython.cfunc` method `empty` of `Buffer` used other than in a call


def without_gil() -> cython.int:
    n: cython.int = 0
    with cython.nogil:
        Buffer.empty(n)  # expected-error PX202: call to `empty`, which needs the GIL
        n = Buffer.twice(n)
    return n
