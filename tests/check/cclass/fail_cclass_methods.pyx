import cython


@cython.cclass
class Account:
    balance: cython.double
    history: list

    def __init__(self):
        self.history = []

    @cython.cfunc
    @cython.nogil
    def audit(self) -> cython.double:
        if self.history:  # expected-error PX201: Python-object field `history` of extension type `Account`
            return 0.0
        return self.balance

    @cython.cfunc
    def log(self, amount: cython.double) -> cython.void:
        self.history.append(amount)

    @cython.cfunc
    @cython.nogil
    def reset(self) -> cython.void:
        with cython.gil:
            self = None  # expected-error PX301: binding the parameter `self` again in a C method

    @cython.cfunc
    def limit(self, cap: cython.double = len("abc")) -> cython.double:  # expected-error PX302: non-constant default
        return cap

    @staticmethod  # expected-error PX303: decorator `staticmethod`
    @cython.ccall
    def make() -> cython.int:
        return 0

    @cython.cfunc
    def balance(self) -> cython.int:  # expected-error PX105: `balance` is already defined
        return 0

    def deposit(self, amount: cython.double):
        with cython.nogil:
            self.log(amount)  # expected-error PX202: call to `log`, which needs the GIL
        f = self.log  # expected-error PX302: used as a value
        return self.audit(1)  # expected-error PX104: `audit` takes 0 arguments but 1 was given
