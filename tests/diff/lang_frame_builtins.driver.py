import types

from diff_support import show


def run(mod):
    G = "the driver's G"  # noqa: F841 -- what the builtins must not see
    show("AT_MODULE", lambda: mod.AT_MODULE)
    show("EXECUTED", lambda: (mod.EXECUTED, mod.EXECUTED_NONE))
    show("Body.SEEN", lambda: mod.Body.SEEN)
    show("Body.B", lambda: (mod.Body.B, mod.Body.EVAL_LOCALS))
    show("Extension.SEEN", lambda: mod.Extension.SEEN)
    show("registry('G')", mod.registry, "G")
    show("registry('missing')", mod.registry, "missing")
    show("store_global", mod.store_global, "STORED", 7)
    show("mod.STORED", lambda: mod.STORED)
    show("evaluate", mod.evaluate, "G + 100", 4)
    show("evaluate(a)", mod.evaluate, "a", 4)
    show("execute", mod.execute, "x = G + 1\ny = 2")
    show("execute_global", mod.execute_global, "EXEC_GLOBAL = G + 3")
    show("mod.EXEC_GLOBAL", lambda: mod.EXEC_GLOBAL)
    show("unpacked", mod.unpacked, ("G + 5", {"G": 10}))
    show("unpacked(locals)", mod.unpacked, ("G + z", None, {"z": 1}))
    show("unpacked(no args)", mod.unpacked, ())
    show("with_arguments", mod.with_arguments, types.SimpleNamespace(p=1, q=2))
    show("nested", mod.nested)
    show("shadowed_locally", mod.shadowed_locally, "abc")
    show("is_module_dict", mod.is_module_dict)
    show("module dict", lambda: mod.registry("__name__") == mod.__name__)
    # Python's messages name the builtin.
    show("unpacked_any(5)", mod.unpacked_any, 5, {})
    show("unpacked_any(kw 5)", mod.unpacked_any, ("1",), 5)
    show("unpacked_any(keywords)", mod.unpacked_any, ("1",), {"globals": {}})
