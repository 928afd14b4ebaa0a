from diff_support import show


def run(mod):
    for n in (0, 1, 5):
        show(f"squares({n})", mod.squares, n)
    show("evens_as_text", mod.evens_as_text, [1, 2, 3, 4, 10])
    show("evens_as_text(bad)", mod.evens_as_text, ["a"])
    show("index_map", mod.index_map, ["a", "bb", "a"])
    show("letters", mod.letters, ["abc", "cd", ""])
    show("grid(2, 3)", mod.grid, 2, 3)
    show("grid(0, 3)", mod.grid, 0, 3)
    show("total_len", mod.total_len, ("xy", "z"))
    show("scoped(3)", mod.scoped, 3)
