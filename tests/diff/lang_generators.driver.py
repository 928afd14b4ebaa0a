import sys

from diff_support import show


class Manager:
    def __init__(self, log):
        self.log = log

    def __enter__(self):
        self.log.append("enter")
        return "managed"

    def __exit__(self, exc_type, exc, tb):
        self.log.append(f"exit {exc_type.__name__ if exc_type else None}")
        return False


def steps(gen, *sends):
    """next() then send() each value; the values and the final outcome."""
    out = [next(gen)]
    try:
        for s in sends:
            out.append(gen.send(s))
    except StopIteration as e:
        out.append(("StopIteration", e.value))
    return out


def run(mod):
    show("count(4)", lambda: list(mod.count(4)))
    show("squares", lambda: list(mod.squares([1, 2, 3])))
    show("bare", lambda: list(mod.bare()))
    show("echo", lambda: steps(mod.echo(), "a", "b", None))
    show("running_total", lambda: steps(mod.running_total(), 1.5, 2, None))
    show("send to new", lambda: mod.echo().send("x"))
    show("with_return", lambda: list(mod.with_return(3)))
    show("with_return value", lambda: steps(mod.with_return(1), None, None))
    show("delegate", lambda: list(mod.delegate(2)))
    show("  log", mod.take_log)
    show("delegate_echo", lambda: steps(mod.delegate_echo(), "p", "q", None))

    def throw_into_delegate():
        g = mod.delegate_echo()
        next(g)
        return g.throw(KeyError("k"))
    show("throw into delegate", throw_into_delegate)

    def guarded_all():
        return list(mod.guarded("all")), mod.take_log()
    show("guarded", guarded_all)
    show("closes_early", mod.closes_early)
    show("dropped", mod.dropped)

    def catching():
        g = mod.catching()
        out = [next(g), g.throw(ValueError("one")), next(g), g.throw(ValueError, "two")]
        g.close()
        out.append(mod.take_log())
        try:
            g.throw(TypeError("after close"))
        except TypeError as e:
            out.append(repr(e))
        return out
    show("catching", catching)

    def ignores_exit():
        g = mod.ignores_exit()
        next(g)
        try:
            g.close()
        except RuntimeError as e:
            return repr(e)
    show("ignores_exit", ignores_exit)

    def exc_info():
        g = mod.exc_info_across_yield()
        out = [next(g)]
        try:
            raise IndexError("caller")
        except IndexError:
            out.append(next(g))
        out.append(next(g))
        out.append(repr(sys.exc_info()[1]))
        return out
    show("exc_info_across_yield", exc_info)

    def raises_stop():
        g = mod.raises_stop()
        next(g)
        try:
            next(g)
        except RuntimeError as e:
            return repr(e), repr(e.__cause__)
    show("raises_stop", raises_stop)

    def raises_error():
        g = mod.raises_error(3)
        out = [next(g)]
        try:
            next(g)
        except ValueError as e:
            out.append(repr(e))
        out.append(list(g))
        return out
    show("raises_error", raises_error)

    def in_with():
        log = []
        g = mod.in_with(Manager(log))
        out = [next(g), next(g)]
        out.append(list(g))
        g2 = mod.in_with(Manager(log))
        next(g2)
        g2.close()
        g3 = mod.in_with(Manager(log))
        next(g3)
        try:
            g3.throw(ZeroDivisionError)
        except ZeroDivisionError:
            out.append("zde")
        return out, log
    show("in_with", in_with)
    show("nested_loops", lambda: list(mod.nested_loops(5)))
    show("fib", lambda: mod.first_n(mod.fib(), 12))
    show("recursive", lambda: list(mod.recursive(5)))
    show("yield_in_expression", lambda: steps(mod.yield_in_expression(), None, "x", "y"))
    show("generator_attributes", mod.generator_attributes)

    def running():
        g = mod.count(1)
        return g.gi_running, next(g), g.gi_running
    show("running", running)
    show("zip", lambda: list(zip(mod.count(3), mod.squares(range(5)))))
    show("sum", lambda: sum(mod.count(101)))
    show("many", lambda: sum(sum(mod.count(i)) for i in range(300)))

    def many_suspended():
        gens = [mod.count(5) for _ in range(200)]
        return sum(next(g) + next(g) for g in gens)
    show("many_suspended", many_suspended)

    def more_suspended_than_the_stack_pool_keeps():
        # 2500 stacks in use, then all freed (the pool keeps 1024, the rest are
        # unmapped), then taken again: reuse and unmapping both run.
        total = 0
        for _ in range(2):
            gens = [mod.count(3) for _ in range(2500)]
            total += sum(next(g) + next(g) for g in gens)
            total += sum(sum(g) for g in gens)
        return total
    show("more_suspended_than_the_stack_pool_keeps", more_suspended_than_the_stack_pool_keeps)
