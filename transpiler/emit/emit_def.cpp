// Text signatures (for `inspect.signature`) and the default values of
// module-level functions kept in the module's state. The function objects a
// `def` statement makes where it stands are made in emit_closures.cpp.
#include <fmt/format.h>

#include "emit/emitter_impl.h"

namespace pyxx::emit {

namespace {

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

auto DocstringOf(const syntax::Block& body) -> const std::string* {
  if (body.empty() || body.front()->kind != Stmt::Kind::Expr || !body.front()->value) {
    return nullptr;
  }
  const Expr& e = *body.front()->value;
  return e.kind == Expr::Kind::String && !e.is_bytes ? &e.text : nullptr;
}

auto Emitter::TextSignature(const checked::FunctionInfo& fn, bool bound_module) -> std::string {
  const auto& params = fn.syntax->params;
  std::string sig = bound_module ? "$module" : "";
  auto add = [&sig](const std::string& text) { sig += (sig.empty() ? "" : ", ") + text; };
  bool star_written = false;
  for (size_t i = 0; i < params.size(); ++i) {
    const auto& p = params[i];
    if (p.kind == syntax::Param::Kind::VarArgs) {
      add("*" + p.name);
      star_written = true;
      continue;
    }
    if (p.kind == syntax::Param::Kind::KwArgs) {
      add("**" + p.name);
      continue;
    }
    if (p.keyword_only && !star_written) {
      add("*");
      star_written = true;
    }
    std::string text = p.name;
    if (p.default_value) {
      text += "=" + SignatureDefault(*p.default_value, source_.Slice(p.default_value->range));
    }
    add(text);
    if (p.positional_only && (i + 1 == params.size() || !params[i + 1].positional_only)) {
      add("/");
    }
  }
  return "(" + sig + ")";
}

auto Emitter::MethodDoc(const checked::FunctionInfo& fn) -> std::string {
  const std::string* doc = DocstringOf(fn.syntax->body);
  return CppStringLiteral(fmt::format("{}{}\n--\n\n", fn.name(), TextSignature(fn, true)) +
                          (doc != nullptr ? *doc : std::string()));
}

auto Emitter::StoredDefault(const checked::FunctionInfo& fn, size_t i, const Type& t, const std::string& site)
    -> std::string {
  std::string value = fmt::format("pyxx::stored_default(pyxx_module, {}, {}, {})", fn.default_slots[i],
                                  CppStringLiteral(fn.name()), site);
  return t.IsObject() ? fmt::format("pyxx::Ref::borrow({})", value)
                      : fmt::format("pyxx::as_c<{}>({}, {})", checked::SpellCpp(t), value, site);
}

void Emitter::StoreDefaults(const checked::FunctionInfo& fn, const std::string& site) {
  std::vector<Operand> operands;
  std::vector<size_t> stored;
  for (size_t i = 0; i < fn.default_slots.size(); ++i) {
    if (fn.default_slots[i] >= 0) {
      operands.push_back(ObjectOperand(*fn.syntax->params[i].default_value));
      stored.push_back(i);
    }
  }
  std::vector<CppExpr> v = EmitInOrder(operands);
  for (size_t k = 0; k < stored.size(); ++k) {
    const size_t i = stored[k];
    Line(fmt::format("pyxx::store_default(pyxx_module, {}, {});", fn.default_slots[i],
                     DefaultObject(v[k].text + ".get()", fn.param_types[i], site)));
  }
}

auto Emitter::DefaultObject(const std::string& object, const Type& t, const std::string& site) -> std::string {
  if (t.IsObject() || t.IsMemoryView()) {
    return object;
  }
  // A C parameter's default is converted once, when the `def` runs (as Cython does).
  const std::string value = fmt::format("pyxx::as_c<{}>({}, {})", checked::SpellCpp(t), object, site);
  return Declare("pyxx::Ref", CpdefEnumObject(t, value, site).value_or(fmt::format("pyxx::to_object({}, {})", value, site))) +
         ".get()";
}

}  // namespace pyxx::emit
