from diff_support import documented, show


def run(mod):
    show("add(1)", mod.add, 1)
    show("add(1, 2)", mod.add, 1, 2)
    show("add(y=3, x=4)", lambda: mod.add(y=3, x=4))
    show("calls", mod.call_count)
    # The .pxd types x as a C int: a float argument is refused, as in Cython.
    documented("add(1.5)", mod.add, (1.5,), "TypeError: 'float' object cannot be interpreted as an integer")
    show("halves(4)", mod.halves, 4)
    show("divide(7, 2)", mod.divide, 7, 2)
    show("divide(7, 0)", mod.divide, 7, 0)
    show("total", mod.total, [1, 2, 3, 4])
    # `cdef` functions are C functions: not attributes of the compiled module.
    documented("has _half", hasattr, (mod, "_half"), "False")
    documented("has checked_div", hasattr, (mod, "checked_div"), "False")
    a = mod.Account("ann", 10.0)
    show("deposit", a.deposit, 5)
    show("balance", lambda: a.balance)
    a.balance = 1.25
    show("balance set", lambda: a.balance)
    show("owner", lambda: a.owner)
    show("moves", a.moves)
    # `cdef readonly` fields cannot be assigned from Python; private fields are not attributes.
    documented("set owner", lambda: setattr(a, "owner", "bob"), (),
               "AttributeError: attribute 'owner' of 'pxd_augmenting.Account' objects is not writable")
    documented("has _moves", hasattr, (a, "_moves"), "False")
    s = mod.Savings("sue", 100.0, 0.5)
    show("savings deposit", s.deposit, 10)
    show("is Account", isinstance, s, mod.Account)
    show("doc", lambda: mod.Account.__doc__)
