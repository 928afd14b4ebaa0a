# A dataclass extension type whose __post_init__ multiplies a C field by an
# InitVar argument (an in-place operation with a Python operand).
import cython
from dataclasses import InitVar


@cython.dataclasses.dataclass
@cython.cclass
class Scaled:
    value: cython.double
    scale: InitVar[cython.double] = 2.0

    def __post_init__(self, scale):
        self.value *= scale
