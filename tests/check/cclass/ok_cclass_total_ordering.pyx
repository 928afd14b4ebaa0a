# `@cython.total_ordering`: an equality method and one ordering method in the
# class body, in either decorator order.
import cython


@cython.total_ordering
@cython.cclass
class Version:
    major: cython.int

    def __eq__(self, other):
        return isinstance(other, Version) and self.major == cython.cast(Version, other).major

    def __lt__(self, other):
        return self.major < cython.cast(Version, other).major


@cython.cclass
@cython.total_ordering
class Weight:
    grams: cython.double

    def __ne__(self, other):
        return self.grams != cython.cast(Weight, other).grams

    def __ge__(self, other):
        return self.grams >= cython.cast(Weight, other).grams

# expected-no-diagnostics
