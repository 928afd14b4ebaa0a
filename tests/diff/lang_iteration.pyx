# `for` over any iterable in GIL code: lists, tuples, strings, dicts (keys and
# items with unpacking), sets, enumerate, zip, reversed, map, a range object,
# iterators; for/else and while/else; break and continue with objects.
import cython


def walk(iterable):
    out = []
    for item in iterable:
        out.append(item)
    return out


def dict_items(d):
    keys = []
    total = 0
    for k, v in d.items():
        keys.append(k)
        total += v
    for k in d:
        total += len(k)
    return (keys, total)


def indexed(seq):
    out = []
    for i, (a, b) in enumerate(zip(seq, reversed(seq))):
        out.append(f"{i}:{a}{b}")
    return out


def c_accumulate(values) -> cython.double:
    s: cython.double = 0.0
    for v in values:
        s += v
    return s


def find(seq, target):
    for i, x in enumerate(seq):
        if x == target:
            break
    else:
        return -1
    return i


def skip_none(seq):
    count: cython.int = 0
    for x in map(str, seq):
        if x == "None":
            continue
        count += len(x)
    return count


def drain(seq):
    it = iter(seq)
    n = 0
    while True:
        try:
            next(it)
        except StopIteration:
            break
        n += 1
    else:
        n = -1
    return n
