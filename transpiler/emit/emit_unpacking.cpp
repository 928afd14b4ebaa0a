// `*` and `**` unpacking in calls and displays. Each argument or element is a
// statement of its own, in source order: Python iterates `*xs` (and merges
// `**m`) before it evaluates the next argument, and either may run Python code.
#include <fmt/format.h>

#include "emit/emitter_impl.h"

namespace pyxx::emit {

auto Emitter::UnpackingStep(const Expr& value) -> std::string {
  std::vector<CppExpr> v = EmitInOrder({ObjectOperand(value)});
  return v[0].text + ".get()";
}

auto Emitter::EmitUnpackingCall(Operand callable, const Expr& e) -> CppExpr {
  const std::string site = Site(e.range);
  std::vector<CppExpr> c = EmitInOrder({std::move(callable)});
  const std::string function = c[0].ref_lvalue && c[0].text.rfind("pyxx_t", 0) == 0
                                   ? c[0].text
                                   : Declare("pyxx::Ref", Owned(c[0]));
  // `f(*xs)` alone hands xs itself to the call, which checks it (CALL_FUNCTION_EX).
  const bool only_starred = e.args.size() == 1 && e.args[0]->kind == Expr::Kind::Starred;
  std::string positional;
  if (only_starred) {
    std::vector<CppExpr> v = EmitInOrder({ObjectOperand(e.args[0]->operand())});
    positional = Declare("pyxx::Ref", Owned(v[0]));
  } else {
    positional = Declare("pyxx::Ref", fmt::format("pyxx::new_list({})", site));
    for (const auto& a : e.args) {
      const bool starred = a->kind == Expr::Kind::Starred;
      std::string item = UnpackingStep(starred ? a->operand() : *a);
      Line(fmt::format("pyxx::{}({}.get(), {}, {});", starred ? "list_extend" : "list_append", positional, item, site));
    }
  }
  std::string keywords = "nullptr";
  if (!e.keywords.empty()) {
    std::string dict = Declare("pyxx::Ref", fmt::format("pyxx::new_dict({})", site));
    for (const auto& k : e.keywords) {
      std::string value = UnpackingStep(*k.value);
      if (k.name.empty()) {
        Line(fmt::format("pyxx::call_merge({}.get(), {}.get(), {}, {});", function, dict, value, site));
      } else {
        Line(fmt::format("pyxx::call_keyword({}.get(), {}.get(), {}.get(), {}, {});", function, dict,
                         NameConstant(k.name), value, site));
      }
    }
    keywords = dict + ".get()";
  }
  return CppExpr{fmt::format("pyxx::call_unpacked({}.get(), {}.get(), {}, {}, {})", function, positional,
                             only_starred ? "true" : "false", keywords, site),
                 false, kWrites | kRaises, kWrites | kRaises};
}

auto Emitter::EmitUnpackingDisplay(const Expr& e) -> CppExpr {
  const std::string site = Site(e.range);
  using K = Expr::Kind;
  if (e.kind == K::Dict) {
    std::string dict = Declare("pyxx::Ref", fmt::format("pyxx::new_dict({})", site));
    for (size_t i = 0; i + 1 < e.args.size(); i += 2) {
      const Expr& key = *e.args[i];
      if (key.kind == K::Starred) {  // `**m`: its value slot holds a placeholder None
        std::string mapping = UnpackingStep(key.operand());
        Line(fmt::format("pyxx::dict_update({}.get(), {}, {});", dict, mapping, site));
        continue;
      }
      // The key first, then the value, as Python evaluates them.
      std::vector<CppExpr> kv = EmitInOrder({ObjectOperand(key), ObjectOperand(*e.args[i + 1])});
      Line(fmt::format("pyxx::dict_set({}.get(), {}.get(), {}.get(), {});", dict, kv[0].text, kv[1].text, site));
    }
    return CppExpr{dict, true, kWrites | kRaises, kPure};
  }
  const bool set = e.kind == K::Set;
  std::string items = Declare("pyxx::Ref", fmt::format("pyxx::{}({})", set ? "new_set" : "new_list", site));
  for (const auto& a : e.args) {
    const bool starred = a->kind == K::Starred;
    std::string item = UnpackingStep(starred ? a->operand() : *a);
    const char* step = set ? (starred ? "set_update" : "set_add") : (starred ? "list_extend" : "list_append");
    Line(fmt::format("pyxx::{}({}.get(), {}, {});", step, items, item, site));
  }
  if (e.kind == K::Tuple) {
    return CppExpr{fmt::format("pyxx::list_to_tuple({}.get(), {})", items, site), false, kWrites | kRaises,
                   kRaises};
  }
  return CppExpr{items, true, kWrites | kRaises, kPure};
}

}  // namespace pyxx::emit
