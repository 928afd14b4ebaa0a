# `@cython.final` on module-level C functions changes nothing (nothing can
# override them), in either order with `@cython.ccall` / `@cython.cfunc`.
import cython


@cython.final
@cython.ccall
def describe(tag, i: cython.Py_ssize_t) -> cython.int:
    # No `return`: a C int result of 0, as Cython gives (plain Python: None).
    print(f"describe({tag}, {i})")


@cython.ccall
@cython.final
def scaled(x: cython.double, k: cython.int = 3) -> cython.double:
    return x * k


@cython.final
@cython.cfunc
def clamp(x: cython.long, lo: cython.long, hi: cython.long) -> cython.long:
    return lo if x < lo else hi if x > hi else x


def use(values: list):
    out = []
    for v in values:
        out.append(clamp(v, -5, 5))
    describe("use", len(values))
    return out, scaled(1.5), scaled(2.0, 4)
