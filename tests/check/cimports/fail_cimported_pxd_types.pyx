# Cimports of declarations-only .pxd files that cannot be read for their C types.
import cython
from cython.cimports.kitchen_funcs import lid  # expected-error PX120
from cython.cimports.kitchen_enums import simmer  # expected-error PX120: declares no C struct, union, enum, enum value
from cython.cimports.kitchen_cpdef_enum import bake  # expected-error PX120: `cpdef enum`
from cython.cimports.kitchen_types import spoon  # expected-error PX120
from cython.cimports.kitchen_types import pot as cauldron  # expected-error PX120
from cython.cimports import kitchen_types  # expected-error PX120

from cython.cimports.kitchen_cpdef_extern import ceil  # expected-error PX120: the `cpdef` extern function `ceil`
