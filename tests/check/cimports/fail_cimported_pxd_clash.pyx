# kitchen_types.pxd's types are placed in this module: one it declares but this
# module does not cimport (`ladle`) must not meet a name of the module.
import cython
from cython.cimports.kitchen_types import pot  # expected-error PX120


def ladle() -> int:
    return 1
