from diff_support import documented, show


def run(mod):
    s = mod.Scaler(3)
    show("scale int", lambda: s.scale(4))
    show("scale float", lambda: s.scale(1.5))
    show("scale keyword", lambda: s.scale(x=2.5))
    show("unbound", lambda: mod.Scaler.scale(s, 2))
    show("doc", lambda: mod.Scaler.scale.__doc__)
    show("name", lambda: (s.scale.__name__, s.scale.__qualname__))
    # `text is bytes` is decided per specialisation compiled; plain Python runs the `else`.
    documented("shout", lambda: (s.shout("hi"), s.shout(b"ho", 2), s.shout(s="x", times=3)), (),
               "('HI!', b'HOHO!', 'XXX!')")
    show("two", lambda: (s.two(1, 0.5), s.two(1.5, 0.25)))
    p = mod.Plain()
    show("plain", lambda: (p.halve(3.0), p.calls))
    d = mod.Derived()
    show("super", lambda: mod.Twice().halve(3.0))
    show("derived", lambda: (d.halve_twice(5.0), d.calls))
    # Cython's dispatcher counts `self` among the arguments it expected.
    documented("missing", lambda: s.scale(), (), "TypeError: Expected at least 2 arguments, got 1")
