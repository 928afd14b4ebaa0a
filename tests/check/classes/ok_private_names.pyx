# expected-no-diagnostics
# Private names in classes: a global a method binds with `global __name` is the
# module global `_Class__name`, found by the other methods and by module code.
import cython

_Tally__seen = 0


class Tally:
    def record(self, n):
        global __seen, __last
        __seen += 1
        __last = n
        return __seen

    def last(self):
        def inner():
            return __last
        return inner()


@cython.cclass
class Meter:
    __reading: cython.double

    def set(self, value: cython.double):
        global __sets
        __sets = value
        self.__reading = value


def totals():
    return _Tally__seen, _Tally__last, _Meter__sets
