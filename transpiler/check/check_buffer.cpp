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

// `cpython.buffer.PyBUF_X` (also through `cpython`): a flag macro of Python.h, or empty.
auto Checker::PyBufferFlag(const std::string& path) -> std::string {
  static constexpr std::string_view kFlags[] = {
      "PyBUF_MAX_NDIM", "PyBUF_SIMPLE",     "PyBUF_WRITABLE",       "PyBUF_WRITEABLE", "PyBUF_FORMAT",
      "PyBUF_ND",       "PyBUF_STRIDES",    "PyBUF_C_CONTIGUOUS",   "PyBUF_F_CONTIGUOUS",
      "PyBUF_ANY_CONTIGUOUS", "PyBUF_INDIRECT", "PyBUF_CONTIG",     "PyBUF_CONTIG_RO", "PyBUF_STRIDED",
      "PyBUF_STRIDED_RO", "PyBUF_RECORDS",  "PyBUF_RECORDS_RO",     "PyBUF_FULL",      "PyBUF_FULL_RO",
      "PyBUF_READ",     "PyBUF_WRITE"};
  const std::string_view name = std::string_view(path).substr(path.rfind('.') + 1);
  if (path != "cpython.buffer." + std::string(name) && path != "cpython." + std::string(name)) {
    return {};
  }
  for (std::string_view flag : kFlags) {
    if (flag == name) {
      return std::string(name);
    }
  }
  return {};
}

auto Checker::IsPyBufferPointer(const Type& t) -> bool {
  return t.IsPointer() && t.target != nullptr && t.target->IsStruct() && t.target->py_buffer;
}

// `PyBuffer_FillInfo(view, exporter, buf, len, readonly, flags)` (Cython's
// declaration: `except -1`): fills the view for a contiguous run of unsigned
// bytes, `obj` the exporter; it needs the GIL.
auto Checker::CheckPyBufferFillInfo(const Expr& e) -> Type {
  const std::string& path = e.callee().dialect_path;
  if (e.args.size() != 6 || !e.keywords.empty()) {
    const size_t n = e.args.size() + e.keywords.size();
    Report(Kind::WrongArgumentCount, e.range, "PyBuffer_FillInfo", 6, "s (by position)", n, n == 1 ? "was" : "were");
    return Type::Error();
  }
  out_.Write(e.callee()).resolution = Resolution{Resolution::Kind::CBuiltin, -1, path};
  if (RequireGilForCall("`PyBuffer_FillInfo`", e.range, -1)) {
    return Type::Error();
  }
  bool ok = true;
  for (size_t i = 0; i < e.args.size(); ++i) {
    const Expr& a = *e.args[i];
    Type t = CheckExpr(a);
    if (t.IsError()) {
      ok = false;
      continue;
    }
    switch (i) {
      case 0:
        if (!IsPyBufferPointer(t)) {
          Report(Kind::TypeMismatch, a.range, Describe(t), "a `Py_buffer` pointer (the `buffer` parameter)");
          ok = false;
        }
        break;
      case 1:
        ok &= CheckConvertible(a, t, Type::Object());
        break;
      case 2:
        if (!t.IsPointer() && !t.IsArray()) {
          Report(Kind::TypeMismatch, a.range, Describe(t), "a pointer");
          ok = false;
        }
        break;
      case 3:
        ok &= CheckConvertible(a, t, Type::Of(TypeKind::SSizeT));
        break;
      default:
        ok &= CheckConvertible(a, t, Type::Of(TypeKind::Int));
        break;
    }
  }
  MarkRaises();  // BufferError: a writable buffer asked of a read-only one
  return ok ? Type::Of(TypeKind::Int) : Type::Error();
}

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
  if (!buffer.IsError() && !IsPyBufferPointer(buffer)) {
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
  if (!IsPyBufferPointer(t)) {
    return false;
  }
  Report(Kind::UnsupportedExpression, e.range,
         std::string("a `Py_buffer` pointer other than through its fields (`buffer.len = n`)"));
  return true;
}

}  // namespace pyxx::check
