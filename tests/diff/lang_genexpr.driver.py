import itertools

from diff_support import show


def run(mod):
    show("short_any", lambda: (mod.short_any([1, 5, 2, 7]), mod.take_log()))
    show("short_all", lambda: (mod.short_all([1, 5, 2, 7]), mod.take_log()))
    show("short_any infinite", lambda: (mod.short_any(itertools.count()), mod.take_log()))
    show("first_square_over", lambda: mod.first_square_over(50))

    def eager():
        g = mod.first_iterable_is_eager(lambda: [1, 2])
        before = mod.take_log()
        return before, list(g), mod.take_log()
    show("first_iterable_is_eager", eager)

    def eager_error():
        try:
            mod.first_iterable_is_eager(lambda: 1 / 0)
        except ZeroDivisionError as e:
            return "raised at creation", repr(e), mod.take_log()
    show("eager error", eager_error)
    show("not_iterable", lambda: mod.not_iterable(5))
    show("scaled", lambda: mod.scaled([1, 2, 3], 3))
    show("scaled_late", lambda: mod.scaled_late([1, 2]))
    show("closure_object", lambda: list(mod.closure_object(["x", "y"])))
    show("unbound_free", lambda: list(mod.unbound_free([1, 2])))
    show("unbound_free empty", lambda: list(mod.unbound_free([])))
    show("rows_total", lambda: mod.rows_total([[1, 2], [3], []]))
    show("pairs", lambda: list(mod.pairs(5)))
    show("unpacking", lambda: mod.unpacking({"a": 1, "b": 2}))
    show("tuple_target", lambda: mod.tuple_target([(1, (2, True)), (3, (4, False)), (5, (6, 1))]))

    def failing():
        g = mod.failing([5, 0, 2])
        out = [next(g)]
        try:
            next(g)
        except ZeroDivisionError as e:
            out.append(repr(e))
        out.append(list(g))  # a generator that raised is finished
        return out
    show("failing", failing)

    def stop_inside():
        try:
            return mod.stop_inside([[1], [], [2]])
        except RuntimeError as e:
            return repr(e), repr(e.__cause__)
    show("stop_inside", stop_inside)
    show("attributes", mod.attributes)

    def early_close():
        g = mod.pairs(6)
        out = [next(g), next(g)]
        g.close()
        out.append(list(g))
        return out
    show("early_close", early_close)

    def thrown():
        g = mod.pairs(6)
        next(g)
        try:
            g.throw(KeyError("k"))
        except KeyError as e:
            return repr(e), list(g)
    show("thrown", thrown)

    def sent():
        g = mod.pairs(6)
        try:
            g.send(1)
        except TypeError as e:
            return repr(e)
    show("send to new", sent)
    show("as_argument", lambda: mod.as_argument([1, 2, 3]))
    show("nested_lambda", lambda: mod.nested_lambda([1, 2, 3]))
    show("genexpr_of_generator", lambda: mod.genexpr_of_generator(3))
    show("in_generator", lambda: list(mod.in_generator([1, 2])))
    show("module level", lambda: (mod.total_at_import, mod.squares_at_import))
    show("repr", lambda: repr(mod.pairs(1)).split(" at ")[0])
    show("many", lambda: sum(len(list(mod.pairs(4))) for _ in range(300)))
