"""Writes random, well-typed dialect programs whose plain-Python run is an exact oracle.

A module has a few `@cython.cfunc` functions (some `@cython.nogil`) and `def`
functions that call them, over every C scalar type, with every operator, casts,
mixed signedness, literals at the type limits, logged calls, memoryview reads
and writes, `if`/`for`/`try`/`finally`, `with cython.nogil`/`with cython.gil`,
`raise` and early returns.

Plain Python (with tests/shim) computes with unbounded ints and doubles, while
the compiled module computes in C types. Every expression is generated with the
interval of values it can take, and the generator writes explicit
`cython.cast(T, ...)` (which the shim models exactly) wherever C and Python
could disagree: an integer result that may leave its C type, an operand that a
mixed-signedness conversion would change before `//`, `%`, `>>`, a comparison or
`min`/`max`, an integer converted to a 32-bit float, and every 32-bit float
operation (Python computes it in double; one rounding to float after a single
+ - * / gives the same value). Semantics where pyxx is defined to differ from
Python (a negative exponent in C integer `**`, `int / int` beyond 2**53) are
not generated.
"""
import random

import ctypes_model as C
import numba_generator

FLOAT_LITERALS = ["0.0", "-0.0", "1.0", "-1.5", "2.5", "0.5", "-3.75", "7.0", "1e10",
                  "0.1", "-2.2", "1e300", "-1e-300", "3.0e38", "1e-40", "123456.789"]
# Values a C float holds exactly, usable as bare literals of type float.
FLOAT_EXACT = ["0.0", "-0.0", "1.0", "-1.5", "2.5", "0.5", "-3.75", "7.0", "1e10"]


class Expr:
    """Generated expression text, its C type, and for integers its value range."""

    def __init__(self, text, ctype, lo=None, hi=None, literal=False):
        self.text, self.ctype, self.lo, self.hi, self.literal = text, ctype, lo, hi, literal
        if C.is_int(ctype) and lo is None:
            self.lo, self.hi = C.bounds(ctype)


def cast(t, e):
    """e converted to t, as both C and the shim do it (C.wrap)."""
    if C.is_int(t):
        if C.is_int(e.ctype) and C.fits(e.lo, e.hi, t):
            return Expr(f"cython.cast(cython.{t}, {e.text})", t, e.lo, e.hi)
        return Expr(f"cython.cast(cython.{t}, {e.text})", t)
    return Expr(f"cython.cast(cython.{t}, {e.text})", t)


def to_type(t, e):
    """e as an expression of exactly C type t (no implicit conversion left to C)."""
    if e.ctype == t and not e.literal:
        return e
    if e.literal and C.is_int(t) and C.is_int(e.ctype) and C.fits(e.lo, e.hi, t) and t != C.BINT:
        return Expr(e.text, t, e.lo, e.hi, literal=True)
    return cast(t, e)


def fit(e, t):
    """e (an integer of C type t computed exactly by Python) reduced to t if it may not fit."""
    if C.fits(e.lo, e.hi, t):
        return Expr(e.text, t, e.lo, e.hi)
    return Expr(f"cython.cast(cython.{t}, {e.text})", t)


def unliteral(a, b):
    """A literal next to an operand of another type would take that type (and must
    fit it): give such a literal its own type with a cast."""
    if a.literal and (b.literal or b.ctype != a.ctype):
        a = cast(a.ctype, a)
    if b.literal and a.ctype != b.ctype:
        b = cast(b.ctype, b)
    return a, b


def bitlen_range(lo, hi):
    k = max(abs(lo), abs(hi)).bit_length() + 1
    if lo >= 0:
        return 0, (1 << k) - 1
    return -(1 << k), (1 << k) - 1


class Scope:
    """What a statement may use: variables, the GIL state, the functions to call."""

    def __init__(self, gil, variables, nogil_function=False):
        self.gil = gil  # "held" or "released" (also a nogil function's "maybe released")
        self.vars = dict(variables)
        self.nogil_function = nogil_function
        self.loop_depth = 0

    def child(self, gil=None):
        s = Scope(gil or self.gil, self.vars, self.nogil_function)
        s.loop_depth = self.loop_depth
        return s


class ModuleGen:
    def __init__(self, rng, name):
        self.rng = rng
        self.name = name
        self.tag_count = 0
        self.local_count = 0
        self.rec_types = set()
        self.trace_types = set()
        self.cfuncs = []  # (name, [param types], return type, nogil)
        mv_types = [t for t in C.ARRAY_CODES]
        self.m0 = rng.choice(mv_types)  # 1-D, 5 elements
        self.m1 = rng.choice(mv_types)  # 2-D, 2 x 3
        self.env_params = (f"tr: cython.longlong[:], m0: cython.{self.m0}[:], "
                           f"m1: cython.{self.m1}[:, :]")

    # --- small helpers ---
    def tag(self):
        self.tag_count += 1
        return self.tag_count

    def pick_int_type(self):
        return self.rng.choice(list(C.INTS) + ["int", "long", C.BINT])

    def pick_type(self):
        r = self.rng.random()
        if r < 0.72:
            return self.pick_int_type()
        if r < 0.95:
            return self.rng.choice(["double", "double", "float"])
        return C.BINT

    def int_literal(self, t):
        lo, hi = C.bounds(t)
        r = self.rng.random()
        if r < 0.35:
            v = self.rng.choice([lo, hi, lo + 1, hi - 1, 0, 1, hi // 2])
            v = min(max(v, lo), hi)
        elif r < 0.8:
            v = self.rng.randint(max(lo, -9), min(hi, 9))
        else:
            v = self.rng.randint(lo, hi)
        if t == C.BINT:
            return Expr(self.rng.choice(["True", "False"]), C.BINT)
        text = f"({v})" if v < 0 else str(v)
        return Expr(text, t, v, v, literal=True)

    def float_literal(self, t):
        if t == "float":
            choice = self.rng.choice(FLOAT_LITERALS)
            if choice in FLOAT_EXACT:
                return Expr(choice if not choice.startswith("-") else f"({choice})", t)
            return Expr(f"cython.cast(cython.float, {choice})", t)
        choice = self.rng.choice(FLOAT_LITERALS)
        return Expr(choice if not choice.startswith("-") else f"({choice})", t)

    # --- expressions ---
    def expr(self, t, depth, scope):
        """An expression of exactly C type t."""
        if depth <= 0 or self.rng.random() < 0.18:
            return self.leaf(t, scope)
        if C.is_float(t):
            return self.float_expr(t, depth, scope)
        if t == C.BINT:
            return self.bool_expr(depth, scope)
        return self.int_expr(t, depth, scope)

    def leaf(self, t, scope):
        r = self.rng.random()
        same = [n for n, vt in scope.vars.items() if vt == t]
        if same and r < 0.55:
            return Expr(self.rng.choice(same), t)
        if r < 0.7 and scope.vars:
            name = self.rng.choice(sorted(scope.vars))
            return self.convert(t, Expr(name, scope.vars[name]))
        if C.is_float(t):
            return self.float_literal(t)
        return self.int_literal(t)

    def convert(self, t, e):
        """e of any type as type t, through casts both sides compute alike."""
        if e.ctype == t:
            return e
        if t == "float" and C.is_int(e.ctype) and C.INTS.get(e.ctype, (8,))[0] == 64:
            # int -> double -> float: the shim rounds twice, so C must too.
            return cast("float", cast("double", e))
        return cast(t, e)

    def operand(self, depth, scope, kinds="int"):
        t = self.pick_int_type() if kinds == "int" else self.pick_type()
        return self.expr(t, depth, scope)

    def preserve(self, e, r):
        """e as an operand whose value C's conversion to r keeps (else an explicit cast)."""
        if C.is_int(e.ctype) and C.is_int(r):
            if C.fits(e.lo, e.hi, r):
                return e
            return cast(r, e)
        if C.is_int(e.ctype) and C.is_float(r):
            return self.convert(r, e)
        return e

    def int_expr(self, t, depth, scope):
        rng = self.rng
        kind = rng.choices(
            ["ring", "div", "shift", "bit", "pow", "neg", "inv", "abs", "minmax", "cond",
             "call", "cfunc", "mv", "fromfloat", "frombool", "len", "pos"],
            [20, 8, 6, 6, 3, 3, 2, 3, 3, 3, 4, 4, 6, 3, 2, 1, 1])[0]
        d = depth - 1
        if kind == "ring":
            a, b = self.operand(d, scope), self.operand(d, scope)
            op = rng.choice("+-*")
            r = C.arith(a.ctype, b.ctype)
            a, b = unliteral(a, b)
            cands = {"+": [a.lo + b.lo, a.hi + b.hi], "-": [a.lo - b.hi, a.hi - b.lo],
                     "*": [a.lo * b.lo, a.lo * b.hi, a.hi * b.lo, a.hi * b.hi]}[op]
            e = Expr(f"({a.text} {op} {b.text})", r, min(cands), max(cands))
            return self.convert(t, fit(e, r))
        if kind == "div":
            a, b = self.operand(d, scope), self.operand(d, scope)
            r = C.arith(a.ctype, b.ctype)
            a, b = unliteral(*(self.preserve(a, r), self.preserve(b, r)))
            op = rng.choice(["//", "%"])
            if op == "//":
                m = max(abs(a.lo), abs(a.hi))
                lo, hi = -m, m
            else:
                m = max(abs(b.lo), abs(b.hi))
                lo, hi = min(0, -m + 1), max(0, m - 1)
            e = Expr(f"({a.text} {op} {b.text})", r, lo, hi)
            return self.convert(t, fit(e, r))
        if kind == "shift":
            a = self.operand(d, scope)
            if a.literal:
                a = cast(a.ctype, a)
            n = self.shift_count(d, scope)
            p = C.promote(a.ctype)
            op = rng.choice(["<<", ">>"])
            hc = max(0, min(n.hi, 200))
            if op == "<<":
                cands = [a.lo, a.hi, a.lo << hc, a.hi << hc]
            else:
                cands = [a.lo, a.hi, a.lo >> hc, a.hi >> hc]
            e = Expr(f"({a.text} {op} {n.text})", p, min(cands), max(cands))
            return self.convert(t, fit(e, p))
        if kind == "bit":
            a, b = self.operand(d, scope), self.operand(d, scope)
            r = C.arith(a.ctype, b.ctype)
            a, b = unliteral(a, b)
            lo, hi = bitlen_range(min(a.lo, b.lo), max(a.hi, b.hi))
            e = Expr(f"({a.text} {rng.choice('&|^')} {b.text})", r, lo, hi)
            return self.convert(t, fit(e, r))
        if kind == "pow":
            a = self.operand(d, scope)
            if rng.random() < 0.5:
                k = rng.randint(0, 9)
                n = Expr(str(k), a.ctype, k, k, literal=True)
                r = C.promote(a.ctype)
            else:
                n = self.expr(rng.choice(["uchar", "ushort", "uint"]), d, scope)
                n = Expr(f"({cast('uchar', n).text} >> 4)", "int", 0, 15)
                r = C.arith(a.ctype, "int")
                a = self.preserve(a, r)
            if a.literal:
                a = cast(a.ctype, a)
            m = max(abs(a.lo), abs(a.hi)) ** n.hi
            e = Expr(f"({a.text} ** {n.text})", r, min(-m, 1), max(m, 1))
            return self.convert(t, fit(e, r))
        if kind in ("neg", "inv", "abs", "pos"):
            a = self.operand(d, scope)
            if a.literal:
                a = cast(a.ctype, a)
            p = C.promote(a.ctype)
            if kind == "neg":
                e = Expr(f"(-{a.text})", p, -a.hi, -a.lo)
            elif kind == "pos":
                e = Expr(f"(+{a.text})", p, a.lo, a.hi)
            elif kind == "inv":
                e = Expr(f"(~{a.text})", p, -a.hi - 1, -a.lo - 1)
            else:
                m = max(abs(a.lo), abs(a.hi))
                e = Expr(f"abs({a.text})", p, 0 if a.lo <= 0 <= a.hi else min(abs(a.lo), abs(a.hi)), m)
            return self.convert(t, fit(e, p))
        if kind == "minmax":
            args = [self.operand(d, scope) for _ in range(rng.randint(2, 3))]
            r = args[0].ctype
            for x in args[1:]:
                r = C.arith(r, x.ctype)
            args = [cast(x.ctype, x) if x.literal else x for x in (self.preserve(x, r) for x in args)]
            fn = rng.choice(["min", "max"])
            e = Expr(f"{fn}({', '.join(x.text for x in args)})", r,
                     min(x.lo for x in args), max(x.hi for x in args))
            return self.convert(t, fit(e, r))
        if kind == "cond":
            # operands of two types: the result has their common type, as in C
            c = self.bool_expr(d, scope)
            a, b = self.operand(d, scope), self.operand(d, scope)
            r = C.arith(a.ctype, b.ctype)
            a, b = unliteral(self.preserve(a, r), self.preserve(b, r))
            if rng.random() < 0.3:
                # `a or b` / `a and b` on C integers: one of the operands, in the common type
                e = Expr(f"({a.text} {rng.choice(['or', 'and'])} {b.text})", r, min(a.lo, b.lo), max(a.hi, b.hi))
            else:
                e = Expr(f"({a.text} if {c.text} else {b.text})", r, min(a.lo, b.lo), max(a.hi, b.hi))
            return self.convert(t, fit(e, r))
        if kind in ("call", "cfunc", "mv"):
            return self.common(kind, t, d, scope)
        if kind == "fromfloat":
            return cast(t, self.expr(rng.choice(["double", "float"]), d, scope))
        if kind == "frombool":
            return self.convert(t, self.bool_expr(d, scope))
        return self.convert(t, Expr(rng.choice(["len(m0)", "m1.shape[0]", "m1.shape[1]", "len(m1)"]),
                                    "Py_ssize_t", 2, 5))

    def common(self, kind, t, d, scope):
        """Calls and memoryview reads, for any result type."""
        rng = self.rng
        if kind == "call":
            a = to_type(t, self.expr(t, d, scope))
            if scope.gil == "held" and rng.random() < 0.6:
                self.rec_types.add(t)
                return Expr(f"rec_{t}({self.tag()}, {a.text})", t, a.lo, a.hi)
            self.trace_types.add(t)
            return Expr(f"trace_{t}(tr, {self.tag()}, {a.text})", t, a.lo, a.hi)
        if kind == "cfunc":
            usable = [f for f in self.cfuncs if f[3] or scope.gil == "held"]
            if usable:
                fname, params, ret, _ = rng.choice(usable)
                args = [to_type(p, self.expr(p, d, scope)).text for p in params]
                return self.convert(t, Expr(f"{fname}(tr, m0, m1{''.join(', ' + x for x in args)})", ret))
            kind = "mv"
        if rng.random() < 0.5:
            return self.convert(t, Expr(f"m0[{self.index(5, d, scope)}]", self.m0))
        return self.convert(t, Expr(f"m1[{self.index(2, d, scope)}, {self.index(3, d, scope)}]", self.m1))

    def index(self, n, d, scope):
        r = self.rng.random()
        if r < 0.6:
            return str(self.rng.randint(-n, n - 1))
        if r < 0.7:
            return str(self.rng.choice([-n - 1, n]))  # out of bounds: IndexError
        e = self.operand(min(d, 1), scope)
        if r < 0.9:
            # (e % n) is in range (Python floor semantics), in e's common type with n
            e = to_type(e.ctype, e)
            if e.literal:
                e = cast(e.ctype, e)
            return f"({e.text} % {n})"
        return to_type(e.ctype, e).text if not e.literal else cast(e.ctype, e).text

    def shift_count(self, d, scope):
        r = self.rng.random()
        if r < 0.5:
            k = self.rng.choice([0, 1, 3, 7, 8, 15, 16, 31, 32, 33, 63, 64, 65, 100])
            return Expr(str(k), "int", k, k)
        if r < 0.6:
            return Expr("(-1)", "int", -1, -1)
        t = self.rng.choice(["char", "schar", "uchar", "short", "ushort"])
        e = self.expr(t, d, scope)
        if e.literal:
            e = cast(t, e)
        if t in ("short", "ushort") and self.rng.random() < 0.7:
            return Expr(f"({e.text} % 70)", C.promote(t), 0, 69)
        return e

    def bool_expr(self, depth, scope, condition=False):
        rng = self.rng
        d = depth - 1
        if depth <= 0:
            return self.leaf(C.BINT, scope)
        kind = rng.choices(["cmp", "chain", "not", "andor", "leaf", "call", "castb", "in"],
                           [8, 2, 2, 3, 2, 1, 1, 1])[0]
        if kind in ("cmp", "chain"):
            a = self.operand(d, scope, "any")
            b = self.operand(d, scope, "any")
            r = C.arith(a.ctype, b.ctype)
            a, b = unliteral(self.preserve(a, r), self.preserve(b, r))
            op = rng.choice(["<", "<=", "==", "!=", ">", ">="])
            if kind == "chain":
                c = self.preserve(to_type(b.ctype, self.expr(b.ctype, d, scope)), C.arith(b.ctype, b.ctype))
                if C.is_int(b.ctype) and (not C.fits(a.lo, a.hi, r) or not C.fits(c.lo, c.hi, r)):
                    c = cast(b.ctype, c)
                op2 = rng.choice(["<", "<=", "==", "!=", ">", ">="])
                if C.arith(b.ctype, c.ctype) == r and (not C.is_int(r) or C.fits(c.lo, c.hi, r)):
                    return Expr(f"({a.text} {op} {b.text} {op2} {c.text})", C.BINT)
            return Expr(f"({a.text} {op} {b.text})", C.BINT)
        if kind == "not":
            return Expr(f"(not {self.operand(d, scope, 'any').text})", C.BINT)
        if kind == "andor":
            a, b = self.bool_expr(d, scope), self.bool_expr(d, scope)
            return Expr(f"({a.text} {rng.choice(['and', 'or'])} {b.text})", C.BINT)
        if kind == "call":
            return self.common("call", C.BINT, d, scope)
        if kind == "castb":
            return cast(C.BINT, self.operand(d, scope))
        if kind == "in" and scope.gil == "held" and condition:
            # Only as a condition: pyxx builds the tuple as a Python object (PX201
            # without the GIL) and the result is a Python bool (PX103 as an index).
            a = self.operand(d, scope)
            if a.literal:
                a = cast(a.ctype, a)
            items = ", ".join(self.int_literal(a.ctype).text for _ in range(rng.randint(1, 4)))
            return Expr(f"({a.text} {rng.choice(['in', 'not in'])} ({items},))", C.BINT)
        return self.leaf(C.BINT, scope)

    def float_expr(self, t, depth, scope):
        rng = self.rng
        d = depth - 1
        kind = rng.choices(["arith", "div", "pow", "neg", "abs", "minmax", "cond", "fromint",
                            "call", "cfunc", "mv"], [12, 3, 2, 2, 2, 2, 2, 4, 2, 2, 4])[0]
        if kind in ("arith", "div"):
            a, b = self.operand(d, scope, "any"), self.operand(d, scope, "any")
            if kind == "div" and (C.is_float(a.ctype) or C.is_float(b.ctype)):
                op = rng.choice(["//", "%"])
            else:
                op = rng.choice(["+", "-", "*", "/"])
            r = C.arith(a.ctype, b.ctype)
            if op == "/" and C.is_int(r):
                # int / int: exact in Python, (double)a / (double)b in C: equal below 2**53
                r = "double"
                a, b = self.small_int_or_float(a), self.small_int_or_float(b)
            if C.is_int(r):
                r = "double"
                a = self.convert("double", a)
            if r == "float" or op in ("//", "%"):
                if op in ("//", "%"):
                    r = "double"  # float32 floor division: not generated (Python's algorithm runs in double)
                a, b = self.convert(r, a), self.convert(r, b)
            else:
                a, b = self.preserve(a, r), self.preserve(b, r)
            e = Expr(f"({a.text} {op} {b.text})", r)
            if r == "float":
                e = cast("float", e)
            return self.convert(t, e)
        if kind == "pow":
            # A base of at most 2**31: Python raises OverflowError where C's pow
            # (and Cython's, and pyxx's) gives inf, so no result may overflow.
            a = self.convert("double", self.expr(rng.choice(["int", "short", "uchar", "uint"]), d, scope))
            k = rng.randint(0, 3)
            return self.convert(t, Expr(f"({a.text} ** {k})", "double"))
        if kind in ("neg", "abs"):
            a = to_type(t, self.expr(t, d, scope))
            return Expr(f"(-{a.text})" if kind == "neg" else f"abs({a.text})", t)
        if kind == "minmax":
            args = [to_type(t, self.expr(t, d, scope)) for _ in range(rng.randint(2, 3))]
            return Expr(f"{rng.choice(['min', 'max'])}({', '.join(x.text for x in args)})", t)
        if kind == "cond":
            c = self.bool_expr(d, scope)
            a, b = to_type(t, self.expr(t, d, scope)), to_type(t, self.expr(t, d, scope))
            return Expr(f"({a.text} if {c.text} else {b.text})", t)
        if kind == "fromint":
            return self.convert(t, self.operand(d, scope))
        return self.common(kind, t, d, scope)

    def small_int_or_float(self, e):
        if C.is_int(e.ctype) and not C.fits(e.lo, e.hi, "int"):
            return self.convert("double", e)
        return e

    # --- statements ---
    def new_local(self, t):
        self.local_count += 1
        return f"x{self.local_count}"

    def block(self, scope, depth, count, ret):
        lines = []
        for _ in range(count):
            lines += self.statement(scope, depth, ret)
        return lines or ["pass"]

    def statement(self, scope, depth, ret):
        rng = self.rng
        kinds = ["assign", "aug", "mvwrite", "if", "call", "return", "for", "try", "raise"]
        weights = [10, 5, 5, 4 if depth > 0 else 0, 3, 2 if ret else 0, 2 if depth > 0 else 0,
                   3 if depth > 0 else 0, 1]
        if depth > 0:
            kinds.append("nogil" if scope.gil == "held" else "gil")
            weights.append(4 if scope.gil == "held" else 2)
            kinds.append("while")
            weights.append(2)
        if scope.loop_depth > 0:
            kinds.append("jump")
            weights.append(2)
        kind = rng.choices(kinds, weights)[0]
        ints = [n for n, t in scope.vars.items() if n.startswith("x")]
        if kind == "assign":
            if not ints or rng.random() < 0.3:
                t = self.pick_type()
                name = self.new_local(t)
                self.pending_locals.append((name, t))
                scope.vars[name] = t
            else:
                name = rng.choice(ints)
                t = scope.vars[name]
            return [f"{name} = {to_type(t, self.expr(t, 3, scope)).text}"]
        if kind == "aug" and ints:
            name = rng.choice(ints)
            t = scope.vars[name]
            if C.is_int(t) and t != C.BINT:
                op = rng.choice(["+=", "-=", "*=", "&=", "|=", "^=", "//=", "%=", "<<=", ">>="])
                if op in ("<<=", ">>="):
                    e = self.shift_count(2, scope)
                else:
                    e = self.operand(2, scope)
                    if e.literal:
                        e = cast(e.ctype, e)
                    if op in ("//=", "%="):
                        r = C.arith(t, e.ctype)
                        e = self.preserve(e, r)
                        if not C.fits(*C.bounds(t), r):
                            op = "+="
                return [f"{name} {op} {e.text}", f"{name} = cython.cast(cython.{t}, {name})"]
            if C.is_float(t):
                op = rng.choice(["+=", "-=", "*=", "/="])
                e = to_type(t, self.expr(t, 2, scope))
                if t == "float":
                    return [f"{name} {op} {e.text}", f"{name} = cython.cast(cython.float, {name})"]
                return [f"{name} {op} {e.text}"]
            kind = "mvwrite"
        if kind == "mvwrite" or kind == "aug":
            if rng.random() < 0.5:
                target, mt = f"m0[{self.index(5, 1, scope)}]", self.m0
            else:
                target, mt = f"m1[{self.index(2, 1, scope)}, {self.index(3, 1, scope)}]", self.m1
            if C.is_float(mt) and rng.random() < 0.4:
                return [f"{target} {rng.choice(['+=', '-=', '*='])} {to_type(mt, self.expr(mt, 2, scope)).text}"]
            return [f"{target} = {to_type(mt, self.expr(mt, 3, scope)).text}"]
        if kind == "if":
            lines = [f"if {self.bool_expr(2, scope, condition=True).text}:"]
            lines += ["    " + x for x in self.block(scope.child(), depth - 1, rng.randint(1, 3), ret)]
            if rng.random() < 0.3:
                lines.append(f"elif {self.bool_expr(2, scope).text}:")
                lines += ["    " + x for x in self.block(scope.child(), depth - 1, rng.randint(1, 2), ret)]
            if rng.random() < 0.5:
                lines.append("else:")
                lines += ["    " + x for x in self.block(scope.child(), depth - 1, rng.randint(1, 2), ret)]
            return lines
        if kind == "call":
            t = self.pick_type()
            if scope.gil == "held" and rng.random() < 0.3:
                # C values converted to Python objects: ints, floats, True/False for bint
                args = [to_type(x, self.expr(x, 2, scope)).text for x in (t, self.pick_type())]
                return [f"print({self.tag()}, {', '.join(args)})"]
            return [self.common(rng.choice(["call", "cfunc"]), t, 2, scope).text]
        if kind == "return":
            return [f"return {to_type(ret, self.expr(ret, 3, scope)).text}"]
        if kind == "for":
            self.local_count += 1
            k = f"k{self.local_count}"
            lo = rng.randint(-3, 3)
            hi = lo + rng.randint(0, 4)
            t = rng.choice(["int", "long", "Py_ssize_t", "short"])
            self.pending_locals.append((k, t))
            inner = scope.child()
            inner.vars[k] = t
            inner.loop_depth += 1
            lines = [f"for {k} in range({lo}, {hi}):"]
            lines += ["    " + x for x in self.block(inner, depth - 1, rng.randint(1, 3), ret)]
            return lines
        if kind == "while":
            self.local_count += 1
            w = f"w{self.local_count}"
            self.pending_locals.append((w, "int"))
            inner = scope.child()
            inner.vars[w] = "int"
            inner.loop_depth += 1
            lines = [f"{w} = 0", f"while {w} < {rng.randint(0, 4)}:", f"    {w} += 1"]
            lines += ["    " + x for x in self.block(inner, depth - 1, rng.randint(1, 3), ret)]
            return lines
        if kind == "jump":
            return [f"if {self.bool_expr(1, scope).text}:", f"    {rng.choice(['break', 'continue'])}"]
        if kind == "try":
            lines = ["try:"]
            lines += ["    " + x for x in self.block(scope.child(), depth - 1, rng.randint(1, 3), ret)]
            lines.append("finally:")
            fin = scope.child()
            fin.loop_depth = 0  # no break/continue in a finally block (PX301)
            if scope.gil == "held" and rng.random() < 0.6:
                self.rec_types.add("int")
                lines.append(f"    rec_int({self.tag()}, 0)")
            else:
                self.trace_types.add("int")
                lines.append(f"    trace_int(tr, {self.tag()}, 0)")
            if rng.random() < 0.5:
                lines += ["    " + x for x in self.block_no_return(fin, depth - 1)]
            return lines
        if kind == "raise":
            exc = rng.choice(["ValueError", "KeyError", "RuntimeError", "ArithmeticError"])
            return [f"if {self.bool_expr(1, scope).text}:", f"    raise {exc}(\"r{self.tag()}\")"]
        if kind == "nogil":
            lines = ["with cython.nogil:"]
            lines += ["    " + x for x in self.block(scope.child("released"), depth - 1, rng.randint(1, 3), ret)]
            return lines
        if kind == "gil":
            lines = ["with cython.gil:"]
            lines += ["    " + x for x in self.block(scope.child("held"), depth - 1, rng.randint(1, 3), ret)]
            return lines
        return ["pass"]

    def block_no_return(self, scope, depth):
        """Statements for a finally block: no return (PX301), no nested blocks."""
        lines = []
        for _ in range(self.rng.randint(1, 2)):
            kind = self.rng.choice(["assign", "mvwrite", "call"])
            lines += self.statement(scope, 0, None) if kind != "assign" or any(
                n.startswith("x") for n in scope.vars) else []
        return [x for x in lines if not x.startswith("return")] or ["pass"]

    # --- functions ---
    def function(self, name, kind):
        rng = self.rng
        params = [self.pick_type() for _ in range(rng.randint(1, 4))]
        ret = self.pick_type()
        nogil = kind == "cnogil"
        # a def or ccall may be called only after it is defined (no recursion)
        variables = {f"p{i}": t for i, t in enumerate(params)}
        scope = Scope("released" if nogil else "held", variables, nogil)
        self.pending_locals = []
        body = self.block(scope, 2, rng.randint(2, 5), ret)
        body.append(f"return {to_type(ret, self.expr(ret, 3, scope)).text}")
        decls = [f"{n}: cython.{t} = {self.zero(t)}" for n, t in self.pending_locals]
        head = {"def": [], "cnogil": ["@cython.cfunc", "@cython.nogil"], "cfunc": ["@cython.cfunc"],
                "ccall": ["@cython.ccall"]}[kind]
        sig = ", ".join(f"p{i}: cython.{t}" for i, t in enumerate(params))
        lines = head + [f"def {name}({self.env_params}{', ' if sig else ''}{sig}) -> cython.{ret}:"]
        lines += ["    " + x for x in decls + body]
        self.cfuncs.append((name, params, ret, nogil))
        return "\n".join(lines) + "\n", params

    @staticmethod
    def zero(t):
        return "0.0" if C.is_float(t) else ("False" if t == C.BINT else "0")

    def helpers(self):
        out = []
        for t in sorted(self.rec_types):
            out.append(f"@cython.cfunc\ndef rec_{t}(tag: cython.int, x: cython.{t}) -> cython.{t}:\n"
                       f"    LOG.append(tag)\n    return x\n")
        for t in sorted(self.trace_types):
            out.append(f"@cython.cfunc\n@cython.nogil\ndef trace_{t}(tr: cython.longlong[:], tag: cython.int, "
                       f"x: cython.{t}) -> cython.{t}:\n"
                       f"    tr[0] = (tr[0] * 31 + tag) % 1000003\n    return x\n")
        return out


def arg_values(rng, t):
    if t == C.BINT:
        return rng.choice([True, False])
    if C.is_float(t):
        v = rng.choice([0.0, -0.0, 1.5, -2.25, 3.0, 1e10, -7.5, 0.375, 1e30, 65536.0, -1e-3])
        return v if t == "double" or v not in (1e30, -1e-3) else 0.25
    lo, hi = C.bounds(t)
    r = rng.random()
    if r < 0.4:
        return rng.choice([lo, hi, 0, 1, lo + 1, hi - 1, min(hi, 7)])
    if r < 0.8:
        return rng.randint(max(lo, -20), min(hi, 20))
    return rng.randint(lo, hi)


def buffer_values(rng, t, n):
    if C.is_float(t):
        return [rng.choice([0.0, 1.5, -2.0, 0.25, 1e10, -3.5]) for _ in range(n)]
    lo, hi = C.bounds(t)
    return [rng.choice([lo, hi, 0, 1, rng.randint(lo, hi), rng.randint(max(lo, -9), min(hi, 9))])
            for _ in range(n)]


DRIVER = '''\
# Generated by tests/random/program_generator.py (seed {seed}, module {index}).
import array

CALLS = {calls!r}
NUMBA_CALLS = {numba_calls!r}


def show(label, function, *args):
    try:
        result = function(*args)
    except Exception as error:
        # IndexError: pyxx's buffer messages are Cython's, not memoryview's.
        message = "" if isinstance(error, IndexError) else f": {{error}}"
        print(f"{{label}}: raised {{type(error).__name__}}{{message}}")
        return
    print(f"{{label}}: {{result!r}}")


def run(mod):
    for name, args, m0, m1 in CALLS:
        tr = array.array("q", [0])
        b0 = array.array({code0!r}, m0)
        b1 = array.array({code1!r}, m1)
        v1 = memoryview(b1).cast("B").cast({code1!r}, (2, 3))
        mod.LOG.clear()
        show(f"{{name}}{{tuple(args)}}", getattr(mod, name), memoryview(tr), memoryview(b0), v1, *args)
        print("  log:", mod.LOG, "trace:", tr[0], "m0:", b0.tolist(), "m1:", b1.tolist())
    for name, args in NUMBA_CALLS:
        show(f"{{name}}{{tuple(args)}}", getattr(mod, name), *args)
'''


def write_module(rng, seed, index, cfuncs, defs, numba=3):
    """Returns (pyx source, driver source) of one generated module."""
    gen = ModuleGen(rng, f"rp_{seed}_{index}")
    parts, calls = [], []
    for i in range(cfuncs):
        kind = rng.choice(["cfunc", "cnogil", "cnogil", "ccall"])
        text, params = gen.function(f"c{i}", kind)
        parts.append(text)
        if kind == "ccall":  # also called from Python
            calls.append((f"c{i}", [arg_values(rng, t) for t in params],
                          buffer_values(rng, gen.m0, 5), buffer_values(rng, gen.m1, 6)))
    for i in range(defs):
        text, params = gen.function(f"f{i}", "def")
        parts.append(text)
        for _ in range(3):
            calls.append((f"f{i}", [arg_values(rng, t) for t in params],
                          buffer_values(rng, gen.m0, 5), buffer_values(rng, gen.m1, 6)))
    ngen = numba_generator.NumbaGen(rng)
    numba_calls = []
    for i in range(numba):
        text, params = ngen.function(f"n{i}")
        parts.append(text)
        for _ in range(3):
            numba_calls.append((f"n{i}", [numba_generator.arg_value(rng, k) for k in params]))
    header = (f"# Generated by tests/random/program_generator.py (seed {seed}, module {index}).\n"
              "import math\n\nimport cython\nfrom numba import jit, njit\n\nLOG = []\n")
    pyx = "\n\n".join([header] + gen.helpers() + parts)
    driver = DRIVER.format(seed=seed, index=index, calls=calls, numba_calls=numba_calls,
                           code0=C.ARRAY_CODES[gen.m0], code1=C.ARRAY_CODES[gen.m1])
    return pyx, driver
