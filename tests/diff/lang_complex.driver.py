from diff_support import show


def raises(error, message):
    def model(*args, **kwargs):
        raise error(message)
    return model


def run(mod):
    show("add", mod.add, 1 + 2j, 3 - 1j)
    show("add(int, float)", mod.add, 1, 2.5, c_model=lambda a, b: complex(a) + complex(b))
    show("add(str)", mod.add, "x", 1j, c_model=raises(TypeError, "must be real number, not str"))
    show("arith", mod.arith, 1.5 - 2j, 0.5, 3)
    show("arith(neg zero)", mod.arith, complex(-0.0, 0.0), -0.0, 0)
    show("div", mod.div, 1 + 2j, 3 - 4j)
    show("div(big)", mod.div, 1e300 + 1e300j, 1e-300 + 2e-300j)
    show("div(by zero)", mod.div, 1 + 2j, 0j)
    show("div(by nan)", mod.div, 1 + 2j, complex(float("nan"), 1.0))
    show("power", mod.power, 1.5 + 0.5j, 0.5 - 2j)
    show("power(int exp)", mod.power, 1.5 + 0.5j, 7 + 0j)
    show("power(neg int exp)", mod.power, 1.5 + 0.5j, -3 + 0j)
    show("power(big int exp)", mod.power, 1.0001 + 0j, 1000 + 0j)
    show("power(zero)", mod.power, 0j, -1 + 0j)
    show("power(zero complex)", mod.power, 0j, 1j)
    show("power(overflow)", mod.power, 1e200 + 1e200j, 2 + 0j)
    show("int_power", mod.int_power, 2 - 1j, 10)
    show("int_power(neg)", mod.int_power, 2 - 1j, -2)
    show("parts", mod.parts, 3 - 4j)
    show("parts(abs overflow)", mod.parts, 1e308 + 1e308j)
    show("parts(inf)", mod.parts, complex(float("inf"), float("nan")))
    show("compare", mod.compare, 1 + 0j, 1 + 0j, 1.0)
    show("compare(differ)", mod.compare, 1 + 1j, 1 - 1j, 1.0)
    show("truth", mod.truth, 0j)
    show("truth(imag)", mod.truth, 1e-300j)
    show("literal", mod.literal, 0.25)
    show("accumulate", mod.accumulate, 6)
    show("kinds", mod.kinds, 1.5 + 0.25j, 2 - 0.5j, 4 + 1j)
    show("nogil_use", mod.nogil_use, 5)
    show("ccall_complex", mod.ccall_complex, 1 + 3j)
