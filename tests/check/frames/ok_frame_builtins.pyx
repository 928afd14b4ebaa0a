# expected-no-diagnostics
# The calls of globals(), locals(), vars(), dir(), eval() and exec() that pyxx
# gives the namespaces Python would: the module's __dict__ everywhere, module
# code's and class bodies' locals, and eval/exec with the namespaces given.
import cython

G = 1
IN_MODULE = (globals(), locals(), vars(), dir(), eval("G"), eval("G", None), eval("G + x", None, {"x": 1}))
exec("H = 2")


class Body:
    A = 1
    SEEN = (globals(), locals(), vars(), dir(), eval("A + G"))
    exec("B = A")


def registry(name):
    return globals()[name]


def evaluate(s, a):
    return eval(s, globals()), eval(s, None, {"a": a}), eval(s, {"G": a}, None)


def execute(s, d: dict):
    exec(s, globals(), d)


def arguments(obj, args: tuple):
    return vars(obj), dir(obj), eval(*args)


def nested():
    def inner():
        return globals()
    return inner(), (lambda: globals())(), [globals() for _ in range(1)]


def shadowed_locally(s):
    eval = len
    dir = sorted
    return eval(s), dir(s)


def snapshot(a, b: cython.int):
    c = 2.5
    p: cython.p_int = cython.address(b)  # no Python value: left out, as Cython does
    p[0] += 1
    return locals(), vars()


class WithClassCell:
    def method(self):
        __class__
        return locals()


def in_lambda(x):
    return (lambda y: locals())(x)


def in_generator(n):
    for i in range(n):
        yield locals()
