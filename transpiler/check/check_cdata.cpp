// C data: struct, union and typedef declarations, the types pointers, C arrays
// and structs are written with, and the expressions on them (indexing, fields,
// `cython.address`, `cython.NULL`, pointer arithmetic and comparison, the C
// allocation and memory functions of libc and cpython.mem). All of it is C
// values: nothing here needs the GIL except converting to or from objects and
// the PyMem_* allocator (which CPython requires the GIL for).
#include <fmt/format.h>

#include <algorithm>

#include "check/checker_impl.h"
#include "syntax/libc_functions.h"
#include "syntax/c_data_syntax.h"

namespace pyxx::check {

using syntax::BinaryOp;

namespace {

// The `void*` parameters of libc functions that C declares `const void*`: a
// pointer to const may be passed there only.
auto ReadOnlyLibcPointer(const std::string& path, size_t index) -> bool {
  return ((path == "libc.string.memcpy" || path == "libc.string.memmove") && index == 1) ||
         path == "libc.string.memcmp" || (path == "libc.stdio.fwrite" && index == 0);
}

auto VoidPointer() -> Type { return Type::PointerTo(Type::Of(TypeKind::Void)); }

// The pointer an array decays to (itself for a pointer).
auto Decayed(const Type& t) -> Type { return t.IsArray() ? Type::PointerTo(*t.target) : t; }

}  // namespace

auto Checker::IsCTypeName(const std::string& name) const -> bool { return c_type_names_.count(name) != 0; }

void Checker::DeclareCTypes() {
  for (const auto& top : module_.body) {
    if (!syntax::CTypeDeclarationKind(*top).empty()) {
      c_type_names_.insert(top->targets[0]->name);
    }
  }
  for (const auto& top : module_.body) {
    const Stmt& s = *top;
    std::string_view kind = syntax::CTypeDeclarationKind(s);
    if (kind.empty()) {
      continue;
    }
    out_.Write(s).c_type_declaration = true;
    const std::string& name = s.targets[0]->name;
    const Expr& call = *s.value;
    module_names_.erase(name);  // a compile-time name, not a Python global
    if (c_types_.count(name) != 0) {
      Report(Kind::Redefinition, s.targets[0]->range, name);
      continue;
    }
    if (kind == "typedef") {
      if (call.args.size() != 1 || !call.keywords.empty()) {
        Report(Kind::WrongArgumentCount, call.range, "cython.typedef", 1, "", call.args.size() + call.keywords.size(),
               call.args.size() + call.keywords.size() == 1 ? "was" : "were");
        c_types_[name] = Type::Error();
        continue;
      }
      std::optional<Type> t = TypeFromExpr(*call.args[0]);
      if (!t) {
        Report(Kind::UnknownType, call.args[0]->range, Text(call.args[0]->range));
        t = Type::Error();
      } else if (t->IsObject() || t->IsMemoryView()) {
        Report(Kind::UnsupportedType, call.args[0]->range,
               fmt::format("`cython.typedef` of {} (only C types)", Describe(*t)));
        t = Type::Error();
      }
      for (const syntax::CEnum& c_enum : module_.c_enums) {
        if (c_enum.name == name && t->IsInteger()) {
          t->enum_name = name;  // the typedef a .pxd's `cdef enum` is spelled as
        }
      }
      c_types_[name] = *t;
      continue;
    }
    checked::CStruct st;
    st.name = name;
    st.is_union = kind == "union";
    st.declared = s.targets[0]->range;
    bool ok = true;
    if (!call.args.empty() || call.keywords.empty()) {
      Report(Kind::InvalidTypeUse, call.range,
             fmt::format("`cython.{}` takes the fields as keyword arguments (`x=cython.double`)", kind));
      ok = false;
    }
    for (const auto& kw : call.keywords) {
      if (kw.name.empty()) {
        Report(Kind::InvalidTypeUse, kw.value->range, fmt::format("`**` in `cython.{}`", kind));
        ok = false;
        continue;
      }
      std::optional<Type> t = TypeFromExpr(*kw.value);
      if (!t) {
        Report(Kind::UnknownType, kw.value->range, Text(kw.value->range));
        ok = false;
        continue;
      }
      if (t->IsError()) {
        ok = false;
        continue;
      }
      if (t->IsObject() || t->IsMemoryView() || t->IsVoid() || t->IsCppClass()) {
        // Cython: "C struct/union member cannot be a Python object". A vector field
        // would make the struct a C++ class, which C structs and unions are not here.
        Report(Kind::InvalidTypeUse, kw.value->range,
               fmt::format("a {} field cannot be {} (`{}`): its fields are C values, as in Cython", kind, Describe(*t),
                           kw.name));
        ok = false;
        continue;
      }
      st.fields.emplace_back(kw.name, *t);
    }
    if (!ok) {
      c_types_[name] = Type::Error();
      continue;
    }
    Type t = Type::Of(TypeKind::Struct);
    t.struct_id = static_cast<int>(out_.structs.size());
    t.struct_name = name;
    t.is_union = st.is_union;
    out_.structs.push_back(std::move(st));
    c_types_[name] = t;
  }
}

// libc's FILE (`from cython.cimports.libc.stdio import FILE`): a C struct whose
// fields are libc's own, so only a pointer to it is a type pyxx takes.
auto Checker::OpaqueStruct(const std::string& name) -> Type {
  Type t = Type::Of(TypeKind::Void);
  t.struct_name = name;
  return t;
}

auto Checker::RejectOpaqueValue(const syntax::TypeExpr& t) -> Type {
  Report(Kind::UnsupportedType, t.range,
         fmt::format("a `{}` value (libc's `{}` is only pointed at: `cython.pointer({})`)", t.c_name, t.c_name,
                     t.c_name));
  return Type::Error();
}

auto Checker::ResolveCType(const syntax::TypeExpr& t) -> Type {
  using K = syntax::TypeExpr::Kind;
  if (t.is_const || t.is_volatile) {
    // Only a pointer's target (below) and a function's local or parameter (stripped before) are qualified.
    Report(Kind::UnknownType, t.range, Text(t.range));
    return Type::Error();
  }
  switch (t.kind) {
    case K::Invalid:
      return Type::Error();
    case K::Scalar:
      if (!t.c_name.empty()) {
        return RejectOpaqueValue(t);
      }
      return checked::FromScalar(t.scalar);
    case K::Object:
      return Type::Object();
    case K::MemoryView:
      return AnnotationType(t, false);
    case K::Pointer: {
      syntax::TypeExpr target = *t.target;
      target.is_const = target.is_volatile = false;  // the pointer's own business (below)
      Type inner = target.kind == K::Scalar && !target.c_name.empty() ? OpaqueStruct(target.c_name)
                                                                     : ResolveCType(target);
      if (inner.IsError()) {
        return inner;
      }
      if (inner.IsObject()) {
        Report(Kind::PointerToObject, t.range, Text(t.range));
        return Type::Error();
      }
      if (inner.IsMemoryView() || inner.IsCppClass()) {
        Report(Kind::UnsupportedType, t.range,
               fmt::format("a pointer to {} (`{}`)", inner.IsMemoryView() ? "a memoryview" : Describe(inner), Text(t.range)));
        return Type::Error();
      }
      if (t.target->is_volatile || (t.target->is_const && inner.IsVoid() && !inner.IsOpaqueStruct())) {
        Report(Kind::UnsupportedType, t.range, fmt::format("a pointer to a `cython.{}` target (`{}`)",
                                                           t.target->is_volatile ? "volatile" : "const` `void",
                                                           Text(t.range)));
        return Type::Error();
      }
      inner.is_const = t.target->is_const;  // `cython.pointer(cython.const[T])`: read only through it
      return Type::PointerTo(inner);
    }
    case K::Array: {
      Type inner = ResolveCType(*t.target);
      if (inner.IsError()) {
        return inner;
      }
      if (inner.IsObject() || inner.IsMemoryView() || inner.IsVoid() || inner.IsCppClass()) {
        Report(Kind::UnsupportedType, t.range, fmt::format("a C array of {} (`{}`)", Describe(inner), Text(t.range)));
        return Type::Error();
      }
      if (t.length > (1LL << 28)) {
        Report(Kind::UnsupportedType, t.range, fmt::format("a C array this long (`{}`)", Text(t.range)));
        return Type::Error();
      }
      return Type::ArrayOf(inner, t.length);
    }
    case K::CTuple:
      return CTupleType(t);
    case K::CppVector:
      return VectorType(t);  // check_cpp_vector.cpp
    case K::CppTemplate:
      return CppTemplateType(t);  // check_cpp_map.cpp
    case K::CppString:
      out_.uses_cpp_string = true;
      return Type::Of(TypeKind::CppString);
    case K::PyBuffer:
      return PyBufferType(t);  // check_buffer.cpp
    case K::Fused:
      // Only a parameter's or local's own type is specialised (syntax/fused.cpp).
      Report(Kind::UnsupportedType, t.range, fmt::format("a fused type inside a C data type (`{}`)", Text(t.range)));
      return Type::Error();
    case K::CName: {
      auto it = c_types_.find(t.c_name);
      if (it == c_types_.end()) {
        Report(Kind::UnknownType, t.range,
               IsCTypeName(t.c_name)
                   ? fmt::format("{} (declared after this use: declare structs and typedefs before using them)",
                                 t.c_name)
                   : t.c_name);
        return Type::Error();
      }
      return it->second;
    }
  }
  return Type::Error();
}

auto Checker::CDataTypeFromExpr(const Expr& e) -> std::optional<Type> {
  auto t = syntax::CDataTypeExpr(e, [this](const std::string& name) { return IsCTypeName(name); });
  if (!t) {
    return std::nullopt;
  }
  if (t->kind == syntax::TypeExpr::Kind::Invalid) {
    Report(Kind::UnknownType, e.range, Text(e.range));
    return Type::Error();
  }
  return ResolveCType(*t);
}

// `p[i]`, `a[i]`: the element (an array's index is checked as the directives ask);
// `p[a:b]` / `a[:b]`: a Python list of the elements, as Cython makes it (`bytes`
// of char elements).
auto Checker::CheckCIndex(const Expr& e, const Type& t) -> Type {
  if (e.args.size() != 1) {
    Report(Kind::InvalidTypeUse, e.range, fmt::format("{} takes one index", Describe(t)));
    return Type::Error();
  }
  if (t.target == nullptr || t.target->IsVoid()) {
    Report(Kind::InvalidOperands, e.range, "[]", Describe(t));
    return Type::Error();
  }
  if (RejectPyBufferPointerUse(e, t)) {
    return Type::Error();
  }
  const Expr& index = *e.args[0];
  if (index.kind == Expr::Kind::Slice) {
    Record(index, Type::Of(TypeKind::SSizeT));
    if (index.step() != nullptr || (index.upper() == nullptr && !t.IsArray())) {
      Report(Kind::UnsupportedExpression, e.range,
             fmt::format("the slice `{}` of {} (write `[start:stop]` with a stop)", Text(e.range), Describe(t)));
      return Type::Error();
    }
    bool ok = true;
    for (const Expr* part : {index.lower(), index.upper()}) {
      if (part != nullptr) {
        Type pt = CheckExpr(*part);
        if (!pt.IsInteger() && !pt.IsError()) {
          Report(Kind::TypeMismatch, part->range, Describe(pt), "a C integer");
          ok = false;
        }
        ok &= !pt.IsError();
      }
    }
    if (t.IsCString()) {
      // The characters from start to stop, NUL bytes included.
      if (!ok || RequireGil(GilOp::ConvertToObject, e.range, "(a slice of C characters becomes `bytes`)")) {
        return Type::Error();
      }
      MarkRaises();
      return Type::Object("bytes");
    }
    if (!ok || !CheckConvertible(e, *t.target, Type::Object())) {
      return Type::Error();
    }
    if (RequireGil(GilOp::CreateList, e.range)) {
      return Type::Error();
    }
    MarkRaises();
    return Type::Object("list");
  }
  Type k = CheckExpr(index);
  if (k.IsError()) {
    return Type::Error();
  }
  if (k.IsObject() && !k.IsExtension()) {
    // `p[k]` with a Python int (a comprehension's variable, say): converted to
    // Py_ssize_t as Cython does (`__index__`; TypeError, OverflowError).
    if (RequireGil(GilOp::ConvertFromObject, index.range)) {
      return Type::Error();
    }
    MarkRaises();
  } else if (!k.IsInteger()) {
    Report(Kind::TypeMismatch, index.range, Describe(k), "a C integer index");
    return Type::Error();
  }
  if (t.IsArray() && Boundscheck()) {
    MarkRaises();  // IndexError (a pointer has no length to check)
  }
  return *t.target;
}

auto Checker::CheckStructField(const Expr& e, const Type& t) -> Type {
  const Type& st = t.IsStruct() ? t : *t.target;
  for (const auto& [name, type] : out_.structs[st.struct_id].fields) {
    if (name == e.name) {
      return type;
    }
  }
  Report(Kind::InvalidTypeUse, e.range, fmt::format("{} has no field `{}`", Describe(st), e.name));
  return Type::Error();
}

// `cython.cast(cython.double[:n, :m], p)`: a C-contiguous memoryview of the
// memory at `p`, n by m elements, as Cython's cast of a pointer to an array
// type. The view does not own the memory: it is valid while the memory is.
auto Checker::CheckPointerViewCast(const Expr& e) -> std::optional<Type> {
  const Expr& shape = *e.args[0];
  if (shape.kind != Expr::Kind::Subscript || shape.args.empty() ||
      !std::all_of(shape.args.begin(), shape.args.end(), [](const auto& a) {
        return a->kind == Expr::Kind::Slice && a->lower() == nullptr && a->upper() != nullptr && a->step() == nullptr;
      })) {
    return std::nullopt;
  }
  std::optional<Type> element = TypeFromExpr(shape.object());
  if (!element || element->IsError()) {
    return std::nullopt;
  }
  const syntax::ScalarKind scalar = checked::ScalarOf(element->kind);
  if (!(element->IsNumeric() || element->IsComplex()) || scalar == syntax::ScalarKind::Void ||
      element->kind == TypeKind::LongDouble || element->kind == TypeKind::LongDoubleComplex) {
    Report(Kind::UnsupportedType, shape.range,
           fmt::format("a memoryview of {} over a pointer (a C number other than `long double`)", Describe(*element)));
    return Type::Error();
  }
  if (shape.args.size() > 8) {
    Report(Kind::InvalidTypeUse, shape.range, std::string("a memoryview has at most 8 dimensions"));
    return Type::Error();
  }
  bool ok = true;
  for (const auto& axis : shape.args) {
    Record(*axis, Type::Of(TypeKind::SSizeT));
    Type extent = CheckExpr(*axis->upper());
    if (!extent.IsError() && !extent.IsInteger()) {
      Report(Kind::TypeMismatch, axis->upper()->range, Describe(extent), "a C integer extent");
      ok = false;
    }
    ok &= !extent.IsError();
  }
  Type from = CheckExpr(*e.args[1]);
  if (!ok || from.IsError()) {
    return Type::Error();
  }
  const Type pointer = Type::PointerTo(*element);
  if (!(Decayed(from) == pointer)) {
    Report(Kind::TypeMismatch, e.args[1].get()->range, Describe(from), Describe(pointer));
    return Type::Error();
  }
  MarkRaises();  // ValueError: a NULL pointer, an extent below 1
  Type view = Type::Of(TypeKind::MemoryView);
  view.element = scalar;
  view.ndim = static_cast<int>(shape.args.size());
  view.contiguous_dim = view.ndim - 1;
  Record(shape, view);
  return view;
}

// `cython.address(x)`: a pointer to a C variable, an element or a field.
auto Checker::CheckAddress(const Expr& e) -> Type {
  if (e.args.size() != 1 || !e.keywords.empty()) {
    Report(Kind::WrongArgumentCount, e.range, "cython.address", 1, "", e.args.size() + e.keywords.size(),
           e.args.size() + e.keywords.size() == 1 ? "was" : "were");
    return Type::Error();
  }
  const Expr& x = *e.args[0];
  Type t = CheckExpr(x);
  if (t.IsError()) {
    return t;
  }
  bool addressable = false;
  if (x.kind == Expr::Kind::Name) {
    const Resolution& r = out_.Write(x).resolution;
    addressable = (r.kind == Resolution::Kind::Local && !out_.functions[current_fn_].locals[r.index].in_cell()) ||
                  r.kind == Resolution::Kind::CGlobal;
    if (r.kind == Resolution::Kind::Local && (out_.functions[current_fn_].locals[r.index].is_const ||
                                             out_.functions[current_fn_].locals[r.index].is_volatile)) {
      // Its address is a pointer to a qualified T, which pyxx has no type for.
      Report(Kind::UnsupportedType, e.range, fmt::format("`cython.address` of the qualified local `{}`", x.name));
      return Type::Error();
    }
  } else if (x.kind == Expr::Kind::Subscript) {
    const Type& base = TypeOf(x.object());
    addressable = (base.IsPointer() || base.IsArray()) && x.args[0]->kind != Expr::Kind::Slice;
    // `cython.address(v[i])`: an element of a view's buffer (writable: effects.cpp).
    addressable |= base.IsMemoryView() && !t.IsMemoryView();
    // `cython.address(v[i])` of a vector variable or field (as Cython: `&v[i]`, unchecked like `v[i]`); not of
    // a temporary vector, which is gone after the statement.
    if (base.IsVector() && x.args[0]->kind != Expr::Kind::Slice) {
      const Expr& vec = x.object();
      const Resolution& r = out_.Write(vec).resolution;
      addressable |= (vec.kind == Expr::Kind::Name && r.kind == Resolution::Kind::Local &&
                      !out_.functions[current_fn_].locals[r.index].in_cell()) ||
                     (vec.kind == Expr::Kind::Attribute && r.kind == Resolution::Kind::CClassField);
    }
  } else if (x.kind == Expr::Kind::Attribute) {
    const Type& base = TypeOf(x.object());
    addressable = base.IsStruct() || base.IsPointer();
  }
  if (t.IsObject() || t.IsMemoryView()) {
    Report(Kind::PointerToObject, e.range, Text(e.range));
    return Type::Error();
  }
  if (!addressable) {
    Report(Kind::UnsupportedExpression, e.range,
           fmt::format("`cython.address` of `{}` (only of a C local variable of a function, a module-level C "
                       "variable, an element `p[i]`, `view[i]` or `v[i]` of a vector variable, or a field `s.x`)",
                       Text(x.range)));
    return Type::Error();
  }
  out_.Write(e.callee()).resolution = Resolution{Resolution::Kind::CBuiltin, -1, "cython.address"};
  return Type::PointerTo(t);
}

auto Checker::CheckLibcCall(const Expr& e) -> Type {
  const std::string& path = e.callee().dialect_path;
  const syntax::LibcFunction* f = syntax::FindLibcFunction(path);
  const std::string name = path.substr(path.rfind('.') + 1);
  if (f == nullptr) {
    Report(Kind::UnsupportedExpression, e.callee().range,
           fmt::format("`{}` (pyxx knows {})", path, syntax::KnownLibcFunctions()));
    return Type::Error();
  }
  if (e.args.size() != f->params.size() || !e.keywords.empty()) {
    Report(Kind::WrongArgumentCount, e.range, name, f->params.size(), f->params.size() == 1 ? "" : "s",
           e.args.size() + e.keywords.size(), e.args.size() + e.keywords.size() == 1 ? "was" : "were");
    return Type::Error();
  }
  if ((f->needs_gil && RequireGilForCall(fmt::format("`{}`", name), e.range, -1)) || RequireGilForExtern(e)) {
    return Type::Error();
  }
  bool ok = true;
  for (size_t i = 0; i < e.args.size(); ++i) {
    const Expr& a = *e.args[i];
    if (a.kind == Expr::Kind::String && (f->params[i] == 'c' || f->params[i] == 'p')) {
      CheckValueFor(a, Type::PointerTo(Type::Of(TypeKind::Char)));  // `strlen(b"abc")`: a C string literal
      continue;
    }
    Type t = CheckExpr(a);
    if (t.IsError()) {
      ok = false;
      continue;
    }
    switch (f->params[i]) {
      case 'f':
        if (!t.IsPointer() || !(t.IsNull() || (t.target->IsOpaqueStruct() && t.target->struct_name == "FILE"))) {
          Report(Kind::TypeMismatch, a.range, Describe(t), "a `cython.pointer(FILE)`");
          ok = false;
        }
        break;
      case 'p':
        if (!t.IsPointer() && !t.IsArray()) {
          Report(Kind::TypeMismatch, a.range, Describe(t), "a pointer");
          ok = false;
        } else if (t.IsPointer() && t.target != nullptr && t.target->is_const && !ReadOnlyLibcPointer(path, i)) {
          // Written through (memset's destination) or freed: C declares it `void*`.
          Report(Kind::TypeMismatch, a.range, Describe(t), "a `cython.p_void`");
          ok = false;
        }
        break;
      case 'c':
      case 'w': {
        Type p = Decayed(t);
        if (!p.IsPointer() || p.target == nullptr ||
            (p.target->kind != TypeKind::Char && p.target->kind != TypeKind::UChar && p.target->kind != TypeKind::SChar) ||
            (f->params[i] == 'w' && p.target->is_const)) {
          Report(Kind::TypeMismatch, a.range, Describe(t), "a `cython.p_char`");
          ok = false;
        }
        break;
      }
      default:
        ok &= CheckConvertible(a, t, Type::Of(f->params[i] == 'z' ? TypeKind::SizeT : TypeKind::Int));
        break;
    }
  }
  out_.Write(e.callee()).resolution = Resolution{Resolution::Kind::CBuiltin, -1, path};
  if (!ok) {
    return Type::Error();
  }
  switch (f->result) {
    case 'p': return VoidPointer();
    case 's': return Type::PointerTo(Type::Of(TypeKind::Char));
    case 'f': return Type::PointerTo(OpaqueStruct("FILE"));
    case 'z': return Type::Of(TypeKind::SizeT);
    case 'i': return Type::Of(TypeKind::Int);
    case 'l': return Type::Of(TypeKind::Long);
    case 'd': return Type::Of(TypeKind::Double);
    default: return Type::Of(TypeKind::Void);
  }
}

// `p + n`, `n + p`, `p - n`, `p - q`: C pointer arithmetic (an array decays to a
// pointer to its first element).
auto Checker::CheckPointerArithmetic(const Expr& e, const Type& a, const Type& b) -> Type {
  const Type pa = Decayed(a);
  const Type pb = Decayed(b);
  const BinaryOp op = e.binary_op;
  auto arithmetic_on = [&](const Type& p) -> bool {
    if (RejectPyBufferPointerUse(e, p)) {
      return false;
    }
    if (p.target == nullptr || p.target->IsVoid()) {
      Report(Kind::InvalidOperands, e.range, op == BinaryOp::Add ? "+" : "-",
             fmt::format("{} (no arithmetic on `void*`: cast it first)", Describe(p)));
      return false;
    }
    return true;
  };
  if (op == BinaryOp::Add && pa.IsPointer() && pb.IsInteger()) {
    return arithmetic_on(pa) ? pa : Type::Error();
  }
  if (op == BinaryOp::Add && pa.IsInteger() && pb.IsPointer()) {
    return arithmetic_on(pb) ? pb : Type::Error();
  }
  if (op == BinaryOp::Sub && pa.IsPointer() && pb.IsInteger()) {
    return arithmetic_on(pa) ? pa : Type::Error();
  }
  if (op == BinaryOp::Sub && pa.IsPointer() && pb.IsPointer() && pa == pb) {
    return arithmetic_on(pa) ? Type::Of(TypeKind::SSizeT) : Type::Error();
  }
  Report(Kind::InvalidOperands, e.range,
         op == BinaryOp::Add ? "+" : op == BinaryOp::Sub ? "-" : "arithmetic",
         fmt::format("{} and {}", Describe(a), Describe(b)));
  return Type::Error();
}

// `p == q`, `p is NULL`, `p < q`: C pointer comparisons.
auto Checker::CheckPointerCompare(const Expr& e, const std::vector<Type>& types) -> Type {
  for (size_t i = 0; i < e.compare_ops.size(); ++i) {
    const Type a = Decayed(types[i]);
    const Type b = Decayed(types[i + 1]);
    const syntax::CompareOp op = e.compare_ops[i];
    const bool both = a.IsPointer() && b.IsPointer();
    const bool related = both && (a.IsNull() || b.IsNull() || a == b ||
                                  (a.target->IsVoid() || b.target->IsVoid()));
    if (!related || op == syntax::CompareOp::In || op == syntax::CompareOp::NotIn) {
      Report(Kind::InvalidOperands, e.range, "comparison", fmt::format("{} and {}", Describe(types[i]),
                                                                        Describe(types[i + 1])));
      return Type::Error();
    }
  }
  return Type::Of(TypeKind::Bint);
}

// Conversions between C data types, and between them and Python objects:
// nullopt when neither side is C data (the caller's rules apply).
auto Checker::CheckCDataConvertible(const Expr& e, const Type& from, const Type& to) -> std::optional<bool> {
  const bool from_c = from.IsPointer() || from.IsArray() || from.IsStruct() || from.IsCppClass();
  const bool to_c = to.IsPointer() || to.IsArray() || to.IsStruct() || to.IsCppClass();
  if (!from_c && !to_c) {
    return std::nullopt;
  }
  if (from.IsCppString() || to.IsCppString()) {
    return CheckCppStringConvertible(e, from, to);  // check_cpp_string.cpp
  }
  if (from.IsCppClass() || to.IsCppClass()) {
    return CheckCppContainerConvertible(e, from, to);  // vector, map, set, pair: check_cpp_map.cpp
  }
  if (to.IsPointer() && to.IsCString() && from.IsObject()) {
    return CheckCharPointerFromObject(e, from, to);
  }
  if (from.IsPointer() && from.IsCString() && to.IsObject()) {
    // A C string becomes `bytes` (up to its NUL; a NULL pointer is a ValueError).
    if (RequireGil(GilOp::ConvertToObject, e.range, "(a C string becomes `bytes`)")) {
      return false;
    }
    MarkRaises();
    return true;
  }
  if (to.IsPointer()) {
    const Type p = Decayed(from);
    if (p.IsPointer() && (p.IsNull() || p == to || ConstPointerConvertible(p, to))) {
      // NULL, the same pointer type, anything to `void*`, an array to its first element,
      // a pointer to one to const (check_const_pointers.cpp)
      return true;
    }
    auto b = Report(Kind::TypeMismatch, e.range, Describe(from), Describe(to));
    if (p.IsPointer()) {
      b.AddNote(Kind::FixItHint, e.range, fmt::format("convert it with `cython.cast({}, ...)`", SpellPyxx(to)));
    }
    return false;
  }
  if ((to.IsArray() || to.IsStruct()) && from.IsObject()) {
    // A Python sequence to a C array, a dict (or mapping) to a struct: as Cython converts them.
    return CheckConversionFromObject(e, from, to);
  }
  if ((from.IsArray() || from.IsStruct()) && to.IsObject()) {
    // A C array becomes a list, a struct a dict.
    if (!ConvertibleToObject(from)) {
      Report(Kind::TypeMismatch, e.range, Describe(from), Describe(to));
      return false;
    }
    if (RequireGil(GilOp::ConvertToObject, e.range)) {
      return false;
    }
    MarkRaises();
    return true;
  }
  if (from.IsArray() && to.IsMemoryView()) {
    return CheckArrayAsView(e, from, to);  // a view of the array's own memory (no GIL needed)
  }
  if (from == to) {
    return true;
  }
  auto b = Report(Kind::TypeMismatch, e.range, Describe(from), Describe(to));
  if (from.IsPointer() && to.IsObject()) {
    b.AddNote(Kind::FixItHint, e.range, std::string("a pointer has no Python value: convert what it points to"));
  }
  return false;
}

// `p: cython.p_char = b`: Cython's pointer into the buffer of a bytes (or
// bytearray) object, valid while that object lives. Only an object a variable
// or the module's constants hold can be pointed into: a temporary would be
// freed at the end of the statement (Cython refuses it too).
auto Checker::CheckCharPointerFromObject(const Expr& e, const Type& from, const Type& to) -> bool {
  if (e.kind == Expr::Kind::String) {
    return true;  // a literal (an unprefixed one as its UTF-8 bytes, as Cython coerces it): a module constant
  }
  if (from.object_name == "str") {
    auto b = Report(Kind::TypeMismatch, e.range, Describe(from), Describe(to));
    b.AddNote(Kind::FixItHint, e.range, std::string("a C string holds bytes: encode the text first and keep the "
                                                    "`bytes` in a variable while the pointer is used"));
    return false;
  }
  if (e.kind != Expr::Kind::Name) {
    auto b = Report(Kind::CharPointerFromTemporary, e.range, Describe(to));
    b.AddNote(Kind::FixItHint, e.range, std::string("assign the object to a variable first: the pointer is valid "
                                                    "while the variable holds it"));
    return false;
  }
  if (RequireGil(GilOp::ConvertFromObject, e.range, fmt::format("(to {})", Describe(to)), &e)) {
    return false;
  }
  MarkRaises();  // TypeError for an object that is not bytes or bytearray
  return true;
}

auto Checker::CheckStructConstructor(const Expr& e, const Type& t) -> Type {
  out_.Write(e.callee()).resolution = Resolution{Resolution::Kind::CBuiltin, -1, "struct"};
  if (t.IsError()) {
    return t;
  }
  if (!t.IsStruct()) {
    Report(Kind::InvalidTypeUse, e.callee().range, fmt::format("the C type `{}` is not a value", e.callee().name));
    return Type::Error();
  }
  const checked::CStruct& st = out_.structs[t.struct_id];
  // Each field gets exactly one value (a union: one field), as Cython requires.
  std::vector<const Expr*> values(st.fields.size(), nullptr);
  bool ok = true;
  if (e.args.size() > st.fields.size()) {
    Report(Kind::WrongArgumentCount, e.range, st.name, fmt::format("at most {}", st.fields.size()), "s",
           e.args.size(), "were");
    return Type::Error();
  }
  for (size_t i = 0; i < e.args.size(); ++i) {
    values[i] = e.args[i].get();
  }
  for (const auto& kw : e.keywords) {
    size_t i = 0;
    while (i < st.fields.size() && st.fields[i].first != kw.name) {
      ++i;
    }
    if (i == st.fields.size() || values[i] != nullptr) {
      Report(Kind::InvalidTypeUse, kw.name_range,
             i == st.fields.size() ? fmt::format("{} has no field `{}`", Describe(t), kw.name)
                                   : fmt::format("the field `{}` is given twice", kw.name));
      ok = false;
      continue;
    }
    values[i] = kw.value.get();
  }
  size_t given = 0;
  for (const Expr* v : values) {
    given += v != nullptr ? 1 : 0;
  }
  if (ok && (st.is_union ? given != 1 : given != st.fields.size())) {
    Report(Kind::InvalidTypeUse, e.range,
           st.is_union ? fmt::format("the union `{}` is made from exactly one field", st.name)
                       : fmt::format("the struct `{}` needs a value for each of its {} fields", st.name,
                                     st.fields.size()));
    ok = false;
  }
  for (size_t i = 0; ok && i < values.size(); ++i) {
    if (values[i] != nullptr) {
      Type v = CheckValueFor(*values[i], st.fields[i].second);
      ok &= !v.IsError() && CheckConvertible(*values[i], v, st.fields[i].second);
    }
  }
  if (!ok) {
    return Type::Error();
  }
  out_.Write(e).call_arguments = values;
  return t;
}

// Can a Python object become a value of C type `t`? (A union: from a mapping with one of its fields.)
auto Checker::ConvertibleFromObject(const Type& t) const -> bool {
  if (t.IsNumeric() || t.IsComplex()) {
    return true;
  }
  if (t.IsArray() || t.IsVector()) {
    return ConvertibleFromObject(*t.target);
  }
  if (t.IsCppString()) {
    return true;  // from bytes or bytearray
  }
  if (t.IsCppMap() || t.IsCppPair()) {
    return ConvertibleFromObject(*t.key) && ConvertibleFromObject(*t.target);  // from `.items()`, from 2 items
  }
  if (t.IsCppSet()) {
    return ConvertibleFromObject(*t.target);  // from any iterable
  }
  if (t.IsStruct()) {
    for (const auto& field : out_.structs[t.struct_id].fields) {
      if (!ConvertibleFromObject(field.second)) {
        return false;
      }
    }
    return true;
  }
  return false;
}

// Can a value of C type `t` become a Python object (recursively for arrays and structs)?
auto Checker::ConvertibleToObject(const Type& t) const -> bool {
  if (t.IsNumeric() || t.IsComplex()) {
    return true;
  }
  if (t.IsArray()) {
    // Cython makes `bytes` of a char array (up to its first NUL), not a list.
    return t.IsCString() || ConvertibleToObject(*t.target);
  }
  if (t.IsVector()) {
    return ConvertibleToObject(*t.target);  // a list (of ints for a vector of char, as Cython)
  }
  if (t.IsCppString()) {
    return true;  // bytes
  }
  if (t.IsCppMap() || t.IsCppPair()) {
    return ConvertibleToObject(*t.key) && ConvertibleToObject(*t.target);  // a dict, a tuple of two
  }
  if (t.IsCppSet()) {
    return ConvertibleToObject(*t.target);  // a set
  }
  if (t.IsStruct()) {
    if (t.is_union) {
      return false;  // which member is live is not known
    }
    for (const auto& field : out_.structs[t.struct_id].fields) {
      if (!ConvertibleToObject(field.second)) {
        return false;
      }
    }
    return true;
  }
  return false;
}

// An object converted to the C value `to` where that takes a conversion of
// its items (a sequence to an array, a mapping to a struct, an iterable to a
// vector): it needs the GIL and may raise.
auto Checker::CheckConversionFromObject(const Expr& e, const Type& from, const Type& to) -> bool {
  if (!ConvertibleFromObject(to)) {
    Report(Kind::TypeMismatch, e.range, Describe(from), Describe(to));
    return false;
  }
  if (RequireGil(GilOp::ConvertFromObject, e.range, fmt::format("(to {})", Describe(to)), &e)) {
    return false;
  }
  MarkRaises();
  return true;
}

}  // namespace pyxx::check
