from diff_support import documented, show


# Plain Python runs the one body for any argument, and a test of a fused type
# (`T is cython.p_char`, `T in string_t`) is never true there: where the
# compiled specialisation differs, Cython's result is written down here.
def run(mod):
    documented("measure(b'ab')", mod.measure, (b"ab",), "('chars', 97, b'ab')")
    show("measure(1.25)", mod.measure, 1.25)
    documented("measure(3)", mod.measure, (3,), "TypeError: No matching signature found")
    documented("measure('ab')", mod.measure, ("ab",), "TypeError: No matching signature found")
    documented("measure(bytearray(b'ab'))", mod.measure, (bytearray(b"ab"),), "TypeError: No matching signature found")
    documented("measure_default()", mod.measure_default, (), "('char *', b'xy')")
    documented("measure_default(0.5)", mod.measure_default, (0.5,), "('Python object', 0.5)")
    documented("measure_default(b'z')", mod.measure_default, (b"z",), "('char *', b'z')")
    # `int` and `float` are C int and C float: 1.5 is exact in a C float.
    show("pick(7)", mod.pick, 7)
    show("pick(1.5)", mod.pick, 1.5)
    documented("pick(0.1)", mod.pick, (0.1,), "('float', 0.10000000149011612)")
    documented("pick(2**40)", mod.pick, (2**40,), "OverflowError: Python int too large to convert to C int")
    documented(
        "describe_all()",
        mod.describe_all,
        (),
        "[['i is an int', 's is a string', 'bytes object'], ['i is a long', 'int'], ['i is a short', 'int'], "
        "['i is a short']]",
    )
    documented("first_chars(b'a')", mod.first_chars, (b"a",), "(1097, 97, 65)")
