// Native bodies of functions and the METH_FASTCALL wrappers that make
// `def`, `@cython.ccall` and Numba functions callable from Python.
#include <fmt/format.h>

#include <cstdint>

#include "emit/emitter_impl.h"

namespace pyxx::emit {

namespace {

auto ReturnCpp(const Type& t) -> std::string {
  if (t.IsObject()) {
    return "pyxx::Ref";
  }
  return checked::SpellCpp(t);
}

auto ParamCpp(const Type& t) -> std::string {
  if (t.IsObject()) {
    return "pyxx::Ref";
  }
  if (t.IsMemoryView()) {
    return fmt::format("const {}&", checked::SpellCpp(t));
  }
  return checked::SpellCpp(t);
}

auto EndsWithReturn(const syntax::Block& body) -> bool {
  return !body.empty() && (body.back()->kind == Stmt::Kind::Return || body.back()->kind == Stmt::Kind::Raise);
}

}  // namespace

auto Emitter::Signature(const checked::FunctionInfo& fn) -> std::string {
  // The module object whose globals the function uses (its state; see runtime/pyops.hpp).
  std::string params = fn.uses_module ? "PyObject* pyxx_module" : "";
  if (!fn.closure_sources.empty()) {
    // The cells of the enclosing functions' variables it uses.
    params += params.empty() ? "PyObject* pyxx_closure" : ", PyObject* pyxx_closure";
  }
  if (fn.uses_class_cell) {
    // Its function object, whose class cell zero-argument super() reads.
    params += params.empty() ? "PyObject* pyxx_function" : ", PyObject* pyxx_function";
  }
  for (size_t i = 0; i < fn.param_types.size(); ++i) {
    if (!params.empty()) {
      params += ", ";
    }
    params += ParamCpp(fn.param_types[i]) + " " + ParamName(fn, i);
  }
  return fmt::format("{} {}({}){}", ReturnCpp(fn.return_type), NativeName(fn), params,
                     fn.can_raise ? "" : " noexcept");
}

void Emitter::EmitFunction(const checked::FunctionInfo& fn) {
  fn_ = &fn;
  track_line_ = fn.tracks_line;
  temp_counter_ = 0;
  last_line_ = 0;
  indent_ = 0;
  LineDirective(fn.syntax->def_range);
  std::string comment;
  for (const auto& d : fn.syntax->attrs.decorators) {
    comment += " @" + d.path;
  }
  const auto& attrs = fn.syntax->attrs;
  bool swallow = fn.swallows_errors;
  std::string signature = Signature(fn);
  if (swallow) {
    signature += " try";  // a function-try-block: errors become "Exception ignored" reports
  }
  Line(signature + " {" + (comment.empty() ? "" : "  //" + comment));
  indent_ = 2;
  const size_t site_declaration = out_.size();
  const uint32_t def_line = source_.Locate(fn.syntax->def_range.begin).line;
  site_local_ = true;
  runtime_line_ = def_line;
  if (track_line_) {
    Line("try {");
    indent_ = 4;
  }
  if (fn.with_gil) {
    Line("pyxx::AcquiredGil pyxx_gil;  // @cython.with_gil");
  }
  for (const auto& local : fn.locals) {
    if (local.in_cell()) {
      DeclareCellLocal(local);
      continue;
    }
    if (local.is_param) {
      continue;
    }
    // A local that is only assigned (a loop counter `_i`) is still kept, as Python keeps it.
    std::string attribute = local.reads == 0 ? "[[maybe_unused]] " : "";
    if (local.type.IsObject()) {
      Line(fmt::format("{}pyxx::Ref {};", attribute, CppName(local.name)));
    } else {
      Line(fmt::format("{}{} {}{{}};", attribute, checked::SpellCpp(local.type), CppName(local.name)));
    }
  }
  // Object locals of a nogil function (bound inside `with gil:` blocks) are
  // released under the GIL even when the function returns without it.
  if (fn.nogil && !fn.with_gil) {
    std::vector<std::string> objects;
    for (const auto& local : fn.locals) {
      if (!local.is_param && local.type.IsObject()) {
        objects.push_back(std::string("&").append(CppName(local.name)));
      }
    }
    if (!objects.empty()) {
      std::string list;
      for (const auto& o : objects) {
        list += (list.empty() ? "" : ", ") + o;
      }
      Line(fmt::format("pyxx::ClearWithGil<{}> pyxx_clear_objects({{{}}});", objects.size(), list));
    }
  }
  EmitBlock(fn.syntax->body);
  if (!EndsWithReturn(fn.syntax->body)) {
    if (fn.return_type.IsObject()) {
      Line("return pyxx::Ref::borrow(Py_None);");
    } else if (!fn.return_type.IsVoid()) {
      // `return {};`, not `return T{};`: T may be several words (`unsigned char`).
      Line("return {};");
    }
  }
  if (track_line_) {
    indent_ = 2;
    Line("} catch (...) {");
    Line("  pyxx::add_caller(pyxx_site);  // this function's traceback entry");
    Line("  throw;");
    Line("}");
    track_line_ = false;
  }
  indent_ = 0;
  site_local_ = false;
  if (out_.find("pyxx_site", site_declaration) != std::string::npos) {
    out_.insert(site_declaration, fmt::format("  pyxx::Site pyxx_site{{{}, {}}};\n", CppStringLiteral(fn.name()), def_line));
  }
  if (swallow) {
    Line("} catch (...) {");
    Line(fmt::format("  pyxx::write_unraisable(pyxx_source_file, {});", CppStringLiteral(fn.name())));
    if (!fn.return_type.IsVoid()) {
      Line(fmt::format("  return {};", attrs.exceptval_value ? EmitAs(*attrs.exceptval_value, fn.return_type)
                                                            : checked::SpellCpp(fn.return_type) + "{}"));
    }
  }
  Line("}");
  fn_ = nullptr;
}

void Emitter::EmitWrapper(const checked::FunctionInfo& fn) {
  fn_ = &fn;
  temp_counter_ = 0;
  indent_ = 0;
  const auto& params = fn.syntax->params;
  size_t n = params.size();
  size_t required = 0;
  for (const auto& p : params) {
    required += p.default_value ? 0 : 1;
  }
  // `self` of a module-level function is its module (PEP 489): it is handed on.
  // A nested function's is its function object, which holds the module.
  Line(fmt::format("PyObject* {}(PyObject* {}, PyObject* const* pyxx_args, Py_ssize_t pyxx_nargs, PyObject* pyxx_kwnames) {{",
                   WrapperName(fn), fn.nested ? "pyxx_self" : "pyxx_module"));
  const size_t signature_end = out_.size();
  indent_ = 2;
  size_t first_default = n;
  if (fn.nested) {
    if (fn.uses_module) {
      Line("PyObject* pyxx_module = pyxx::function_module(pyxx_self);");
    }
    if (!fn.closure_sources.empty()) {
      Line("PyObject* pyxx_closure = pyxx::function_closure(pyxx_self);");
    }
    for (size_t i = n; i-- > 0 && params[i].default_value;) {
      first_default = i;
    }
  }
  // The argument for parameter i: a nested function's defaults are in its function object.
  auto argument = [&](size_t i) -> std::string {
    if (fn.nested && i >= first_default) {
      return fmt::format("(pyxx_argv[{}] != nullptr ? pyxx_argv[{}] : pyxx::function_default(pyxx_self, {}))", i, i,
                         i - first_default);
    }
    return fmt::format("pyxx_argv[{}]", i);
  };
  std::string names;
  for (const auto& p : params) {
    names += CppStringLiteral(p.name) + ", ";
  }
  Line(fmt::format("static const char* const pyxx_names[] = {{{}nullptr}};", names));
  Line(fmt::format("PyObject* pyxx_argv[{}] = {{}};", n == 0 ? 1 : n));
  // Python names the function by its qualified name in argument errors.
  Line(fmt::format("if (!pyxx::unpack_args(pyxx_args, pyxx_nargs, pyxx_kwnames, {}, pyxx_names, {}, {}, pyxx_argv)) {{", CppStringLiteral(fn.qualname), n,
                   required));
  Line("  return nullptr;");
  Line("}");
  std::string call_args = fn.uses_module ? "pyxx_module" : "";
  if (!fn.closure_sources.empty()) {
    call_args += call_args.empty() ? "pyxx_closure" : ", pyxx_closure";
  }
  if (fn.uses_class_cell) {
    call_args += call_args.empty() ? "pyxx_self" : ", pyxx_self";
  }
  for (size_t i = 0; i < n; ++i) {
    const Type& t = fn.param_types[i];
    // Not the user's name: the wrapper also calls the function, which a
    // parameter of the same name (`def f(f)`) would hide.
    std::string name = fmt::format("pyxx_param{}", i);
    if (!call_args.empty()) {
      call_args += ", ";
    }
    if (fn.nested && t.IsObject()) {
      Line(fmt::format("pyxx::Ref {} = pyxx::Ref::borrow({});", name, argument(i)));
      call_args += fmt::format("std::move({})", name);
    } else if (fn.nested && !t.IsMemoryView()) {
      Line(fmt::format("{} {}{{}};", checked::SpellCpp(t), name));
      Line(fmt::format("if (!pyxx::from_python({}, {})) {{", argument(i), name));
      Line("  return nullptr;");
      Line("}");
      call_args += name;
    } else if (t.IsObject()) {
      std::string fallback = params[i].default_value ? OwnedObject(*params[i].default_value) : "pyxx::Ref()";
      Line(fmt::format("pyxx::Ref {} = pyxx_argv[{}] != nullptr ? pyxx::Ref::borrow(pyxx_argv[{}]) : {};", name, i, i,
                       params[i].default_value ? fallback : "pyxx::Ref()"));
      call_args += fmt::format("std::move({})", name);
    } else if (t.IsMemoryView()) {
      bool writable = fn.param_facts[i].view_written;
      Line(fmt::format("{} {};", checked::SpellCpp(t), name));
      Line(fmt::format("if (!{}.acquire({}, {}, {}, {})) {{", name, argument(i), writable ? "true" : "false",
                       t.contiguous_dim >= 0 ? "true" : "false", CppStringLiteral(params[i].name)));
      Line("  return nullptr;");
      Line("}");
      call_args += name;
    } else {
      if (params[i].default_value) {
        Line(fmt::format("{} {} = {};", checked::SpellCpp(t), name, EmitAs(*params[i].default_value, t)));
        Line(fmt::format("if (pyxx_argv[{}] != nullptr && !pyxx::from_python(pyxx_argv[{}], {})) {{", i, i, name));
      } else {
        Line(fmt::format("{} {}{{}};", checked::SpellCpp(t), name));
        Line(fmt::format("if (!pyxx::from_python(pyxx_argv[{}], {})) {{", i, name));
      }
      Line("  return nullptr;");
      Line("}");
      call_args += name;
    }
  }
  std::string call = fmt::format("{}({})", NativeName(fn), call_args);
  const Type& rt = fn.return_type;
  auto convert_result = [&](const std::string& value) -> std::string {
    if (rt.IsVoid()) {
      return "Py_RETURN_NONE;";
    }
    if (rt.IsObject()) {
      return fmt::format("return {}.release();", value);
    }
    return fmt::format("return pyxx::to_python({});", value);
  };
  bool guarded = fn.can_raise;
  if (guarded) {
    Line("try {");
    indent_ += 2;
  }
  if (fn.release_on_entry) {
    // Numba's nogil=True: the whole body runs with the GIL released.
    if (!rt.IsVoid()) {
      Line(fmt::format("{} pyxx_result{{}};", rt.IsObject() ? "pyxx::Ref" : checked::SpellCpp(rt)));
    }
    Line("{");
    Line("  pyxx::ReleasedGil pyxx_nogil;");
    Line(fmt::format("  {}{};", rt.IsVoid() ? "" : "pyxx_result = ", call));
    Line("}");
    if (rt.IsVoid()) {
      Line("Py_RETURN_NONE;");
    } else {
      Line(convert_result("pyxx_result"));
    }
  } else if (rt.IsVoid()) {
    Line(call + ";");
    Line("Py_RETURN_NONE;");
  } else {
    Line(convert_result(call));
  }
  if (guarded) {
    indent_ -= 2;
    Line("} catch (...) {");
    Line("  return pyxx::handle_exception(pyxx_source_file);");
    Line("}");
  }
  indent_ = 0;
  Line("}");
  if (!fn.nested && out_.find("pyxx_module", signature_end) == std::string::npos) {
    // Neither the native call nor a default value needs the module: leave it unnamed.
    out_.replace(out_.find("PyObject* pyxx_module"), std::string("PyObject* pyxx_module").size(), "PyObject*");
  }
  fn_ = nullptr;
}

}  // namespace pyxx::emit
