import cython


@cython.total_ordering  # expected-error PX107: `@cython.total_ordering` needs `__eq__` (or `__ne__`) and one of
@cython.cclass
class NoEquality:
    def __lt__(self, other):
        return False


@cython.total_ordering  # expected-error PX107: `@cython.total_ordering` needs `__eq__` (or `__ne__`) and one of
@cython.cclass
class NoOrdering:
    def __eq__(self, other):
        return True


@cython.cclass
class Ordered:
    def __eq__(self, other):
        return True

    def __lt__(self, other):
        return False


@cython.total_ordering  # expected-error PX303: decorator `cython.total_ordering`
@cython.cclass
class Derived(Ordered):
    def __eq__(self, other):
        return True

    def __ge__(self, other):
        return True


@cython.internal  # expected-error PX303: decorator `cython.internal`
@cython.cclass
class Items:
    pass
