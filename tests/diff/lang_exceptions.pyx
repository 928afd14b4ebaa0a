# Exceptions in GIL code: try/except/else/finally, except with a tuple and
# `as`, raise with and without arguments, bare re-raise, raise ... from,
# nested handlers, finally running on return, errors from C arithmetic caught.
import cython


def classify(f, arg):
    try:
        result = f(arg)
    except (TypeError, ValueError) as e:
        return "bad input: " + type(e).__name__
    except ZeroDivisionError:
        return "zero"
    else:
        return f"ok {result}"
    finally:
        trail.append(arg)


trail = []


def get_trail():
    out = list(trail)
    trail.clear()
    return out


def reraise(x):
    try:
        return 10 // x
    except ZeroDivisionError:
        trail.append("seen")
        raise


def convert(text):
    try:
        return int(text)
    except ValueError as e:
        raise KeyError(text) from e


def c_guard(a: cython.long, b: cython.long) -> cython.long:
    r: cython.long = -1
    try:
        r = a // b
    except ZeroDivisionError:
        r = 0
    finally:
        r += 1000
    return r


def nested(x):
    try:
        try:
            if x == 1:
                raise IndexError("inner")
            if x == 2:
                raise RuntimeError("pass through")
            return "clean"
        except IndexError:
            raise ValueError("replaced")
        finally:
            trail.append(f"inner finally {x}")
    except ValueError as e:
        return f"outer caught {e}"


def raise_class(kind):
    if kind == 0:
        raise ValueError
    if kind == 1:
        raise TypeError("with message")
    return kind


def message(f, arg):
    try:
        f(arg)
    except Exception as e:
        return (type(e).__name__, str(e), type(e.__cause__).__name__)
    return None
