import array

from diff_support import show


def c_divisions(a, b):
    def trunc_div(x, y):
        q = abs(x) // abs(y)
        return q if (x < 0) == (y < 0) else -q

    def trunc_mod(x, y):
        return x - trunc_div(x, y) * y

    return (a // b, a % b), (trunc_div(a, b), trunc_mod(a, b)), a // b, a // b


def run(mod):
    for a, b in ((7, 2), (-7, 2), (7, -2), (-7, -2)):
        show(f"divisions({a}, {b})", mod.divisions, a, b, c_model=c_divisions)
    show("divisions(1, 0)", mod.divisions, 1, 0)
    show("zero_division", mod.zero_division, 5)
    v = array.array("l", [10, 20, 30])
    show("indexing(-1)", mod.indexing, v, -1)
    show("indexing(1)", mod.indexing, v, 1)
    show("indexing(3)", mod.indexing, v, 3)
    show("annotated_targets", mod.annotated_targets, {"a": 1}, "k")
