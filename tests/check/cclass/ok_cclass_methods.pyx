# expected-no-diagnostics
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
        return self.balance

    @cython.cfunc
    @cython.nogil
    @cython.exceptval(check=False)
    def add(self, amount: cython.double) -> cython.void:
        self.balance += amount

    @cython.ccall
    @cython.nogil
    def doubled(self) -> cython.double:
        return self.audit() * 2

    @cython.cfunc
    def log(self, amount: cython.double) -> cython.void:
        self.history.append(amount)

    @cython.ccall
    def last(self, default: cython.double = 0.0) -> cython.double:
        if self.history:
            return self.history[-1]
        return default

    def deposit(self, amount: cython.double) -> cython.double:
        with cython.nogil:
            self.add(amount)
            amount = self.doubled() + self.audit()
        self.log(amount)
        return self.last() + self.last(default=1.0)


def total(a: Account, b: Account) -> cython.double:
    with cython.nogil:
        a.add(1.0)
        b.add(2.0)
    return a.audit() + b.doubled()
