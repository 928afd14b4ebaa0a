import dataclasses
from dataclasses import dataclass, field


def log_class(cls):
    cls.decorated = True
    return cls


class Base:
    kind = "base"
    registry = []

    def __init__(self, value, *extra, **opts):
        self._value = value * opts.pop("scale", 1)
        self.extra = extra
        self.opts = opts

    @property
    def value(self):
        return self._value

    @value.setter
    def value(self, v):
        if v < 0:
            raise ValueError("negative")
        self._value = v

    @value.deleter
    def value(self):
        self._value = None

    def __eq__(self, other):
        return type(self) is type(other) and self._value == other._value

    def __hash__(self):
        return hash(self._value)

    def __lt__(self, other):
        return self._value < other._value

    def __len__(self):
        return 3

    def __getitem__(self, i):
        return i * 2

    def __iter__(self):
        return iter([1, 2, 3])

    def __call__(self, a, /, b, *, c=5):
        return a + b + c

    def __add__(self, other):
        return Base(self._value + other._value)

    def __str__(self):
        return "Base<%s>" % self._value

    def __repr__(self):
        return f"{type(self).__name__}({self._value!r})"

    def __contains__(self, x):
        return x == self._value

    def __bool__(self):
        return self._value != 0

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


class A(Base):
    def who(self):
        return "A>" + super().who() if hasattr(super(), "who") else "A"

    def hello(self):
        return ["A"]


class B(Base):
    def who(self):
        return "B"

    def hello(self):
        return ["B"] + super(B, self).hello() if hasattr(super(B, self), "hello") else ["B"]


@log_class
class C(A, B):
    def hello(self):
        return ["C"] + super().hello()

    @classmethod
    def create(cls, *args):
        return cls(*args)

    @staticmethod
    def twice(x):
        return x * 2


class Counter:
    count = 0

    def __init__(self):
        Counter.count += 1
        type(self).count += 0

    @classmethod
    def how_many(cls):
        return cls.count


class Slotted:
    __slots__ = ("a", "b")

    def __init__(self, a):
        self.a = a


class Private:
    __secret = 42

    def __init__(self):
        self.__hidden = "h"

    def reveal(self):
        return self.__secret, self.__hidden, self.__helper()

    def __helper(self):
        return "helped"


def run_all():
    out = []
    b = Base(2, 3, 4, scale=3, flag=True)
    out.append((b.value, b.extra, b.opts, str(b), repr(b), len(b), b[4], list(b), b(1, 2), b(1, b=2, c=3)))
    b.value = 10
    out.append(b.value)
    try:
        b.value = -1
    except ValueError as e:
        out.append(str(e))
    del b.value
    out.append(b.value)
    out.append((Base(1) == Base(1), Base(1) == Base(2), Base(1) < Base(2), 5 in Base(5), bool(Base(0))))
    out.append(repr(Base(1) + Base(2)))
    with Base(7) as w:
        out.append(w.value)
    c = C(4)
    out.append((c.hello(), c.who(), C.decorated, [k.__name__ for k in C.__mro__], C.twice(3), repr(C.create(9))))
    Counter(); Counter()
    out.append(Counter.how_many())
    s = Slotted(1)
    try:
        s.c = 3
    except AttributeError:
        out.append("slots")
    out.append((Private().reveal(), sorted(k for k in vars(Private) if "secret" in k or "helper" in k)))
    out.append((Base.__init__.__qualname__, C.hello.__qualname__, C.create.__func__.__qualname__, Base.value.fget.__qualname__))
    out.append({b: 1}[b])
    return out
