import sys

from diff_support import show


def run(mod):
    limit = sys.getrecursionlimit()
    try:
        for new_limit in (100, 2000):
            sys.setrecursionlimit(new_limit)
            for function in (mod.depth, mod.obj_depth, mod.ping):
                name = function.__name__
                show(f"{name}(30) under limit {new_limit}", function, 30)
                show(f"{name}(1000000) under limit {new_limit}", function, 1000000)
            show(f"depth({new_limit} + 50) under limit {new_limit}", mod.depth, new_limit + 50)
        # Still usable after the errors.
        show("depth(500) afterwards", mod.depth, 500)
    finally:
        sys.setrecursionlimit(limit)
