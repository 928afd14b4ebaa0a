import cython


def make_counter(start):
    count = start

    def increment(step=1):
        nonlocal count
        count += step
        return count

    return increment


def late_binding():
    fs = []
    for i in range(3):
        fs.append(lambda: i)
    return [f() for f in fs]


def early_binding():
    fs = []
    for i in range(3):
        fs.append(lambda i=i: i * 10)
    return [f() for f in fs]


def rebinding_seen():
    x = 1
    get = lambda: x
    first = get()
    x = 2
    return first, get()


def unbound_free():
    def inner():
        return later
    try:
        inner()
    except NameError as e:
        message = str(e)
    later = 5
    return message, inner()


def recursive(n):
    def fact(k):
        return 1 if k <= 1 else k * fact(k - 1)
    return fact(n)


def names():
    def inner():
        pass
    f = lambda: 0
    return inner.__name__, inner.__qualname__, f.__name__, f.__qualname__, inner.__module__


def c_typed(n: cython.int):
    total: cython.long = 0

    def add(k):
        nonlocal total
        total += k * n

    for j in range(4):
        add(j)
    return total


def three_levels(a):
    def middle(b):
        def inner(c):
            return a + b + c
        return inner
    return middle(10)(100)


def defaults_evaluated_once():
    seen = []

    def make(v):
        seen.append(v)
        return v

    def f(x=make(1), y=make(2)):
        return x + y

    return f(), f(10), seen


def decorated():
    def twice(fn):
        def wrapper(x):
            return fn(x) * 2
        return wrapper

    @twice
    def value(x):
        return x + 1

    return value(4)


def with_docstring():
    def documented():
        "Says hello."
        return "hello"
    return documented.__doc__, documented()


def sort_key(words):
    return sorted(words, key=lambda w: (len(w), w))


def argument_errors():
    def f(a, b=2):
        return a + b
    out = []
    try:
        f()
    except TypeError as e:
        out.append(str(e))
    try:
        f(1, 2, 3)
    except TypeError as e:
        out.append(str(e))
    out.append(f(b=5, a=1))
    return out


module_lambda = lambda x: x * 3
