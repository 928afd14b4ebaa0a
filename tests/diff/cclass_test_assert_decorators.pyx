# Cython's test suite asserts on its own syntax tree with
# `cython.test_assert_path_exists(...)` and `cython.test_fail_if_path_exists(...)`:
# on an extension type, a plain class or a function they change nothing.
import cython


@cython.cclass
@cython.test_assert_path_exists("//PropertyNode")
class Counter:
    count: cython.int

    def __init__(self, start: cython.int):
        self.count = start

    @property
    def doubled(self):
        return self.count * 2

    @cython.test_fail_if_path_exists("//SimpleCallNode")
    def bump(self, by: cython.int) -> cython.int:
        self.count += by
        return self.count


@cython.test_fail_if_path_exists("//CClassDefNode")
@cython.test_assert_path_exists("//PyClassDefNode", "//DefNode")
class Plain:
    label = "plain"

    def describe(self, n):
        return f"{self.label}:{n}"


@cython.test_assert_path_exists("//ForInStatNode")
def total(values: list) -> cython.long:
    s: cython.long = 0
    for v in values:
        s += v
    return s
