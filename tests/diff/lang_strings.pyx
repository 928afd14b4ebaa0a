# Strings and f-strings: format specs, conversions (!r, !s), C values inside
# f-strings, %-formatting, str methods, bytes, and str()/repr() of C values.
import cython


def fmt(name, n: cython.int, x: cython.double):
    return f"{name}: n={n} x={x} sum={n + x:.3f} hex={n:#x} pad=[{n:>5}] left=[{name:<6}]"


def conversions(value):
    return f"{value!r} {value!s} {value!a}"


def nested_spec(x: cython.double, width: cython.int, prec: cython.int):
    return f"[{x:{width}.{prec}f}]"


def old_style(name, n: cython.long):
    return "%s has %d items (%5.1f%%)" % (name, n, n * 12.5)


def methods(s: str):
    return (s.lower(), s.title(), s.startswith("ab"), s.find("c"), s.split(), s[::-1],
            s.center(9, "*"), "-".join(sorted(s.replace(" ", ""))))


def c_to_str(n: cython.ulong, x: cython.float, flag: cython.bint):
    return str(n) + "/" + repr(x) + "/" + str(flag)


def encode(s: str):
    b = s.encode("utf-8")
    return (b, len(b), b.decode("utf-8") == s, b[0])


def build(n: cython.int):
    out = ""
    for i in range(n):
        out += f"{i}," if i < n - 1 else f"{i}"
    return out
