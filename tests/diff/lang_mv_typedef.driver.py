from array import array

from diff_support import show


def run(mod):
    for s in ("", "abc", "héllo", b"\x00\xff"):
        show(f"checksum({s!r})", mod.checksum, s)
    show("checksum(3)", mod.checksum, 3)
    show("scaled(array('d', [1.0, 2.5]), 2.0)", mod.scaled, array("d", [1.0, 2.5]), 2.0)
