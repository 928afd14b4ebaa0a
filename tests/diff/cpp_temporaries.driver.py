from diff_support import documented, show


def run(mod):
    show("sizes(b'ab', b'cde')", mod.sizes, b"ab", b"cde")
    show("from_calls(3)", mod.from_calls, 3)
    show("checked_at(2)", mod.checked_at, 2)
    show("without_gil(4)", mod.without_gil, 4)
    show("without_gil(0)", mod.without_gil, 0)
    # The shim's vector is shared where compiled code copies it (a parameter, a
    # return value): the caller's vector stays as it was only when compiled.
    documented("by_value([1, 2, 3])", mod.by_value, ([1, 2, 3],), "([1, 2, 3], [2, 4, 6], 4)")
