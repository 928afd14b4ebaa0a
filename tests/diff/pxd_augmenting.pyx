# A module typed by an augmenting .pxd beside it (pxd_augmenting.pxd): the
# definitions here are plain Python; the .pxd makes them C functions, C-typed
# parameters, an extension type with fields and a C module variable.
calls = 0


def add(x, y=10):
    global calls
    calls += 1
    return x + y


def _half(value):
    return value / 2


def checked_div(a, b):
    if b == 0:
        raise ZeroDivisionError("division by zero in checked_div")
    return a // b


def total(values):
    acc = 0
    for i in range(len(values)):
        acc += values[i]
    return acc


def halves(n):
    return [_half(i) for i in range(n)]


def divide(a, b):
    return checked_div(a, b)


def call_count():
    return calls


class Account:
    """A balance and its owner."""

    def __init__(self, owner, balance):
        self.owner = owner
        self.balance = balance
        self._moves = 0

    def deposit(self, amount):
        self._moves += 1
        self.balance += amount
        return self.balance

    def _count(self):
        return self._moves

    def moves(self):
        return self._count()


class Savings(Account):
    def __init__(self, owner, balance, rate):
        Account.__init__(self, owner, balance)
        self.rate = rate

    def deposit(self, amount):
        return Account.deposit(self, amount * (1 + self.rate))
