"""Sums of 0..n-1, computed by pyxx modules without holding the GIL."""
from fastsum.core import total
from fastsum.scaled import scaled_total

__all__ = ["total", "scaled_total"]
