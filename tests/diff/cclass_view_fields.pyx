# Memoryview fields of extension types: a view annotated in the class body,
# bound in `__init__` (taking the buffer of any exporter), read and written in
# place from def, C and nogil methods, rebound to a slice of itself without the
# GIL, passed on to functions, inherited by a derived type, and released when
# the instance goes (the exporter can resize again). Several threads scale
# their own instances at the same time.
import cython


@cython.cfunc
@cython.nogil
def view_sum(v: cython.double[:]) -> cython.double:
    s: cython.double = 0
    i: cython.Py_ssize_t
    for i in range(v.shape[0]):
        s += v[i]
    return s


@cython.cclass
class Signal:
    samples: cython.double[:]
    marks: cython.int[:, ::1]
    count: cython.int

    def __init__(self, samples, marks):
        self.samples = samples
        self.marks = marks
        self.count = 0

    def total(self) -> cython.double:
        s: cython.double
        with cython.nogil:
            s = view_sum(self.samples)
        return s

    @cython.cfunc
    @cython.nogil
    def scale(self, k: cython.double) -> cython.void:
        i: cython.Py_ssize_t
        for i in range(self.samples.shape[0]):
            self.samples[i] *= k
        self.count += 1

    def run(self, k: cython.double, rounds: cython.int):
        r: cython.int
        with cython.nogil:
            for r in range(rounds):
                self.scale(k)
        return self.count

    def mark(self, r: cython.int, c: cython.int, v: cython.int):
        self.marks[r, c] = v
        return self.marks[r, c], self.marks.shape[0], self.marks.shape[1]

    def drop_first(self):
        with cython.nogil:
            self.samples = self.samples[1:]
        return self.samples.shape[0], self.samples[0]

    def last(self):
        return self.samples[-1]

    def rebind(self, other):
        self.samples = other
        return self.total()


@cython.cclass
class LabelledSignal(Signal):
    label: str

    def __init__(self, samples, marks, label):
        super().__init__(samples, marks)
        self.label = label

    def describe(self):
        return self.label, self.samples.shape[0], self.total()
