"""What differential drivers (tests/diff/NAME.driver.py) use to print results.

Each line is `label: repr(result)` or `label: ExceptionType: message`, so the
compiled and the plain-Python run can be compared as text, messages included.

run_diff_test.py sets COMPILED before the driver runs, so that the few places
where plain Python cannot compute what C does (wrap-around, C division) model C
on the plain side only; the compiled side is always printed as it is.
"""

import math
import operator
import re

COMPILED = None  # True in the compiled run, False in the plain one (set by run_diff_test.py)

WRAPS = {
    # name: (bits, signed) -- C integer widths whose arithmetic wraps
    "u64": (64, False), "i64": (64, True), "u32": (32, False), "i32": (32, True),
    "u16": (16, False), "i16": (16, True), "u8": (8, False), "i8": (8, True),
}


def compiled():
    """Is the driver running against the module compiled by pyxx?"""
    if COMPILED is None:
        raise RuntimeError("diff_support.COMPILED is unset: run drivers through run_diff_test.py")
    return COMPILED


def wrap(value, kind):
    """Reduces a Python int to the C type `kind` (see WRAPS), as C arithmetic does."""
    bits, signed = WRAPS[kind]
    value &= (1 << bits) - 1
    if signed and value >= 1 << (bits - 1):
        value -= 1 << bits
    return value


def in_range(value, kind):
    bits, signed = WRAPS[kind]
    low, high = (-(1 << (bits - 1)), (1 << (bits - 1)) - 1) if signed else (0, (1 << bits) - 1)
    return low <= value <= high


# Where CPython's words and pyxx's legitimately differ. Each rule is one
# exception type and exact patterns; every other message is compared verbatim.
#  * RecursionError: CPython names the place the limit was hit ("while calling
#    a Python object", "in comparison"); compiled code hits it in other places.
#    Both runs are cut to the common words.
#  * IndexError of a typed memoryview: pyxx raises Cython's "Out of bounds on
#    buffer access (axis N)"; the plain run indexes the object itself (a
#    memoryview, array or bytearray), which words it its own way. Only the plain
#    run's message is translated, so the compiled one must be Cython's exactly.
RECURSION = re.compile(r"maximum recursion depth exceeded(?: while calling a Python object| in comparison"
                       r"| while getting the (?:repr|str) of an object)?")
PLAIN_BUFFER_INDEX = [
    (re.compile(r"index out of bounds on dimension (\d+)"), lambda m: int(m.group(1)) - 1),
    (re.compile(r"(?:array|array assignment|bytearray) index out of range"), lambda m: 0),
]


def exception_message(error):
    message = str(error)
    if isinstance(error, RecursionError) and RECURSION.fullmatch(message):
        return "maximum recursion depth exceeded"
    if isinstance(error, IndexError) and not compiled():
        for pattern, axis in PLAIN_BUFFER_INDEX:
            match = pattern.fullmatch(message)
            if match:
                return f"Out of bounds on buffer access (axis {axis(match)})"
    return message


def describe_exception(error):
    """`Type: message`: both must match between the two runs."""
    message = exception_message(error)
    return f"{type(error).__name__}: {message}" if message else type(error).__name__


def convert_to_c(value, kind):
    """What compiled code does to an object converted to a C type.

    kind: "int" (any C integer: the object's __index__), "float" (any C
    floating type: a real number), None (an object parameter: unchanged).
    Raises the TypeError CPython's own conversion raises.
    """
    if kind == "int":
        return operator.index(value)
    if kind == "float":
        math.fabs(value)  # TypeError "must be real number, not T", as PyFloat_AsDouble
        return float(value)
    return value


def show(label, function, *args, wraps=None, c_model=None, converts=None, **kwargs):
    """Calls function(*args, **kwargs) and prints the result or the exception.

    wraps="u64" (etc.): the result is a C integer of that width. The plain run
    (unbounded Python ints) prints it reduced to the width; the compiled run
    prints it unchanged, so a compiled result that was not narrowed differs
    (and is flagged as out of range).
    c_model=callable: what C computes where Python differs by design (e.g. C's
    truncating division under cdivision); the plain run prints
    c_model(*args, **kwargs) instead of calling function, the compiled run
    calls function.
    converts=("int", "float", None, ...): the C kind each positional argument
    is converted to before any other work (a typed `def` parameter, or a first
    statement like `n: cython.long = obj`). Compiled code raises CPython's
    conversion error there; plain Python fails later, in some operation, with
    other words. The plain run converts the arguments first
    (convert_to_c), so the messages are compared exactly.
    """
    plain = not compiled()  # outside the try: an unset COMPILED must fail the run, not print alike
    try:
        if converts is not None and plain:
            args = tuple(convert_to_c(a, k) for a, k in zip(args, converts)) + args[len(converts):]
        if c_model is not None and plain:
            result = c_model(*args, **kwargs)
        else:
            result = function(*args, **kwargs)
    except Exception as error:  # the exception is the observable result
        print(f"{label}: {describe_exception(error)}")
        return
    if wraps is not None and isinstance(result, int) and not isinstance(result, bool):
        if plain:
            result = wrap(result, wraps)
        elif not in_range(result, wraps):
            print(f"{label}: {result!r} OUT OF RANGE of {wraps}")
            return
    print(f"{label}: {result!r}")


def documented(label, function, args, expected):
    """Where the compiled module does what Cython does and plain Python cannot
    (each driver says why), the compiled run shows function(*args) and the
    plain run prints `expected`, Cython's result written down in the driver."""
    if compiled():
        show(label, function, *args)
    else:
        print(f"{label}: {expected}")
