# A string annotation in a class body is stored as CPython stores it: the
# string's value (not its source text with the quotes).
import cython


class Strings:
    double: "int"
    single: 'int'
    joined: ("List" '[int]')
    quoted: "it's"
    escaped: "\t\xa0é"
    raw: r"\d"
    triple: """Optional[str]"""
    assigned: "float" = 1.5


def stored():
    return sorted(Strings.__annotations__.items())
