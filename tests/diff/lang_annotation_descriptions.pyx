# A string annotation that is a description (words separated by spaces) is no
# type: ignored, as Cython 3 ignores a string it cannot read as a type; the
# variable, parameter or field holds any Python object.
import cython

noted: "a module-level note" = [1, 2]
declared_only: "declared, never assigned"


def scaled(n: "how many items", factor: "int or None" = None):
    width: "in pixels" = n * 2
    if factor is not None:
        width = width * factor
    return width


@cython.cclass
class Ship:
    crew: "people on board"
    name: str

    def __init__(self, crew, name: str):
        self.crew = crew
        self.name = name

    def describe(self):
        return self.name, self.crew


def globals_seen():
    return noted, "declared_only" in globals()
