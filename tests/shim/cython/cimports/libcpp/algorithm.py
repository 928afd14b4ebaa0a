"""Shim for `cython.cimports.libcpp.algorithm`: importable, but with no
plain-Python meaning (its iterators are C++ pointers into a vector or an
array), as in Cython's own shim: programs that call these run compiled only."""


def _compiled_only(name):
    def function(*args):
        raise NotImplementedError(f"libcpp.algorithm.{name}() has no plain-Python meaning")
    function.__name__ = name
    return function


sort = _compiled_only("sort")
stable_sort = _compiled_only("stable_sort")
partial_sort = _compiled_only("partial_sort")
nth_element = _compiled_only("nth_element")
reverse = _compiled_only("reverse")
fill = _compiled_only("fill")
