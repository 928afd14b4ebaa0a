# `cython.cast(T, obj)` to an extension type (tested, None passes) and
# `if isinstance(x, T):` narrowing an object (or a base-typed value) to T in
# the branch, and `if not isinstance(x, T):` with a branch that never falls
# through narrowing it in the rest of the block: its C fields and C methods
# are used directly there; also after `isinstance(x, T) and`.
import cython


@cython.cclass
class Animal:
    legs: cython.int

    def __init__(self, legs: cython.int):
        self.legs = legs

    @cython.cfunc
    def sound(self) -> str:
        return "..."


@cython.cclass
class Dog(Animal):
    tricks: cython.int

    def __init__(self, tricks: cython.int):
        super().__init__(4)
        self.tricks = tricks

    @cython.cfunc
    def sound(self) -> str:
        return "woof"

    @cython.cfunc
    @cython.nogil
    def score(self) -> cython.int:
        return self.tricks * 10 + self.legs


def describe(x):
    if isinstance(x, Dog):
        return f"dog {x.tricks} {x.sound()} {x.score()}"
    elif isinstance(x, Animal):
        return f"animal {x.legs} {x.sound()}"
    return "not an animal: " + repr(x)


def best(a: Animal) -> cython.int:
    s: cython.int = -1
    if isinstance(a, Dog):
        with cython.nogil:
            s = a.score()
    return s


def legs_of(x) -> cython.int:
    a: Animal = cython.cast(Animal, x)
    return a.legs if a is not None else -1


def tricks_of(x) -> cython.int:
    return cython.cast(Dog, x, typecheck=True).tricks


def dog_score(x) -> cython.int:
    s: cython.int
    if not isinstance(x, Dog):
        raise TypeError("expected a dog, got " + type(x).__name__)
    with cython.nogil:
        s = x.score()
    return s + x.tricks


def total_legs(animals) -> cython.int:
    n: cython.int = 0
    for a in animals:
        if not isinstance(a, Animal):
            continue
        n += a.legs
        if not isinstance(a, Dog):
            n += 100
            continue
        with cython.nogil:
            n += a.score()
    return n


def dog_tricks(x, minimum: cython.int):
    # `isinstance(x, T) and ...`: narrowed in the operands after the test and
    # in the branch; as a value, `and` gives Python's False or the last operand.
    if x is not None and isinstance(x, Dog) and x.tricks >= minimum:
        return x.score()
    return isinstance(x, Dog) and x.tricks
