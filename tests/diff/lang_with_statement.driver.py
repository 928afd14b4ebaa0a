import os
import sys
import tempfile

from diff_support import show


def install(mod):
    class Manager:
        def __init__(self, name, suppress=False, value=None):
            self.name = name
            self.suppress = suppress
            self.value = value

        def __enter__(self):
            mod.log.append(f"enter {self.name}")
            return self if self.value is None else self.value

        def __exit__(self, exc_type, exc, tb):
            mod.log.append(f"exit {self.name} {exc_type.__name__ if exc_type else None} {exc!r} {tb is not None}")
            return self.suppress

    class NoEnter:
        def __exit__(self, *args):
            return False

    class NoExit:
        def __enter__(self):
            return 1

    class ExitRaises:
        def __enter__(self):
            return self

        def __exit__(self, exc_type, exc, tb):
            raise KeyError("from exit")

    class Truthy:
        def __init__(self, answer):
            self.answer = answer

        def __bool__(self):
            mod.log.append(f"bool {self.answer}")
            return self.answer

    class Peek:
        def __enter__(self):
            return self

        def __exit__(self, *args):
            mod.log.append(repr(sys.exc_info()[1]))
            return True

    class InstanceOnly:
        def __init__(self):
            self.__enter__ = lambda: 1
            self.__exit__ = lambda *args: False

    for cls in (Manager, NoEnter, NoExit, ExitRaises, Truthy, Peek, InstanceOnly):
        setattr(mod, cls.__name__, cls)


def run(mod):
    install(mod)
    show("plain", mod.plain, 3)
    show("two_items(0)", mod.two_items, 0)
    show("two_items(1)", mod.two_items, 1)
    show("  log", mod.take_log)
    show("suppressed(0)", mod.suppressed, 0)
    show("suppressed(1)", mod.suppressed, 1)
    show("suppress_by_truth(True)", mod.suppress_by_truth, True)
    show("suppress_by_truth(False)", mod.suppress_by_truth, False)
    show("tuple_target", mod.tuple_target)
    show("c_target", mod.c_target)
    show("  log", mod.take_log)
    show("bad_unpack", mod.bad_unpack)
    show("  log", mod.take_log)
    show("early_return(1)", mod.early_return, 1)
    show("  log", mod.take_log)
    show("early_return(0)", mod.early_return, 0)
    show("  log", mod.take_log)
    show("loop_control(5)", mod.loop_control, 5)
    show("while_loop", mod.while_loop)
    show("  log", mod.take_log)
    show("no_enter", mod.no_enter)
    show("no_exit", mod.no_exit)
    show("exit_raises", mod.exit_raises)
    show("exit_raises_normally", mod.exit_raises_normally)
    show("  log", mod.take_log)
    show("enter_order", mod.enter_order)
    show("instance_attributes", mod.instance_attributes)
    show("exc_info_inside_exit", mod.exc_info_inside_exit)
    show("nested_exception_in_handler", mod.nested_exception_in_handler, 1)
    show("module", mod.module_level_result)
    show("module_value", lambda: mod.module_value)
    with tempfile.TemporaryDirectory() as d:
        show("files", mod.files, os.path.join(d, "f.txt"))
