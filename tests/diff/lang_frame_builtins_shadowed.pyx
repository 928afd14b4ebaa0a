# Module-level names that shadow globals(), eval() and dir() (an import, an
# assignment, a `def`) are ordinary calls of what they hold.
from operator import add as eval


def dir(x=None):
    return ["own dir", x]


globals = lambda: "own globals"  # noqa: E731
AT_MODULE = (eval(3, 4), dir(), globals())


def use():
    return eval(1, 2), dir(5), globals()
