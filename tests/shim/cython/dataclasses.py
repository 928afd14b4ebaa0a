"""cython.dataclasses: run as plain Python, the standard library's dataclasses
(as Cython's Shadow module provides them)."""
import dataclasses as _dataclasses
from dataclasses import field, InitVar  # noqa: F401


def dataclass(cls=None, **options):
    """The standard library's decorator. On a class `@cython.cclass` already
    made, the start values it gave the fields (zero, None) are no defaults:
    they are set aside while the dataclass is made, then put back."""

    def make(klass):
        from . import _zeroed

        zeroed = _zeroed.get(klass, {})
        for name in zeroed:
            delattr(klass, name)
        made = _dataclasses.dataclass(**options)(klass)
        for name, value in zeroed.items():
            if name not in made.__dict__:
                setattr(made, name, value)
        return made

    return make if cls is None else make(cls)
