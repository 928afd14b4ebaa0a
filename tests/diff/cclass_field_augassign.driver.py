from diff_support import documented, show


def run(mod):
    show("run(2, 3)", mod.run, 2, 3)
    a = mod.Account()
    show("add(2)", a.add, 2)
    show("add(True)", a.add, True)
    show("add('x')", a.add, "x")
    show("state() after the TypeError", a.state)
    show("grow_small(3)", a.grow_small, 3)
    b = mod.Account()
    show("power(2)", b.power, 2)
    show("toggle(True)", b.toggle, True)
    # A bint field holds a bool: `False ^ 1` stored there reads back as False (0 in plain Python).
    documented("toggle(1)", b.toggle, (1,), "False")
    # A value the C field cannot hold: plain Python keeps the bigger number;
    # compiled code raises as Cython does, and the field keeps its value.
    c = mod.Account()
    documented("grow_small(10)", c.grow_small, (10,), "OverflowError: Python int too large to convert to C unsigned char")
    documented("state() after the overflow", c.state, (), "(1.5, 2, 250, False)")
    # A float into the C int field: TypeError (docs/design-choices.md), after
    # the double field took its share.
    documented("add(0.5)", c.add, (0.5,), "TypeError: 'float' object cannot be interpreted as an integer")
    documented("state() after the TypeError", c.state, (), "(2.0, 2, 250, False)")
