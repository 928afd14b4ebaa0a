import array
import os
import traceback

from diff_support import show


def frames(function, *args):
    """The traceback entries inside the .pyx, innermost last, as
    (file, function, line): the entries a user needs to find the error."""
    try:
        function(*args)
    except Exception as error:
        entries = traceback.extract_tb(error.__traceback__)
        return [(os.path.basename(e.filename), e.name, e.lineno) for e in entries
                if e.filename.endswith(".pyx")]
    return "no error"


def failing_after_one():
    yield 1
    raise ValueError("second item")


def run(mod):
    show("explicit(-1)", frames, mod.explicit, -1)
    show("explicit(1)", frames, mod.explicit, 1)
    show("divide_released(1, 0)", frames, mod.divide_released, 1, 0)
    show("bounds(..., 5)", frames, mod.bounds, array.array("d", [1.0]), 5)
    show("python_call('x')", frames, mod.python_call, "x")
    show("through_cfunc({}, 'k')", frames, mod.through_cfunc, {}, "k")
    show("multiline(1, 2)", frames, mod.multiline, 1, 2)
    show("loop_header(failing after one item)", frames, mod.loop_header, failing_after_one())
    show("while_header(10, 2)", frames, mod.while_header, 10, 2)
    show("call_nogil_steps(1, 2)", frames, mod.call_nogil_steps, 1, 2)
    show("through_finally({}, 'k')", frames, mod.through_finally, {}, "k")
    show("reraise({}, 'k')", frames, mod.reraise, {}, "k")
    show("module_lines()", mod.module_lines)
    show("countdown(0)", frames, mod.countdown, 0)
    show("countdown(2)", frames, mod.countdown, 2)
    show("countdown_failing_argument(1)", frames, mod.countdown_failing_argument, 1)
    show("Wrapper().area()", frames, mod.Wrapper().area)
    show("Leaf().area()", frames, mod.Leaf().area)
