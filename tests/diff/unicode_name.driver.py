from diff_support import documented, show


# A `str` parameter tests its argument exactly in the compiled module (Cython
# 3's rule); plain Python takes anything.
def run(mod):
    show("text(3)", mod.text, 3)
    show("text('x')", mod.text, "x")
    show("twice('ab')", mod.twice, "ab")
    show("upper_first('word')", mod.upper_first, "word")
    documented("twice(b'ab')", mod.twice, (b"ab",), "TypeError: Argument 's' has incorrect type (expected str, got bytes)")
    documented("upper_first(None)", mod.upper_first, (None,),
               "TypeError: Argument 's' has incorrect type (expected str, got NoneType)")
