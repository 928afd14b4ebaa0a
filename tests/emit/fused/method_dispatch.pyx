# A fused `def` method: the class binds a function object whose C++ function is
# the dispatcher; it passes that function object on to the wrapper it picks.
import cython


@cython.cclass
class Scaler:
    factor: cython.int

    def scale(self, x: cython.floating) -> cython.floating:
        return x * self.factor
