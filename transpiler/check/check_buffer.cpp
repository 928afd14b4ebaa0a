// Buffer export: `__getbuffer__(self, buffer: cython.pointer(Py_buffer), flags: cython.int)`
// and `__releasebuffer__(self, buffer: cython.pointer(Py_buffer))` of an extension
// type are, as in Cython, the type's bf_getbuffer and bf_releasebuffer slots: C
// functions called with the GIL, not methods Python code sees. `Py_buffer` is
// CPython's struct with the fields Cython declares for it (Builtin.py), its `obj`
// an object whose stores count references. The pointer the slot receives is the
// only `Py_buffer` a module sees: elsewhere the type is refused, so no code can
// store into a struct whose `obj` was never set (the slot sets it to None first).
#include <fmt/format.h>

#include <set>

#include "check/checker_impl.h"
#include "syntax/walk.h"

namespace pyxx::check {

auto Checker::IsBufferSlotName(const std::string& name) -> bool {
  return name == "__getbuffer__" || name == "__releasebuffer__";
}

auto Checker::PyBufferType(const syntax::TypeExpr& t) -> Type {
  if (!py_buffer_allowed_) {
    Report(Kind::UnsupportedType, t.range,
           std::string("`Py_buffer` other than as the `buffer` parameter of `__getbuffer__` or "
                       "`__releasebuffer__` of an extension type"));
    return Type::Error();
  }
  if (py_buffer_struct_ < 0) {
    // Cython's declaration (Compiler/Builtin.py), in C's order; `readonly` is a bint
    // there (C `int`), `smalltable` exists in Python 2's struct only.
    checked::CStruct st;
    st.name = "Py_buffer";
    st.py_buffer = true;
    st.declared = t.range;
    const Type void_p = Type::PointerTo(Type::Of(TypeKind::Void));
    const Type ssize_p = Type::PointerTo(Type::Of(TypeKind::SSizeT));
    st.fields = {{"buf", void_p},
                 {"obj", Type::Object()},
                 {"len", Type::Of(TypeKind::SSizeT)},
                 {"itemsize", Type::Of(TypeKind::SSizeT)},
                 {"readonly", Type::Of(TypeKind::Bint)},
                 {"ndim", Type::Of(TypeKind::Int)},
                 {"format", Type::PointerTo(Type::Of(TypeKind::Char))},
                 {"shape", ssize_p},
                 {"strides", ssize_p},
                 {"suboffsets", ssize_p},
                 {"internal", void_p}};
    py_buffer_struct_ = static_cast<int>(out_.structs.size());
    out_.structs.push_back(std::move(st));
  }
  Type type = Type::Of(TypeKind::Struct);
  type.struct_id = py_buffer_struct_;
  type.struct_name = "Py_buffer";
  type.py_buffer = true;
  return type;
}

// Cython's slot signatures (TypeSlots.py: getbufferproc "TBi", releasebufferproc "TB").
void Checker::CheckBufferSlotSignature(const syntax::Function& fn, FunctionInfo& info) {
  const bool get = fn.name == "__getbuffer__";
  const size_t arity = get ? 3 : 2;
  const std::string shape = get ? "`__getbuffer__(self, buffer: cython.pointer(Py_buffer), flags: cython.int)`"
                                : "`__releasebuffer__(self, buffer: cython.pointer(Py_buffer))`";
  auto wrong = [&](SourceRange where, const std::string& what) {
    Report(Kind::InvalidTypeUse, where, fmt::format("{}: the buffer slot is {}", what, shape));
    info.return_type = Type::Error();
  };
  if (fn.params.size() != arity) {
    wrong(fn.name_range, fmt::format("`{}` takes {} parameters", fn.name, arity));
    return;
  }
  for (size_t i = 0; i < arity; ++i) {
    const syntax::Param& p = fn.params[i];
    if (p.kind != syntax::Param::Kind::Normal || p.default_value || p.keyword_only || p.positional_only) {
      wrong(p.range, fmt::format("parameter `{}` of `{}` is no plain parameter", p.name, fn.name));
      return;
    }
  }
  const Type& buffer = info.param_types[1];
  if (!buffer.IsError() &&
      !(buffer.IsPointer() && buffer.target != nullptr && buffer.target->IsStruct() && buffer.target->py_buffer)) {
    wrong(fn.params[1].annotation ? fn.params[1].annotation->range : fn.params[1].range,
          fmt::format("parameter `{}` of `{}` is {}", fn.params[1].name, fn.name, Describe(buffer)));
  }
  if (get && !info.param_types[2].IsError() && info.param_types[2].kind != TypeKind::Int) {
    wrong(fn.params[2].annotation ? fn.params[2].annotation->range : fn.params[2].range,
          fmt::format("parameter `{}` of `{}` is {}", fn.params[2].name, fn.name, Describe(info.param_types[2])));
  }
  const auto& written = fn.return_type ? fn.return_type : fn.attrs.returns;
  if (written && !(written->kind == syntax::TypeExpr::Kind::Object && written->object_name == "None") &&
      !(written->kind == syntax::TypeExpr::Kind::Scalar && written->scalar == syntax::ScalarKind::Void)) {
    wrong(written->range, fmt::format("`{}` returns nothing", fn.name));
  }
  if (!info.return_type.IsError()) {
    info.return_type = Type::Of(TypeKind::Void);
  }
  // `self` is lent by the slot's caller and `buffer` is the caller's struct: neither is bound again.
  std::set<std::string> lent{fn.params[0].name, fn.params[1].name};
  syntax::ForEachStmtIn(fn.body, [&](const Stmt& s) {
    syntax::ForEachBoundName(s, [&](std::string_view name, SourceRange where) {
      if (lent.erase(std::string(name)) != 0) {
        Report(Kind::UnsupportedStatement, where, fmt::format("binding the parameter `{}` again in `{}`", name, fn.name));
      }
    });
  });
}

// `buffer[i]`, `buffer + n`, `cython.address(buffer[0])`: the slot's caller owns one
// struct, reached through its fields only (a copy would duplicate `obj` uncounted).
auto Checker::RejectPyBufferPointerUse(const Expr& e, const Type& t) -> bool {
  if (!(t.IsPointer() && t.target != nullptr && t.target->IsStruct() && t.target->py_buffer)) {
    return false;
  }
  Report(Kind::UnsupportedExpression, e.range,
         std::string("a `Py_buffer` pointer other than through its fields (`buffer.len = n`)"));
  return true;
}

}  // namespace pyxx::check
