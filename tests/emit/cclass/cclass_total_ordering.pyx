# `@cython.total_ordering`: the class body's missing ordering methods are added
# to its namespace before the type is made.
import cython


@cython.total_ordering
@cython.cclass
class Rank:
    n: cython.int

    def __eq__(self, other):
        return self.n == cython.cast(Rank, other).n

    def __lt__(self, other):
        return self.n < cython.cast(Rank, other).n
