# The compiled module follows Cython (character codes), plain Python compares an
# int with bytes (== is False, != is True, < raises TypeError): each line checks
# the mode's documented answer, so both runs print the same text.
from diff_support import show


def run(mod):
    compiled = not mod.__file__.endswith(".pyx")
    for code in (65, 66):
        expected = code == 65 if compiled else False
        print(f"is_a({code}) as documented:", mod.is_a(code) == expected)
        print(f"portable({code}):", mod.portable(code))
    for code in (ord("z"), 0):
        expected = code != ord("z") if compiled else True
        print(f"not_z({code}) as documented:", mod.not_z(code) == expected)
    for code in (ord("5"), ord("a")):
        try:
            result = mod.is_digit(code)
        except TypeError:
            result = "TypeError"
        expected = (48 <= code <= 57) if compiled else "TypeError"
        print(f"is_digit({code}) as documented:", result == expected)
