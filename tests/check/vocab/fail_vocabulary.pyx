import cython


@cython.profile(True)  # expected-error PX303
def profiled(x):
    return x


@cython.linetrace(True)  # expected-error PX303
def traced(x):
    return x


@cython.nogil(1)  # expected-error PX107
@cython.cfunc
def bad_nogil_argument(x: cython.int) -> cython.int:
    return x


@cython.returns(cython.int)  # expected-error PX107
def disagree(x: cython.int) -> cython.long:
    return x


@cython.returns(cython.int, cython.long)  # expected-error PX107
def two_returns(x: cython.int):
    return x


@cython.cfunc
@cython.nogil(True)
def nogil_true_body(x: cython.int) -> cython.int:
    with cython.gil:
        pass
    print(x)  # expected-error PX202
    return x


@cython.cfunc
@cython.nogil
def live_branch_checked(n: cython.int) -> cython.int:
    if cython.compiled:
        print(n)  # expected-error PX202
    return n


def unknown_typename(x: cython.sbyte):  # expected-error PX102
    return x
