from diff_support import documented, show


# Plain Python keeps the str an annotated Py_UCS4 variable is given; compiled,
# it is the code point, which becomes that same str again as an object.
def run(mod):
    for c in ["a", "b", "\u00e9", "\U0001F600"]:
        show(f"is_vowel({c!r})", mod.is_vowel, c)
        show(f"as_objects({c!r})", mod.as_objects, c)
    for s in ["hello world", "", "a_b\tc\u00e9d", "\U0001F600x"]:
        show(f"word_chars({s!r})", mod.word_chars, s)
    for x in [1, "b", 2.5, None]:
        show(f"python_arithmetic('a', {x!r})", mod.python_arithmetic, "a", x)
    for o in ["a", "b", "abc", ["a"], 97]:
        show(f"compare_objects('a', {o!r})", mod.compare_objects, "a", o)
    show("first_char('z')", mod.first_char, "z")
    show("first_char('\\U0010FFFF')", mod.first_char, "\U0010FFFF")
    # Converting: a str of one character, else an int in range(0x110000) (Cython 3's rules).
    documented("first_char('ab')", mod.first_char, ("ab",),
               "ValueError: only single character unicode strings can be converted to Py_UCS4, got length 2")
    documented("first_char('')", mod.first_char, ("",),
               "ValueError: only single character unicode strings can be converted to Py_UCS4, got length 0")
    documented("first_char(66)", mod.first_char, (66,), "'B'")
    documented("first_char(-1)", mod.first_char, (-1,), "OverflowError: cannot convert negative value to Py_UCS4")
    documented("first_char(0x110000)", mod.first_char, (0x110000,),
               "OverflowError: value too large to convert to Py_UCS4")
    documented("first_char(b'a')", mod.first_char, (b"a",),
               "TypeError: 'bytes' object cannot be interpreted as an integer")
    # Against a C integer it compares as its code.
    for c in ["A", "B", "\U0001F601"]:
        documented(f"code_compare({c!r})", mod.code_compare, (c,), "True" if c != "B" else "False")
    documented("from_code(0x263A)", mod.from_code, (0x263A,), "'\u263a'")
    documented("from_code(-1)", mod.from_code, (-1,), "ValueError: chr() arg not in range(0x110000)")
    documented("code_of('a')", mod.code_of, ("a",), "97")
    documented("type_name('a')", mod.type_name, ("a",), "'Py_UCS4'")
    # `unicode` is Cython 3's `str`; plain Python 3 has no such name.
    documented("text('x')", mod.text, ("x",), "'x'")
    documented("text([1, 2])", mod.text, ([1, 2],), "'2'")
