import gc
import importlib.util

from diff_support import show


def new_module_object(mod):
    spec = mod.__spec__
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def run(mod):
    show("first bump", mod.bump)
    show("first bump again", mod.bump)
    second = new_module_object(mod)
    show("second is another object", lambda: second is not mod)
    show("second get", second.get)
    show("first get after the second was made", mod.get)
    second.relabel("second")
    show("second bump", second.bump)
    show("second call_bump", second.call_bump)
    show("first get_via_cfunc", mod.get_via_cfunc)
    show("second get_via_cfunc", second.get_via_cfunc)
    show("first get", mod.get)
    show("second get", second.get)
    mod.counter = 100
    show("second unaffected by the first's attribute", second.get)
    show("first call_bump", mod.call_bump)

    # The first module's function, stored into the second: calls it through Python,
    # so it runs with the first module's globals.
    second.bump = mod.bump
    show("second call_bump with the first's bump", second.call_bump)
    show("first after that", mod.get)
    show("second after that", second.get)

    kept = second.get
    del second
    gc.collect()
    show("first after the second was deleted", mod.get)
    show("first bump after the second was deleted", mod.bump)
    show("a function of the deleted module still works", kept)

    for i in range(3):
        extra = new_module_object(mod)
        extra.bump()
        del extra
        gc.collect()
    show("first after more module objects came and went", mod.get)
