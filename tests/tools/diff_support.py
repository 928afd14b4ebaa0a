"""What differential drivers (tests/diff/NAME.driver.py) use to print results.

Each line is `label: repr(result)` or `label: ExceptionTypeName`, so the
compiled and the plain-Python run can be compared as text.
"""

WRAPS = {
    # name: (bits, signed) -- C integer widths whose arithmetic wraps
    "u64": (64, False), "i64": (64, True), "u32": (32, False), "i32": (32, True),
}


def wrap(value, kind):
    """Reduces a Python int to the C type `kind` (see WRAPS), as C arithmetic does."""
    bits, signed = WRAPS[kind]
    value &= (1 << bits) - 1
    if signed and value >= 1 << (bits - 1):
        value -= 1 << bits
    return value


def show(label, function, *args, wraps=None, **kwargs):
    """Calls function(*args, **kwargs) and prints the result or the exception type.

    wraps="u64" (etc.) reduces an integer result to that C width first: the plain
    Python run computes with unbounded ints, the compiled one wraps.
    """
    try:
        result = function(*args, **kwargs)
    except Exception as error:  # the exception type is the observable result
        print(f"{label}: {type(error).__name__}")
        return
    if wraps is not None and isinstance(result, int) and not isinstance(result, bool):
        result = wrap(result, wraps)
    print(f"{label}: {result!r}")
