import array

from diff_support import show


def run(mod):
    show("normalize([3, 4])", lambda: mod.normalize(memoryview(array.array("d", [3.0, 4.0]))))
    show("normalize([1, 2, 2])", lambda: mod.normalize(memoryview(array.array("d", [1.0, 2.0, 2.0]))))
    show("with_buffer(10, 4)", mod.with_buffer, 10, 4)
    show("with_buffer(0, 1)", mod.with_buffer, 0, 1)
    show("thread_numbers(5)", mod.thread_numbers, 5)
