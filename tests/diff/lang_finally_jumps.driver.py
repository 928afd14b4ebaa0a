import array
import os
import traceback

from diff_support import show


def last_frame(function, *args):
    """The innermost traceback entry in the .pyx: (function, line)."""
    try:
        function(*args)
    except Exception as error:
        entries = [e for e in traceback.extract_tb(error.__traceback__) if e.filename.endswith(".pyx")]
        return (os.path.basename(entries[-1].filename), entries[-1].name, entries[-1].lineno)
    return "no error"


def run(mod):
    show("swallow(ValueError)", mod.swallow, ValueError("v"))
    show("swallow(KeyboardInterrupt)", mod.swallow, KeyboardInterrupt())
    show("log", mod.take_log)
    for x in (1, 6):
        show(f"replace_return({x})", mod.replace_return, x)
    for x in (3, -3, -30):
        show(f"conditional_swallow({x})", mod.conditional_swallow, x)
    show("break_swallows([5, 2, 0, 1])", mod.break_swallows, [5, 2, 0, 1])
    show("break_swallows(['a'])", mod.break_swallows, ["a"])
    show("continue_swallows([5, 0, 'x', 2])", mod.continue_swallows, [5, 0, "x", 2])
    show("break_cancels_return(3)", mod.break_cancels_return, 3)
    show("continue_cancels_return_and_break(4)", mod.continue_cancels_return_and_break, 4)
    show("for_else([1, 2], 5)", mod.for_else, [1, 2], 5)
    show("for_else([1, 2], 2)", mod.for_else, [1, 2], 2)
    for x in (0, 1, 2, 3):
        show(f"nested({x})", mod.nested, x)
        show("log", mod.take_log)
    for x in (0, 1, 2):
        show(f"through_two({x})", mod.through_two, x)
    for x in (0, 1, 2):
        show(f"with_handlers({x})", mod.with_handlers, x)
        show("log", mod.take_log)
    show("handler_raises(1)", mod.handler_raises, 1)
    for x in (0, 1, 2):
        show(f"finally_raises({x})", mod.finally_raises, x)
    show("context_of_replacement()", mod.context_of_replacement)
    show("exc_info_after()", mod.exc_info_after)
    show("log", mod.take_log)
    for x in (0, 1):
        show(f"with_inside_try({x})", mod.with_inside_try, x)
        show("log", mod.take_log)
        show(f"try_inside_with({x})", mod.try_inside_with, x)
        show("log", mod.take_log)
    show("loop_with([1, 0, 2, -1, 3])", mod.loop_with, [1, 0, 2, -1, 3])
    show("log", mod.take_log)
    show("list(gen_return(0))", lambda: list(mod.gen_return(0)))
    show("list(gen_return(1))", lambda: list(mod.gen_return(1)))
    show("list(gen_loop([5, 0, 1]))", lambda: list(mod.gen_loop([5, 0, 1])))
    show("list(gen_loop([5, 'x']))", lambda: list(mod.gen_loop([5, "x"])))
    show("collect_gen_value(4)", mod.collect_gen_value, 4)
    show("close_gen()", mod.close_gen)
    show("close_gen_value()", mod.close_gen_value)
    for a, b in ((7, 2), (7, 0), (7, 1)):
        show(f"call_c_divide({a}, {b})", mod.call_c_divide, a, b)
    for n, z in ((5, 2), (5, 9), (5, 0)):
        show(f"call_nogil_sum({n}, {z})", mod.call_nogil_sum, n, z)
    for n in (4, 0):
        show(f"call_nogil_void({n})", mod.call_nogil_void, n, array.array("i", [0, 0]))
    c = mod.Counter()
    show("Counter.step(False)", c.step, False)
    show("Counter.step(True)", c.step, True)
    show("traceback_line(1)", last_frame, mod.traceback_line, 1)
    show("traceback_line(0)", last_frame, mod.traceback_line, 0)
    show("module_trace", lambda: mod.module_trace)
