from diff_support import show


def run(mod):
    show("calls_helper()", mod.calls_helper)
    show("HELPER_AT_IMPORT", lambda: mod.HELPER_AT_IMPORT)
    original = mod.helper
    mod.helper = lambda: 42
    show("calls_helper() with helper rebound", mod.calls_helper)
    show("via_cfunc() with helper rebound", mod.via_cfunc)
    del mod.helper
    show("calls_helper() with helper deleted", mod.calls_helper)
    mod.helper = original
    show("calls_helper() restored", mod.calls_helper)
    show("via_cfunc() restored", mod.via_cfunc)

    show("calls_obj_helper(5)", mod.calls_obj_helper, 5)
    show("calls_obj_helper_kw()", mod.calls_obj_helper_kw)
    mod.obj_helper = lambda x: [x, "rebound"]
    show("calls_obj_helper(5) rebound", mod.calls_obj_helper, 5)
    show("calls_obj_helper_kw() rebound", mod.calls_obj_helper_kw)
    mod.obj_helper = lambda y: y
    show("calls_obj_helper_kw() with another parameter name", mod.calls_obj_helper_kw)

    show("fib(20)", mod.fib, 20)
    calls = []

    def counting_fib(n):
        calls.append(n)
        return 1

    original_fib = mod.fib
    mod.fib = counting_fib
    show("fib(5) with the recursive calls rebound", original_fib, 5)
    show("calls seen by the rebound fib", lambda: calls)
    mod.fib = original_fib

    show("__name__ matches", lambda: mod.module_name() == mod.__name__)
    show("NAME_AT_IMPORT matches", lambda: mod.NAME_AT_IMPORT == mod.__name__)
    show("module __doc__", lambda: mod.__doc__)
    show("module_doc()", mod.module_doc)
    show("DOC_AT_IMPORT", lambda: mod.DOC_AT_IMPORT)
    show("helper.__doc__", lambda: mod.helper.__doc__)
    show("cc.__doc__", lambda: mod.cc.__doc__)
    show("no_doc.__doc__", lambda: mod.no_doc.__doc__)
    show("bytes_first.__doc__", lambda: mod.bytes_first.__doc__)
    mod.__doc__ = "changed"
    show("module_doc() after a change", mod.module_doc)

    show("parenthesized targets", mod.read_parenthesized)
    show("paren global", lambda: (mod.paren, mod.nested, mod.first, mod.second))
