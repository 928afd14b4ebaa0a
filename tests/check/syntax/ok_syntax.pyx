# expected-no-diagnostics
# ok-for: PX001 PX002 PX003 PX004 PX005 PX006 PX007
# The valid spellings of what the failing syntax tests get wrong.
import cython


@cython.cfunc
@cython.nogil
def fibonacci(n: cython.ulong) -> cython.ulong:
    return n


def total(a: cython.double[:]) -> cython.double:
    return a[0]


def greet(name):
    print("héllo", name, "→")
    x = ((((((((((1))))))))))
    return x + 1
