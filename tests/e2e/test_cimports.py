"""Modules that call each other's C functions (`from cython.cimports.pkg.mod
import f`), and packages: each module built on its own with `pyxx build`, the
importing one finding the exporting one's declarations file, the calls going
through the capsule table at run time (with and without the GIL, errors and
their tracebacks crossing the boundary), and a stale importer refused at import.
"""
import os
import pathlib
import subprocess
import sys
import tempfile
import textwrap
import unittest

from support import OPTIONS, parse_options_then_run_unittest, pyxx_build, run

HELPERS = '''
import cython

SCALE = 3


@cython.cfunc
@cython.nogil
def twice(x: cython.int) -> cython.int:
    return 2 * x


@cython.cfunc
def scaled(x: cython.double) -> cython.double:
    return x * SCALE          # a global: the exporting module's own


@cython.cfunc
@cython.nogil
def checked_div(a: cython.int, b: cython.int) -> cython.int:
    return a // b


@cython.ccall
def describe(x: object) -> str:
    return f"<{x!r}>"


@cython.cfunc
def label(prefix: str, n: cython.long) -> str:
    return prefix + str(n)


@cython.cfunc
def halve(x: cython.double, y: cython.double = 2.0) -> cython.double:
    return x / y


@cython.cfunc
def tell(items: list) -> cython.void:
    items.append("told")
'''

USER = '''
import cython
from cython.cimports.helpers import twice, scaled, checked_div, describe, label as lbl, halve, tell
from cython.cimports import helpers as hmod


def in_threads(x: cython.int) -> cython.int:
    r: cython.int
    with cython.nogil:
        r = twice(x) + twice(1)
    return r


def scaled_by_global(x: cython.double) -> cython.double:
    return scaled(x)


def divide(a: cython.int, b: cython.int) -> cython.int:
    with cython.nogil:
        return checked_div(a, b)


def objects(x):
    items = [x]
    tell(items)
    return describe(items), lbl("n=", n=7)


def halves(x: cython.double) -> cython.double:
    return halve(x, 4.0) + hmod.twice(0)


def through_the_module(x: cython.int) -> cython.int:
    with cython.nogil:
        x = hmod.twice(x)
    return x
'''


def run_python(code, cwd):
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code)], cwd=cwd, text=True,
                          capture_output=True, timeout=120)


class CimportedFunctions(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.src = pathlib.Path(cls.tmp.name) / "src"
        cls.out = pathlib.Path(cls.tmp.name) / "out"
        cls.src.mkdir()
        (cls.src / "helpers.py").write_text(HELPERS)
        (cls.src / "user.py").write_text(USER)
        pyxx_build(OPTIONS.pyxx, cls.src / "helpers.py", cls.out)
        pyxx_build(OPTIONS.pyxx, cls.src / "user.py", cls.out)

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def test_calls_through_the_capsule_table(self):
        result = run_python('''
            import user
            print(user.in_threads(20), user.scaled_by_global(2.0), user.divide(7, 2))
            print(user.objects(1))
            print(user.halves(2.0), user.through_the_module(5))
        ''', self.out)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(result.stdout.splitlines(),
                         ["42 6.0 3", "(\"<[1, 'told']>\", 'n=7')", "0.5 10"])

    def test_errors_cross_with_their_traceback(self):
        result = run_python('''
            import traceback, user
            try:
                user.divide(1, 0)
            except ZeroDivisionError:
                print("".join(traceback.format_exc()))
        ''', self.out)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn('user.py", line 20, in divide', result.stdout)
        self.assertIn('helpers.py", line 21, in checked_div', result.stdout)
        self.assertIn("ZeroDivisionError", result.stdout)

    def test_the_declarations_file(self):
        text = (self.out / "helpers.pyxd").read_text()
        self.assertIn("def twice(x: cython.int) -> cython.int: ...", text)
        self.assertIn("@cython.nogil\n@cython.exceptval(check=False)\ndef twice", text)
        self.assertIn("def label(prefix: str, n: cython.long) -> str: ...", text)
        # Default values stay in the exporting module.
        self.assertIn("def halve(x: cython.double, y: cython.double) -> cython.double: ...", text)

    def test_a_stale_importer_is_refused_at_import(self):
        changed = pathlib.Path(self.tmp.name) / "changed"
        changed.mkdir()
        (changed / "helpers.py").write_text(HELPERS.replace("def twice(x: cython.int)", "def twice(x: cython.long)"))
        pyxx_build(OPTIONS.pyxx, changed / "helpers.py", changed)
        for name in os.listdir(self.out):
            if name.startswith("user."):
                (changed / name).write_bytes((self.out / name).read_bytes())
        result = run_python("import user", changed)
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("ImportError: C function 'helpers.twice' has the signature", result.stderr)
        self.assertIn("translate the importing module again", result.stderr)

    def test_a_missing_declarations_file_is_reported(self):
        lonely = pathlib.Path(self.tmp.name) / "lonely"
        lonely.mkdir()
        (lonely / "user.py").write_text(USER)
        result = run([OPTIONS.pyxx, "check", "user.py"], cwd=lonely)
        self.assertEqual(result.returncode, 1)
        self.assertIn("error: cannot cimport `helpers.twice`: found no declarations file `helpers.pyxd`",
                      result.stderr)
        self.assertIn("[PX120]", result.stderr)

    def test_include_dir_option(self):
        elsewhere = pathlib.Path(self.tmp.name) / "elsewhere"
        elsewhere.mkdir()
        (elsewhere / "user.py").write_text(USER)
        result = run([OPTIONS.pyxx, "translate", "user.py", "-I", self.out, "-o", "user.cpp",
                      "--depfile", "user.d"], cwd=elsewhere)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("helpers.pyxd", (elsewhere / "user.d").read_text())
        self.assertTrue((elsewhere / "user.pyxd").exists())


class MutualCimports(unittest.TestCase):
    def test_two_modules_that_cimport_from_each_other(self):
        # Neither can be translated first from the other's output alone: the
        # first one reads a hand-written declarations file of the second.
        with tempfile.TemporaryDirectory() as tmp:
            root = pathlib.Path(tmp)
            (root / "ping.py").write_text(textwrap.dedent('''
                import cython
                from cython.cimports.pong import pong_step


                @cython.cfunc
                def ping_step(n: cython.int) -> cython.int:
                    return n + 1


                def run(n: cython.int) -> cython.int:
                    return pong_step(n)
            '''))
            (root / "pong.py").write_text(textwrap.dedent('''
                import cython
                from cython.cimports.ping import ping_step


                @cython.cfunc
                def pong_step(n: cython.int) -> cython.int:
                    return 10 * ping_step(n)
            '''))
            (root / "pong.pyxd").write_text(textwrap.dedent('''
                import cython


                @cython.cfunc
                def pong_step(n: cython.int) -> cython.int: ...
            '''))
            # The hand-written file does not say that pong_step cannot raise: ping
            # is translated again once pong wrote the real one (else its import
            # fails on the signature, as a stale importer's does).
            for name in ("ping.py", "pong.py", "ping.py"):
                run([OPTIONS.pyxx, "build", name, "--python", sys.executable], cwd=root, check=True)
            for first in ("ping", "pong"):
                result = run_python(f"import {first}, ping; print(ping.run(4))", root)
                self.assertEqual(result.stdout.strip(), "50", result.stderr)


SHAPES = '''
import cython


@cython.cclass
class Shape:
    sides: cython.int
    name: str
    grid: cython.double[4]      # a C array: not exported (only the exporting module reaches it)

    def __init__(self, sides, name="shape"):
        self.sides = sides
        self.name = name

    @cython.cfunc
    @cython.nogil
    def corners(self) -> cython.int:
        return self.sides

    @cython.ccall
    def area(self, scale: cython.double) -> cython.double:
        if scale < 0:
            raise ValueError("negative scale")
        return scale * self.sides

    def describe(self):
        return f"{self.name}/{self.sides}"


@cython.cclass
class Square(Shape):
    side: cython.double

    def __init__(self, side):
        super().__init__(4, "square")
        self.side = side

    @cython.cfunc
    @cython.nogil
    def corners(self) -> cython.int:
        return 4 + 100 * (self.side > 10)

    @cython.ccall
    def area(self, scale: cython.double) -> cython.double:
        return scale * self.side * self.side
'''

DRAWING = '''
import cython
import typing
from cython.cimports.shapes import Shape, Square


def corners(s: Shape) -> cython.int:
    n: cython.int
    with cython.nogil:
        s.sides += 1
        n = s.corners()
    return n


def area(s: Shape, scale: cython.double) -> cython.double:
    return s.area(scale)


def rename(s: Shape, name):
    s.name = name
    return s.name


def side_of(x) -> cython.double:
    if isinstance(x, Square):
        return x.side
    if not isinstance(x, Shape):
        return -1.0
    return x.sides


def made(n: cython.int) -> Shape:
    s: Shape = Shape(n, "made")
    s.sides += 1
    return s


def sides_or_none(s: typing.Optional[Shape]) -> cython.int:
    return s.sides
'''


class CimportedExtensionTypes(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.out = pathlib.Path(cls.tmp.name)
        (cls.out / "shapes.py").write_text(SHAPES)
        (cls.out / "drawing.py").write_text(DRAWING)
        pyxx_build(OPTIONS.pyxx, cls.out / "shapes.py", cls.out)
        pyxx_build(OPTIONS.pyxx, cls.out / "drawing.py", cls.out)

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def test_fields_and_methods_across_modules(self):
        result = run_python('''
            import shapes, drawing
            t = shapes.Shape(3, "triangle")
            q = shapes.Square(12.0)
            print(drawing.corners(t), drawing.corners(q), t.describe(), q.describe())
            print(drawing.area(t, 2.0), drawing.area(q, 0.5), drawing.rename(t, "tri"), t.describe())
            print(drawing.side_of(q), drawing.side_of(t), drawing.side_of("x"), drawing.made(2).describe())

            class Hexagon(shapes.Shape):
                def area(self, scale):
                    return -scale
            print(drawing.area(Hexagon(6), 3.0))
        ''', self.out)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(result.stdout.splitlines(), [
            "4 104 triangle/4 square/5",
            "8.0 72.0 tri tri/4",
            "12.0 4.0 -1.0 made/3",
            "-3.0",
        ])

    def test_errors_and_checks_at_the_boundary(self):
        result = run_python('''
            import shapes, drawing
            for call in (lambda: drawing.area(shapes.Shape(3), -1.0),
                         lambda: drawing.rename(shapes.Shape(3), 42),
                         lambda: drawing.corners("square"),
                         lambda: drawing.sides_or_none(None)):
                try:
                    call()
                except Exception as e:
                    print(type(e).__name__, e)
        ''', self.out)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(result.stdout.splitlines(), [
            "ValueError negative scale",
            "TypeError Expected str, got int",
            "TypeError Argument 's' has incorrect type (expected shapes.Shape, got str)",
            "AttributeError 'NoneType' object has no attribute 'sides'",
        ])

    def test_the_declarations_file(self):
        text = (self.out / "shapes.pyxd").read_text()
        self.assertIn("@cython.cclass\nclass Shape:\n    sides: cython.int\n    name: str\n", text)
        self.assertNotIn("grid", text)
        self.assertIn("class Square(Shape):", text)
        self.assertIn("    @cython.ccall\n    def area(self, scale: cython.double) -> cython.double: ...", text)

    def test_a_changed_layout_is_refused_at_import(self):
        changed = pathlib.Path(self.tmp.name) / "changed"
        changed.mkdir()
        (changed / "shapes.py").write_text(SHAPES.replace("sides: cython.int", "sides: cython.long"))
        pyxx_build(OPTIONS.pyxx, changed / "shapes.py", changed)
        for name in os.listdir(self.out):
            if name.startswith("drawing."):
                (changed / name).write_bytes((self.out / name).read_bytes())
        result = run_python("import drawing", changed)
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("'shapes.Shape.sides' has the signature 'pyxx-capi-1 field Shape.sides: cython.long'",
                      result.stderr)


FIGURES = '''
import cython

LOG = []


@cython.cclass
class Figure:
    sides: cython.int
    tag: object

    def __cinit__(self, *args):
        LOG.append("figure cinit")
        self.tag = "figure"

    def __dealloc__(self):
        LOG.append(f"figure dealloc {self.tag}")

    @cython.cfunc
    @cython.nogil
    def corners(self) -> cython.int:
        return self.sides

    @cython.ccall
    def area(self, scale: cython.double) -> cython.double:
        return scale * self.sides
'''

POLYGONS = '''
import cython
from cython.cimports.figures import Figure


@cython.cclass
class Polygon(Figure):
    perimeter: cython.double
    title = cython.declare(str, visibility='public')
    size = cython.declare(cython.double, visibility='readonly')
    other: object

    def __cinit__(self, sides, perimeter):
        self.tag = "polygon"

    def __init__(self, sides: cython.int, perimeter: cython.double):
        self.sides = sides
        self.perimeter = perimeter
        self.size = perimeter * 2
        self.title = "polygon"

    def __dealloc__(self):
        import figures
        figures.LOG.append(f"polygon dealloc {self.title}")

    @cython.cfunc
    @cython.nogil
    def edge(self) -> cython.double:
        return self.perimeter / self.corners()

    def link(self, other):
        self.other = other

    def report(self) -> str:
        e: cython.double
        with cython.nogil:
            e = self.edge()
        return f"{self.title} {self.sides} {e} {self.area(2.0)}"


@cython.final
@cython.cclass
class Square(Polygon):
    @cython.cfunc
    @cython.nogil
    def edge(self) -> cython.double:
        return self.perimeter / 4 + 100


def edge_of(p: Polygon) -> cython.double:
    return p.edge()
'''


class DerivedFromCimportedTypes(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.out = pathlib.Path(cls.tmp.name)
        (cls.out / "figures.py").write_text(FIGURES)
        (cls.out / "polygons.py").write_text(POLYGONS)
        pyxx_build(OPTIONS.pyxx, cls.out / "figures.py", cls.out)
        pyxx_build(OPTIONS.pyxx, cls.out / "polygons.py", cls.out)

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    SCRIPT = '''
        import gc, figures, polygons
        p = polygons.Polygon(3, 6.0)
        q = polygons.Square(4, 8.0)
        print(p.report(), q.report(), polygons.edge_of(q), p.size, isinstance(q, figures.Figure))
        p.title = "tri"
        print(p.title, type(q).__mro__[2].__name__)

        class Scaled(polygons.Polygon):
            def area(self, scale):
                return -scale
        print(Scaled(5, 10.0).report())
        del p, q
        gc.collect()
        figures.LOG.clear()
        a = polygons.Polygon(3, 1.0)
        b = polygons.Polygon(4, 1.0)
        a.link(b)
        b.link(a)
        del a, b
        print(gc.collect() >= 2, sorted(figures.LOG))
        for call in (lambda: setattr(polygons.Polygon(3, 1.0), "size", 1.0),
                     lambda: setattr(polygons.Polygon(3, 1.0), "title", 3),
                     lambda: polygons.edge_of(figures.Figure())):
            try:
                call()
            except Exception as e:
                print(type(e).__name__)
    '''

    def expected(self):
        return [
            "polygon 3 2.0 6.0 polygon 4 102.0 8.0 102.0 12.0 True",
            "tri Figure",
            "polygon 5 2.0 -2.0",
            "True ['figure cinit', 'figure cinit', 'figure dealloc None', 'figure dealloc polygon', "
            "'polygon dealloc None', 'polygon dealloc polygon']",  # the collector cleared one of the two
            "AttributeError",
            "TypeError",
            "TypeError",
        ]

    def test_fields_methods_and_slots_across_modules(self):
        result = run_python(self.SCRIPT, self.out)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(result.stdout.splitlines(), self.expected())

    def test_the_derived_type_is_not_exported(self):
        self.assertNotIn("Polygon", (self.out / "polygons.pyxd").read_text())

    def test_a_base_that_grows_moves_the_derived_fields(self):
        # The base gains fields before the exported ones: the derived module, not
        # translated again, finds its fields after the larger instance.
        grown = pathlib.Path(self.tmp.name) / "grown"
        grown.mkdir()
        (grown / "figures.py").write_text(
            FIGURES.replace("    sides: cython.int\n", "    pad: cython.double[16]\n    sides: cython.int\n"))
        pyxx_build(OPTIONS.pyxx, grown / "figures.py", grown)
        for name in os.listdir(self.out):
            if name.startswith("polygons."):
                (grown / name).write_bytes((self.out / name).read_bytes())
        result = run_python(self.SCRIPT, grown)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(result.stdout.splitlines(), self.expected())


PACKAGE = {
    "geo/__init__.py": "",
    "geo/vec.py": '''
import cython


@cython.cfunc
@cython.nogil
def norm2(x: cython.double, y: cython.double) -> cython.double:
    return x * x + y * y
''',
    "geo/sub/__init__.py": '''
import cython

VERSION: str = "1.0"
''',
    "geo/sub/use.py": '''
import cython
from cython.cimports.geo.vec import norm2


def length2(x: cython.double, y: cython.double) -> cython.double:
    r: cython.double
    with cython.nogil:
        r = norm2(x, y)
    return r
''',
}


class Packages(unittest.TestCase):
    def test_dotted_modules_build_in_place_and_import(self):
        with tempfile.TemporaryDirectory() as tmp:
            root = pathlib.Path(tmp)
            for name, text in PACKAGE.items():
                (root / name).parent.mkdir(parents=True, exist_ok=True)
                (root / name).write_text(text)
            for name in ("geo/vec.py", "geo/sub/__init__.py", "geo/sub/use.py"):
                run([OPTIONS.pyxx, "build", name, "--python", sys.executable], cwd=root, check=True)
            self.assertTrue((root / "geo" / "vec.pyxd").exists())
            result = run_python('''
                import geo.sub, geo.sub.use, geo.vec
                print(geo.sub.use.length2(3.0, 4.0), geo.sub.VERSION)
                print(geo.sub.use.__name__, geo.vec.__name__, geo.sub.__name__)
                print(geo.sub.__file__.rsplit("/", 1)[1].split(".")[0], geo.sub.__path__ is not None)
            ''', root)
            self.assertEqual(result.returncode, 0, result.stderr)
            self.assertEqual(result.stdout.splitlines(),
                             ["25.0 1.0", "geo.sub.use geo.vec geo.sub", "__init__ True"])

    def test_module_name_option_takes_dots(self):
        with tempfile.TemporaryDirectory() as tmp:
            root = pathlib.Path(tmp)
            (root / "flat.py").write_text("def f():\n    return __name__\n")
            run([OPTIONS.pyxx, "build", "flat.py", "--module-name", "pkg2.inner", "-o", "out",
                 "--python", sys.executable], cwd=root, check=True)
            self.assertTrue(list((root / "out" / "pkg2").glob("inner.*.so")))
            (root / "out" / "pkg2" / "__init__.py").write_text("")
            result = run_python("import pkg2.inner as m; print(m.f())", root / "out")
            self.assertEqual(result.stdout.strip(), "pkg2.inner", result.stderr)



# A .pxd with no .pyxd and no module of its own: only C types, cimported by name.
PANTRY_PXD = """\
ctypedef long count_t

cdef struct jar:
    count_t beans
    double weight

ctypedef struct shelf:
    jar left
    jar right
    int height

cdef union label:
    int code
    double price
"""

KITCHEN = """\
import cython
from cython.cimports.pantry import shelf, jar, count_t, label


@cython.cfunc
@cython.nogil
def stock(s: cython.pointer(shelf), n: count_t) -> cython.void:
    s.left.beans = n
    s.right.beans = 2 * n
    s.left.weight = 0.5
    s.right.weight = 1.25
    s.height = 3


def inventory(n: count_t) -> tuple:
    s: shelf
    with cython.nogil:
        stock(cython.address(s), n)
    j: jar = s.right
    p: cython.pointer(jar) = cython.address(s.left)
    total: count_t = j.beans + p.beans
    tag: label
    tag.price = s.left.weight + j.weight
    return total, s.height, tag.price, cython.sizeof(shelf) >= 2 * cython.sizeof(jar)
"""


class CimportedPxdTypes(unittest.TestCase):
    def test_types_of_a_pxd_beside_the_module(self):
        with tempfile.TemporaryDirectory() as tmp:
            root = pathlib.Path(tmp)
            (root / "pantry.pxd").write_text(PANTRY_PXD)
            (root / "kitchen.py").write_text(KITCHEN)
            pyxx_build(OPTIONS.pyxx, root / "kitchen.py", root / "out")
            self.assertFalse(list((root / "out").glob("pantry*")))
            result = run_python("import kitchen; print(kitchen.inventory(5))", root / "out")
            self.assertEqual(result.returncode, 0, result.stderr)
            self.assertEqual(result.stdout.strip(), "(15, 3, 1.75, True)")

    def test_include_dir_and_depfile(self):
        with tempfile.TemporaryDirectory() as tmp:
            root = pathlib.Path(tmp)
            (root / "decls").mkdir()
            (root / "decls" / "pantry.pxd").write_text(PANTRY_PXD)
            (root / "kitchen.py").write_text(KITCHEN)
            result = run([OPTIONS.pyxx, "translate", "kitchen.py", "-I", "decls", "-o", "kitchen.cpp",
                          "--depfile", "kitchen.d"], cwd=root)
            self.assertEqual(result.returncode, 0, result.stderr)
            self.assertIn("decls/pantry.pxd", (root / "kitchen.d").read_text())
            # Without -I the .pxd is not found: a missing declarations file, as before.
            result = run([OPTIONS.pyxx, "check", "kitchen.py"], cwd=root)
            self.assertEqual(result.returncode, 1)
            self.assertIn("found no declarations file `pantry.pyxd`", result.stderr)

    def test_other_constructs_are_reported_at_their_line(self):
        with tempfile.TemporaryDirectory() as tmp:
            root = pathlib.Path(tmp)
            (root / "pantry.pxd").write_text(PANTRY_PXD + "\ncdef double price_of(jar j)\n")
            (root / "kitchen.py").write_text(KITCHEN)
            result = run([OPTIONS.pyxx, "check", "kitchen.py"], cwd=root)
            self.assertEqual(result.returncode, 1)
            self.assertIn("pantry.pxd:16: the function declaration `price_of`", result.stderr)
            self.assertIn("[PX120]", result.stderr)
            (root / "pantry.pxd").write_text("cpdef enum shade:\n    dark\n\n" + PANTRY_PXD)
            result = run([OPTIONS.pyxx, "check", "kitchen.py"], cwd=root)
            self.assertEqual(result.returncode, 1)
            self.assertIn("pantry.pxd:1: the `cpdef enum` shade", result.stderr)
            self.assertIn("a .pxd cimported without a .pyxd may declare only C structs", result.stderr)


if __name__ == "__main__":
    parse_options_then_run_unittest()
