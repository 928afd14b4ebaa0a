from diff_support import documented, show


def run(mod):
    show("wave(0.5)", mod.wave, 0.5)
    show("wave(-2.0)", mod.wave, -2.0)
    # C's floor returns a double (Python's math.floor an int).
    documented("whole(2.75)", mod.whole, (2.75,), "2.0")
    documented("whole(-0.5)", mod.whole, (-0.5,), "-1.0")
    show("measured", mod.measured, b"seven b")
    show("hypot_of(5, 12)", mod.hypot_of, 5, 12)
    # The `cpdef` functions are attributes of the module, as Python's math functions are.
    show("sin(1.0)", mod.sin, 1.0)
    show("sin(2)", mod.sin, 2)
    documented("floor(3.5)", mod.floor, (3.5,), "3.0")
    show("_hypot(6.0, 8.0)", mod._hypot, 6.0, 8.0)
    show("sin('a')", mod.sin, "a")
    # Compiled, the wrapper converts to and from C double: floor gives a float, not int.
    documented("floor type", lambda: type(mod.floor(3.5)).__name__, (), "'float'")
    documented("sin(x=1.0)", lambda: mod.sin(x=1.0), (), "0.8414709848078965")
    # The C name `hypot` has unnamed parameters in the .pxd: positional only.
    documented("_hypot(arg0=1, arg1=2)", lambda: mod._hypot(arg0=1.0, arg1=2.0), (),
               "TypeError: _hypot() got some positional-only arguments passed as keyword arguments: 'arg0, arg1'")
    # `cos` is not `cpdef`: a C function only.
    documented("has cos", hasattr, (mod, "cos"), "False")
