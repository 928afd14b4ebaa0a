"""Extension types (`@cython.cclass`) where compiled code must differ from the
same file run as plain Python, as Cython's does: private fields are invisible,
typed parameters reject None, the type is immutable and `@cython.final` closes
it, `__cinit__`/`__dealloc__` run, cfunc methods are invisible to Python, object fields are collected in cycles, and a
second module object of the extension cannot remake its types.
"""
import gc
import importlib.util
import os
import sys
import tempfile
import unittest

from support import OPTIONS, parse_options_then_run_unittest, pyxx_build

PROGRAM = '''
import cython
from typing import Optional

events = []


@cython.cclass
class Node:
    value: cython.long
    cython.declare(label=str, visibility='readonly')
    cython.declare(next=object, visibility='public')
    count = cython.declare(cython.int, visibility='public')

    def __cinit__(self, value: cython.long, *rest):
        self.value = value
        events.append(("cinit", value))

    def __init__(self, value: cython.long, label: str = "n"):
        self.label = label

    def __dealloc__(self):
        events.append(("dealloc", self.value, self.next is None))

    def get(self):
        return self.value

    @cython.cfunc
    def doubled(self) -> cython.long:
        return 2 * self.value

    @cython.ccall
    def tripled(self) -> cython.long:
        return 3 * self.value

    def both(self):
        return self.doubled(), self.tripled()


@cython.final
@cython.cclass
class Leaf:
    pass


def value_of(n: Node) -> cython.long:
    return n.value


def value_or_none(n: Optional[Node]):
    return None if n is None else n.value


def read_local(obj) -> cython.long:
    n: Node = obj
    return n.value
'''


class ExtensionTypes(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        source = os.path.join(cls.tmp.name, "nodes.py")
        with open(source, "w", encoding="utf-8") as f:
            f.write(PROGRAM)
        pyxx_build(OPTIONS.pyxx, source, cls.tmp.name)
        sys.path.insert(0, cls.tmp.name)
        cls.mod = importlib.import_module("nodes")

    @classmethod
    def tearDownClass(cls):
        sys.path.remove(cls.tmp.name)
        cls.tmp.cleanup()

    def test_private_and_readonly_fields(self):
        n = self.mod.Node(3, "x")
        with self.assertRaises(AttributeError):
            n.value
        self.assertEqual(n.get(), 3)
        self.assertEqual(n.label, "x")
        with self.assertRaises(AttributeError):
            n.label = "y"
        with self.assertRaises(AttributeError):
            n.anything = 1  # no __dict__
        n.count = 7
        self.assertEqual(n.count, 7)
        with self.assertRaises(OverflowError):
            n.count = 2 ** 40
        with self.assertRaises(TypeError):
            n.count = "7"
        with self.assertRaises(NotImplementedError):
            del n.count

    def test_none_at_the_boundary(self):
        with self.assertRaisesRegex(TypeError, "Argument 'n' has incorrect type"):
            self.mod.value_of(None)
        with self.assertRaises(TypeError):
            self.mod.value_of(object())
        self.assertIsNone(self.mod.value_or_none(None))
        self.assertEqual(self.mod.value_or_none(self.mod.Node(4)), 4)
        with self.assertRaisesRegex(AttributeError, "'NoneType' object has no attribute 'value'"):
            self.mod.read_local(None)
        with self.assertRaisesRegex(TypeError, "Cannot convert int to nodes.Node"):
            self.mod.read_local(5)
        with self.assertRaisesRegex(TypeError, "incorrect type"):
            self.mod.Node.get(5)

    def test_c_methods(self):
        n = self.mod.Node(5)
        # A cfunc method is C only: no attribute of the type or its instances.
        self.assertFalse(hasattr(self.mod.Node, "doubled"))
        self.assertFalse(hasattr(n, "doubled"))
        self.assertEqual((n.tripled(), n.both()), (15, (10, 15)))
        # A ccall method tests its `self` as a `def` method does (Cython's TypeError).
        with self.assertRaisesRegex(TypeError, "incorrect type"):
            self.mod.Node.tripled(None)
        # An instance attribute of a Python subclass's instance overrides it too, as in Cython.
        sub = type("Sub", (self.mod.Node,), {})
        s = sub(2)
        s.tripled = lambda: -1
        self.assertEqual(s.both(), (4, -1))

    def test_type_is_immutable_and_final(self):
        with self.assertRaises(TypeError):
            self.mod.Node.extra = 1
        with self.assertRaises(TypeError):
            type("Sub", (self.mod.Leaf,), {})
        sub = type("Sub", (self.mod.Node,), {"extra": 1})
        s = sub(5)
        self.assertEqual((s.get(), s.extra, self.mod.value_of(s)), (5, 1, 5))
        self.assertFalse(hasattr(self.mod.Node, "__cinit__"))

    def test_cinit_dealloc_and_gc(self):
        del self.mod.events[:]
        a = self.mod.Node(1)
        b = self.mod.Node(2)
        self.assertEqual(self.mod.events, [("cinit", 1), ("cinit", 2)])
        a.next, b.next = b, a  # a cycle through object fields: only the collector frees it
        del a, b
        gc.collect()
        freed = sorted(e[1] for e in self.mod.events if e[0] == "dealloc")
        self.assertEqual(freed, [1, 2])
        # The collector breaks the cycle by clearing a field: None, never freed memory.
        self.assertTrue(any(e[2] for e in self.mod.events if e[0] == "dealloc"))

    def test_second_module_object(self):
        spec = importlib.util.find_spec("nodes")
        with self.assertRaisesRegex(ImportError, "exists once per process"):
            spec.loader.exec_module(importlib.util.module_from_spec(spec))


if __name__ == "__main__":
    parse_options_then_run_unittest()
