# A value built in a temporary is returned by moving the local (`return t;`):
# `return std::move(t);` would prevent copy elision, and the emit test compiles
# with -Wall -Wextra -Werror (-Wpessimizing-move).
def built(what, xs):
    if what == 0:
        return [*xs]
    if what == 1:
        return {*xs}
    return {"first": 1, **xs}


def class_without_keywords(bases):
    # `class C(*bases)` looks up `__build_class__` without keeping it.
    class C(*bases):
        pass
    return C
