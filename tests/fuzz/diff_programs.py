"""Random typed programs, compiled by pyxx and run as plain Python: the results
must be identical (a differential fuzzer for silent wrong results).

    diff_programs.py --pyxx PYXX [--seed N] [--functions K] [--keep DIR]

Generates K functions over C integers of every width and signedness, C
doubles and Python objects: typed locals, arithmetic (`+ - * / // %`, bit
operations, shifts, `abs`, `min`, `max`, `float`), comparisons and boolean
operators, conditional expressions, calls of `@cython.cfunc` helpers with C
parameters and results, `if`, `for` and `while` (with `else`, `break`,
`continue`), `try`/`except`/`else`/`finally`, `raise`, early `return` and
augmented assignments. Each function is run on three argument sets and
returns all its variables. An unannotated local gets an object first: one
whose every value is a C value would be C-typed (spec section 4, as Numba),
where Python and the compiled module may differ by design (`v = 7` then
`v = 0.5` returns 7.0).

Cython's C integers wrap where Python's do not, and C compares an integer with
a double after converting it. So a function is kept only when, on every
argument set, no C-typed operation leaves its type's range and no integer
meeting a double exceeds 2**53: this script evaluates each program itself,
operation by operation, with the C type of each operation (a small model of
the typing rules: int op int is int, int op longlong is longlong, an integer
op a double is a double, anything op an object is an object). Everything else
(division by zero, float rounding, infinities, NaN, evaluation order) must
match Python exactly.

Exit status 0 when the outputs match; 1 with a unified diff otherwise (the
program is kept in --keep DIR for a reproduction).
"""
import argparse
import math
import os
import random
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
RUN_DIFF_TEST = os.path.join(os.path.dirname(HERE), "tools", "run_diff_test.py")

# The C integer types: (bits, signed).
INT_TYPES = {
    "short": (16, True),
    "int": (32, True),
    "uint": (32, False),
    "longlong": (64, True),
    "ssize": (64, True),
    "size": (64, False),
}
INT_RANGES = {name: ((-2**(bits - 1), 2**(bits - 1) - 1) if signed else (0, 2**bits - 1))
              for name, (bits, signed) in INT_TYPES.items()}
ANNOTATION = {"short": "cython.short", "int": "cython.int", "uint": "cython.uint", "longlong": "cython.longlong",
              "ssize": "cython.Py_ssize_t", "size": "cython.size_t", "double": "cython.double"}
EXACT_IN_DOUBLE = 2**53


class Invalid(BaseException):
    """The program leaves the subset where C and Python agree by definition."""


def promoted(t):
    """C's integer promotion: what is narrower than int computes as int."""
    return "int" if t == "short" else t


def join_type(a, b):
    """The C type of a binary arithmetic operation on these operand types
    (C's usual arithmetic conversions)."""
    if "obj" in (a, b):
        return "obj"
    if "double" in (a, b):
        return "double"
    a, b = promoted(a), promoted(b)
    if a == b:
        return a
    (abits, asigned), (bbits, bsigned) = INT_TYPES[a], INT_TYPES[b]
    if asigned == bsigned:
        return a if abits >= bbits else b
    unsigned, signed = (a, b) if not asigned else (b, a)
    return unsigned if INT_TYPES[unsigned][0] >= INT_TYPES[signed][0] else signed


def is_unsigned(t):
    return t in INT_TYPES and not INT_TYPES[t][1]


def same_in_unsigned(values, common):
    """Where C compares or divides in an unsigned type, a negative operand
    would be converted: only non-negative operands agree with Python."""
    if is_unsigned(common) and any(v < 0 for v in values):
        raise Invalid


def checked(value, ctype):
    if ctype in INT_RANGES:
        lo, hi = INT_RANGES[ctype]
        if not lo <= value <= hi:
            raise Invalid
    elif ctype == "obj" and isinstance(value, int) and abs(value) > 2**256:
        raise Invalid  # keeps the programs fast, not a semantic limit
    return value


def mixed(value, own_type, other_type):
    """A C integer operand that C converts to double must convert exactly
    (where either side is an object, Python does the operation)."""
    if own_type in INT_RANGES and other_type == "double" and abs(value) > EXACT_IN_DOUBLE:
        raise Invalid
    return value


class Node:
    def __init__(self, text, ctype, evaluate, literal=False):
        self.text, self.ctype, self.evaluate, self.literal = text, ctype, evaluate, literal


def literal_fits(node, ctype):
    lo, hi = INT_RANGES[ctype]
    return lo <= node.evaluate({}) <= hi


def operation_type(left, right):
    """pyxx gives an integer literal the type of the C integer it meets (it must fit)."""
    if left.literal and right.ctype in INT_RANGES and left.ctype in INT_RANGES:
        return right.ctype
    if right.literal and left.ctype in INT_RANGES and right.ctype in INT_RANGES:
        return left.ctype
    return join_type(left.ctype, right.ctype)


PYTHON_OPS = {
    "+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b,
    "/": lambda a, b: a / b, "//": lambda a, b: a // b, "%": lambda a, b: a % b,
    "&": lambda a, b: a & b, "|": lambda a, b: a | b, "^": lambda a, b: a ^ b,
    ">>": lambda a, b: a >> b,
}


def python_op(op, a, b):
    """Python's operation (ZeroDivisionError and all)."""
    return PYTHON_OPS[op](a, b)


def compare(op, a, b):
    return {"<": a < b, "<=": a <= b, ">": a > b, ">=": a >= b, "==": a == b, "!=": a != b}[op]


class Helper:
    """A `@cython.cfunc` the functions call: C parameters, a C return type."""

    def __init__(self, name, params, result, body):
        self.name, self.params, self.result, self.body = name, params, result, body

    def text(self):
        params = ", ".join(f"{n}: {ANNOTATION[t]}" for n, t in self.params)
        return (f"@cython.cfunc\ndef {self.name}({params}) -> {ANNOTATION[self.result]}:\n"
                f"    return {self.body.text}\n")

    def call(self, args):
        # A C parameter converts its argument: only values that fit agree with Python.
        env = {}
        for (name, ctype), value in zip(self.params, args):
            env[name] = checked(value, ctype) if ctype in INT_TYPES else value
        result = self.body.evaluate(env)
        return float(result) if self.result == "double" else checked(result, self.result)


class Generator:
    def __init__(self, rng, helpers=None):
        self.rng = rng
        self.helpers = helpers if helpers is not None else []  # shared by the module's functions
        self.in_helper = False

    def literal(self, ctype):
        r = self.rng
        if ctype == "double":
            value = r.choice([0.0, -0.0, 0.5, -1.25, 3.0, 1e-3, 2.5e10, -7.75, 1e300, 0.1])
            return Node(repr(value), "double", lambda env: value)
        # An object context takes a small literal as a Python int.
        ctype = "int" if ctype == "obj" else ctype
        lo, hi = INT_RANGES[ctype]
        pool = [0, 1, -1, 2, 3, -7, 10, 255, 1000, -4096, 65536, 2**31 - 1, -2**31, 2**32 - 1, 2**40 + 3,
                -(2**52), 2**62]
        value = r.choice([v for v in pool if lo <= v <= hi])
        text = str(value) if value >= 0 else f"({value})"
        return Node(text, ctype, lambda env: value, literal=True)

    def variable(self, ctype, scope):
        names = [n for n, t in scope.items() if t == ctype]
        if not names and ctype in INT_TYPES:
            names = [n for n, t in scope.items() if t in INT_TYPES]  # a helper's parameters
        if not names:
            return self.literal(ctype)
        name = self.rng.choice(names)
        return Node(name, scope[name], lambda env: env[name])

    def expr(self, ctype, scope, depth):
        """An expression whose C type is ctype (an integer type may also yield a
        narrower one; an object expression may be any)."""
        r = self.rng
        if depth <= 0 or r.random() < 0.25:
            return self.variable(ctype, scope) if r.random() < 0.7 else self.literal(ctype)
        choice = r.random()
        if choice < 0.55:
            return self.binary(ctype, scope, depth)
        if choice < 0.65:
            return self.unary(ctype, scope, depth)
        if choice < 0.8 and ctype != "obj":
            return self.builtin(ctype, scope, depth)
        if choice < 0.9:
            return self.conditional(ctype, scope, depth)
        if ctype != "obj" and not self.in_helper:
            return self.helper_call(ctype, scope, depth)
        return self.variable(ctype, scope)

    def helper_call(self, ctype, scope, depth):
        """A call of a (new or earlier) helper returning ctype."""
        r = self.rng
        fitting = [h for h in self.helpers if h.result == ctype]
        if fitting and r.random() < 0.5:
            helper = r.choice(fitting)
        else:
            helper = self.new_helper(ctype)
        args = []
        for _, ptype in helper.params:
            arg = self.expr(self.int_type(ptype) if ptype in INT_TYPES else "double", scope, depth - 1)
            if arg.literal or (ptype in INT_TYPES) != (arg.ctype in INT_TYPES):
                arg = self.variable(ptype, scope)
            args.append(arg)

        def evaluate(env):
            return helper.call([a.evaluate(env) for a in args])
        return Node(f"{helper.name}({', '.join(a.text for a in args)})", ctype, evaluate)

    def new_helper(self, result):
        r = self.rng
        params = [("p", r.choice([*INT_TYPES, "double"])), ("q", r.choice([*INT_TYPES, "double"]))]
        self.in_helper = True
        body = self.expr(result, dict(params), 2)
        self.in_helper = False
        if result == "double" and body.ctype in INT_TYPES:
            inner = body
            body = Node(f"float({inner.text})", "double", lambda env: float(mixed(inner.evaluate(env), inner.ctype,
                                                                                   "double")))
        elif result != "double" and body.ctype not in INT_TYPES:
            body = self.variable(result, dict(params)) if result in dict(params).values() else self.literal(result)
        helper = Helper(f"h{len(self.helpers)}", params, result, body)
        self.helpers.append(helper)
        return helper

    def int_type(self, preferred=None):
        r = self.rng
        if preferred in INT_TYPES and r.random() < 0.5:
            return preferred
        return r.choice(list(INT_TYPES))

    def operand_types(self, ctype):
        r = self.rng
        if ctype == "obj":
            return r.choice([("obj", "obj"), ("obj", self.int_type()), (self.int_type(), "obj"), ("obj", "double")])
        if ctype == "double":
            return r.choice([("double", "double"), (self.int_type(), "double"), ("double", self.int_type())])
        return (self.int_type(ctype), self.int_type(ctype))

    def binary(self, ctype, scope, depth):
        r = self.rng
        lt, rt = self.operand_types(ctype)
        result = join_type(lt, rt)
        ops = ["+", "-", "*", "//", "%"]
        if result == "double" or result == "obj":
            ops += ["/"]
        if result in INT_RANGES:
            ops += ["&", "|", "^", ">>"]
        op = r.choice(ops)
        left = self.expr(lt, scope, depth - 1)
        if op == ">>":
            amount = r.randrange(0, 8)
            right = Node(str(amount), "int", lambda env: amount)
            if left.literal:
                left = self.variable(lt, scope)
        else:
            right = self.expr(rt, scope, depth - 1)
            left, right = self.no_literal_pair(left, right, lt, rt, scope)
        # The C type the operation really has (a narrower operand narrows it).
        result = operation_type(left, right)

        def evaluate(env, left=left, right=right, op=op, result=result):
            a = mixed(left.evaluate(env), left.ctype, right.ctype)
            b = mixed(right.evaluate(env), right.ctype, left.ctype)
            if op in ("//", "%"):
                same_in_unsigned((a, b), result)
            return checked(python_op(op, a, b), result)
        return Node(f"({left.text} {op} {right.text})", result, evaluate)

    def no_literal_pair(self, left, right, lt, rt, scope):
        """Two literals would fold to a constant of pyxx's choosing, and a literal
        that does not fit the C integer it meets is a compile error: use a
        variable instead."""
        if left.literal and right.literal:
            right = self.variable(rt, scope)
        if left.literal and right.ctype in INT_RANGES and not literal_fits(left, right.ctype):
            left = self.variable(lt, scope)
        if right.literal and left.ctype in INT_RANGES and not literal_fits(right, left.ctype):
            right = self.variable(rt, scope)
        return left, right

    def unary(self, ctype, scope, depth):
        inner = self.expr(ctype, scope, depth - 1)
        if inner.literal:
            inner = self.variable(ctype, scope)
        return Node(f"(-{inner.text})", inner.ctype, lambda env: checked(-inner.evaluate(env), inner.ctype))

    def builtin(self, ctype, scope, depth):
        r = self.rng
        kind = r.choice(["abs", "min", "max", "float"] if ctype == "double" else ["abs", "min", "max"])
        if kind == "abs":
            inner = self.expr(ctype, scope, depth - 1)
            if inner.literal:
                inner = self.variable(ctype, scope)
            return Node(f"abs({inner.text})", inner.ctype, lambda env: checked(abs(inner.evaluate(env)), inner.ctype))
        if kind == "float":
            inner = self.expr(self.int_type(), scope, depth - 1)

            def to_float(env):
                value = inner.evaluate(env)
                if abs(value) > EXACT_IN_DOUBLE:
                    raise Invalid
                return float(value)
            return Node(f"float({inner.text})", "double", to_float)
        args = [self.expr(ctype, scope, depth - 1) for _ in range(r.choice([2, 2, 3]))]
        args = [self.variable(ctype, scope) if a.literal else a for a in args]
        arg_type = args[0].ctype
        for a in args[1:]:
            arg_type = join_type(arg_type, a.ctype)
        function = min if kind == "min" else max

        def evaluate(env):
            values = [mixed(a.evaluate(env), a.ctype, arg_type) for a in args]
            same_in_unsigned(values, arg_type)
            return function(values)
        return Node(f"{kind}({', '.join(a.text for a in args)})", arg_type, evaluate)

    def conditional(self, ctype, scope, depth):
        cond = self.condition(scope, depth - 1)
        then = self.expr(ctype, scope, depth - 1)
        other = self.expr(ctype, scope, depth - 1)
        then = self.variable(ctype, scope) if then.literal else then
        other = self.variable(ctype, scope) if other.literal else other
        result = join_type(then.ctype, other.ctype)

        def evaluate(env):
            # Cython gives the conditional one C type: the chosen branch converts to it.
            chosen = then if cond.evaluate(env) else other
            value = mixed(chosen.evaluate(env), chosen.ctype, result)
            return float(value) if result == "double" else checked(value, result)
        return Node(f"({then.text} if {cond.text} else {other.text})", result, evaluate)

    def condition(self, scope, depth):
        r = self.rng
        if depth > 0 and r.random() < 0.3:
            op = r.choice(["and", "or"])
            a, b = self.condition(scope, depth - 1), self.condition(scope, depth - 1)
            if op == "and":
                return Node(f"({a.text} and {b.text})", "bint", lambda env: a.evaluate(env) and b.evaluate(env))
            return Node(f"({a.text} or {b.text})", "bint", lambda env: a.evaluate(env) or b.evaluate(env))
        if depth > 0 and r.random() < 0.1:
            a = self.condition(scope, depth - 1)
            return Node(f"(not {a.text})", "bint", lambda env: not a.evaluate(env))
        lt, rt = r.choice([(self.int_type(), self.int_type()), ("double", "double"), (self.int_type(), "double"),
                           ("obj", self.int_type()), ("obj", "double")])
        op = r.choice(["<", "<=", ">", ">=", "==", "!="])
        left, right = self.expr(lt, scope, depth - 1), self.expr(rt, scope, depth - 1)
        left, right = self.no_literal_pair(left, right, lt, rt, scope)

        def evaluate(env):
            a = mixed(left.evaluate(env), left.ctype, right.ctype)
            b = mixed(right.evaluate(env), right.ctype, left.ctype)
            same_in_unsigned((a, b), join_type(left.ctype, right.ctype))
            return compare(op, a, b)
        return Node(f"({left.text} {op} {right.text})", "bint", evaluate)


class Break(BaseException):
    pass


class Continue(BaseException):
    pass


class Return(BaseException):
    pass


# Exceptions a handler may name, and what the model catches for each.
HANDLERS = {"ZeroDivisionError": ZeroDivisionError, "ArithmeticError": ArithmeticError,
            "ValueError": ValueError, "Exception": Exception}


class Context:
    """Where a statement is: what control flow may leave it."""

    def __init__(self, indent=1, depth=3, in_loop=False, in_finally=False):
        self.indent, self.depth, self.in_loop, self.in_finally = indent, depth, in_loop, in_finally

    def inner(self, **changes):
        fields = dict(indent=self.indent + 1, depth=self.depth - 1, in_loop=self.in_loop,
                      in_finally=self.in_finally)
        fields.update(changes)
        return Context(**fields)


class Function:
    """One generated function: its text and a model that runs it (or says Invalid)."""

    PARAMS = [("a", "int"), ("b", "longlong"), ("u", "uint"), ("s", "short"), ("n", "ssize"), ("z", "size"),
              ("x", "double"), ("o", "obj")]

    def __init__(self, rng, name, helpers):
        self.rng, self.name = rng, name
        self.gen = Generator(rng, helpers)
        self.scope = dict(self.PARAMS)
        self.lines = []
        self.counters = []  # while-loop counters, declared at the top
        self.locals = []
        self.steps = self.block(Context())

    def assignment_target_type(self):
        return self.rng.choice([*INT_TYPES, "double", "double", "obj"])

    def block(self, ctx):
        """Statements at ctx.indent (at least `pass`); returns the model's steps."""
        steps = []
        mark = len(self.lines)
        for _ in range(self.rng.randrange(2, 5)):
            self.statement(steps, ctx)
        if len(self.lines) == mark:
            self.lines.append("    " * ctx.indent + "pass")
        return steps

    def statement(self, steps, ctx):
        r = self.rng
        pad = "    " * ctx.indent
        kind = r.random()
        if kind < 0.3 or (not self.locals and ctx.indent == 1):
            self.assignment(steps, ctx)
        elif kind < 0.45 and self.locals:
            self.augmented_assignment(steps, ctx)
        elif kind < 0.58 and ctx.depth > 0:
            cond = self.gen.condition(self.scope, 2)
            self.lines.append(f"{pad}if {cond.text}:")
            then_steps = self.block(ctx.inner())
            self.lines.append(f"{pad}else:")
            else_steps = self.block(ctx.inner())
            steps.append(("if", cond, then_steps, else_steps))
        elif kind < 0.68 and ctx.depth > 0:
            count = r.randrange(0, 5)
            var = f"i{ctx.indent}"
            self.scope.setdefault(var, "int")
            self.lines.append(f"{pad}for {var} in range({count}):")
            body = self.block(ctx.inner(in_loop=True))
            orelse = self.loop_else(ctx)
            steps.append(("for", var, count, body, orelse))
        elif kind < 0.74 and ctx.depth > 0:
            counter, limit = f"w{len(self.counters)}", r.randrange(0, 4)
            self.counters.append(counter)
            self.scope[counter] = "int"
            self.lines.append(f"{pad}{counter} = 0")
            self.lines.append(f"{pad}while {counter} < {limit}:")
            self.lines.append(f"{pad}    {counter} += 1")
            body = self.block(ctx.inner(in_loop=True))
            orelse = self.loop_else(ctx)
            steps.append(("while", counter, limit, body, orelse))
        elif kind < 0.84 and ctx.depth > 0:
            self.try_statement(steps, ctx)
        elif kind < 0.9 and ctx.in_loop and not ctx.in_finally:
            word = r.choice(["break", "continue"])
            cond = self.gen.condition(self.scope, 1)
            self.lines.append(f"{pad}if {cond.text}:")
            self.lines.append(f"{pad}    {word}")
            steps.append(("jump", cond, Break if word == "break" else Continue))
        elif kind < 0.94:
            value = self.gen.variable(r.choice(list(INT_TYPES)), self.scope)
            cond = self.gen.condition(self.scope, 1)
            self.lines.append(f"{pad}if {cond.text}:")
            self.lines.append(f"{pad}    raise ValueError({value.text})")
            steps.append(("raise", cond, value))
        elif kind < 0.97 and not ctx.in_finally and ctx.indent > 1:
            cond = self.gen.condition(self.scope, 1)
            self.lines.append(f"{pad}if {cond.text}:")
            self.lines.append(f"{pad}    return ({self.results()},)")
            steps.append(("return", cond))
        else:
            self.assignment(steps, ctx)

    def loop_else(self, ctx):
        if self.rng.random() < 0.3:
            self.lines.append("    " * ctx.indent + "else:")
            return self.block(ctx.inner())
        return None

    def try_statement(self, steps, ctx):
        r = self.rng
        pad = "    " * ctx.indent
        self.lines.append(f"{pad}try:")
        body = self.block(ctx.inner())
        handlers = []
        for _ in range(r.choice([0, 1, 1, 2])):
            name = r.choice(list(HANDLERS))
            self.lines.append(f"{pad}except {name}:")
            handlers.append((HANDLERS[name], self.block(ctx.inner())))
        orelse = None
        if handlers and r.random() < 0.3:
            self.lines.append(f"{pad}else:")
            orelse = self.block(ctx.inner())
        final = None
        if not handlers or r.random() < 0.4:
            self.lines.append(f"{pad}finally:")
            final = self.block(ctx.inner(in_finally=True))
        steps.append(("try", body, handlers, orelse, final))

    def assignment(self, steps, ctx):
        r = self.rng
        pad = "    " * ctx.indent
        ctype = self.assignment_target_type()
        value = self.gen.expr(ctype, self.scope, 3)
        if ctype == "obj" and ctx.indent == 1:
            # An unannotated local whose every value is a C value is C-typed
            # (spec 4, as Numba: `v = 7` then `v = 0.5` gives 7.0): its first
            # value is an object, so it stays one and keeps Python's semantics.
            for _ in range(10):
                if value.ctype == "obj":
                    break
                value = self.gen.expr(ctype, self.scope, 3)
            else:
                value = self.gen.variable("obj", self.scope)
        if value.ctype != ctype and ctype == "double":
            value = self.as_double(value)
        elif value.ctype != ctype and ctype == "obj":
            pass  # an object takes any value
        elif value.ctype in ("double", "obj"):
            return  # C would convert: not in the subset both agree on
        if ctx.indent == 1:
            name = f"v{len(self.locals)}"
            annotation = f": {ANNOTATION[ctype]}" if ctype != "obj" else ""
            self.lines.append(f"{pad}{name}{annotation} = {value.text}")
            self.scope[name] = ctype
            self.locals.append(name)
            steps.append(("assign", name, ctype, value))
            return
        existing = [n for n in self.locals if self.scope[n] == ctype]
        if existing:
            target = r.choice(existing)
            self.lines.append(f"{pad}{target} = {value.text}")
            steps.append(("assign", target, ctype, value))

    def augmented_assignment(self, steps, ctx):
        r = self.rng
        target = r.choice(self.locals)
        ctype = self.scope[target]
        op = r.choice(["+", "-", "*", "//", "%"] + (["/"] if ctype in ("double", "obj") else []))
        value = self.gen.expr(ctype if ctype != "obj" else r.choice(["int", "obj"]), self.scope, 2)
        if ctype in INT_TYPES and value.ctype not in INT_TYPES:
            return
        self.lines.append(f"{'    ' * ctx.indent}{target} {op}= {value.text}")
        steps.append(("augassign", target, ctype, (op, value)))

    def as_double(self, value):
        if value.ctype in INT_TYPES:
            def to_float(env, value=value):
                v = value.evaluate(env)
                if abs(v) > EXACT_IN_DOUBLE:
                    raise Invalid
                return float(v)
            return Node(f"float({value.text})", "double", to_float)
        return value

    def results(self):
        return ", ".join(self.locals) if self.locals else "a"

    def text(self):
        params = ", ".join(f"{n}: {ANNOTATION[t]}" if t != "obj" else n for n, t in self.PARAMS)
        loop_vars = sorted(n for n in self.scope if n.startswith("i") or n.startswith("w"))
        decls = [f"    {n}: cython.int = 0" for n in loop_vars]
        return "\n".join([f"def {self.name}({params}):", *decls, *self.lines,
                          f"    return ({self.results()},)", ""])

    def run_model(self, args):
        env = dict(zip((n for n, _ in self.PARAMS), args))
        for n in self.scope:
            env.setdefault(n, 0)
        try:
            self.run(self.steps, env)
        except (Exception, Return):
            pass  # the function raised or returned: the rest does not run

    def run(self, steps, env):
        for step in steps:
            getattr(self, "run_" + step[0])(env, *step[1:])

    def run_assign(self, env, name, ctype, value):
        v = value.evaluate(env)
        env[name] = float(v) if ctype == "double" else checked(v, ctype)

    def run_augassign(self, env, name, ctype, op_value):
        op, value = op_value
        right = mixed(value.evaluate(env), value.ctype, ctype)
        left = mixed(env[name], ctype, value.ctype)
        operation = join_type(ctype, value.ctype)
        if op in ("//", "%"):
            same_in_unsigned((left, right), operation)
        # computed in the operation's type, then converted back to the variable's
        env[name] = checked(checked(python_op(op, left, right), operation), ctype)

    def run_if(self, env, cond, then_steps, else_steps):
        self.run(then_steps if cond.evaluate(env) else else_steps, env)

    def run_loop_body(self, env, body):
        """False when the body breaks."""
        try:
            self.run(body, env)
        except Continue:
            pass
        except Break:
            return False
        return True

    def run_for(self, env, var, count, body, orelse):
        for i in range(count):
            env[var] = i
            if not self.run_loop_body(env, body):
                return
        self.run(orelse or [], env)

    def run_while(self, env, counter, limit, body, orelse):
        env[counter] = 0
        while env[counter] < limit:
            env[counter] += 1
            if not self.run_loop_body(env, body):
                return
        self.run(orelse or [], env)

    def run_try(self, env, body, handlers, orelse, final):
        try:
            try:
                self.run(body, env)
            except Exception as e:
                for exc_type, handler in handlers:
                    if isinstance(e, exc_type):
                        self.run(handler, env)
                        break
                else:
                    raise
            else:
                self.run(orelse or [], env)
        except Invalid:
            raise  # a finally block must not replace it: the program is out of the subset
        except BaseException:
            self.run(final or [], env)
            raise
        self.run(final or [], env)

    def run_jump(self, env, cond, signal):
        if cond.evaluate(env):
            raise signal

    def run_raise(self, env, cond, value):
        if cond.evaluate(env):
            raise ValueError(value.evaluate(env))

    def run_return(self, env, cond):
        if cond.evaluate(env):
            raise Return


# a: int, b: longlong, u: uint, s: short, n: Py_ssize_t, z: size_t, x: double, o: object
ARGUMENT_SETS = [
    (3, 10, 7, 5, 9, 4, 0.5, 7), (-7, -(2**40), 2**32 - 1, -32768, -(2**62), 2**64 - 1, -2.25, -(2**64)),
    (0, 0, 0, 0, 0, 0, 0.0, 0), (2**31 - 1, 2**53, 2**31, 32767, 2**63 - 1, 2**40, 1e300, 3),
    (-2**31, 5, 1, -1, -1, 1, -0.0, 2**100), (12, -3, 1000, 300, 77, 2**63, float("inf"), -1),
    (1, 1, 3, 2, 6, 10, float("nan"), 1),
]


def generate(seed, count):
    rng = random.Random(seed)
    functions, calls, helpers = [], [], []
    attempts = 0
    while len(functions) < count and attempts < count * 50:
        attempts += 1
        kept = len(helpers)
        f = Function(rng, f"f{len(functions)}", helpers)
        chosen = rng.sample(ARGUMENT_SETS, 3)
        try:
            for args in chosen:
                f.run_model(args)
        except Invalid:
            del helpers[kept:]  # the rejected function's new helpers go with it
            continue
        functions.append(f)
        calls.append(chosen)
    pyx = "import cython\n\n\n" + "\n\n".join([h.text() for h in helpers] + [f.text() for f in functions])
    driver = ["from diff_support import show", "", "inf, nan = float('inf'), float('nan')", "CALLS = ["]
    for f, chosen in zip(functions, calls):
        for args in chosen:
            driver.append(f"    ({f.name!r}, {args!r}),")
    driver += ["]", "", "", "def run(mod):", "    for name, args in CALLS:",
               "        show(f'{name}{args}', getattr(mod, name), *args)", ""]
    return pyx, "\n".join(driver)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pyxx", required=True)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--functions", type=int, default=80)
    parser.add_argument("--keep", help="copy a failing program here")
    args = parser.parse_args()
    pyx, driver = generate(args.seed, args.functions)
    with tempfile.TemporaryDirectory(prefix="pyxx-diff-programs-") as work:
        name = f"random_programs_{args.seed}"
        with open(os.path.join(work, name + ".pyx"), "w") as f:
            f.write(pyx)
        with open(os.path.join(work, name + ".driver.py"), "w") as f:
            f.write(driver)
        result = subprocess.run([sys.executable, RUN_DIFF_TEST, "--pyxx", args.pyxx,
                                 os.path.join(work, name + ".pyx")])
        if result.returncode != 0 and args.keep:
            os.makedirs(args.keep, exist_ok=True)
            for suffix in (".pyx", ".driver.py"):
                shutil.copy(os.path.join(work, name + suffix), args.keep)
            print(f"kept the program in {args.keep}", file=sys.stderr)
    return result.returncode


if __name__ == "__main__":
    sys.exit(main())
