// C data: struct and union definitions with their dict conversions, and the
// expressions on pointers, C arrays and structs. Pointer use is C's (no bounds
// or null checks, as in Cython); what pyxx adds itself stays defined: array
// indices are checked as the directives ask, array values are pyxx::CArray
// (copyable), structs are zero-initialised.
#include <fmt/format.h>

#include <algorithm>
#include <string>

#include "syntax/libc_functions.h"
#include "emit/emitter_impl.h"
#include "syntax/printf_format.h"

namespace pyxx::emit {

using checked::Resolution;
using syntax::BinaryOp;

namespace {

auto Decayed(const Type& t) -> Type { return t.IsArray() ? Type::PointerTo(*t.target) : t; }

// stdio's `FILE*`.
auto FilePointer() -> Type {
  Type file = Type::Of(TypeKind::Void);
  file.struct_name = "FILE";
  return Type::PointerTo(file);
}

auto IsCData(const Type& t) -> bool { return t.IsPointer() || t.IsArray() || t.IsStruct() || t.IsCppClass(); }

// Which conversions a struct gets, as the checker allows them: to a dict when
// every field converts (no union, no pointer inside), from a mapping when every
// field converts from an object (a union from its one named field).
auto ConvertsToObject(const Type& t, const std::vector<checked::CStruct>& structs) -> bool {
  if (t.IsArray()) {
    const TypeKind k = t.target->kind;
    return k != TypeKind::Char && k != TypeKind::SChar && k != TypeKind::UChar && ConvertsToObject(*t.target, structs);
  }
  if (t.IsStruct()) {
    if (t.is_union) return false;
    for (const auto& field : structs[t.struct_id].fields) {
      if (!ConvertsToObject(field.second, structs)) return false;
    }
    return true;
  }
  return t.IsNumeric() || t.IsComplex();
}
auto ConvertsFromObject(const Type& t, const std::vector<checked::CStruct>& structs) -> bool {
  if (t.IsArray()) return ConvertsFromObject(*t.target, structs);
  if (t.IsStruct()) {
    for (const auto& field : structs[t.struct_id].fields) {
      if (!ConvertsFromObject(field.second, structs)) return false;
    }
    return true;
  }
  return t.IsNumeric() || t.IsComplex();
}

// The C++ name of a struct field (a field may be called `new` or `class`).
auto FieldName(const std::string& name) -> std::string { return CppName(name); }

auto CompareText(syntax::CompareOp op) -> const char* {
  switch (op) {
    case syntax::CompareOp::Lt: return "<";
    case syntax::CompareOp::Le: return "<=";
    case syntax::CompareOp::Gt: return ">";
    case syntax::CompareOp::Ge: return ">=";
    case syntax::CompareOp::Eq: case syntax::CompareOp::Is: return "==";
    default: return "!=";
  }
}

// `a[2]` on an array of more than 2: a plain decimal literal needs no check.
auto LiteralIndexInRange(const Expr& index, long long length) -> bool {
  if (index.kind != Expr::Kind::Int || index.text.empty() || index.text.size() > 18 ||
      !std::all_of(index.text.begin(), index.text.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return false;
  }
  return std::stoll(index.text) < length;
}

}  // namespace

// A struct that is a memoryview's element (`Point[:]`; the checker accepted it:
// its fields are C numbers): its fields' offsets and format codes, for checking
// a buffer's record format (runtime/pyxx/record_format.hpp; found by
// argument-dependent lookup).
auto Emitter::RecordLayout(size_t i) -> std::string {
  const checked::CStruct& st = module_.structs[i];
  if (!st.viewed) {
    return "";
  }
  const std::string S = fmt::format("pyxx_struct_{}", i);
  std::string fields;
  size_t format_size = sizeof("T{}");  // with its terminating NUL
  for (const auto& [name, type] : st.fields) {
    const std::string T = checked::SpellCpp(type);
    fields += fmt::format("      {{offsetof({}, {}), pyxx::detail::FormatOf<{}>()[0], sizeof({}), {}}},\n", S,
                          FieldName(name), T, T, CppStringLiteral(name));
    format_size += name.size() + 3;  // "d:name:"
  }
  return MaybeUnused() + fmt::format(
      "const pyxx::RecordLayout& pyxx_layout(const {0}*) noexcept {{\n"
      "  static const pyxx::RecordField fields[] = {{\n{1}  }};\n"
      "  static const pyxx::RecordFormat<{4}> format(fields, {2});\n"
      "  static const pyxx::RecordLayout layout{{{3}, fields, {2}, sizeof({0}), format.text}};\n"
      "  return layout;\n}}\n",
      S, fields, st.fields.size(), CppStringLiteral(st.name), format_size);
}

// A C tuple's conversions: to a Python tuple of its elements, from any sequence
// of its length (Cython 3's rules and messages).
auto Emitter::CTupleConversions(size_t i) -> std::string {
  const checked::CStruct& st = module_.structs[i];
  Type self = Type::Of(TypeKind::Struct);
  self.struct_id = static_cast<int>(i);
  self.elements = st.ctuple_elements;
  auto fields = [&](const char* object) {
    std::string list;
    for (size_t k = 0; k < st.fields.size(); ++k) {
      list += fmt::format(", {}.f{}", object, k);
    }
    return list;
  };
  std::string out;
  if (ConvertsToObject(self, module_.structs)) {
    const bool enums = std::any_of(st.fields.begin(), st.fields.end(),
                                   [&](const auto& field) { return HoldsCpdefEnum(field.second); });
    if (enums) {
      // An element of a cpdef enum becomes its member (emit_enums.cpp): one thunk an element.
      std::string thunks;
      for (size_t k = 0; k < st.fields.size(); ++k) {
        thunks += fmt::format("{}[&]() -> PyObject* {{ return {}; }}", k == 0 ? "" : ",\n      ",
                              ToPythonWithEnums(st.fields[k].second, fmt::format("value.f{}", k)));
      }
      out += MaybeUnused() + fmt::format("PyObject* to_python(const pyxx_struct_{}& value) noexcept {{\n"
                                         "  return pyxx::tuple_of(\n      {});\n}}\n",
                                         i, thunks);
    } else {
      out += MaybeUnused() + fmt::format("PyObject* to_python(const pyxx_struct_{}& value) noexcept {{\n"
                                         "  return pyxx::ctuple_to_python({});\n}}\n",
                                         i, fields("value").substr(2));
    }
  }
  // Into a copy first: `out` is left as it was when an element does not convert.
  return out + MaybeUnused() + fmt::format("bool from_python(PyObject* obj, pyxx_struct_{0}& out) noexcept {{\n"
                           "  pyxx_struct_{0} value{{}};\n"
                           "  if (!pyxx::ctuple_from_python(obj{1})) return false;\n"
                           "  out = value;\n  return true;\n}}\n",
                           i, fields("value"));
}

auto Emitter::StructDefinitions() -> std::string {
  // In a namespace of their own: the converters are found by argument-dependent
  // lookup and cannot meet a function of the module called `to_python`.
  std::string out;
  if (module_.structs.empty()) {
    return out;
  }
  out += "namespace pyxx_structs {\n";
  for (size_t i = 0; i < module_.structs.size(); ++i) {
    if (!module_.structs[i].py_buffer) {
      out += fmt::format("{} pyxx_struct_{};\n", module_.structs[i].is_union ? "union" : "struct", i);
    }
  }
  for (size_t i = 0; i < module_.structs.size(); ++i) {
    const checked::CStruct& st = module_.structs[i];
    if (st.py_buffer) {
      continue;  // CPython's, from Python.h
    }
    out += fmt::format("// {} `{}`\n{} pyxx_struct_{} {{\n", st.ctuple_elements ? "C tuple" : st.is_union ? "union" : "struct", st.name,
                       st.is_union ? "union" : "struct", i);
    for (const auto& [name, type] : st.fields) {
      out += fmt::format("  {} {};\n", checked::SpellCpp(type), FieldName(name));
    }
    out += "};\n";
    out += RecordLayout(i);
    if (st.in_c_global) {
      // A module-level C variable holds it: copied leaf by leaf (runtime c_global.hpp).
      out += MaybeUnused() + fmt::format("void relaxed_copy(pyxx_struct_{0}& to, const pyxx_struct_{0}& from) noexcept {{\n"
                         "  using pyxx::relaxed_copy;\n",
                         i);
      for (const auto& field : st.fields) {
        out += fmt::format("  relaxed_copy(to.{0}, from.{0});\n", FieldName(field.first));
      }
      out += "}\n";
    }
    Type self = Type::Of(TypeKind::Struct);
    self.struct_id = static_cast<int>(i);
    self.is_union = st.is_union;
    self.elements = st.ctuple_elements;
    if (!ConvertsFromObject(self, module_.structs)) {
      continue;  // neither conversion (a pointer inside)
    }
    if (self.IsCTuple()) {
      out += CTupleConversions(i);
      continue;
    }
    if (st.is_union) {
      // From a mapping with exactly one of the fields (Cython's rules and messages); a
      // union never becomes a dict (which member is live is not known).
      std::string names;
      for (const auto& field : st.fields) {
        names += (names.empty() ? "" : ", ") + field.first;
      }
      out += MaybeUnused() + fmt::format("bool from_python(PyObject* obj, pyxx_struct_{}& out) noexcept {{\n", i);
      out += fmt::format("  using pyxx::from_python;\n  if (!pyxx::is_mapping(obj)) return false;\n"
                         "  pyxx_struct_{} value{{}};\n  const char* found = nullptr;\n", i);
      for (const auto& [name, type] : st.fields) {
        out += fmt::format(
            "  switch (pyxx::has_field(obj, {0})) {{\n    case -1: return false;\n    case 0: break;\n    default: {{\n"
            "      if (found != nullptr) {{\n        PyErr_Format(PyExc_ValueError, \"More than one union attribute passed: "
            "'%s' and '%s'\", found, {0});\n        return false;\n      }}\n      found = {0};\n"
            "      PyObject* item = pyxx::struct_field(obj, {0});\n      if (item == nullptr) return false;\n"
            "      const bool ok = from_python(item, value.{1});\n      Py_DECREF(item);\n      if (!ok) return false;\n"
            "    }}\n  }}\n",
            CppStringLiteral(name), FieldName(name));
      }
      out += fmt::format("  if (found == nullptr) {{\n    PyErr_SetString(PyExc_ValueError, {});\n    return false;\n  }}\n",
                         CppStringLiteral(fmt::format("No value specified for any of the union attributes ({})", names)));
      out += "  out = value;\n  return true;\n}\n";
      continue;
    }
    // A dict of the fields, in order (Cython's struct -> dict conversion).
    if (ConvertsToObject(self, module_.structs)) {
      out += MaybeUnused() + fmt::format("PyObject* to_python(const pyxx_struct_{}& value) noexcept {{\n", i);
      out += "  using pyxx::to_python;\n  PyObject* dict = PyDict_New();\n  if (dict == nullptr) return nullptr;\n";
      for (const auto& [name, type] : st.fields) {
        // A field of a cpdef enum becomes its member (emit_enums.cpp).
        const std::string item =
            CpdefEnumToPython(type, "value." + FieldName(name)).value_or("to_python(value." + FieldName(name) + ")");
        out += fmt::format(
            "  {{\n    PyObject* item = {};\n    if (item == nullptr || PyDict_SetItemString(dict, {}, "
            "item) < 0) {{\n      Py_XDECREF(item);\n      Py_DECREF(dict);\n      return nullptr;\n    }}\n    "
            "Py_DECREF(item);\n  }}\n",
            item, CppStringLiteral(name));
      }
      out += "  return dict;\n}\n";
    }
    // From a mapping with every field (Cython: TypeError for a non-mapping,
    // ValueError for a missing field; other keys are ignored).
    out += MaybeUnused() + fmt::format("bool from_python(PyObject* obj, pyxx_struct_{}& out) noexcept {{\n", i);
    out += fmt::format("  using pyxx::from_python;\n  if (!pyxx::is_mapping(obj)) return false;\n  pyxx_struct_{} value{{}};\n",
                       i);
    for (const auto& [name, type] : st.fields) {
      out += fmt::format(
          "  {{\n    PyObject* item = pyxx::struct_field(obj, {});\n    if (item == nullptr) return false;\n"
          "    const bool ok = from_python(item, value.{});\n    Py_DECREF(item);\n    if (!ok) return false;\n  }}\n",
          CppStringLiteral(name), FieldName(name));
    }
    out += "  out = value;\n  return true;\n}\n";
  }
  return out + "}  // namespace pyxx_structs\n\n";
}

auto Emitter::ConvertCData(CppExpr value, const Type& from, const Type& to) -> std::optional<CppExpr> {
  if (!IsCData(from) && !IsCData(to)) {
    return std::nullopt;
  }
  PYXX_CHECK(!(from.IsArray() && to.IsMemoryView()), "a C array's view made from a value, not from its variable");
  if (to.IsCppString() && (from.IsPointer() || from.IsArray())) {
    // A C string's characters up to its NUL (ValueError for NULL).
    value.text = fmt::format("pyxx::string_of_chars({}{}, {})", value.text, from.IsArray() ? ".data()" : "", StmtSite());
    value.effect |= kRaises;
    value.pending |= kRaises;
    value.ref_lvalue = false;
    return value;
  }
  if (to.IsPointer() && !from.IsObject()) {
    if (from.IsArray()) {
      value.text = fmt::format("({}).data()", value.text);
    } else if (!(from == to) && !from.IsNull()) {
      value.text = fmt::format("static_cast<{}>({})", checked::SpellCpp(to), value.text);  // T* -> void*
    }
    value.ref_lvalue = false;
    return value;
  }
  if (to.IsObject()) {
    value.text = fmt::format("pyxx::to_object({}, {})", value.text, StmtSite());
    value.effect |= kRaises;
    value.pending |= kRaises;
    value.ref_lvalue = false;
    return value;
  }
  if (from.IsObject()) {
    value.text = fmt::format("pyxx::as_c<{}>({}.get(), {})", checked::SpellCpp(to), value.text, StmtSite());
    value.effect |= kWrites;
    value.pending |= kWrites;
    value.ref_lvalue = false;
    return value;
  }
  return value;  // the same array or struct type
}

auto Emitter::EmitCData(const Expr& e) -> std::optional<CppExpr> {
  using K = Expr::Kind;
  switch (e.kind) {
    case K::DialectRef:
      if (e.dialect == syntax::DialectName::CythonNull) {
        return CppExpr{"nullptr"};
      }
      if (module_.Resolve(e).kind == checked::Resolution::Kind::CBuiltin && module_.Resolve(e).name == "string.npos") {
        return CppExpr{"std::string::npos"};
      }
      return std::nullopt;
    case K::Tuple:
      if (!TypeOf(e).IsCTuple()) {
        return std::nullopt;
      }
      return EmitCTupleDisplay(e);
    case K::Subscript: {
      const Type& base = TypeOf(e.object());
      if (base.IsCTuple()) {
        // `t[k]`, k the checker's constant: the field.
        const int k = module_.Of(e).ctuple_index;
        PYXX_CHECK(k >= 0, "a C tuple index the checker did not resolve");
        CppExpr v = EmitExpr(e.object());
        v.text = fmt::format("({}).f{}", v.text, k);
        v.ref_lvalue = false;
        return v;
      }
      if (base.IsVector()) {
        return EmitVectorIndex(e);
      }
      if (base.IsCppMap()) {
        return EmitCppMapIndex(e);  // emit_cpp_map.cpp
      }
      if (base.IsCppString()) {
        return e.args[0]->kind == Expr::Kind::Slice ? EmitCppStringSlice(e) : EmitVectorIndex(e);  // `s[i]`: a char
      }
      if (!base.IsPointer() && !base.IsArray()) {
        return std::nullopt;
      }
      if (IsCGlobalPlace(e)) {
        return LoadCGlobal(EmitCGlobalPlace(e));
      }
      return EmitCIndex(e);
    }
    case K::Attribute: {
      const Type& base = TypeOf(e.object());
      if (!base.IsStruct() && !base.IsCppPair() &&
          !(base.IsPointer() && base.target != nullptr && base.target->IsStruct())) {
        return std::nullopt;
      }
      if (IsCGlobalPlace(e)) {
        return LoadCGlobal(EmitCGlobalPlace(e));
      }
      if (base.IsPointer() && base.target->py_buffer) {
        return EmitPyBufferField(e, EmitExpr(e.object()));  // emit_buffer.cpp
      }
      CppExpr v = EmitExpr(e.object());
      v.text = fmt::format("({}){}{}", v.text, base.IsPointer() ? "->" : ".", FieldName(e.name));
      v.ref_lvalue = false;
      if (base.IsPointer()) {
        v.effect |= kReads;
        v.pending |= kReads;
      }
      return v;
    }
    case K::Binary: {
      const Type& a = TypeOf(e.left());
      const Type& b = TypeOf(e.right());
      if (!a.IsPointer() && !a.IsArray() && !b.IsPointer() && !b.IsArray()) {
        return std::nullopt;
      }
      auto operand = [&](const Expr& x, const Type& t) -> Operand {
        return t.IsPointer() || t.IsArray() ? OperandAs(x, Decayed(t)) : OperandAs(x, t);
      };
      std::vector<CppExpr> v = EmitInOrder({operand(e.left(), a), operand(e.right(), b)});
      CppExpr out{fmt::format("({} {} {})", v[0].text, e.binary_op == BinaryOp::Add ? "+" : "-", v[1].text), false,
                  v[0].effect | v[1].effect, v[0].pending | v[1].pending};
      if (TypeOf(e).IsInteger()) {
        out.text = fmt::format("static_cast<Py_ssize_t>{}", out.text);  // p - q
      }
      return out;
    }
    case K::Compare: {
      bool pointers = false;
      for (const auto& x : e.operands) {
        pointers |= TypeOf(*x).IsPointer() || TypeOf(*x).IsArray();
      }
      if (!pointers) {
        return std::nullopt;
      }
      std::vector<Operand> operands;
      for (const auto& x : e.operands) {
        const Type& t = TypeOf(*x);
        // Compared as `void*` when the types differ (`p == NULL`, `void*` with `int*`).
        operands.push_back(OperandAs(*x, t.IsNull() ? t : Type::PointerTo(Type::Of(TypeKind::Void))));
      }
      std::vector<CppExpr> v = EmitInOrder(operands);
      std::string text;
      unsigned effect = kPure;
      unsigned pending = kPure;
      for (size_t i = 0; i + 1 < v.size(); ++i) {
        if (i > 0 && v.size() > 2) {
          Materialize(v[i], "void*");
        }
        effect |= v[i].effect | v[i + 1].effect;
        pending |= v[i].pending | v[i + 1].pending;
        text += fmt::format("{}({} {} {})", i > 0 ? " && " : "", v[i].text, CompareText(e.compare_ops[i]), v[i + 1].text);
      }
      return CppExpr{"(" + text + ")", false, effect, pending};
    }
    case K::Call:
      return EmitCDataCall(e);
    default:
      return std::nullopt;
  }
}

auto Emitter::IsCGlobalPlace(const Expr& e) const -> bool {
  switch (e.kind) {
    case Expr::Kind::Name:
      return module_.Resolve(e).kind == Resolution::Kind::CGlobal;
    case Expr::Kind::Subscript:
      return TypeOf(e.object()).IsArray() && e.args.size() == 1 && e.args[0]->kind != Expr::Kind::Slice &&
             IsCGlobalPlace(e.object());
    case Expr::Kind::Attribute:
      return TypeOf(e.object()).IsStruct() && IsCGlobalPlace(e.object());
    default:
      return false;
  }
}

auto Emitter::EmitCGlobalPlace(const Expr& e) -> CppExpr {
  if (e.kind == Expr::Kind::Name) {
    return CppExpr{CGlobalName(e.name), false, kReads, kReads};
  }
  if (e.kind == Expr::Kind::Subscript) {
    return EmitCIndex(e);  // indexes the place of its base
  }
  CppExpr v = EmitCGlobalPlace(e.object());
  v.text = fmt::format("({}).{}", v.text, FieldName(e.name));
  return v;
}

// A read of a module-level C variable's place: one relaxed load of a leaf, or a
// copy of an array or struct leaf by leaf. Any call may store to it: ordered as a read.
auto Emitter::LoadCGlobal(CppExpr place) -> CppExpr {
  place.text = fmt::format("pyxx::c_global_load({})", place.text);
  place.effect |= kReads;
  place.pending |= kReads;
  place.ref_lvalue = false;
  return place;
}

auto Emitter::EmitCIndex(const Expr& e) -> CppExpr {
  const Type& base = TypeOf(e.object());
  const Expr& index = *e.args[0];
  // An array is indexed in place (a reference, never a copy); a pointer is a value.
  // A slice of a module-level array copies it first (its elements are read atomically).
  const bool global_array = base.IsArray() && IsCGlobalPlace(e.object());
  Operand base_operand = !base.IsArray() ? OperandAs(e.object(), base)
                         : global_array && index.kind != Expr::Kind::Slice
                             ? Operand{"auto&", [this, &e] { return EmitCGlobalPlace(e.object()); }}
                             : Operand{global_array ? "auto" : "auto&", [this, &e] { return EmitExpr(e.object()); }};
  if (index.kind == Expr::Kind::Slice) {
    std::vector<Operand> operands{base_operand};
    const Type ssize = Type::Of(TypeKind::SSizeT);
    if (index.lower() != nullptr) operands.push_back(OperandAs(*index.lower(), ssize));
    if (index.upper() != nullptr) operands.push_back(OperandAs(*index.upper(), ssize));
    std::vector<CppExpr> v = EmitInOrder(operands);
    size_t next = 1;
    std::string start = index.lower() != nullptr ? v[next++].text : "Py_ssize_t{0}";
    std::string stop = index.upper() != nullptr ? v[next++].text : fmt::format("Py_ssize_t{{{}}}", base.length);
    unsigned effect = kRaises | kReads;
    for (const auto& x : v) effect |= x.effect;
    if (base.IsArray()) {
      return CppExpr{fmt::format("pyxx::Ref(pyxx::check(pyxx::array_slice_to_python(({}).data(), {}, {}, {}), {}))",
                                 v[0].text, base.length, start, stop, Site(e.range)),
                     false, effect, effect};
    }
    return CppExpr{fmt::format("pyxx::Ref(pyxx::check(pyxx::pointer_slice_to_python({}, {}, {}), {}))", v[0].text, start,
                               stop, Site(e.range)),
                   false, effect, effect};
  }
  // A Python int index is converted to Py_ssize_t (the checker allowed it with the GIL).
  const Type index_type = TypeOf(index).IsObject() ? Type::Of(TypeKind::SSizeT) : TypeOf(index);
  std::vector<CppExpr> v = EmitInOrder({base_operand, OperandAs(index, index_type)});
  const bool wrap = Wraparound();
  const bool bounds = Boundscheck();
  if (!base.IsArray() || (!wrap && !bounds) || LiteralIndexInRange(index, base.length)) {
    // Pointers are C's (no length to check), as is an array when both directives are off.
    return CppExpr{fmt::format("({})[{}]", v[0].text, v[1].text), false, v[0].effect | v[1].effect | kReads,
                   v[0].pending | v[1].pending | kReads};
  }
  const unsigned own = bounds ? kReads | kRaises : kReads;
  return CppExpr{fmt::format("({})[pyxx::carray_index({}, {}, {}, {}, {})]", v[0].text, v[1].text, base.length,
                             wrap ? "true" : "false", bounds ? "true" : "false", Site(e.range)),
                 false, v[0].effect | v[1].effect | own, v[0].pending | v[1].pending | own};
}

// `(a, b)` where a C tuple is expected: the elements in order, each converted
// to its element type, into a zero-initialised struct.
auto Emitter::EmitCTupleDisplay(const Expr& e) -> CppExpr {
  const Type& t = TypeOf(e);
  std::vector<Operand> operands;
  for (size_t i = 0; i < e.args.size(); ++i) {
    operands.push_back(OperandAs(*e.args[i], (*t.elements)[i]));
  }
  std::vector<CppExpr> v = EmitInOrder(operands);
  std::string value = Declare(checked::SpellCpp(t), "");
  unsigned effect = kPure;
  for (size_t k = 0; k < v.size(); ++k) {
    Line(fmt::format("{}.f{} = {};", value, k, v[k].text));
    effect |= v[k].effect;
  }
  return CppExpr{value, false, effect, kPure};
}

auto Emitter::EmitCDataCall(const Expr& e) -> std::optional<CppExpr> {
  const Expr& callee = e.callee();
  const Type& t = TypeOf(e);
  if (callee.kind == Expr::Kind::Name && module_.Resolve(callee).kind == Resolution::Kind::CBuiltin &&
      module_.Resolve(callee).name == "struct") {
    // `Point(1, y=2.0)`: the values in source order, each stored into its field.
    const auto* bound = module_.CallArguments(e);
    PYXX_CHECK(bound != nullptr, "a struct constructor without bound arguments");
    const checked::CStruct& st = module_.structs[t.struct_id];
    std::vector<Operand> operands;
    std::vector<size_t> fields;
    auto add = [&](const Expr& value) {
      for (size_t i = 0; i < bound->size(); ++i) {
        if ((*bound)[i] == &value) {
          operands.push_back(OperandAs(value, st.fields[i].second));
          fields.push_back(i);
        }
      }
    };
    for (const auto& a : e.args) add(*a);
    for (const auto& kw : e.keywords) add(*kw.value);
    std::vector<CppExpr> v = EmitInOrder(operands);
    std::string value = Declare(checked::SpellCpp(t), "");
    unsigned effect = kPure;
    for (size_t k = 0; k < v.size(); ++k) {
      Line(fmt::format("{}.{} = {};", value, FieldName(st.fields[fields[k]].first), v[k].text));
      effect |= v[k].effect;
    }
    return CppExpr{value, false, effect, kPure};
  }
  if (callee.kind != Expr::Kind::DialectRef) {
    return std::nullopt;
  }
  const std::string& path = callee.dialect_path;
  if (callee.dialect == syntax::DialectName::CythonDereference) {
    return EmitDereference(e);
  }
  if (syntax::IsIncrementOperator(callee.dialect)) {
    return EmitIncrement(e);
  }
  if (callee.dialect == syntax::DialectName::CythonAddress) {
    CppExpr v = IsCGlobalPlace(*e.args[0]) ? EmitCGlobalPlace(*e.args[0]) : EmitExpr(*e.args[0]);
    v.text = fmt::format("(&({}))", v.text);
    v.ref_lvalue = false;
    return v;
  }
  if (callee.dialect == syntax::DialectName::CythonCast && !t.IsError() && e.args.size() == 2) {
    const Type& from = TypeOf(*e.args[1]);
    if (t.IsMemoryView()) {
      // `cython.cast(cython.double[:n, :m], p)`: the extents left to right, then the pointer.
      const Expr& shape = *e.args[0];
      std::vector<Operand> operands;
      for (const auto& axis : shape.args) operands.push_back(OperandAs(*axis->upper(), Type::Of(TypeKind::SSizeT)));
      operands.push_back(OperandAs(*e.args[1], Decayed(from)));
      std::vector<CppExpr> v = EmitInOrder(operands);
      std::string extents;
      for (size_t k = 0; k + 1 < v.size(); ++k) extents += (k > 0 ? ", " : "") + v[k].text;
      CppExpr out{"", false, kRaises, kRaises};
      for (const auto& x : v) {
        out.effect |= x.effect;
        out.pending |= x.pending;
      }
      out.text = fmt::format("{}::over_pointer({}, {{{}}}, {}{})", checked::SpellCpp(t), v.back().text, extents,
                             Site(e.range), from.IsArray() ? fmt::format(", {}", from.length) : "");
      return out;
    }
    if (t.IsPointer() && (from.IsPointer() || from.IsArray())) {
      const Type decayed = Decayed(from);
      CppExpr v = ValueAs(*e.args[1], decayed);
      const bool drops_const = decayed.target != nullptr && decayed.target->is_const && t.target != nullptr &&
                               !t.target->is_const;
      // C's cast also drops a const (`cython.cast(cython.p_int, const_p)`), as Cython's does; reinterpret_cast cannot.
      v.text = drops_const ? fmt::format("(({})({}))", checked::SpellCpp(t), v.text)
                           : fmt::format("reinterpret_cast<{}>({})", checked::SpellCpp(t), v.text);
      return v;
    }
    if (t.IsPointer() && from.IsInteger()) {
      CppExpr v = EmitExpr(*e.args[1]);
      v.text = fmt::format("reinterpret_cast<{}>(static_cast<uintptr_t>({}))", checked::SpellCpp(t), v.text);
      return v;
    }
    if (t.IsInteger() && from.IsPointer()) {
      CppExpr v = EmitExpr(*e.args[1]);
      v.text = fmt::format("static_cast<{}>(reinterpret_cast<uintptr_t>({}))", checked::SpellCpp(t), v.text);
      return v;
    }
    if (IsCData(t) || IsCData(from)) {
      return ValueAs(*e.args[1], t);  // a struct from a dict, the same type
    }
    return std::nullopt;
  }
  if (callee.dialect == syntax::DialectName::CythonDeclare && e.args.size() == 1 && t.IsPointer()) {
    return CppExpr{fmt::format("static_cast<{}>(nullptr)", checked::SpellCpp(t))};
  }
  if (path.rfind("cpython.exc.", 0) == 0) {
    // PyErr_SetFromErrno*: always NULL with the OSError of errno set, raised here.
    std::vector<Operand> operands;
    for (const auto& a : e.args) {
      operands.push_back(ObjectOperand(*a));
    }
    std::vector<CppExpr> v = EmitInOrder(operands);
    std::string args;
    for (const CppExpr& x : v) {
      args += (args.empty() ? "" : ", ") + x.text + ".get()";
    }
    CppExpr out = Combined(v, kWrites | kRaises);
    out.text = fmt::format("pyxx::check({}({}), {})", path.substr(12), args, Site(e.range));
    return out;
  }
  if (path == "libc.stdio.printf" || path == "libc.stdio.fprintf" || path == "libc.stdio.snprintf") {
    return EmitPrintfCall(e, path.substr(11));
  }
  if (path == "cpython.ref.Py_REFCNT") {
    // The count of the object as the generated code holds it now.
    std::vector<CppExpr> v = EmitInOrder({ObjectOperand(*e.args[0])});
    CppExpr out = Combined(v, 0);
    out.text = fmt::format("Py_REFCNT({}.get())", v[0].text);
    return out;
  }
  const syntax::LibcFunction* f = syntax::FindLibcFunction(path);
  if (f == nullptr) {
    return std::nullopt;
  }
  const bool libc = path.rfind("libc.", 0) == 0;
  const std::string name = path.substr(path.rfind('.') + 1);
  const Type char_pointer = Type::PointerTo(Type::Of(TypeKind::Char));
  std::vector<Operand> operands;
  for (size_t i = 0; i < e.args.size(); ++i) {
    const Expr& a = *e.args[i];
    const Type& at = TypeOf(a);
    const char code = f->params[i];
    if (a.kind == Expr::Kind::String) {
      operands.push_back(OperandAs(a, char_pointer));  // a C string literal
    } else if (code == 'f') {
      operands.push_back(OperandAs(a, FilePointer()));  // a FILE* (NULL included)
    } else if (at.IsPointer() || at.IsArray()) {
      operands.push_back(OperandAs(a, Decayed(at)));
    } else {
      operands.push_back(OperandAs(a, Type::Of(code == 'z' ? TypeKind::SizeT : TypeKind::Int)));
    }
  }
  std::vector<CppExpr> v = EmitInOrder(operands);
  std::string args;
  unsigned effect = kWrites;  // writes memory (and PyMem_* may run a tracing allocator)
  for (size_t i = 0; i < v.size(); ++i) {
    std::string arg = v[i].text;
    // A signed or unsigned char pointer is libc's `char*` (or `const char*`).
    if (f->params[i] == 'c') {
      arg = fmt::format("reinterpret_cast<const char*>({})", arg);
    } else if (f->params[i] == 'w') {
      arg = fmt::format("reinterpret_cast<char*>({})", arg);
    }
    args += (i > 0 ? ", " : "") + arg;
    effect |= v[i].effect;
  }
  return CppExpr{fmt::format("{}{}({})", libc ? "::" : "", name, args), false, effect, effect};
}

// printf & co. (checked against their literal format): the format is written as
// a C++ literal, so the C++ compiler's format check sees it too; each argument
// is passed as its own C type (C promotes it), a C string as `const char*` and
// a `%p` pointer as `const void*`.
auto Emitter::EmitPrintfCall(const Expr& e, const std::string& name) -> CppExpr {
  const size_t fixed = name == "printf" ? 0 : name == "fprintf" ? 1 : 2;
  const Type char_pointer = Type::PointerTo(Type::Of(TypeKind::Char));
  // What each argument after the format is to the conversion that reads it.
  std::vector<syntax::FormatConversion> conversions;
  syntax::ParseFormat(e.args[fixed]->text, conversions);  // checked: it parses
  std::vector<syntax::FormatArg> reads;
  for (const auto& c : conversions) {
    reads.insert(reads.end(), c.args.begin(), c.args.end());
  }
  std::vector<Operand> operands;
  for (size_t i = 0; i < e.args.size(); ++i) {
    if (i == fixed) {
      continue;  // the format: a literal
    }
    const Expr& a = *e.args[i];
    const Type& at = TypeOf(a);
    if (a.kind == Expr::Kind::String) {
      operands.push_back(OperandAs(a, char_pointer));
    } else if (i == 0 && name == "fprintf") {
      operands.push_back(OperandAs(a, FilePointer()));
    } else if (i == 1 && name == "snprintf") {
      operands.push_back(OperandAs(a, Type::Of(TypeKind::SizeT)));
    } else if (at.IsPointer() || at.IsArray()) {
      operands.push_back(OperandAs(a, Decayed(at)));
    } else if (auto integer = i > fixed ? syntax::FormatInteger(reads[i - fixed - 1]) : std::nullopt;
               integer && a.kind == Expr::Kind::Int) {
      operands.push_back(OperandAs(a, checked::FromScalar(*integer)));  // a literal: the type the conversion reads
    } else {
      operands.push_back(OperandAs(a, at));
    }
  }
  std::vector<CppExpr> v = EmitInOrder(operands);
  std::string args;
  unsigned effect = kWrites;  // writes to a stream or a buffer
  size_t k = 0;
  for (size_t i = 0; i < e.args.size(); ++i) {
    std::string arg;
    if (i == fixed) {
      arg = CppStringLiteral(e.args[i]->text);
    } else {
      const CppExpr& x = v[k++];
      const Type at = Decayed(TypeOf(*e.args[i]));
      arg = x.text;
      effect |= x.effect;
      if (i == 0 && name == "snprintf") {
        arg = fmt::format("reinterpret_cast<char*>({})", arg);  // an unsigned char buffer too
      } else if (i > fixed && e.args[i]->kind != Expr::Kind::String && at.IsPointer()) {
        const bool c_string = reads[i - fixed - 1] == syntax::FormatArg::CString;
        arg = c_string ? fmt::format("reinterpret_cast<const char*>({})", arg)
                       : fmt::format("static_cast<const void*>({})", arg);
      }
    }
    args += (i > 0 ? ", " : "") + arg;
  }
  return CppExpr{fmt::format("::{}({})", name, args), false, effect, effect};
}

}  // namespace pyxx::emit
