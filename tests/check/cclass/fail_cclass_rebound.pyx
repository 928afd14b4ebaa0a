# The name of an extension type stays bound to the type, as in Cython: the
# compiled code types `Kept(...)` as a Kept and tests against the type itself.
import cython


@cython.cclass
class Kept:  # expected-note 6: `Kept` was first defined here
    n: cython.int


Kept = None  # expected-error PX105: `Kept` is already defined expected-note: the name of an extension type cannot be bound again


def rebind_kept():
    global Kept
    Kept = dict  # expected-error PX105: `Kept` is already defined expected-note: cannot be bound again


for Kept in range(2):  # expected-error PX105 expected-note: cannot be bound again
    pass


# `from m import Kept` keeps the type (the import must give it); another name
# imported as Kept, a module, or such an import in a function binds it.
from collections import OrderedDict as Kept  # expected-error PX105 expected-note: cannot be bound again
import collections as Kept  # expected-error PX105 expected-note: cannot be bound again


def import_kept():
    global Kept
    from fail_cclass_rebound import Kept  # expected-error PX105 expected-note: cannot be bound again
