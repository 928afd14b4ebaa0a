import cython


@cython.cclass
class Account:
    balance: cython.double
    history: list

    def __init__(self):
        self.history = []

    def deposit(self, amount: cython.double):
        with cython.nogil:
            self.balance += amount  # C field: fine
            if self.history:  # expected-error PX201: Python-object field `history` of extension type `Account`
                self.balance -= 1


def audit(a: Account) -> cython.double:
    with cython.nogil:
        a.history = None  # expected-error PX201
    return a.balance


@cython.cclass
class Samples:
    data: cython.double[:]

    def load(self, source):
        with cython.nogil:
            self.data = source  # expected-error PX201
