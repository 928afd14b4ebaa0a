from diff_support import documented, show


# Where plain Python cannot behave as C (a struct is a value, copied on
# assignment; an address is a pointer; a C int takes no float), the compiled
# module is compared with what Cython does, written down here.
def run(mod):
    show("read_back()", mod.read_back)
    show("run_without_gil(7)", mod.run_without_gil, 7)
    show("run_without_gil(1)", mod.run_without_gil, 1)
    # The shim's address of an element is no pointer into the array.
    documented("walk_pointer()", mod.walk_pointer, (), "(4, 9)")
    show("with_objects(5)", mod.with_objects, 5)
    # A float stored into a C int element is a TypeError (the shim's list truncates it).
    documented("with_objects(2.5)", mod.with_objects, (2.5,), "TypeError: 'float' object cannot be interpreted as an integer")
    show("wrong_index()", mod.wrong_index)
    documented("copies()", mod.copies, (),
               "({'x': 99.0, 'y': 4.0}, {'x': 0.5, 'y': 4.0}, {'x': 4.0, 'y': 5.0})")
    documented("through_pointers()", mod.through_pointers, (),
               "(6, 100, [[0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]], {'x': 4.0, 'y': -1.0})")
    documented("read_back() at the end", mod.read_back, (),
               "([5, 1, 100, 9, 16, 25, 36, 49], [100, 9, 16], 3, 4.0, {'x': 3.0, 'y': 0.0})")
