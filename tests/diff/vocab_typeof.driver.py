from diff_support import compiled, show

# What each run answers: Cython's static names compiled, type(x).__name__ plain.
COMPILED = {
    "c_types": ("int", "unsigned long", "double", "bint", "Py_ssize_t", "float", "long long"),
    "object_types": ("list object", "dict object", "Python object", "int object", "str object"),
    "inferred": ("long", 10),
}
PLAIN = {
    "c_types": ("int", "int", "float", "bool", "int", "float", "int"),
    "object_types": ("list", "dict", "tuple", "int", "str"),
    "inferred": ("int", 10),
}


def run(mod):
    expected = COMPILED if compiled() else PLAIN
    results = {
        "c_types": mod.c_types(1, 2, 3.0, True, 4),
        "object_types": mod.object_types([], {}, (), 5, "s"),
        "inferred": mod.inferred(5),
    }
    for name, result in results.items():
        show(f"{name} answers as expected", lambda: result == expected[name])
        if result != expected[name]:
            print("  got", result)
