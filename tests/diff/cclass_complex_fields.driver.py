from diff_support import compiled, show


def documented(label, fn, expected):
    """A complex field converts what is stored into it (an int becomes a
    complex), as in Cython; plain Python keeps the int. The compiled module is
    compared with what Cython does, written down here."""
    if compiled():
        show(label, fn)
    else:
        print(f"{label}: {expected}")


def run(mod):
    w = mod.Wave(1 + 2j)
    show("step(3)", w.step, 3)
    show("parts", w.parts)
    show("w, c", lambda: (w.w, w.c))
    w.w = 3
    documented("w = 3", lambda: w.w, "(3+0j)")
    w.w = 0.5 - 1.5j
    show("w = 0.5-1.5j", lambda: w.w)
    show("rotate", mod.rotate, w, 3)
    show("step(1)", w.step, 1)
    documented("from an int", lambda: mod.Wave(4).step(2), "((-3+1j), (-2+5j), (8+0j), -3.0, 1.0)")
