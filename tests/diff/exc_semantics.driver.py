import io
import sys

from diff_support import show


def run(mod):
    for a, b in ((7, 2), (7, 0), (7, -1)):
        show(f"call_without_gil{a, b}", mod.call_without_gil, a, b)
    # With stdout redirected the finally's print must still land there.
    saved, sys.stdout = sys.stdout, io.StringIO()
    try:
        try:
            mod.call_without_gil(1, 0)
        except Exception as error:
            caught = type(error).__name__
        captured = sys.stdout.getvalue()
    finally:
        sys.stdout = saved
    print("redirected:", caught, repr(captured))
    for x in (0, 1, 2):
        show(f"finally_replaces({x})", mod.finally_replaces, x)
        show(f"finally_context({x})", mod.finally_context, x)
    show("finally_sees_exc_info", mod.finally_sees_exc_info)
    show("unbinds_name", mod.unbinds_name)
    show("unbinds_after_raise", mod.unbinds_after_raise)
    show("exc_info_in_handler", mod.exc_info_in_handler)
    show("exc_info_nested", mod.exc_info_nested)
    show("exc_info_c_error(0)", mod.exc_info_c_error, 0)
    show("exc_info after call", sys.exc_info)
    for kind in (0, 1, 2):
        show(f"implicit_context({kind})", mod.implicit_context, kind)
    for kind in range(5):
        show(f"raise_from({kind})", mod.raise_from, kind)
    for kind in (0, 1):
        show(f"raise_bad({kind})", mod.raise_bad, kind)
