// Buffer export (check/check_buffer.cpp): the type's bf_getbuffer slot runs
// Cython's protocol around the compiled `__getbuffer__` (view->obj None first;
// on an error, no object; None left there, none), its bf_releasebuffer slot
// calls `__releasebuffer__`, whose errors are unraisable (the slot returns
// nothing). The Py_buffer's `obj` field holds a counted reference.
#include <fmt/format.h>

#include "emit/emitter_impl.h"

namespace pyxx::emit {

namespace {

auto BufferModuleVar(const std::string& cls) -> std::string { return "pyxx_buffer_module_" + EscapeIdentifier(cls); }

auto UsesModule(const checked::CheckedModule& module, int index) -> bool {
  return index >= 0 && module.functions[static_cast<size_t>(index)].uses_module;
}

}  // namespace

auto Emitter::BufferSlotDefinitions(const checked::CClassInfo& cls, std::string& slots) -> std::string {
  if (cls.getbuffer < 0 && cls.releasebuffer < 0) {
    return {};
  }
  const std::string name = EscapeIdentifier(cls.name);
  std::string out;
  const bool module = UsesModule(module_, cls.getbuffer) || UsesModule(module_, cls.releasebuffer);
  if (module) {
    out += Shared() + fmt::format("PyObject* {} = nullptr;  // set by the class statement\n", BufferModuleVar(cls.name));
  }
  // The compiled method's arguments: the module (if it uses it), `self` lent for the call, the view, ...
  auto call = [&](const checked::FunctionInfo& fn, const std::string& rest) {
    return fmt::format("{}({}pyxx::Ref::borrow(pyxx_self), pyxx_view{})", NativeName(fn),
                       fn.uses_module ? BufferModuleVar(cls.name) + ", " : "", rest);
  };
  if (cls.getbuffer >= 0) {
    const checked::FunctionInfo& fn = module_.functions[static_cast<size_t>(cls.getbuffer)];
    out += Shared() + fmt::format("int pyxx_getbuffer_{}(PyObject* pyxx_self, Py_buffer* pyxx_view, int pyxx_flags) {{\n", name);
    out += "  if (!pyxx::getbuffer_begin(pyxx_view)) return -1;\n";
    if (fn.can_raise) {
      out += fmt::format("  try {{\n    {};\n  }} catch (...) {{\n    pyxx::handle_exception_int(pyxx_source_file);\n"
                         "    return pyxx::getbuffer_failed(pyxx_view);\n  }}\n",
                         call(fn, ", pyxx_flags"));
    } else {
      out += fmt::format("  {};\n", call(fn, ", pyxx_flags"));
    }
    out += "  return pyxx::getbuffer_end(pyxx_view);\n}\n";
    slots += fmt::format("    {{Py_bf_getbuffer, reinterpret_cast<void*>(pyxx_getbuffer_{})}},\n", name);
  }
  if (cls.releasebuffer >= 0) {
    const checked::FunctionInfo& fn = module_.functions[static_cast<size_t>(cls.releasebuffer)];
    out += Shared() + fmt::format("void pyxx_releasebuffer_{}(PyObject* pyxx_self, Py_buffer* pyxx_view) {{\n", name);
    out += fn.can_raise ? "  const pyxx::KeptErrorScope pyxx_kept;\n" : "";
    if (fn.can_raise) {
      // No way to report an error from here: printed, as Cython's void slots do.
      out += fmt::format("  try {{\n    {};\n  }} catch (...) {{\n    pyxx::handle_exception(pyxx_source_file);\n"
                         "    PyErr_WriteUnraisable(pyxx_self);\n  }}\n",
                         call(fn, ""));
    } else {
      out += fmt::format("  {};\n", call(fn, ""));
    }
    out += "}\n";
    slots += fmt::format("    {{Py_bf_releasebuffer, reinterpret_cast<void*>(pyxx_releasebuffer_{})}},\n", name);
  }
  return out;
}

// A statement after the class statement made the type: the module its slots pass on.
auto Emitter::BufferSlotsKeepModule(const checked::CClassInfo& cls) -> std::string {
  if (!UsesModule(module_, cls.getbuffer) && !UsesModule(module_, cls.releasebuffer)) {
    return {};
  }
  return fmt::format("pyxx::keep_buffer_module({}, pyxx_module);", BufferModuleVar(cls.name));
}

// `buffer.<field>` of the Py_buffer a buffer slot method receives.
auto Emitter::IsPyBufferField(const Expr& e, const char* field) const -> bool {
  if (e.kind != Expr::Kind::Attribute || e.name != field) {
    return false;
  }
  const Type& base = TypeOf(e.object());
  return base.IsPointer() && base.target != nullptr && base.target->IsStruct() && base.target->py_buffer;
}

// A read of `buffer.f`: `obj` is a new reference (None for none), `readonly` a bint
// (C's int there), the others C values.
auto Emitter::EmitPyBufferField(const Expr& e, CppExpr pointer) -> CppExpr {
  CppExpr v = std::move(pointer);
  if (e.name == "obj") {
    v.text = fmt::format("pyxx::buffer_obj({})", v.text);
  } else if (e.name == "readonly") {
    v.text = fmt::format("(({})->readonly != 0)", v.text);
  } else {
    v.text = fmt::format("({})->{}", v.text, e.name);
  }
  v.ref_lvalue = false;
  v.effect |= kReads;
  v.pending |= kReads;
  return v;
}

// `buffer.obj = value`: the view keeps a reference; the old one is dropped last.
// `buffer.readonly = flag`: a bint stored into C's int.
void Emitter::EmitPyBufferStore(const Expr& target, const std::string& value) {
  // The view is a parameter no statement binds again: the value's order against it does not matter.
  const std::string view = EmitExpr(target.object()).text;
  Line(target.name == "obj" ? fmt::format("pyxx::store_field(({})->obj, {});", view, value)
                            : fmt::format("({})->readonly = {};", view, value));
}

// `PyBuffer_FillInfo(view, exporter, buf, len, readonly, flags)`: the arguments in
// source order, then the call (pyxx::buffer_fill_info keeps `obj` counted).
auto Emitter::EmitPyBufferFillInfo(const Expr& e) -> CppExpr {
  const Type& buf = TypeOf(*e.args[2]);
  std::vector<CppExpr> v = EmitInOrder({OperandAs(*e.args[0], TypeOf(*e.args[0])), ObjectOperand(*e.args[1]),
                                        OperandAs(*e.args[2], buf.IsArray() ? Type::PointerTo(*buf.target) : buf),
                                        OperandAs(*e.args[3], Type::Of(TypeKind::SSizeT)),
                                        OperandAs(*e.args[4], Type::Of(TypeKind::Int)),
                                        OperandAs(*e.args[5], Type::Of(TypeKind::Int))});
  CppExpr out = Combined(v, kWrites | kRaises);
  out.text = fmt::format("pyxx::buffer_fill_info({}, ({}).get(), {}, {}, {}, {}, {})", v[0].text, v[1].text, v[2].text,
                         v[3].text, v[4].text, v[5].text, Site(e.range));
  return out;
}

}  // namespace pyxx::emit
