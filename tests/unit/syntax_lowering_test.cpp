// Lowering of statements and expressions to pyxx's tree (syntax/tree.h).
#include <catch2/catch.hpp>

#include <memory>
#include <string>

#include "syntax/parse.h"

using namespace pyxx;
using namespace pyxx::syntax;

namespace {

struct Parsed {
  base::SourceBuffer source;
  diag::DiagnosticSink sink;
  Module module;
  explicit Parsed(std::string text) : source("test.pyx", std::move(text)) { module = Parse(source, "test", sink); }
  auto Pos(base::SourceRange range) const -> std::string {
    auto at = source.Locate(range.begin);
    return std::to_string(at.line) + ":" + std::to_string(at.column);
  }
  auto Text(base::SourceRange range) const -> std::string { return std::string(source.Slice(range)); }
  auto Stmt(size_t i) const -> const syntax::Stmt& { return *module.body.at(i); }
};

auto ParseClean(std::string text) -> std::unique_ptr<Parsed> {
  auto parsed = std::make_unique<Parsed>(std::move(text));
  for (const auto& d : parsed->sink.diagnostics()) {
    INFO(d.code() << " at " << parsed->Pos(d.range) << ": " << d.message);
    CHECK(false);
  }
  return parsed;
}

// The value of an expression statement.
auto ValueOf(const Parsed& p, size_t i = 0) -> const Expr& { return *p.Stmt(i).value; }

}  // namespace

TEST_CASE("assignments: plain, chained, tuple, annotated, augmented", "[syntax]") {
  auto p = ParseClean("a = b = 1\nx, y = y, x\nz: int = 2\nw: float\nz += 3\nz //= 2\n");
  const auto& chained = p->Stmt(0);
  REQUIRE(chained.kind == Stmt::Kind::Assign);
  REQUIRE(chained.targets.size() == 2);
  CHECK(chained.targets[0]->name == "a");
  CHECK(chained.targets[1]->name == "b");
  CHECK(chained.value->kind == Expr::Kind::Int);
  CHECK(chained.value->text == "1");
  CHECK(p->Pos(chained.range) == "1:1");

  const auto& swap = p->Stmt(1);
  REQUIRE(swap.targets.size() == 1);
  CHECK(swap.targets[0]->kind == Expr::Kind::Tuple);
  CHECK(swap.targets[0]->args.size() == 2);
  CHECK(swap.value->kind == Expr::Kind::Tuple);

  const auto& ann = p->Stmt(2);
  REQUIRE(ann.kind == Stmt::Kind::AnnAssign);
  CHECK(ann.targets[0]->name == "z");
  REQUIRE(ann.annotation);
  CHECK(ann.annotation->kind == TypeExpr::Kind::Object);
  CHECK(ann.annotation->object_name == "int");
  CHECK(ann.annotation->python_builtin_spelling);
  CHECK(ann.value->text == "2");

  const auto& bare = p->Stmt(3);
  CHECK(bare.kind == Stmt::Kind::AnnAssign);
  CHECK(bare.value == nullptr);
  CHECK(bare.annotation->kind == TypeExpr::Kind::Scalar);
  CHECK(bare.annotation->scalar == ScalarKind::Double);
  CHECK(bare.annotation->python_builtin_spelling);

  CHECK(p->Stmt(4).kind == Stmt::Kind::AugAssign);
  CHECK(p->Stmt(4).aug_op == BinaryOp::Add);
  CHECK(p->Stmt(5).aug_op == BinaryOp::FloorDiv);
}

TEST_CASE("if/elif/else, while/else, for/else with head ranges", "[syntax]") {
  auto p = ParseClean(
      "if a:\n    pass\nelif b:\n    x = 1\nelse:\n    y = 2\n"
      "while c:\n    break\nelse:\n    pass\n"
      "for i, j in pairs:\n    continue\nelse:\n    pass\n");
  const auto& s_if = p->Stmt(0);
  REQUIRE(s_if.kind == Stmt::Kind::If);
  REQUIRE(s_if.conditions.size() == 2);
  REQUIRE(s_if.blocks.size() == 2);
  CHECK(s_if.conditions[1]->name == "b");
  CHECK(s_if.blocks[1][0]->kind == Stmt::Kind::Assign);
  CHECK(s_if.has_else);
  CHECK(s_if.else_block.size() == 1);
  CHECK(p->Text(s_if.head_range) == "if a");

  const auto& s_while = p->Stmt(1);
  REQUIRE(s_while.kind == Stmt::Kind::While);
  CHECK(s_while.blocks[0][0]->kind == Stmt::Kind::Break);
  CHECK(s_while.has_else);
  CHECK(p->Text(s_while.head_range) == "while c");

  const auto& s_for = p->Stmt(2);
  REQUIRE(s_for.kind == Stmt::Kind::For);
  CHECK(s_for.targets[0]->kind == Expr::Kind::Tuple);
  CHECK(s_for.value->name == "pairs");
  CHECK(s_for.blocks[0][0]->kind == Stmt::Kind::Continue);
  CHECK(s_for.has_else);
  CHECK(p->Text(s_for.head_range) == "for i, j in pairs");
}

TEST_CASE("try/except/else/finally, raise, del, assert, global, nonlocal, return", "[syntax]") {
  auto p = ParseClean(
      "try:\n    pass\nexcept (A, B) as e:\n    raise X from e\nexcept:\n    raise\nelse:\n    pass\n"
      "finally:\n    del a, b[0]\n"
      "assert x, 'msg'\nglobal g1, g2\ndef f():\n    nonlocal q\n    return\n");
  const auto& s_try = p->Stmt(0);
  REQUIRE(s_try.kind == Stmt::Kind::Try);
  CHECK(p->Text(s_try.head_range) == "try");
  REQUIRE(s_try.handlers.size() == 2);
  CHECK(s_try.handlers[0].name == "e");
  CHECK(s_try.handlers[0].type->kind == Expr::Kind::Tuple);
  const auto& raise = *s_try.handlers[0].body[0];
  CHECK(raise.kind == Stmt::Kind::Raise);
  CHECK(raise.value->name == "X");
  CHECK(raise.cause->name == "e");
  CHECK(s_try.handlers[1].type == nullptr);
  CHECK(s_try.handlers[1].body[0]->value == nullptr);
  CHECK(s_try.has_else);
  CHECK(s_try.has_finally);
  REQUIRE(s_try.finally_block.size() == 1);
  CHECK(s_try.finally_block[0]->kind == Stmt::Kind::Del);
  CHECK(s_try.finally_block[0]->targets.size() == 2);

  const auto& s_assert = p->Stmt(1);
  CHECK(s_assert.kind == Stmt::Kind::Assert);
  CHECK(s_assert.message->text == "msg");
  CHECK(p->Stmt(2).names == std::vector<std::string>{"g1", "g2"});
  const auto& body = p->Stmt(3).function->body;
  CHECK(body[0]->kind == Stmt::Kind::Nonlocal);
  CHECK(body[1]->kind == Stmt::Kind::Return);
  CHECK(p->Text(body[1]->head_range) == "return");
}

TEST_CASE("with statements: multiple items and targets", "[syntax]") {
  auto p = ParseClean("with open(f) as h, lock:\n    pass\n");
  const auto& s = p->Stmt(0);
  REQUIRE(s.kind == Stmt::Kind::With);
  REQUIRE(s.with_items.size() == 2);
  CHECK(s.with_items[0].kind == WithItem::Kind::Other);
  CHECK(s.with_items[0].value->kind == Expr::Kind::Call);
  CHECK(s.with_items[0].target->name == "h");
  CHECK(s.with_items[1].value->name == "lock");
  CHECK(p->Text(s.head_range) == "with open(f) as h, lock");
}

TEST_CASE("classes and real imports", "[syntax]") {
  auto p = ParseClean("import os, numpy as np\nfrom os.path import join as j, exists\nfrom . import sib\n"
                      "class C(Base):\n    x = 1\n");
  const auto& imp = p->Stmt(0);
  REQUIRE(imp.kind == Stmt::Kind::Import);
  REQUIRE(imp.imports.size() == 2);
  CHECK(imp.imports[1].module == "numpy");
  CHECK(imp.imports[1].alias == "np");
  const auto& from = p->Stmt(1);
  REQUIRE(from.imports.size() == 2);
  CHECK(from.imports[0].module == "os.path");
  CHECK(from.imports[0].name == "join");
  CHECK(from.imports[0].alias == "j");
  CHECK(p->Stmt(2).imports[0].module == ".");
  const auto& cls = p->Stmt(3);
  CHECK(cls.kind == Stmt::Kind::Class);
  CHECK(cls.name == "C");
  CHECK(cls.blocks[0].size() == 1);
  CHECK(p->module.dialect_imports.empty());
}

TEST_CASE("parameters: typed, defaults, *args, **kwargs, markers", "[syntax]") {
  auto p = ParseClean("def f(a, b: int, c=1, d: float = 2.0, /, *args, e, **kw) -> None:\n    pass\n"
                      "def g(*, k: bool):\n    pass\n");
  const Function& f = *p->Stmt(0).function;
  REQUIRE(f.params.size() == 7);
  CHECK(f.params[0].name == "a");
  CHECK_FALSE(f.params[0].annotation);
  CHECK(f.params[1].annotation->object_name == "int");
  CHECK(f.params[2].default_value->text == "1");
  CHECK(f.params[3].annotation->scalar == ScalarKind::Double);
  CHECK(f.params[3].default_value->kind == Expr::Kind::Float);
  CHECK(f.params[3].positional_only);
  CHECK(f.params[4].kind == Param::Kind::VarArgs);
  CHECK_FALSE(f.params[4].positional_only);
  CHECK(f.params[4].name == "args");
  CHECK(f.params[5].name == "e");
  CHECK(f.params[5].keyword_only);
  CHECK(f.params[6].kind == Param::Kind::KwArgs);
  CHECK(f.params[6].name == "kw");
  CHECK(f.return_type->object_name == "None");
  CHECK(p->Text(f.def_range) == "def f(a, b: int, c=1, d: float = 2.0, /, *args, e, **kw) -> None");
  const Function& g = *p->Stmt(1).function;
  REQUIRE(g.params.size() == 1);
  CHECK(g.params[0].keyword_only);
  CHECK(g.params[0].annotation->object_name == "bool");
}

TEST_CASE("operators: binary, unary, boolean chains, comparisons, conditional", "[syntax]") {
  auto p = ParseClean("a + b * c ** d // e\n-x\nnot y\n~z\na and b and c\na or b\n"
                      "a < b <= c != d\nx not in y\nx is not None\na if c else b\n");
  const Expr& sum = ValueOf(*p, 0);
  CHECK(sum.binary_op == BinaryOp::Add);
  CHECK(sum.operands[1]->binary_op == BinaryOp::FloorDiv);
  CHECK(ValueOf(*p, 1).unary_op == UnaryOp::Neg);
  CHECK(ValueOf(*p, 2).unary_op == UnaryOp::Not);
  CHECK(ValueOf(*p, 3).unary_op == UnaryOp::Invert);
  const Expr& chain = ValueOf(*p, 4);
  CHECK(chain.kind == Expr::Kind::BoolOp);
  CHECK(chain.operands.size() == 3);
  CHECK(ValueOf(*p, 5).bool_op == BoolOp::Or);
  const Expr& cmp = ValueOf(*p, 6);
  CHECK(cmp.compare_ops == std::vector<CompareOp>{CompareOp::Lt, CompareOp::Le, CompareOp::Ne});
  CHECK(cmp.operands.size() == 4);
  CHECK(ValueOf(*p, 7).compare_ops[0] == CompareOp::NotIn);
  CHECK(ValueOf(*p, 8).compare_ops[0] == CompareOp::IsNot);
  const Expr& cond = ValueOf(*p, 9);
  CHECK(cond.kind == Expr::Kind::Conditional);
  CHECK(cond.operands[0]->name == "a");
  CHECK(cond.operands[1]->name == "c");
  CHECK(cond.operands[2]->name == "b");
}

TEST_CASE("calls, attributes, subscripts, slices, displays", "[syntax]") {
  auto p = ParseClean("f(1, *a, k=2, **kw)\nobj.attr.x\nm[1:2, ::1, i]\n[1, 2]\n(1,)\n{1}\n{'a': 1, **d}\n"
                      "[x for x in y]\nlambda q: q\n...\n(n := 3)\n");
  const Expr& call = ValueOf(*p, 0);
  REQUIRE(call.kind == Expr::Kind::Call);
  CHECK(call.operands[0]->name == "f");
  REQUIRE(call.args.size() == 2);
  CHECK(call.args[1]->kind == Expr::Kind::Starred);
  REQUIRE(call.keywords.size() == 2);
  CHECK(call.keywords[0].name == "k");
  CHECK(call.keywords[1].name.empty());
  CHECK(p->Text(call.args_range) == "(1, *a, k=2, **kw)");
  const Expr& attr = ValueOf(*p, 1);
  CHECK(attr.kind == Expr::Kind::Attribute);
  CHECK(attr.name == "x");
  CHECK(attr.operands[0]->name == "attr");
  const Expr& sub = ValueOf(*p, 2);
  REQUIRE(sub.args.size() == 3);
  CHECK(sub.args[0]->kind == Expr::Kind::Slice);
  CHECK(sub.args[0]->operands[0]->text == "1");
  CHECK(sub.args[0]->operands[1]->text == "2");
  CHECK(sub.args[0]->operands[2] == nullptr);
  CHECK(sub.args[1]->operands[0] == nullptr);
  CHECK(sub.args[1]->operands[2]->text == "1");
  CHECK(sub.args[2]->name == "i");
  CHECK(ValueOf(*p, 3).kind == Expr::Kind::List);
  CHECK(ValueOf(*p, 4).kind == Expr::Kind::Tuple);
  CHECK(ValueOf(*p, 5).kind == Expr::Kind::Set);
  const Expr& dict = ValueOf(*p, 6);
  REQUIRE(dict.args.size() == 4);
  CHECK(dict.args[0]->text == "a");
  CHECK(dict.args[2]->kind == Expr::Kind::Starred);
  CHECK(dict.args[3]->kind == Expr::Kind::None);
  CHECK(ValueOf(*p, 7).comprehension_kind == syntax::ComprehensionKind::List);
  CHECK(ValueOf(*p, 8).kind == Expr::Kind::Lambda);
  CHECK(ValueOf(*p, 9).kind == Expr::Kind::Ellipsis);
  CHECK(ValueOf(*p, 10).kind == Expr::Kind::NamedExpr);
}

TEST_CASE("number literals keep their spelling without underscores", "[syntax]") {
  auto p = ParseClean("1_000_000\n0x_FF\n0o17\n0b1010\n1.5e-3\n2j\n");
  CHECK(ValueOf(*p, 0).text == "1000000");
  CHECK(ValueOf(*p, 1).text == "0xFF");
  CHECK(ValueOf(*p, 2).text == "0o17");
  CHECK(ValueOf(*p, 3).text == "0b1010");
  CHECK(ValueOf(*p, 4).kind == Expr::Kind::Float);
  CHECK(ValueOf(*p, 4).text == "1.5e-3");
  // An imaginary literal is exactly complex(0, value).
  const Expr& imaginary = ValueOf(*p, 5);
  REQUIRE(imaginary.kind == Expr::Kind::Call);
  CHECK(imaginary.operands[0]->name == "complex");
  CHECK(imaginary.args[1]->text == "2");
}

TEST_CASE("string literals are decoded", "[syntax]") {
  auto p = ParseClean("'a\\tb\\n'\nr'\\d+'\nb'\\x00\\xff'\n'caf\\u00e9' \"!\"\n'''multi\nline'''\n'\\101\\x41'\n");
  CHECK(ValueOf(*p, 0).text == "a\tb\n");
  CHECK(ValueOf(*p, 1).text == "\\d+");
  CHECK(ValueOf(*p, 2).is_bytes);
  CHECK(ValueOf(*p, 2).text == std::string("\0\xff", 2));
  CHECK(ValueOf(*p, 3).text == "caf\xc3\xa9!");
  CHECK(ValueOf(*p, 4).text == "multi\nline");
  CHECK(ValueOf(*p, 5).text == "AA");
}

TEST_CASE("f-strings become parts, conversions and specs become format/repr calls", "[syntax]") {
  auto p = ParseClean("f'x={x} {{lit}}'\nf'{v!r:>{w}}'\nf'{n=}'\n'a' f'{b}' 'c'\n");
  const Expr& simple = ValueOf(*p, 0);
  REQUIRE(simple.kind == Expr::Kind::FString);
  REQUIRE(simple.parts.size() == 3);
  CHECK(simple.parts[0]->text == "x=");
  CHECK(simple.parts[1]->name == "x");
  CHECK(simple.parts[2]->text == " {lit}");
  const Expr& spec = ValueOf(*p, 1);
  REQUIRE(spec.parts.size() == 1);
  const Expr& format = *spec.parts[0];
  CHECK(format.operands[0]->name == "format");
  CHECK(format.args[0]->operands[0]->name == "repr");
  CHECK(format.args[1]->kind == Expr::Kind::FString);
  const Expr& debug = ValueOf(*p, 2);
  REQUIRE(debug.parts.size() == 2);
  CHECK(debug.parts[0]->text == "n=");
  CHECK(debug.parts[1]->operands[0]->name == "repr");
  const Expr& concatenated = ValueOf(*p, 3);
  REQUIRE(concatenated.kind == Expr::Kind::FString);
  REQUIRE(concatenated.parts.size() == 3);
  CHECK(concatenated.parts[0]->text == "a");
  CHECK(concatenated.parts[2]->text == "c");
}

TEST_CASE("async constructs and match are Unsupported with a description", "[syntax]") {
  auto p = ParseClean("async def f():\n    pass\nasync def g():\n    async for x in y:\n        pass\n"
                      "    async with a:\n        pass\nmatch v:\n    case 1:\n        pass\n");
  CHECK(p->Stmt(0).kind == Stmt::Kind::Unsupported);
  CHECK(p->Stmt(0).description == "`async def` function");
  const auto& body = p->Stmt(1).function->body;
  CHECK(body[0]->description == "`async for` loop");
  CHECK(body[1]->description == "`async with` statement");
  CHECK(p->Stmt(2).kind == Stmt::Kind::Unsupported);
  CHECK(p->Stmt(2).description == "`match` statement");
}

TEST_CASE("every node has a range inside the file", "[syntax]") {
  auto p = ParseClean("def f(x: int) -> int:\n    return x + 1\n");
  const Stmt& def = p->Stmt(0);
  CHECK(p->Pos(def.range) == "1:1");
  const Function& f = *def.function;
  CHECK(p->Text(f.name_range) == "f");
  CHECK(p->Text(f.params[0].range) == "x: int");
  CHECK(p->Text(f.return_type->range) == "int");
  const Expr& sum = *f.body[0]->value;
  CHECK(p->Text(sum.range) == "x + 1");
  CHECK(p->Pos(sum.operands[1]->range) == "2:16");
}

TEST_CASE("Dump is stable and shows positions", "[syntax]") {
  auto p = ParseClean("import cython\nx: cython.int = 1\n");
  const std::string dump = Dump(p->module, p->source);
  CHECK(dump ==
        "(Module \"test\"\n"
        "  (DialectImport cython cython 1:8)\n"
        "  (Pass 1:1)\n"
        "  (AnnAssign 2:1\n"
        "    (targets\n"
        "      (Name x 2:1))\n"
        "    (annotation scalar:int 2:4)\n"
        "    (value\n"
        "      (Int 1 2:17))))\n");
  CHECK(Dump(p->module, p->source) == dump);
}
