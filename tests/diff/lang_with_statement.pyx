# `with` over Python context managers: several items, `as` targets (names,
# tuples, C locals), exceptions handed to __exit__ and suppressed when it
# returns true, return/break/continue through the block, files.
import contextlib

import cython

log = []


# The managers are classes of the driver, installed in place of these before the calls.
Manager = NoEnter = NoExit = ExitRaises = Truthy = Peek = InstanceOnly = None


def take_log():
    out = list(log)
    log.clear()
    return out


def plain(n):
    with Manager("a") as m:
        log.append(f"body {m.name} {n}")
    return take_log()


def two_items(n):
    with Manager("a") as a, Manager("b") as b:
        log.append(f"body {a.name} {b.name}")
        if n > 0:
            raise ValueError(n)
    return take_log()


def suppressed(n):
    with Manager("outer"):
        with Manager("inner", suppress=True):
            log.append("before")
            if n:
                raise ValueError(n)
            log.append("not raised")
        log.append("after inner")
    return take_log()


def suppress_by_truth(answer):
    try:
        with Manager("t", suppress=Truthy(answer)):
            raise IndexError("x")
        log.append("went on")
    except IndexError as e:
        log.append(f"caught {e!r}")
    return take_log()


def tuple_target():
    with Manager("p", value=(1, (2, 3))) as (x, (y, z)):
        log.append(x + y + z)
    return take_log()


def c_target() -> cython.int:
    k: cython.int = 0
    with Manager("c", value=41) as k:
        k += 1
    return k


def bad_unpack():
    with Manager("u", value=(1, 2, 3)) as (x, y):
        log.append("unreachable")
    return take_log()


def early_return(n):
    with Manager("r"):
        if n > 0:
            return f"returned {n}"
        log.append("fell through")
    return "end"


def loop_control(n):
    out = []
    for i in range(n):
        with Manager(f"l{i}"):
            if i == 1:
                continue
            if i == 3:
                break
            out.append(i)
    return out, take_log()


def while_loop():
    i = 0
    while True:
        with Manager(f"w{i}"):
            i += 1
            if i > 2:
                break
    return i


def no_enter():
    with NoEnter():
        pass


def no_exit():
    with NoExit():
        pass


def exit_raises():
    try:
        with ExitRaises():
            raise ValueError("body")
    except KeyError as e:
        return f"{e!r} context={e.__context__!r}"


def exit_raises_normally():
    with ExitRaises():
        log.append("body ran")


def enter_order():
    # __enter__ of the second item runs only after the first's.
    with Manager("first"), Manager("second", value="v") as v:
        log.append(v)
    return take_log()


def exc_info_inside_exit():
    import sys

    with Peek():
        raise RuntimeError("seen")
    log.append(repr(sys.exc_info()[1]))
    return take_log()


def instance_attributes():
    # __enter__/__exit__ are looked up on the type, not on the instance.
    with InstanceOnly():
        pass


def files(path):
    with open(path, "w") as f:
        f.write("hello\n")
        f.write("world\n")
    with open(path) as f:
        lines = f.readlines()
    return lines, f.closed


def nested_exception_in_handler(n):
    try:
        with Manager("h"):
            try:
                raise ValueError("inner")
            except ValueError:
                raise TypeError("outer")
    except TypeError as e:
        log.append(f"{e!r} from {e.__context__!r}")
    return take_log()


def module_level_result():
    return list(module_log)


module_log = []
with contextlib.suppress(ZeroDivisionError):
    module_log.append("module body")
    module_log.append(1 // 0)
with contextlib.nullcontext("entered") as module_value, contextlib.suppress(KeyError):
    module_log.append(module_value)
