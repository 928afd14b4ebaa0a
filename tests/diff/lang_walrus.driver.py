from diff_support import show


def run(mod):
    show("first_long(abcd)", mod.first_long, ["a", "b", "c", "d"])
    show("first_long(ab)", mod.first_long, ["a", "b"])
    show("countdown(4)", mod.countdown, 4)
    show("countdown(0)", mod.countdown, 0)
    show("order()", mod.order)
    show("inferred(4)", mod.inferred, 4)
    show("short_circuit(True)", mod.short_circuit, True)
    show("short_circuit(False)", mod.short_circuit, False)
    show("in_comprehension", mod.in_comprehension, [1, 2, 3, 4, 5])
    show("c_in_comprehension", mod.c_in_comprehension, [1.5, 2.0])
    show("nogil_loop(10)", mod.nogil_loop, 10)
    show("closure()", mod.closure)
    show("in_lambda()", mod.in_lambda)
    show("rebind_read", mod.rebind_read, [1, 2, 3])
    show("default", mod.default_from_walrus)
    show("m", lambda: mod.m)
