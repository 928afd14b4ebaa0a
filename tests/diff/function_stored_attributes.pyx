# Module functions whose attributes the module sets: they need a __dict__, as
# Python's functions have (a builtin function has none), so pyxx makes them
# function objects at their `def`.
import cython


def counted(x):
    counted.calls += 1
    return x + counted.calls


counted.calls = 0


def tagged(x: cython.int) -> cython.int:
    return x * 2


setattr(tagged, "tag", "doubler")
tagged.extra, tagged.more = 1, [2, 3]


def cached(key):
    table = cached.cache
    if key not in table:
        table[key] = len(table)
    return table[key]


def install_cache():
    # a store inside another function's body counts too
    cached.cache = {}


install_cache()


def forgetful(x):
    return x


forgetful.note = "kept"


def forget():
    del forgetful.note
    delattr(tagged, "extra")
    return hasattr(forgetful, "note"), hasattr(tagged, "extra")


def untouched(x):
    return -x


def summary():
    return (counted.calls, tagged.tag, tagged.more, sorted(cached.cache.items()),
            sorted(vars(counted)), callable(untouched))
