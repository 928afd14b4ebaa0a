# Calls on Python objects in GIL code: positional and keyword arguments,
# methods, attributes of objects and modules, calling module-level def
# functions and callables passed in (star-arguments: lang_star_args).
import cython
import math
from collections import OrderedDict


def greet(name, punctuation="!", times: cython.int = 1):
    return ("hello " + name + punctuation) * times


def call_greet():
    return [greet("a"), greet("b", "?"), greet(name="c", times=2), greet("d", times=0)]


def sort_words(words):
    return sorted(words, key=len, reverse=True)


def apply(f, a, b):
    return f(a, b)


def apply_keywords(f, value):
    return f(value, base=2)


def method_calls(text):
    parts = text.strip().split(",")
    joined = "|".join(parts)
    return (joined.upper(), text.count(","), joined.replace("|", "", 1))


def attributes(z):
    return (z.real, z.imag, z.conjugate(), math.pi > 3, math.floor(2.7))


def ordered(pairs):
    d = OrderedDict()
    for k, v in pairs:
        d[k] = v
    d.move_to_end(pairs[0][0])
    return list(d.keys())


def nested_calls(n: cython.int):
    return max(abs(n - 10), len(str(n)), int(math.sqrt(abs(n))))
