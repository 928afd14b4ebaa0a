from diff_support import show


def run(mod):
    show("squares(4)", mod.squares, 4)
    show("squares(0)", mod.squares, 0)
    show("weighted", mod.weighted, {3: 0.5, 1: 2.0, 2: 1.25})
    show("words", mod.words, {b"b": 2, b"a": 1})
    show("unordered_total", mod.unordered_total, {1: 10, 2: 20, 5: 50})
