"""Random Numba-decorated functions (`@njit`, `@jit(nopython=True, nogil=True)`).

Numba's `int` is int64, which wraps; plain Python's int does not, and a Numba
body has no `cython.cast` to reduce a value. So every integer expression is
generated with its interval of values, and an operation whose result could
leave [-2**62, 2**62] is not generated (its operand is reduced with
`% 1000003` first): the two runs then agree exactly. Floats are doubles on
both sides; `math.sqrt` gets a non-negative argument (Python raises where C
gives NaN) and `**` a base that cannot overflow (Python raises OverflowError
where C's pow gives inf).
"""

LIMIT = 1 << 62
ARG_LIMIT = 1 << 20  # the driver passes ints in [-2**20, 2**20]


class NExpr:
    def __init__(self, text, kind, lo=None, hi=None):
        self.text, self.kind, self.lo, self.hi = text, kind, lo, hi


def reduce_(e):
    """e with its value brought into [0, 1000002] (Python's floor modulo)."""
    return NExpr(f"({e.text} % 1000003)", "int", 0, 1000002)


class NumbaGen:
    def __init__(self, rng):
        self.rng = rng
        self.functions = []  # (name, [param kinds], return kind)
        self.names = 0

    def leaf(self, kind, scope):
        names = [n for n, v in scope.items() if v.kind == kind]
        if names and self.rng.random() < 0.7:
            return scope[self.rng.choice(names)]
        if kind == "int":
            v = self.rng.choice([0, 1, 2, 3, -1, -7, 10, 1000, 1 << 31, -(1 << 40)])
            return NExpr(f"({v})" if v < 0 else str(v), "int", v, v)
        return NExpr(self.rng.choice(["0.0", "1.5", "(-2.25)", "0.1", "1e10", "3.0"]), "float")

    def int_expr(self, depth, scope):
        rng = self.rng
        if depth <= 0 or rng.random() < 0.2:
            return self.leaf("int", scope)
        d = depth - 1
        kind = rng.choices(["ring", "div", "shift", "bit", "pow", "unary", "minmax", "cond", "call"],
                           [10, 4, 2, 2, 1, 2, 2, 2, 2])[0]
        if kind == "ring":
            a, b = self.int_expr(d, scope), self.int_expr(d, scope)
            op = rng.choice("+-*")
            c = {"+": [a.lo + b.lo, a.hi + b.hi], "-": [a.lo - b.hi, a.hi - b.lo],
                 "*": [a.lo * b.lo, a.lo * b.hi, a.hi * b.lo, a.hi * b.hi]}[op]
            if -LIMIT <= min(c) and max(c) <= LIMIT:
                return NExpr(f"({a.text} {op} {b.text})", "int", min(c), max(c))
            a, b = reduce_(a), reduce_(b)
            c = {"+": [0, 2000004], "-": [-1000002, 1000002], "*": [0, 1000002 ** 2]}[op]
            return NExpr(f"({a.text} {op} {b.text})", "int", min(c), max(c))
        if kind == "div":
            a, b = self.int_expr(d, scope), self.int_expr(d, scope)
            if rng.random() < 0.5:
                m = max(abs(a.lo), abs(a.hi))
                return NExpr(f"({a.text} // {b.text})", "int", -m, m)
            m = max(abs(b.lo), abs(b.hi))
            return NExpr(f"({a.text} % {b.text})", "int", -m, m)
        if kind == "shift":
            a = self.int_expr(d, scope)
            k = rng.choice([0, 1, 5, 20, 63, 64, 70])
            if rng.random() < 0.5:
                return NExpr(f"({a.text} >> {k})", "int", min(a.lo, 0), max(a.hi, 0))
            if k < 62 and max(abs(a.lo), abs(a.hi)) << k <= LIMIT:
                return NExpr(f"({a.text} << {k})", "int", min(a.lo << k, a.lo), max(a.hi << k, a.hi))
            return a
        if kind == "bit":
            a, b = self.int_expr(d, scope), self.int_expr(d, scope)
            k = max(abs(a.lo), abs(a.hi), abs(b.lo), abs(b.hi)).bit_length() + 1
            if rng.random() < 0.2:
                return NExpr(f"(~{a.text})", "int", -a.hi - 1, -a.lo - 1)
            return NExpr(f"({a.text} {rng.choice('&|^')} {b.text})", "int", -(1 << k), 1 << k)
        if kind == "pow":
            a = self.int_expr(d, scope)
            k = rng.randint(0, 3)
            m = max(abs(a.lo), abs(a.hi)) ** k
            if m <= LIMIT:
                return NExpr(f"({a.text} ** {k})", "int", min(-m, 1), max(m, 1))
            return a
        if kind == "unary":
            a = self.int_expr(d, scope)
            if rng.random() < 0.5:
                return NExpr(f"(-{a.text})", "int", -a.hi, -a.lo)
            return NExpr(f"abs({a.text})", "int", 0, max(abs(a.lo), abs(a.hi)))
        if kind == "minmax":
            a, b = self.int_expr(d, scope), self.int_expr(d, scope)
            return NExpr(f"{rng.choice(['min', 'max'])}({a.text}, {b.text})", "int",
                         min(a.lo, b.lo), max(a.hi, b.hi))
        if kind == "cond":
            a, b = self.int_expr(d, scope), self.int_expr(d, scope)
            return NExpr(f"({a.text} if {self.cond(d, scope)} else {b.text})", "int",
                         min(a.lo, b.lo), max(a.hi, b.hi))
        return self.call("int", d, scope) or self.leaf("int", scope)

    def float_expr(self, depth, scope):
        rng = self.rng
        if depth <= 0 or rng.random() < 0.2:
            return self.leaf("float", scope)
        d = depth - 1
        kind = rng.choices(["arith", "mixed", "div", "sqrt", "unary", "fromint", "call", "cond"],
                           [8, 3, 2, 1, 2, 2, 2, 1])[0]
        if kind == "arith":
            a, b = self.float_expr(d, scope), self.float_expr(d, scope)
            return NExpr(f"({a.text} {rng.choice(['+', '-', '*', '/'])} {b.text})", "float")
        if kind == "mixed":
            a, b = self.float_expr(d, scope), self.int_expr(d, scope)
            if abs(b.lo) > 1 << 53 or abs(b.hi) > 1 << 53:
                b = reduce_(b)
            return NExpr(f"({a.text} {rng.choice(['+', '-', '*', '/'])} {b.text})", "float")
        if kind == "div":
            a, b = self.int_expr(d, scope), self.int_expr(d, scope)
            a, b = (x if max(abs(x.lo), abs(x.hi)) <= 1 << 53 else reduce_(x) for x in (a, b))
            return NExpr(f"({a.text} / {b.text})", "float")
        if kind == "sqrt":
            return NExpr(f"math.sqrt(abs({self.float_expr(d, scope).text}))", "float")
        if kind == "unary":
            a = self.float_expr(d, scope)
            return NExpr(rng.choice([f"(-{a.text})", f"abs({a.text})", f"(math.sqrt(abs({a.text})) ** 2)"]), "float")
        if kind == "fromint":
            a = self.int_expr(d, scope)
            return NExpr(f"({a.text} * 0.5)", "float")
        if kind == "cond":
            a, b = self.float_expr(d, scope), self.float_expr(d, scope)
            return NExpr(f"({a.text} if {self.cond(d, scope)} else {b.text})", "float")
        return self.call("float", d, scope) or self.leaf("float", scope)

    def call(self, kind, d, scope):
        usable = [f for f in self.functions if f[2] == kind]
        if not usable:
            return None
        name, params, _ = self.rng.choice(usable)
        args = []
        for p in params:
            if p == "int":
                a = self.int_expr(d, scope)
                if max(abs(a.lo), abs(a.hi)) > ARG_LIMIT:
                    a = reduce_(a)
                args.append(a.text)
            else:
                args.append(self.float_expr(d, scope).text)
        # the callee's result range is not known here: reduce it
        e = NExpr(f"{name}({', '.join(args)})", kind, -LIMIT, LIMIT)
        return e

    def cond(self, depth, scope):
        if self.rng.random() < 0.5:
            a, b = self.int_expr(depth, scope), self.int_expr(depth, scope)
        else:
            a, b = self.float_expr(depth, scope), self.float_expr(depth, scope)
        return f"({a.text} {self.rng.choice(['<', '<=', '==', '!=', '>', '>='])} {b.text})"

    def expr(self, kind, depth, scope):
        return self.int_expr(depth, scope) if kind == "int" else self.float_expr(depth, scope)

    def statements(self, scope, depth, ret, count):
        rng = self.rng
        lines = []
        for _ in range(count):
            kind = rng.choices(["assign", "if", "for", "return"], [6, 2 if depth else 0, 2 if depth else 0, 1])[0]
            if kind == "assign":
                k = rng.choice(["int", "float"])
                e = self.expr(k, 3, scope)
                if k == "int" and max(abs(e.lo), abs(e.hi)) > 1 << 40:
                    e = reduce_(e)
                self.names += 1
                name = f"v{self.names}"
                # a new name each time: its range is the value's, also in a loop
                scope[name] = NExpr(name, k, e.lo, e.hi)
                lines.append(f"{name} = {e.text}")
            elif kind == "if":
                lines.append(f"if {self.cond(2, scope)}:")
                lines += ["    " + x for x in self.statements(dict(scope), depth - 1, ret, rng.randint(1, 2))]
                lines.append("else:")
                lines += ["    " + x for x in self.statements(dict(scope), depth - 1, ret, rng.randint(1, 2))]
            elif kind == "for":
                inner = dict(scope)
                self.names += 1
                name = f"i{self.names}"
                n = rng.randint(0, 4)
                inner[name] = NExpr(name, "int", 0, max(n - 1, 0))
                lines.append(f"for {name} in range({n}):")
                lines += ["    " + x for x in self.statements(inner, depth - 1, ret, rng.randint(1, 2))]
            else:
                lines.append(self.ret(ret, scope))
        return lines

    def ret(self, kind, scope):
        e = self.expr(kind, 3, scope)
        if kind == "int" and max(abs(e.lo), abs(e.hi)) > LIMIT:
            e = reduce_(e)
        return f"return {e.text}"

    def function(self, name):
        rng = self.rng
        params = [rng.choice(["int", "float"]) for _ in range(rng.randint(1, 3))]
        ret = rng.choice(["int", "float"])
        scope = {f"a{i}": NExpr(f"a{i}", k, -ARG_LIMIT, ARG_LIMIT) if k == "int" else NExpr(f"a{i}", k)
                 for i, k in enumerate(params)}
        body = self.statements(scope, 2, ret, rng.randint(1, 4))
        body.append(self.ret(ret, scope))
        deco = rng.choice(["@njit", "@jit(nopython=True, nogil=True)", "@njit(nogil=True)"])
        sig = ", ".join(f"a{i}: {k}" for i, k in enumerate(params))
        self.functions.append((name, params, ret))
        return "\n".join([deco, f"def {name}({sig}) -> {ret}:"] + ["    " + x for x in body]) + "\n", params


def arg_value(rng, kind):
    if kind == "int":
        return rng.choice([0, 1, -1, 7, -100, ARG_LIMIT, -ARG_LIMIT, rng.randint(-ARG_LIMIT, ARG_LIMIT)])
    return rng.choice([0.0, -0.0, 1.5, -2.25, 1e10, 0.1, 3.0])
