import array

from diff_support import show


def run(mod):
    # memoryview objects: plain Python reads .shape on them (array.array has none).
    work = array.array("d", [1.0, 2.0, 3.0])
    view = memoryview(work)
    show("refill", mod.refill, view, 4.5)
    print("after refill:", list(work))
    show("bump_even", mod.bump_even, view)
    print("after bump_even:", list(work))
    show("nested", mod.nested, view, 1.0)
    print("after nested:", list(work))
    # Read-only buffers: the write is refused (plain Python raises at the store,
    # the compiled module when it acquires the buffer); the bytes stay as they were.
    for name in ("refill", "bump_even", "nested"):
        frozen = bytes(array.array("d", [1.0, 2.0]))
        frozen_view = memoryview(frozen).cast("d")
        args = (frozen_view,) if name == "bump_even" else (frozen_view, 9.0)
        try:
            getattr(mod, name)(*args)
            print(name, "(read-only): no error")
        except (TypeError, ValueError):
            print(name, "(read-only): refused")
        print("  unchanged:", list(memoryview(frozen).cast("d")))
