# globals(), locals(), vars(), dir(), eval() and exec() see the module's
# namespaces (and a class body's), never those of the code calling in.
import cython

G = 1
AT_MODULE = ("G" in globals(), locals() is globals(), vars() is globals(),
             [n for n in dir() if n.startswith("G")], eval("G + 1"), eval("G + 2", None),
             eval("G + x", None, {"x": 5}))
exec("EXECUTED = G * 10")
exec("EXECUTED_NONE = G * 20", None)


class Body:
    A = 1
    SEEN = ("A" in locals(), "A" in vars(), "G" in globals(), "G" in locals(),
            [n for n in dir() if not n.startswith("__")], eval("A + G"))
    exec("B = A + G")
    EVAL_LOCALS = eval("G + y", None, {"y": 3})


@cython.cclass
class Extension:
    A = 2
    SEEN = ("A" in locals(), "G" in globals(), eval("A * 10"))


def registry(name):
    return globals()[name]


def store_global(name, value):
    globals()[name] = value


def evaluate(s, a):
    return eval(s, globals()), eval(s, None, {"a": a}), eval(s, {"G": a}, None), eval(s, {"G": a, "a": a})


def execute(s):
    d = {}
    exec(s, globals(), d)
    return sorted(d.items())


def execute_global(s):
    exec(s, globals())


def unpacked(args: tuple):
    return eval(*args)


def with_arguments(obj):
    return sorted(vars(obj)), [n for n in dir(obj) if not n.startswith("_")]


def nested():
    def inner():
        return "G" in globals()
    return inner(), (lambda: "G" in globals())(), [("G" in globals()) for _ in range(2)]


def shadowed_locally(s):
    eval = len
    dir = sorted
    return eval(s), dir(s)


def is_module_dict():
    return globals() is Body.__dict__["registry_globals"]


Body.registry_globals = globals()


def unpacked_any(args, kwargs):
    return eval(*args, **kwargs)
