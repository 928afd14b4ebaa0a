import array

from diff_support import show


def run(mod):
    show("typed_inner", mod.typed_inner, 100)
    show("typed_inner zero", mod.typed_inner, 0)
    # A C unsigned char wraps where a Python int does not: the compiled result is Cython's.
    show("wrapping_inner", mod.wrapping_inner, 10, c_model=lambda k: (k + 250) % 256)
    show("directive_inner", mod.directive_inner, memoryview(array.array("d", [1.5, 2.5, 3.0])))
    show("nested_two_levels", mod.nested_two_levels, 5)
