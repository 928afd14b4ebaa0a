import cython

if True:
    def conditional_def(x):
        return x + 1
    pick = lambda a, b=2: a * b


@cython.cfunc
def c_maker(n: cython.int) -> object:
    return lambda: n * 2


def use_c_maker(n: cython.int):
    return c_maker(n)()


def nogil_owner(n: cython.int) -> cython.long:
    acc: cython.long = 0
    bump = lambda: acc + 1
    with cython.nogil:
        for i in range(n):
            acc += i
    return acc + bump()


def method_factory():
    def describe(self, extra=""):
        return "I am " + type(self).__name__ + extra
    return describe


def deep(n):
    def down(k):
        return 0 if k == 0 else 1 + down(k - 1)
    try:
        return down(n)
    except RecursionError:
        return "RecursionError"


def evaluation_order():
    log = []
    x = 1

    def bump():
        nonlocal x
        x = 10
        log.append("bump")
        return 5

    total = x + bump()
    return total, x, log


def shadowing(x):
    def inner(x):
        return x * 2
    return inner(x + 1), x


def cell_param_rebound(v):
    def get():
        return v
    v = v + 1
    return get()


def keyword_call():
    def f(a, b, c=3):
        return (a, b, c)
    return f(1, c=5, b=2), f(7, 8)
