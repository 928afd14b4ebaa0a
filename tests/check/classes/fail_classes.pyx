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


def local_extension():
    @cython.cclass  # expected-error PX301: not at the top level of the module
    class Extension:
        pass
    return Extension


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
    for i in range(3):
        if i == 2:
            return i  # expected-error PX109: `return` outside a function


class AtModuleLevel:
    nonlocal value  # expected-error PX109: `nonlocal` outside a function


def two_levels_out():
    value = 1

    def inner():
        class Deep:  # expected-error PX301: `nonlocal value` in a class body
            nonlocal value
            value = 2
        return Deep

    return inner, value


class Comprehension:
    factor = 3
    # The comprehension does not see the class's `factor` (Python's rule), and
    # there is no global `factor`.
    values = [v * factor for v in range(3)]  # expected-error PX101: name `factor` is not defined


@cython.cfunc
@cython.nogil
def c_helper(n: cython.int) -> cython.int:
    return n + 1


class NoGilInBody:
    with cython.nogil:
        total = c_helper(1)  # expected-error PX201: assigning a Python object to the class attribute `total`
    base = 1
    with cython.nogil:
        c_helper(2)
        c_helper(base)  # expected-error PX201: reading a Python global `base`


def super_outside_method():
    return super()  # expected-error PX302: zero-argument `super()` outside the body of a method


class Parent:
    def items(self):
        return [1]


class InComprehension(Parent):
    def all_items(self):
        # Python 3.11 runs the comprehension as a function of its own: super()
        # there sees its iterator, not `self`.
        return [super().items() for _ in range(2)]  # expected-error PX302: zero-argument `super()` in a comprehension


def nested_outside_method():
    def inner(x):
        return super()  # expected-error PX302: outside the body of a method
    return inner


@cython.ccall
def module_function(a):
    return a + 1


class Aliases:
    # A `@cython.ccall` function is a builtin function of the module: it would not bind.
    plus = module_function  # expected-error PX302: the module-level function `module_function` as a class attribute
    static_plus = staticmethod(module_function)


Aliases.later = module_function  # expected-error PX302: the module-level function `module_function` as a class attribute


def other_function(a):
    return a - 1


# Any value the store may take counts: a branch of a conditional, an operand of `or`.
Aliases.either = other_function if len(__name__) > 3 else module_function  # expected-error PX302: the module-level function `module_function` as a class attribute
setattr(Aliases, "by_setattr", module_function)  # expected-error PX302: the module-level function `module_function` as a class attribute
setattr(Aliases, "or_value", None or module_function)  # expected-error PX302: the module-level function `module_function` as a class attribute


class ConditionalInBody:
    m = module_function if len(__name__) > 3 else other_function  # expected-error PX302: the module-level function `module_function` as a class attribute


class Async:
    async def fetch(self):  # expected-error PX305
        return 1
