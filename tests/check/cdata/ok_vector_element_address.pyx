# expected-no-diagnostics
# `cython.address(v[i])` of a vector variable or an extension type's vector
# field: `&v[i]`, as Cython writes it (unchecked, as `v[i]` is).
import cython
from cython.cimports.libcpp.vector import vector


@cython.cclass
class Floats:
    v: vector[cython.float]

    def stride(self) -> cython.Py_ssize_t:
        self.v.resize(2)
        return cython.cast(cython.p_char, cython.address(self.v[1])) - cython.cast(cython.p_char, cython.address(self.v[0]))


def bump(n: cython.int) -> cython.int:
    v: vector[cython.int] = [1, 2, 3]
    p: cython.p_int = cython.address(v[n])
    p[0] += 10
    return v[n]
