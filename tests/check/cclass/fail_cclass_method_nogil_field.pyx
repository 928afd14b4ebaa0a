import cython


@cython.cclass
class Account:
    balance: cython.double
    history: list  # expected-note: `history` is declared here as a Python `list`

    @cython.cfunc
    @cython.nogil  # expected-note: `audit` may run without the GIL
    def audit(self) -> cython.double:
        if self.history:  # expected-error PX201: Python-object field `history` of extension type `Account` used without the GIL
            return 0.0
        return self.balance
