from diff_support import documented, show


# Where a C string is not what plain Python has (a pointer, not the object):
# the compiled module is compared with what Cython does, written down here.
def run(mod):
    # Pointer arithmetic up to the NUL (plain Python cannot step a bytes object).
    for data, c, expected in [(b"banana", 97, "(3, 6)"), (b"", 97, "(0, 0)"), (b"a\x00a", 97, "(1, 1)")]:
        documented(f"counts({data!r}, {c})", mod.counts, (data, c), expected)
    for lo, hi in [(0, 3), (2, 4), (3, 3), (4, 2)]:
        show(f"pieces(b'hello', {lo}, {hi})", mod.pieces, b"hello", lo, hi)
    show("through_bytearray(bytearray(b'abc'))", mod.through_bytearray, bytearray(b"abc"))
    show("echo(b'xyz')", mod.echo, b"xyz")
    # A C string converts back to bytes, whatever object it pointed into.
    documented("echo(bytearray(b'xy'))", mod.echo, (bytearray(b"xy"),), "b'xy'")
    documented("echo('text')", mod.echo, ("text",), "TypeError: expected bytes, str found")
    documented("echo(None)", mod.echo, (None,), "TypeError: expected bytes, NoneType found")
    # memcpy into a char array, which becomes bytes up to its first NUL; its
    # slices keep NUL bytes.
    documented("fixed_buffer(b'abc')", mod.fixed_buffer, (b"abc",),
               r"(b'abc', b'abc', b'c\x00\x00\x00\x00\x00', 'abc')")
    documented("fixed_buffer(b'abcdefghij')", mod.fixed_buffer, (b"abcdefghij",),
               r"(b'abcdefg', b'abcdefg', b'cdefg\x00', 'abcdefg')")
    documented("fixed_buffer(b'')", mod.fixed_buffer, (b"",), r"(b'', b'', b'\x00\x00\x00\x00\x00\x00', '')")
    # A C string ends at its first NUL; a slice takes every byte asked for.
    documented("literal()", mod.literal, (), r"(b'spam', b'spam\x00eggs')")
    # String literals as C strings, also without the GIL.
    show("literals_without_gil()", mod.literals_without_gil)
