# Extension types deriving from builtin types: the instance starts with the
# builtin's own struct (list, dict, set, an exception), the type's C fields
# follow it, and the builtin's methods and protocols work on `self`.
import cython


@cython.cclass
class Stack(list):
    pushes = cython.declare(cython.int, visibility="readonly")
    label = cython.declare(object, visibility="public")

    def __init__(self, label, *items):
        super().__init__(items)
        self.label = label
        self.pushes = 0

    def push(self, x):
        self.append(x)
        self.pushes += 1

    def top(self):
        return self[len(self) - 1]

    @cython.ccall
    def depth(self) -> cython.Py_ssize_t:
        return len(self)

    def __repr__(self):
        return "Stack(%r, %s)" % (self.label, list.__repr__(self))


@cython.cclass
class CountedStack(Stack):
    # Derived from a type derived from a builtin: its fields follow Stack's.
    pops = cython.declare(cython.long, visibility="readonly")

    def pop_top(self):
        self.pops += 1
        return self.pop()


@cython.cclass
class Registry(dict):
    misses = cython.declare(cython.int, visibility="readonly")

    def __missing__(self, key):
        self.misses += 1
        return key * 2

    def total(self) -> cython.long:
        t: cython.long = 0
        for k in self:
            t += self[k]
        return t


@cython.cclass
class Tags(set):
    added = cython.declare(cython.int, visibility="readonly")

    def tag(self, *names):
        for n in names:
            self.add(n)
            self.added += 1


@cython.cclass
class ParseError(Exception):
    line = cython.declare(cython.int, visibility="readonly")
    source: str  # private: only C code reads it

    def __init__(self, message, line: cython.int, source: str = "<input>"):
        super().__init__(message)
        self.line = line
        self.source = source

    def __str__(self):
        return "%s:%d: %s" % (self.source, self.line, self.args[0])


@cython.cclass
class Plain(ValueError):
    pass


def parse(text: str) -> int:
    for i, ch in enumerate(text):
        if not ch.isdigit():
            raise ParseError("not a digit: %r" % ch, i + 1)
    return int(text)


def try_parse(text: str):
    try:
        return parse(text)
    except ParseError as e:
        return ("error", e.line, str(e), e.args, isinstance(e, Exception))


def stack_depth(s: Stack) -> cython.Py_ssize_t:
    return s.depth() + s.pushes


def cycle():
    # A cycle through the list's items and a C object field: the GC frees it.
    s = Stack(None)
    s.push(s)
    s.label = s
    return len(s)


@cython.nogil
@cython.cfunc
def bump(s: Stack) -> cython.int:
    s.pushes += 10  # a C field: usable without the GIL
    return s.pushes


def bump_nogil(s: Stack) -> int:
    n: cython.int
    with cython.nogil:
        n = bump(s)
    return n


log = []


@cython.cclass
class Row(list):
    # `__cinit__` and `__dealloc__` around the builtin's part; special methods
    # of the type replace the builtin's slots, which stay reachable by name.
    made = cython.declare(cython.int, visibility="readonly")

    def __cinit__(self, *args, **kwargs):
        self.made = len(args)
        log.append("cinit")

    def __dealloc__(self):
        log.append("dealloc")

    def __getitem__(self, i):
        return list.__getitem__(self, i) * 10

    def __len__(self):
        return list.__len__(self) + 100


@cython.cclass
class Counter(dict):
    def __init__(self, words):
        super().__init__()
        for w in words:
            self[w] = self.get(w, 0) + 1

    def __repr__(self):
        return "Counter(%s)" % dict.__repr__(self)


def rows():
    r = Row([1, 2])
    out = [r[0], len(r), r.made, list(r)]
    del r
    out.append(list(log))
    c = Counter("abca")
    out.append(repr(c))
    out.append(c["a"])
    return out


@cython.cclass
class Leak(ResourceWarning):
    size = cython.declare(cython.Py_ssize_t, visibility="readonly")

    def __init__(self, size: cython.Py_ssize_t):
        super().__init__("leaked %d bytes" % size)
        self.size = size


def warnings_and_errors():
    return [issubclass(Leak, Warning), str(Leak(8)), Leak(8).size,
            [k.__name__ for k in (ReferenceError, SyntaxWarning, IsADirectoryError, TabError)]]
