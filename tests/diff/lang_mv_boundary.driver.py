import array

from diff_support import show

# The plain-Python run has no boundary checks (the shim's annotations are inert),
# so there the driver applies the checks a typed memoryview parameter makes, in
# pyxx's order and with its words (Cython's): TypeError for an object without the
# buffer protocol, ValueError for the wrong dimensions, element type or contiguity.
EXPECTED = {
    "first_double": ("d", 1, False),
    "first_int": ("i", 1, False),
    "corner_long": ("l", 2, False),
    "first_contig": ("d", 1, True),
    "first_float_grid": ("f", 2, True),
}
ITEM_NAMES = {"d": "double", "f": "float", "i": "int", "l": "long", "B": "unsigned char"}


def boundary(mod, name):
    function = getattr(mod, name)
    if not mod.__file__.endswith(".pyx"):
        return function
    fmt, ndim, contiguous = EXPECTED[name]

    def checked(obj):
        try:
            view = memoryview(obj)
        except TypeError:
            raise TypeError(f"Argument 'a' has incorrect type (expected a buffer, got {type(obj).__name__})") from None
        if view.ndim != ndim:
            raise ValueError(f"Buffer has wrong number of dimensions (expected {ndim}, got {view.ndim})")
        if view.format != fmt:
            raise ValueError(f"Buffer dtype mismatch, expected '{ITEM_NAMES[fmt]}' but got "
                             f"'{ITEM_NAMES.get(view.format, view.format)}'")
        if contiguous and not view.c_contiguous:
            raise ValueError("ndarray is not C-contiguous")
        return function(obj)
    return checked


def grid(code, rows, cols):
    return memoryview(array.array(code, range(rows * cols))).cast("B").cast(code, (rows, cols))


def run(mod):
    doubles = array.array("d", [2.5, 3.5, 4.5, 5.5])
    cases = [
        ("first_double", "array d", doubles),
        ("first_double", "empty d", array.array("d")),
        ("first_double", "array i", array.array("i", [1])),
        ("first_double", "array f", array.array("f", [1.0])),
        ("first_double", "2-D d", grid("d", 2, 2)),
        ("first_double", "list", [1.0, 2.0]),
        ("first_double", "str", "abc"),
        ("first_double", "int", 7),
        ("first_double", "bytes", b"12345678"),
        ("first_int", "array i", array.array("i", [-9, 1])),
        ("first_int", "array d", doubles),
        ("first_int", "bytearray", bytearray(b"abcd")),
        ("corner_long", "2-D l", grid("l", 2, 3)),
        ("corner_long", "1-D l", array.array("l", [1, 2])),
        ("corner_long", "2-D i", grid("i", 2, 3)),
        ("first_contig", "contiguous", doubles),
        ("first_contig", "every second", memoryview(doubles)[1::2]),
        ("first_contig", "reversed", memoryview(doubles)[::-1]),
        ("first_contig", "contiguous slice", memoryview(doubles)[1:3]),
        ("first_float_grid", "2-D f", grid("f", 2, 2)),
        ("first_float_grid", "1-D f", array.array("f", [1.0])),
        ("first_float_grid", "2-D d", grid("d", 2, 2)),
    ]
    for name, what, value in cases:
        show(f"{name}({what})", boundary(mod, name), value)
    show("first_double(missing)", mod.first_double)
