# cython.cast to Python types: the object itself; typecheck=True raises
# TypeError for an object of another type (None passes, as in Cython).
import cython


def as_list(obj):
    items = cython.cast(list, obj)
    return items


def first_of(obj):
    items: list = cython.cast(list, obj)
    return items[0]


def as_str(s):
    text = cython.cast(str, s)
    return text.upper()


def checked_list(obj):
    return cython.cast(list, obj, typecheck=True)


def checked_str(obj):
    return cython.cast(str, obj, typecheck=True)


def checked_dict(obj):
    return cython.cast(dict, obj, typecheck=True)


def unchecked(obj):
    return cython.cast(list, obj, typecheck=False)


def same_object(obj):
    return cython.cast(list, obj) is obj


def int_from_c(n: cython.int):
    return cython.cast(int, n)
