# Two cimports bind the same enum constant name: Cython reports a
# redeclaration. The error points at the second cimport, a note at the first.
import cython
from cython.cimports.kitchen_enums import heat, low  # expected-note: `low` was first defined here
from cython.cimports.kitchen_oven_enums import oven, low  # expected-error PX105: `low` is already defined


def settings(h: heat, o: oven) -> cython.int:
    return 1
