import threading

from diff_support import show


def run(mod):
    show("trace", lambda: list(mod.trace))
    show("names", lambda: list(mod.names))
    show("annotated is a module attribute", lambda: hasattr(mod, "annotated"))
    show("plain", lambda: mod.plain)
    show("snapshot()", mod.snapshot)
    show("add(4)", mod.add, 4)
    show("snapshot() after add", mod.snapshot)
    show("set_scale(2.5)", mod.set_scale, 2.5)
    show("set_small(200)", mod.set_small, 200)
    show("local_shadow()", mod.local_shadow)
    show("bump_with", mod.bump_with, lambda: (mod.reset(), 10)[1])
    show("loop_variable(4)", mod.loop_variable, 4)
    show("loop_variable(0)", mod.loop_variable, 0)
    show("prange_target(5)", mod.prange_target, 5)
    show("complex_steps(4)", mod.complex_steps, 4)
    show("shifts()", mod.shifts)
    show("readers()", mod.readers)
    show("nested_writer()", mod.nested_writer)
    show("annotated_is_python()", mod.annotated_is_python)
    show("annotated", lambda: mod.annotated)
    show("snapshot() after all", mod.snapshot)
    show("declare_locals(2.0)", mod.declare_locals, 2.0)
    show("with_target()", mod.with_target)
    show("exported()", mod.exported)

    threads = [threading.Thread(target=mod.spin, args=(20000,)) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    show("snapshot() after spin", mod.snapshot)
