from diff_support import documented


# The shim has no libcpp.algorithm (Cython's has none either: there these
# programs run compiled only): each result is written down from C++'s meaning.
def run(mod):
    documented("sorted_vector([3, 1.5, -2, 0])", mod.sorted_vector, ([3, 1.5, -2, 0],), "[-2.0, 0.0, 1.5, 3.0]")
    # NaN sorts after every number (C++ leaves `<` over NaN undefined for sort).
    documented("sorted_vector([nan, 2, nan, 1])", lambda: repr(mod.sorted_vector([float("nan"), 2, float("nan"), 1])),
               (), "'[1.0, 2.0, nan, nan]'")
    documented("sorted_vector([])", mod.sorted_vector, ([],), "[]")
    documented("sorted_tail([5, 4, 3, 2, 1], 2)", mod.sorted_tail, ([5, 4, 3, 2, 1], 2), "[5, 4, 1, 2, 3]")
    documented("smallest([9, 3, 7, 1, 5], 3)", mod.smallest, ([9, 3, 7, 1, 5], 3), "[1, 3, 5]")
    documented("median([5.0, 1.0, 4.0, 2.0, 3.0])", mod.median, ([5.0, 1.0, 4.0, 2.0, 3.0],), "3.0")
    documented("reversed_and_filled(5)", mod.reversed_and_filled, (5,), "([4, 3, 2, 1, 0], [4, -7, -7, -7, 0])")
    documented("words([b'pear', b'apple', b'fig'])", mod.words, ([b"pear", b"apple", b"fig"],),
               "[b'apple', b'fig', b'pear']")
    documented("backwards([2, 1])", mod.backwards, ([2, 1],), "ValueError: an algorithm's range ends before it begins")
    documented("array_reversed()", mod.array_reversed, (), "[5, 4, 3, 2, 1]")
