# Class forms: `*bases`/`**keywords`, super() and __class__ in functions nested
# in methods, generator methods, lambdas in class bodies.
import cython


class Base:
    def hello(self):
        return "base"

    def __init_subclass__(cls, **kwargs):
        cls.options = sorted(kwargs.items())


class Mixin:
    def mixed(self):
        return "mixed"


class Child(Base):
    def hello(self):
        def inner(other):
            return super().hello() + "+inner"
        return inner(self)

    def no_arguments(self):
        def inner():
            return super().hello()
        return inner()

    def wrong_instance(self):
        def inner(other):
            return super().hello()
        return inner(3)

    def class_name(self):
        f = lambda: __class__.__name__
        return f()

    def deeper(self):
        def outer():
            def innermost(me):
                return super().hello(), __class__.__qualname__
            return innermost(self)
        return outer()

    def gen(self):
        yield super().hello()
        yield __class__.__name__


class Seq:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        for i in range(self.n):
            yield i * 2

    def pairs(self):
        result = yield from zip(self, range(self.n))
        return result

    def counter(self):
        total = 0
        while True:
            got = yield total
            if got is None:
                return total
            total += got


class WithLambdas:
    k = 3
    double = lambda self, x: x * 2
    triple = staticmethod(lambda x: x * 3)
    scaled = lambda self, x, k=k: x * k  # the default is the class's k
    reads_global = lambda self: k  # the body is no scope for it: the global


k = "global k"
bases = (Base, Mixin)
options = {"color": "red", "size": 2}


class Starred(*bases, **options):
    pass


class Mixed(Base, *[Mixin], flag=True, **{"extra": 1}):
    pass


class NoneStarred(*(), **{}):
    pass


def bad_star():
    class Bad(*5):
        pass
    return Bad


def bad_mapping():
    class Bad(**5):
        pass
    return Bad


def twice_keyword():
    class Bad(Base, size=1, **{"size": 2}):
        pass
    return Bad


def not_strings():
    class Bad(Base, **{1: 2}):
        pass
    return Bad


def run_all():
    c = Child()
    out = [c.hello()]
    for name in ["no_arguments", "wrong_instance"]:
        try:
            out.append(getattr(c, name)())
        except Exception as e:
            out.append((type(e).__name__, str(e)))
    out.append(c.class_name())
    out.append(c.deeper())
    out.append(list(c.gen()))
    s = Seq(3)
    out.append(list(s))
    g = s.pairs()
    out.append((next(g), next(g), next(g)))
    try:
        next(g)
    except StopIteration as stop:
        out.append(("stop", stop.value))
    cnt = s.counter()
    next(cnt)
    out.append((cnt.send(2), cnt.send(5)))
    try:
        cnt.send(None)
    except StopIteration as stop:
        out.append(("counted", stop.value))
    w = WithLambdas()
    out.append((w.double(4), WithLambdas.triple(2), w.scaled(2), w.reads_global(), WithLambdas.double.__qualname__))
    out.append(([b.__name__ for b in Starred.__bases__], Starred.options, Starred().mixed()))
    out.append(([b.__name__ for b in Mixed.__bases__], Mixed.options))
    out.append([b.__name__ for b in NoneStarred.__bases__])
    for f in [bad_star, bad_mapping, twice_keyword, not_strings]:
        try:
            f()
            out.append("no error")
        except Exception as e:
            out.append((type(e).__name__, str(e)))
    return out


class Cells:
    def returns_inner(self):
        def inner():
            return __class__
        return inner

    def two_levels(self):
        def middle():
            def innermost():
                return __class__.__name__
            return innermost
        return middle

    def local_class(self):
        class Local:
            def which(self):
                return __class__.__qualname__
        return Local().which(), __class__.__name__

    def shadowed(self, flag):
        if flag:
            __class__ = "assigned"
        return __class__


class Generators:
    values = [1, 2, 3]
    rows = [[1, 2], [3]]
    lazy = (v * 2 for v in values)
    every = all(v > 0 for v in values)
    eager = list(lazy)
    flat = (v * 10 for row in rows for v in row)


def run_cells():
    c = Cells()
    out = [c.returns_inner()().__name__, c.two_levels()()(), c.local_class(), c.shadowed(True)]
    try:
        c.shadowed(False)
    except Exception as e:
        out.append(type(e).__name__)
    out.append((list(Generators.lazy), Generators.every, Generators.eager, list(Generators.flat)))
    return out
