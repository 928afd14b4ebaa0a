// The Python entry point of a `def` or `@cython.ccall` function with fused
// types: it looks at the argument of the first parameter of each fused type
// and calls the wrapper of the specialisation that matches, as Cython 3's
// dispatcher does:
//   * a Python int picks the integer member Cython prefers (it sorts the
//     members by rank, larger first, signed before unsigned), a float the
//     preferred floating member, a complex the complex one, a bool `bint`;
//   * a buffer picks the first memoryview member whose item format and number
//     of dimensions match (its layout is checked when the wrapper binds it);
//   * an argument that fits no member leaves that fused type open; then the
//     specialisations that agree with the others are candidates: none gives
//     "No matching signature found", several "Function call with ambiguous
//     argument types" (Cython's TypeErrors).
#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "emit/emitter_impl.h"
#include "syntax/fused.h"

namespace pyxx::emit {
namespace {

using syntax::ScalarKind;
using syntax::TypeExpr;

// Cython's rank of a C number type (PyrexTypes), and its `signed` flag
// (0 unsigned, 1 signed, 2 explicitly signed).
struct CythonRank {
  double rank;
  int sign;
};

auto RankOf(ScalarKind k) -> CythonRank {
  switch (k) {
    case ScalarKind::Char: return {0, 1};
    case ScalarKind::SChar: return {0, 2};
    case ScalarKind::UChar: return {0, 0};
    case ScalarKind::Short: return {1, 1};
    case ScalarKind::UShort: return {1, 0};
    case ScalarKind::Int: return {2, 1};
    case ScalarKind::UInt: return {2, 0};
    case ScalarKind::Bint: return {2, 0};
    case ScalarKind::Long: return {3, 1};
    case ScalarKind::ULong: return {3, 0};
    case ScalarKind::SSizeT: return {3.5, 1};
    case ScalarKind::HashT: return {3.5, 1};
    case ScalarKind::SizeT: return {3.5, 0};
    case ScalarKind::LongLong: return {4, 1};
    case ScalarKind::ULongLong: return {4, 0};
    case ScalarKind::Float: return {5, 1};
    case ScalarKind::Double: return {6, 1};
    case ScalarKind::LongDouble: return {7, 1};
    case ScalarKind::FloatComplex: return {5, 1};
    case ScalarKind::DoubleComplex: return {6, 1};
    case ScalarKind::LongDoubleComplex: return {7, 1};
    case ScalarKind::Void: return {0, 1};
    case ScalarKind::UCS4: return {2.5, 0};  // Cython's rank (never a fused member: PX304)
  }
  return {0, 1};
}

// CNumericType.__lt__: "sort based on rank, preferring signed over unsigned".
auto CythonLess(ScalarKind a, ScalarKind b) -> bool {
  CythonRank x = RankOf(a);
  CythonRank y = RankOf(b);
  return x.rank > y.rank && x.sign >= y.sign;
}

// Python's list.sort() of a short list (a first run, then binary insertion), with
// Cython's comparison, which is no total order: the same steps give the same order.
auto PythonSorted(std::vector<int> items, const std::vector<ScalarKind>& kinds) -> std::vector<int> {
  auto less = [&](int a, int b) { return CythonLess(kinds[a], kinds[b]); };
  size_t n = items.size();
  if (n < 2) {
    return items;
  }
  size_t run = 2;
  if (less(items[1], items[0])) {
    while (run < n && less(items[run], items[run - 1])) {
      ++run;
    }
    std::reverse(items.begin(), items.begin() + static_cast<std::ptrdiff_t>(run));
  } else {
    while (run < n && !less(items[run], items[run - 1])) {
      ++run;
    }
  }
  for (size_t i = run; i < n; ++i) {
    int pivot = items[i];
    size_t l = 0;
    size_t r = i;
    while (l < r) {
      size_t p = l + (r - l) / 2;
      if (less(pivot, items[p])) {
        r = p;
      } else {
        l = p + 1;
      }
    }
    items.erase(items.begin() + static_cast<std::ptrdiff_t>(i));
    items.insert(items.begin() + static_cast<std::ptrdiff_t>(l), pivot);
  }
  return items;
}

// The Python type test for the scalar member's "py_type_name".
auto PythonTypeCheck(ScalarKind k) -> const char* {
  switch (k) {
    case ScalarKind::Bint: return "PyBool_Check";
    case ScalarKind::Float:
    case ScalarKind::Double:
    case ScalarKind::LongDouble: return "PyFloat_Check";
    case ScalarKind::FloatComplex:
    case ScalarKind::DoubleComplex:
    case ScalarKind::LongDoubleComplex: return "PyComplex_Check";
    default: return "PyLong_Check";
  }
}

// isinstance for a builtin type member (subclasses match, as Cython's test).
auto BuiltinTypeCheck(const std::string& name) -> const char* {
  if (name == "str") return "PyUnicode_Check";
  if (name == "bytes") return "PyBytes_Check";
  if (name == "bytearray") return "PyByteArray_Check";
  if (name == "list") return "PyList_Check";
  if (name == "dict") return "PyDict_Check";
  if (name == "tuple") return "PyTuple_Check";
  if (name == "set") return "PySet_Check";
  if (name == "frozenset") return "PyFrozenSet_Check";
  PYXX_CHECK(false, "a fused member of a builtin type the dispatcher does not know");
  return "";
}

}  // namespace

auto Emitter::DispatcherName(const syntax::FusedFunction& group) -> std::string {
  if (module_.functions[module_.specialisation_index.at(group.specialisations[0])].nested) {
    // A method's: methods of several classes may share a name.
    return fmt::format("pyxx_dispatch{}_{}", &group - module_.syntax->fused_functions.data(),
                       EscapeIdentifier(group.name));
  }
  return "pyxx_dispatch_" + EscapeIdentifier(group.name);
}

void Emitter::EmitFusedDispatcher(const syntax::FusedFunction& group) {
  const checked::FunctionInfo& first = module_.functions[module_.specialisation_index.at(group.specialisations[0])];
  const syntax::Module& syntax = *module_.syntax;
  const size_t k_count = group.fused.size();
  // A module-level function's wrappers take the module; a method's its function
  // object (the dispatcher's own: its defaults and class cell serve them all).
  const char* const owner = first.nested ? "pyxx_function" : "pyxx_module";
  Line(fmt::format("PyObject* {}(PyObject* {}, PyObject* const* pyxx_args, Py_ssize_t pyxx_nargs, "
                   "PyObject* pyxx_kwnames) {{",
                   DispatcherName(group), owner));
  indent_ = 2;
  Line(fmt::format("int pyxx_wanted[{}];", k_count));
  for (size_t k = 0; k < k_count; ++k) {
    const syntax::FusedTypeDef& def = syntax.fused_types[group.fused[k]];
    const int p = group.deciding_param[k];
    const syntax::Param& param = first.syntax->params[p];
    Line("{");
    indent_ += 2;
    Line(fmt::format("PyObject* pyxx_arg = pyxx::fused_argument(pyxx_args, pyxx_nargs, pyxx_kwnames, {}, {});", p,
                     CppStringLiteral(param.name)));
    Line(fmt::format("pyxx_wanted[{}] = -1;", k));
    std::string chain;
    const syntax::TypeExpr* written = param.annotation ? &*param.annotation : nullptr;
    // The view parameter `x: T[:, ::1]` of a fused element type: its members are elements.
    const bool view_of_element = written != nullptr && written->kind == TypeExpr::Kind::MemoryView &&
                                 def.members[0].kind == TypeExpr::Kind::Scalar;
    std::vector<ScalarKind> kinds;
    std::vector<int> scalars;
    for (size_t m = 0; m < def.members.size(); ++m) {
      kinds.push_back(def.members[m].scalar);
      if (!view_of_element && def.members[m].kind == TypeExpr::Kind::Scalar) {
        scalars.push_back(static_cast<int>(m));
      }
    }
    const std::vector<int> sorted = PythonSorted(scalars, kinds);
    if (!param.default_value) {
      // Cython's words when the argument that decides is missing.
      size_t required = 0;
      for (const auto& q : first.syntax->params) {
        required += !q.default_value && !q.keyword_only ? 1 : 0;
      }
      Line("if (pyxx_arg == nullptr) {");
      Line(fmt::format("  PyErr_Format(PyExc_TypeError, \"Expected at least %d argument%s, got %zd\", {}, \"{}\", "
                       "pyxx_nargs);",
                       required, required == 1 ? "" : "s"));
      Line("  return nullptr;");
      Line("}");
    } else {
      // Not passed: Cython looks at the default value (a literal here) instead.
      const syntax::Expr* d = param.default_value.get();
      while (d->kind == syntax::Expr::Kind::Unary && d->unary_op != syntax::UnaryOp::Not) {
        d = &d->operand();
      }
      int by_default = -1;
      for (int m : sorted) {
        const std::string check = PythonTypeCheck(kinds[m]);
        const bool fits = (d->kind == syntax::Expr::Kind::Int && check == "PyLong_Check") ||
                          (d->kind == syntax::Expr::Kind::Bool && (check == "PyLong_Check" || check == "PyBool_Check")) ||
                          (d->kind == syntax::Expr::Kind::Float && check == "PyFloat_Check");
        if (fits) {
          by_default = m;
          break;
        }
      }
      // A default of a Python object member's type (a string literal for `str` or
      // `bytes`), else `object` for any default no other member takes (None).
      for (size_t m = 0; by_default < 0 && m < def.members.size(); ++m) {
        const TypeExpr& member = def.members[m];
        const bool own_type = member.kind == TypeExpr::Kind::Object && member.object_name == (d->is_bytes ? "bytes" : "str");
        if (d->kind == syntax::Expr::Kind::String && (own_type || (d->is_bytes && syntax::IsCStringMember(member)))) {
          by_default = static_cast<int>(m);
        }
      }
      for (size_t m = 0; by_default < 0 && m < def.members.size(); ++m) {
        if (def.members[m].kind == TypeExpr::Kind::Object && def.members[m].object_name == "object") {
          by_default = static_cast<int>(m);
        }
      }
      if (by_default >= 0) {
        Line(fmt::format("if (pyxx_arg == nullptr) pyxx_wanted[{}] = {};  // the default value", k, by_default));
      }
    }
    std::set<std::string> seen;
    for (int m : sorted) {
      std::string check = PythonTypeCheck(kinds[m]);
      if (!seen.insert(check).second) {
        continue;  // an earlier member of this Python type wins
      }
      Line(fmt::format("{}if (pyxx_arg != nullptr && {}(pyxx_arg)) {{", chain, check));
      Line(fmt::format("  pyxx_wanted[{}] = {};  // {}", k, m, syntax::SpellFusedMember(def.members[m])));
      chain = "} else ";
    }
    // C string members (`cython.p_char`): Cython's "py_type_name" of a char pointer is
    // `bytes`; the first one declared takes a bytes argument (a `bytes` member beside
    // one is refused by the checker: Cython's choice between them is unspecified).
    for (size_t m = 0; m < def.members.size(); ++m) {
      if (syntax::IsCStringMember(def.members[m]) && seen.insert("PyBytes_Check").second) {
        Line(fmt::format("{}if (pyxx_arg != nullptr && PyBytes_Check(pyxx_arg)) {{", chain));
        Line(fmt::format("  pyxx_wanted[{}] = {};  // {}", k, m, syntax::SpellFusedMember(def.members[m])));
        chain = "} else ";
      }
    }
    // Python object members other than `object`: isinstance, in declaration order
    // (after the numbers, before the buffers, as Cython's dispatcher).
    int object_member = -1;
    for (size_t m = 0; m < def.members.size(); ++m) {
      const TypeExpr& member = def.members[m];
      if (member.kind != TypeExpr::Kind::Object) {
        continue;
      }
      if (member.object_name == "object") {
        object_member = static_cast<int>(m);
        continue;
      }
      const std::string test =
          member.extension ? fmt::format("{0} != nullptr && PyObject_TypeCheck(pyxx_arg, {0})",
                                         CClassTypeVar(member.object_name))
                           : fmt::format("{}(pyxx_arg)", BuiltinTypeCheck(member.object_name));
      Line(fmt::format("{}if (pyxx_arg != nullptr && {}) {{", chain, test));
      Line(fmt::format("  pyxx_wanted[{}] = {};  // {}", k, m, member.object_name));
      chain = "} else ";
    }
    for (size_t m = 0; m < def.members.size(); ++m) {
      const TypeExpr& member = def.members[m];
      if (!view_of_element && member.kind != TypeExpr::Kind::MemoryView) {
        continue;
      }
      const ScalarKind element = view_of_element ? member.scalar : member.element;
      const int ndim = view_of_element ? written->ndim : member.ndim;
      Line(fmt::format("{}if (pyxx_arg != nullptr && pyxx::fused_view_matches<{}, {}>(pyxx_arg)) {{", chain,
                       checked::SpellCpp(checked::FromScalar(element)), ndim));
      Line(fmt::format("  pyxx_wanted[{}] = {};  // {}", k, m, syntax::SpellFusedMember(member)));
      chain = "} else ";
    }
    if (object_member >= 0) {
      // `object` takes whatever no other member did (Cython's fallback).
      Line(fmt::format("{}if (pyxx_arg != nullptr) {{", chain));
      Line(fmt::format("  pyxx_wanted[{}] = {};  // object", k, object_member));
      chain = "} else ";
    }
    if (!chain.empty()) {
      Line("}");
    }
    indent_ -= 2;
    Line("}");
  }
  std::string table;
  for (const auto& choice : group.choices) {
    std::string row;
    for (int c : choice) {
      row += (row.empty() ? "" : ", ") + std::to_string(c);
    }
    table += (table.empty() ? "{" : ", {") + row + "}";
  }
  Line(fmt::format("static const signed char pyxx_choices[{}][{}] = {{{}}};", group.choices.size(), k_count, table));
  Line(fmt::format("switch (pyxx::fused_select<{}>(pyxx_wanted, pyxx_choices, {})) {{", k_count, group.choices.size()));
  for (size_t n = 0; n < group.specialisations.size(); ++n) {
    const checked::FunctionInfo& fn = module_.functions[module_.specialisation_index.at(group.specialisations[n])];
    Line(fmt::format("  case {}: return {}({}, pyxx_args, pyxx_nargs, pyxx_kwnames);", n, WrapperName(fn), owner));
  }
  Line("  default: return nullptr;");
  Line("}");
  indent_ = 0;
  Line("}");
}

}  // namespace pyxx::emit
