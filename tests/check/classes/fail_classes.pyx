import cython


class Plain:
    @cython.cfunc  # expected-error PX107: on a method of a plain Python class
    def helper(self) -> cython.int:
        return 1

    @cython.nogil  # expected-error PX107: `@cython.nogil` on a method
    def quiet(self):
        pass

    @cython.ccall  # expected-error PX107: C methods belong to extension types
    def both(self):
        pass


@cython.cclass  # expected-error PX301: extension types (`@cython.cclass`)
class Extension:
    pass


def class_without_gil(n: cython.int) -> cython.int:
    with cython.nogil:
        class Made:  # expected-error PX201: creating a class
            pass
    return n


def instance_without_gil(n: cython.int) -> cython.int:
    with cython.nogil:
        p = Plain()  # expected-error PX202: `Plain`
    return n


def method_call_without_gil(p: Plain, n: cython.int) -> cython.int:
    with cython.nogil:
        p.helper2()  # expected-error PX202: `p.helper2`
    return n


@cython.cfunc
@cython.nogil
def nogil_function(n: cython.int) -> cython.int:
    class Inside:  # expected-error PX201: creating a class
        pass
    return n


class Body:
    while False:  # expected-error PX301: this statement in a class body
        pass


def super_outside_method():
    return super()  # expected-error PX302: zero-argument `super()` outside the body of a method


class StarBases(*[object]):  # expected-error PX302: `*` unpacking in a class's bases
    pass
