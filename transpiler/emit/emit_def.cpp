// What a module-level `def` statement does where it stands in the module's
// code: evaluate its decorators, then its default values that are no
// constants (kept in the module's state), then make the function object,
// apply the decorators innermost first and bind the name. And the text
// signature in front of its docstring, for `inspect.signature`.
#include <fmt/format.h>

#include "emit/emitter_impl.h"

namespace pyxx::emit {

namespace {

// The docstring of a function body, as Python finds it (a first str literal).
auto Docstring(const syntax::Block& body) -> const std::string* {
  if (body.empty() || body.front()->kind != Stmt::Kind::Expr || !body.front()->value) {
    return nullptr;
  }
  const Expr& e = *body.front()->value;
  return e.kind == Expr::Kind::String && !e.is_bytes ? &e.text : nullptr;
}

// A default as inspect reads it back from a text signature: a literal written
// as in the source (on one line), or `...` for a value known only at run time.
auto SignatureDefault(const Expr& e, std::string_view text) -> std::string {
  switch (e.kind) {
    case Expr::Kind::Int:
    case Expr::Kind::Float:
    case Expr::Kind::String:
    case Expr::Kind::Bool:
    case Expr::Kind::None:
      break;
    case Expr::Kind::Unary:
      if ((e.unary_op == syntax::UnaryOp::Neg || e.unary_op == syntax::UnaryOp::Pos) &&
          (e.operand().kind == Expr::Kind::Int || e.operand().kind == Expr::Kind::Float)) {
        break;
      }
      return "...";
    default:
      return "...";
  }
  if (text.find('\n') != std::string_view::npos || text.find('\r') != std::string_view::npos) {
    return "...";
  }
  return std::string(text);
}

}  // namespace

auto Emitter::MethodDoc(const checked::FunctionInfo& fn) -> std::string {
  const auto& params = fn.syntax->params;
  std::string sig = "$module";
  bool star_written = false;
  for (size_t i = 0; i < params.size(); ++i) {
    const auto& p = params[i];
    if (p.kind == syntax::Param::Kind::VarArgs) {
      sig += ", *" + p.name;
      star_written = true;
      continue;
    }
    if (p.kind == syntax::Param::Kind::KwArgs) {
      sig += ", **" + p.name;
      continue;
    }
    if (p.keyword_only && !star_written) {
      sig += ", *";
      star_written = true;
    }
    sig += ", " + p.name;
    if (p.default_value) {
      sig += "=" + SignatureDefault(*p.default_value, source_.Slice(p.default_value->range));
    }
    if (p.positional_only && (i + 1 == params.size() || !params[i + 1].positional_only)) {
      sig += ", /";
    }
  }
  const std::string* doc = Docstring(fn.syntax->body);
  return CppStringLiteral(fmt::format("{}({})\n--\n\n", fn.name(), sig) + (doc != nullptr ? *doc : std::string()));
}

auto Emitter::StoredDefault(const checked::FunctionInfo& fn, size_t i, const Type& t, const std::string& site)
    -> std::string {
  std::string value = fmt::format("pyxx::stored_default(pyxx_module, {}, {}, {})", fn.default_slots[i],
                                  CppStringLiteral(fn.name()), site);
  return t.IsObject() ? fmt::format("pyxx::Ref::borrow({})", value)
                      : fmt::format("pyxx::as_c<{}>({}, {})", checked::SpellCpp(t), value, site);
}

void Emitter::EmitDefStatement(const Stmt& s) {
  auto it = module_.function_index.find(s.function->name);
  if (it == module_.function_index.end() || module_.functions[it->second].syntax != s.function.get()) {
    return;
  }
  const checked::FunctionInfo& fn = module_.functions[it->second];
  bool stored = false;
  for (int slot : fn.default_slots) stored |= slot >= 0;
  if (!stored && !fn.bound_at_def) {
    return;  // made with the module (its method table)
  }
  Scoped([&] {
    const std::string site = StmtSite();
    // Decorators first, top to bottom, then the defaults, as Python evaluates them.
    std::vector<std::string> decorators;
    for (const Expr* d : fn.decorators) {
      std::vector<CppExpr> v = EmitInOrder({ObjectOperand(*d)});
      decorators.push_back(Declare("pyxx::Ref", Owned(v[0])));
    }
    for (size_t i = 0; i < fn.default_slots.size(); ++i) {
      if (fn.default_slots[i] < 0) continue;
      const Expr& value = *fn.syntax->params[i].default_value;
      std::vector<CppExpr> v = EmitInOrder({ObjectOperand(value)});
      std::string object = v[0].text + ".get()";
      const Type& t = fn.param_types[i];
      if (!t.IsObject()) {
        // A C-typed parameter's default is converted once, here (as Cython does).
        object = Declare("pyxx::Ref", fmt::format("pyxx::to_object(pyxx::as_c<{}>({}, {}), {})", checked::SpellCpp(t),
                                                   object, site, site)) + ".get()";
      }
      Line(fmt::format("pyxx::store_default(pyxx_module, {}, {});", fn.default_slots[i], object));
    }
    if (!fn.bound_at_def) {
      return;
    }
    std::string function =
        Declare("pyxx::Ref", fmt::format("pyxx::Ref::steal(pyxx::make_function(pyxx_module, &{}, {}))", DefMethodName(fn), site));
    for (auto d = decorators.rbegin(); d != decorators.rend(); ++d) {
      Line(fmt::format("{} = pyxx::call({}.get(), {{{}.get()}}, {});", function, *d, function, site));
    }
    Line(fmt::format("pyxx::set_global(pyxx_module, {}, {}.get(), {});", NameConstant(fn.name()), function, site));
  });
}

}  // namespace pyxx::emit
