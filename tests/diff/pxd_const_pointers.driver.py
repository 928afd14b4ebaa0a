from diff_support import show


def run(mod):
    show("letters(b'banana\\0', 97)", mod.letters, b"banana\0", 97)
    show("letters(b'\\0', 97)", mod.letters, b"\0", 97)
    show("sums(3)", mod.sums, 3)
