import array

from diff_support import show


def show_refused(label, function, *args):
    """Writing through a read-only buffer must fail; the exact type differs
    between a C boundary check and plain Python, so only the refusal is printed."""
    try:
        result = function(*args)
    except Exception:
        print(f"{label}: refused")
        return
    print(f"{label}: accepted {result!r}")


def run(mod):
    text = bytearray(b"hello, world; hello!")
    show("count_byte(l)", mod.count_byte, memoryview(text), ord("l"))
    show("count_byte(memoryview)", mod.count_byte, memoryview(text), ord("o"))
    show("count_byte(array)", mod.count_byte, memoryview(array.array("B", [1, 2, 1, 1])), 1)
    show("checksum", mod.checksum, text)
    show("checksum(empty)", mod.checksum, bytearray())
    show("upper_ascii", mod.upper_ascii, text)
    print("  upper:", bytes(text))
    show("xor_with", mod.xor_with, text, 0x20)
    print("  xored:", bytes(text))
    show("xor_with(view slice)", mod.xor_with, memoryview(text)[0:5], 0x20)
    print("  partly restored:", bytes(text))
    show("tail_byte", mod.tail_byte, text)
    show("tail_byte(empty)", mod.tail_byte, bytearray())
    show_refused("upper_ascii(bytes)", mod.upper_ascii, b"abc")
    show_refused("xor_with(readonly view)", mod.xor_with, memoryview(b"abc"), 1)
