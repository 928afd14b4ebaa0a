# Python builtins called from GIL code on objects and on C values: len, sum,
# sorted, min/max on iterables, any/all, isinstance, int/float/str/bool,
# round, divmod, pow with a modulus, abs on objects, chr/ord, hex, range,
# list/tuple/dict/set constructors, type, hash equality, getattr.
import cython


def sizes(obj):
    return (len(obj), bool(obj), type(obj).__name__)


def aggregate(values):
    return (sum(values), min(values), max(values), sorted(values), any(values), all(values))


def numeric(x):
    return (int(x), float(x), round(x), round(x, 1), abs(x), divmod(x, 3))


def c_builtins(n: cython.int, x: cython.double):
    return (str(n), hex(n), chr(65 + n), float(n), int(x), round(x), pow(n, 2, 7))


def constructors(seq):
    return (list(seq), tuple(seq), set(seq) == set(reversed(list(seq))),
            dict(zip(seq, range(len(seq)))), list(range(len(seq))))


def kinds(obj):
    return (isinstance(obj, int), isinstance(obj, (str, bytes)), callable(obj),
            hasattr(obj, "append"), getattr(obj, "missing", "default"))


def from_text(text: str):
    return (ord(text[0]), int(text, 16), text.isdigit(), float("1e3"), repr(text))
