"""cython.dataclasses: run as plain Python, the standard library's dataclasses
(as Cython's Shadow module provides them)."""
from dataclasses import dataclass, field, InitVar  # noqa: F401
