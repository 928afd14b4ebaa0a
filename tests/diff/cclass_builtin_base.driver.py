import gc

from diff_support import documented, show


def run(mod):
    s = mod.Stack("a", 1, 2)
    s.push(3)
    show("s", repr, s)
    show("s.top()", s.top)
    show("len(s)", len, s)
    show("s.pushes", lambda: s.pushes)
    show("s.depth()", s.depth)
    show("isinstance(s, list)", isinstance, s, list)
    show("s + [9]", lambda: s + [9])
    show("sorted(s, reverse=True)", lambda: sorted(s, reverse=True))
    show("s == [1, 2, 3]", lambda: s == [1, 2, 3])
    show("stack_depth(s)", mod.stack_depth, s)
    show("bump_nogil(s)", mod.bump_nogil, s)
    show("s.label", lambda: s.label)
    show("Stack.__mro__", lambda: [k.__name__ for k in mod.Stack.__mro__])
    c = mod.CountedStack("c", 5, 6, 7)
    show("c.pop_top()", c.pop_top)
    show("c.pop_top() again", c.pop_top)
    show("c", repr, c)
    show("c.pops", lambda: c.pops)
    c.push(8)
    show("c.depth()", c.depth)
    show("stack_depth(c)", mod.stack_depth, c)
    # A parameter typed with the extension type is tested at the call, as Cython does.
    documented("stack_depth([1])", mod.stack_depth, ([1],),
               "TypeError: Argument 's' has incorrect type (expected cclass_builtin_base.Stack, got list)")

    class PyStack(mod.Stack):
        def depth(self):
            return -1
    p = PyStack("p", 1)
    show("stack_depth(PyStack)", mod.stack_depth, p)

    r = mod.Registry(a=1, b=2)
    show("r['zz']", lambda: r["zz"])
    show("r.misses", lambda: r.misses)
    r["c"] = 3
    show("r.total()", r.total)
    show("sorted(r.items())", lambda: sorted(r.items()))
    show("isinstance(r, dict)", isinstance, r, dict)

    t = mod.Tags([1])
    t.tag(2, 3, 2)
    show("sorted(t)", sorted, t)
    show("t.added", lambda: t.added)
    show("t | {9}", lambda: sorted(t | {9}))

    show("try_parse('12')", mod.try_parse, "12")
    show("try_parse('1x')", mod.try_parse, "1x")
    show("parse('q')", mod.parse, "q")
    e = mod.ParseError("m", 4, "f.txt")
    show("str(e)", str, e)
    show("e.args", lambda: e.args)
    e.note = "extra"  # exceptions keep a __dict__ of their own
    show("e.note", lambda: e.note)
    show("issubclass(ParseError, Exception)", issubclass, mod.ParseError, Exception)
    show("raise Plain", lambda: (_ for _ in ()).throw(mod.Plain("bad", 1)))
    show("Plain('x').args", lambda: mod.Plain("x").args)

    show("cycle()", mod.cycle)
    gc.collect()
    show("collected", lambda: sum(isinstance(o, mod.Stack) for o in gc.get_objects()) <= 3)
    show("rows()", mod.rows)
    show("warnings_and_errors()", mod.warnings_and_errors)
