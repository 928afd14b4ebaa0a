from diff_support import documented, show


# The shim has no writable char arrays: what strcpy and friends build is
# compared with what C gives, written down here.
def run(mod):
    for text in [b"42", b"  -17abc", b"3.75e2 rest", b"", b"x9", b"+8"]:
        show(f"numbers({text!r})", mod.numbers, text)
    for a, b, k in [(b"abc", b"abd", 2), (b"abc", b"abc", 5), (b"b", b"abc", 1), (b"", b"a", 1)]:
        show(f"compare({a!r}, {b!r}, {k})", mod.compare, a, b, k)
    documented("build(b'wordsmith')", mod.build, (b"wordsmith",), "(b'<words>', b'xyz', 7)")
    documented("build(b'')", mod.build, (b"",), "(b'<>', b'xyz', 2)")
