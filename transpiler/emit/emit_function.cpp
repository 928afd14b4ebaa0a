// Native bodies of functions and the METH_FASTCALL wrappers that make
// `def`, `@cython.ccall` and Numba functions callable from Python.
#include <fmt/format.h>

#include <map>

#include <cstdint>

#include "emit/emitter_impl.h"
#include "syntax/walk.h"

namespace pyxx::emit {

namespace {

// The converter a `def` wrapper calls for a parameter of type `t`: arrays and
// structs through pyxx::from_python_adl, which also finds the module's own
// struct converters (runtime/c_data.hpp).
auto FromPython(const Type& t) -> const char* {
  return t.IsArray() || t.IsStruct() || t.IsCppClass() ? "pyxx::from_python_adl" : "pyxx::from_python";
}

}  // namespace

auto ReturnCpp(const Type& t) -> std::string {
  if (t.IsObject()) {
    return "pyxx::Ref";
  }
  return checked::SpellCpp(t);
}

auto ParamCpp(const checked::FunctionInfo& fn, size_t i) -> std::string {
  const Type& t = fn.param_types[i];
  const checked::ParamFacts& facts = fn.param_facts[i];
  if (fn.borrows_param(i)) {
    return fn.kind == checked::FunctionKind::Def ? "pyxx::Lent" : "const pyxx::Ref&";
  }
  if (t.IsObject()) {
    return "pyxx::Ref";
  }
  if (t.IsMemoryView() && !facts.rebound) {  // a rebound view parameter is a variable: by value
    return fmt::format("const {}&", checked::SpellCpp(t));
  }
  return checked::SpellCpp(t);
}

namespace {

auto ContainsLoop(const syntax::Block& body) -> bool {
  bool loop = false;
  syntax::ForEachStmtIn(body, [&](const Stmt& s) {
    loop |= s.kind == Stmt::Kind::For || s.kind == Stmt::Kind::While;
  });
  return loop;
}

auto EndsWithReturn(const syntax::Block& body) -> bool {
  return !body.empty() && (body.back()->kind == Stmt::Kind::Return || body.back()->kind == Stmt::Kind::Raise);
}

}  // namespace

auto ViewContiguity(const Type& t) -> const char* {
  if (t.contiguous_dim < 0) {
    return "pyxx::kStrided";
  }
  return t.contiguous_dim == t.ndim - 1 ? "pyxx::kCContiguous" : "pyxx::kFContiguous";
}

auto Emitter::Signature(const checked::FunctionInfo& fn) -> std::string {
  // The module object whose globals the function uses (its state; see runtime/pyops.hpp).
  // A C method takes it in any case (one signature for every vtable entry).
  std::string params = !fn.uses_module ? "" : fn.cclass >= 0 ? "[[maybe_unused]] PyObject* pyxx_module" : "PyObject* pyxx_module";
  if (!fn.closure_sources.empty()) {
    // The cells of the enclosing functions' variables it uses.
    params += params.empty() ? "PyObject* pyxx_closure" : ", PyObject* pyxx_closure";
  }
  if (fn.uses_class_cell) {
    // Its function object, whose class cell zero-argument super() reads.
    // (A nested function that only passes the cell on may not read it.)
    params += params.empty() ? "[[maybe_unused]] PyObject* pyxx_function" : ", [[maybe_unused]] PyObject* pyxx_function";
  }
  for (size_t i = 0; i < fn.param_types.size(); ++i) {
    if (!params.empty()) {
      params += ", ";
    }
    // A parameter the body never reads (`self` of a method that ignores it) is no mistake in Python.
    const bool unread = i < fn.locals.size() && fn.locals[i].is_param && fn.locals[i].reads == 0 && !fn.locals[i].cell;
    params += (unread ? "[[maybe_unused]] " : "") + ParamCpp(fn, i) + " " +
              ParamName(fn, i);
  }
  // A loop is kept out of its Python wrapper, as Cython's is: inlined there, its
  // scalar parameters live across the wrapper's calls (buffer acquisition), are
  // spilled, and GCC reloads them from the stack at every iteration (saxpy's
  // `alpha`: about 10 % slower). One direct call per Python call is the price.
  const bool own_frame = fn.python_visible() && !fn.is_generator && ContainsLoop(fn.syntax->body);
  return fmt::format("{}{} {}({}){}", own_frame ? "[[gnu::noinline]] " : "", ReturnCpp(fn.return_type),
                     NativeName(fn), params, fn.can_raise ? "" : " noexcept");
}

// See single_exit_: a class returned by value, a `return` statement, and a
// `try`/`finally` or a context manager (their guards' destructors may throw).
auto Emitter::NeedsSingleExit(const checked::FunctionInfo& fn) const -> bool {
  if (!fn.return_type.IsObject() && !fn.return_type.IsCppClass()) {
    return false;
  }
  bool returns = false;
  bool throwing_cleanup = false;
  syntax::ForEachStmtIn(fn.syntax->body, [&](const Stmt& s) {
    returns |= s.kind == Stmt::Kind::Return;
    // a `finally` that jumps is emitted inline (emit_finally.cpp), without a guard
    throwing_cleanup |= s.kind == Stmt::Kind::Try && !s.finally_block.empty() && !module_.Of(s).finally_jumps;
    for (size_t i = 0; s.kind == Stmt::Kind::With && i < s.with_items.size(); ++i) {
      throwing_cleanup |= s.with_items[i].kind == syntax::WithItem::Kind::Other &&
                          module_.WithEffectOf(s, i) == checked::WithEffect::ContextManager;
    }
  });
  return returns && throwing_cleanup;
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
  // A generator returns a generator object at once; the body runs in a lambda
  // on the generator's own stack, each time it is resumed. The parameters move
  // into the lambda (they are its locals now).
  const int body = fn.is_generator ? 4 : 2;
  if (fn.is_generator) {
    std::string captures = fn.uses_module ? "pyxx_module" : "";
    if (!fn.closure_sources.empty()) {
      // The closure is the function object's, which may go before its generator.
      captures += std::string(captures.empty() ? "" : ", ") + "pyxx_closure_owner = pyxx::Ref::borrow(pyxx_closure)";
    }
    if (fn.uses_class_cell) {
      // So is the function object, whose class cell super() and `__class__` read.
      captures += std::string(captures.empty() ? "" : ", ") + "pyxx_function_owner = pyxx::Ref::borrow(pyxx_function)";
    }
    for (size_t i = 0; i < fn.param_types.size(); ++i) {
      std::string name = ParamName(fn, i);
      captures += (captures.empty() ? "" : ", ") +
                  (fn.param_types[i].IsObject() ? fmt::format("{0} = std::move({0})", name) : name);
    }
    Line(fmt::format("return pyxx::make_generator({}, {}, pyxx_source_file, {}, [{}](pyxx::Generator& pyxx_gen) "
                     "mutable -> pyxx::Ref {{",
                     CppStringLiteral(fn.name()), CppStringLiteral(fn.qualname.empty() ? fn.name() : fn.qualname),
                     fn.uses_module ? "pyxx_module" : "nullptr", captures));
    indent_ = body;
    if (!fn.closure_sources.empty()) {
      Line("PyObject* const pyxx_closure = pyxx_closure_owner.get();");
    }
    if (fn.uses_class_cell) {
      Line("PyObject* const pyxx_function = pyxx_function_owner.get();");
    }
  }
  const size_t site_declaration = out_.size();
  const uint32_t def_line = source_.Locate(fn.syntax->def_range.begin).line;
  site_local_ = true;
  runtime_line_ = def_line;
  if (track_line_) {
    Line("try {");
    indent_ = body + 2;
  }
  if (fn.with_gil) {
    Line("pyxx::AcquiredGil pyxx_gil;  // @cython.with_gil");
  }
  // The frame (runtime/frame_slots.hpp), declared here once its size is known.
  // A nogil function's objects are released under the GIL by ClearWithGil instead.
  const size_t frame_declaration = out_.size();
  const int frame_indent = indent_;
  frame_on_ = !fn.nogil;
  next_slot_ = 0;
  for (const auto& local : fn.locals) {
    if (local.in_cell()) {
      DeclareCellLocal(local);
      continue;
    }
    if (local.is_param) {
      continue;
    }
    if (local.is_const) {
      continue;  // declared where its value is given (EmitConstLocal)
    }
    // A local that is only assigned (a loop counter `_i`) is still kept, as Python keeps it.
    std::string attribute = local.reads == 0 ? "[[maybe_unused]] " : "";
    if (local.type.IsObject() && frame_on_) {
      Line(fmt::format("{}pyxx::Ref& {} = pyxx_frame[{}];", attribute, CppName(local.name), next_slot_++));
    } else if (local.type.IsObject()) {
      Line(fmt::format("{}pyxx::Ref {};", attribute, CppName(local.name)));
    } else {
      Line(fmt::format("{}{}{} {}{{}};", attribute, checked::SpellCpp(local.type), local.is_volatile ? " volatile" : "",
                       CppName(local.name)));
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
  const size_t view_access_declaration = out_.size();
  const int view_access_indent = indent_;
  for (size_t i = 0; i < fn.param_facts.size(); ++i) {
    if (fn.param_facts[i].view_access) {
      view_access_[static_cast<int>(i)] = fmt::format("pyxx_view{}", i);
    }
  }
  frame_base_ = next_slot_;
  frame_size_ = next_slot_;
  single_exit_ = NeedsSingleExit(fn);
  exit_jumped_ = false;
  if (single_exit_) {
    Line(fmt::format("{} pyxx_return_value;", fn.return_type.IsObject() ? "pyxx::Ref" : checked::SpellCpp(fn.return_type)));
    Line("{");  // the jumps to `pyxx_return` leave the body's scopes, never enter one
    indent_ += 2;
  }
  EmitBlock(fn.syntax->body);
  {
    const int saved = indent_;
    indent_ = view_access_indent;
    DeclareViewAccesses(fn, view_access_declaration);
    indent_ = saved;
  }
  RemoveEmptyFrameClears(frame_declaration);
  if (frame_size_ > 0) {
    out_.insert(frame_declaration,
                fmt::format("{}pyxx::Frame<{}> pyxx_frame;\n", std::string(static_cast<size_t>(frame_indent), ' '), frame_size_));
  }
  if (!EndsWithReturn(fn.syntax->body)) {
    if (fn.return_type.IsObject()) {
      Line(single_exit_ ? "pyxx_return_value = pyxx::Ref::borrow(Py_None);" : "return pyxx::Ref::borrow(Py_None);");
    } else if (!fn.return_type.IsVoid() && !single_exit_) {
      // `return {};`, not `return T{};`: T may be several words (`unsigned char`).
      Line("return {};");
    }
  }
  if (single_exit_) {
    indent_ -= 2;
    Line("}");
    if (exit_jumped_) {
      Line("pyxx_return:");
    }
    Line("return pyxx_return_value;");
    single_exit_ = false;
  }
  frame_on_ = false;
  frame_size_ = 0;
  next_slot_ = 0;
  frame_base_ = 0;
  if (track_line_) {
    indent_ = body;
    Line("} catch (...) {");
    Line("  pyxx::add_caller(pyxx_site);  // this function's traceback entry");
    Line("  throw;");
    Line("}");
    track_line_ = false;
  }
  site_local_ = false;
  if (out_.find("pyxx_site", site_declaration) != std::string::npos) {
    out_.insert(site_declaration, fmt::format("{}pyxx::Site pyxx_site{{{}, {}}};\n", std::string(body, ' '),
                                              CppStringLiteral(fn.name()), def_line));
  }
  if (fn.is_generator) {
    indent_ = 2;
    Line("});");
  }
  indent_ = 0;
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

// A handler or `finally` block releases the slots its `try` may have held
// (ClearFrameFrom) before the function's frame size is known: those above
// every slot the function uses (all, without a frame) release nothing.
void Emitter::RemoveEmptyFrameClears(size_t from) {
  static constexpr std::string_view kClear = "pyxx_frame.clear_from(";
  size_t pos = from;
  while ((pos = out_.find(kClear, pos)) != std::string::npos) {
    const size_t line_begin = out_.rfind('\n', pos) + 1;
    const size_t line_end = out_.find('\n', pos) + 1;
    const int slot = std::stoi(out_.substr(pos + kClear.size()));
    if (slot >= frame_size_) {
      out_.erase(line_begin, line_end - line_begin);
      pos = line_begin;
    } else {
      pos = line_end;
    }
  }
}

// Declares, at `at` in out_, the ViewAccess of each view parameter whose
// elements the body addresses through it (ParamFacts::view_access).
void Emitter::DeclareViewAccesses(const checked::FunctionInfo& fn, size_t at) {
  std::string declarations;
  for (const auto& [index, name] : view_access_) {
    if (static_cast<size_t>(index) >= fn.param_facts.size() || !fn.param_facts[index].view_access) {
      continue;  // a local view's, declared after its binding (DeclareLocalViewAccess)
    }
    const Type& t = fn.param_types[static_cast<size_t>(index)];
    declarations += fmt::format("{}const pyxx::ViewAccess<{}, {}, {}> {}({});\n", std::string(indent_, ' '),
                                checked::SpellCpp(checked::ViewElement(t)), t.ndim, t.contiguous_dim, name,
                                ParamName(fn, static_cast<size_t>(index)));
  }
  out_.insert(at, declarations);
  view_access_.clear();
}

// The ViewAccess of a local view bound once, right after the statement that
// binds it (StmtFacts::view_access_local); the element accesses after it use it.
void Emitter::DeclareLocalViewAccess(int local) {
  const checked::LocalVar& v = fn_->locals[static_cast<size_t>(local)];
  const std::string name = fmt::format("pyxx_view{}", local);
  Line(fmt::format("const pyxx::ViewAccess<{}, {}, {}> {}({});", checked::SpellCpp(checked::ViewElement(v.type)),
                   v.type.ndim, v.type.contiguous_dim, name, LocalName(local)));
  view_access_[local] = name;
}

// The CPython type object of a builtin type an annotation names.
auto BuiltinTypeObject(const std::string& name) -> std::string {
  static const std::map<std::string, std::string> kTypes = {
      {"int", "PyLong_Type"},       {"float", "PyFloat_Type"},   {"bool", "PyBool_Type"},
      {"complex", "PyComplex_Type"}, {"str", "PyUnicode_Type"},  {"bytes", "PyBytes_Type"},
      {"bytearray", "PyByteArray_Type"}, {"list", "PyList_Type"}, {"dict", "PyDict_Type"},
      {"tuple", "PyTuple_Type"},    {"set", "PySet_Type"},       {"frozenset", "PyFrozenSet_Type"},
  };
  auto it = kTypes.find(name);
  return it != kTypes.end() ? it->second : std::string();
}

namespace {

auto TestedTypeObject(const std::string& name) -> std::string {
  std::string type = BuiltinTypeObject(name);
  PYXX_CHECK(!type.empty(), "a parameter type test of a type without a type object");
  return type;
}

}  // namespace

void Emitter::EmitWrapper(const checked::FunctionInfo& fn) {
  fn_ = &fn;
  temp_counter_ = 0;
  indent_ = 0;
  const auto& params = fn.syntax->params;
  size_t n = params.size();
  // The slot in pyxx_argv of each named parameter; `*args` and `**kwargs` have none.
  std::vector<size_t> slot(n, SIZE_MAX);
  size_t named = 0;
  size_t required = 0;
  for (size_t i = 0; i < n; ++i) {
    const auto& p = params[i];
    if (p.kind == syntax::Param::Kind::Normal) {
      slot[i] = named++;
      required += p.default_value ? 0 : 1;
    }
  }
  // `self` of a module-level function is its module (PEP 489): it is handed on.
  // A function made when its `def` runs (nested, or decorated) is called with its
  // function object, which holds the module.
  const bool function_object = fn.made_at_def();
  bool stored_defaults = false;
  for (int s : fn.default_slots) stored_defaults |= s >= 0;
  Line(fmt::format("PyObject* {}(PyObject* {}, PyObject* const* pyxx_args, Py_ssize_t pyxx_nargs, PyObject* pyxx_kwnames) {{",
                   WrapperName(fn), function_object ? "pyxx_self" : "pyxx_module"));
  const size_t signature_end = out_.size();
  indent_ = 2;
  if (function_object) {
    if (fn.uses_module || stored_defaults) {
      Line("PyObject* pyxx_module = pyxx::function_module(pyxx_self);");
    }
    if (!fn.closure_sources.empty()) {
      Line("PyObject* pyxx_closure = pyxx::function_closure(pyxx_self);");
    }
  }
  // The argument for parameter i, or its default when the default is kept at run
  // time: in a nested function's object (all of its defaults, in order), or in
  // the module's state (a module-level function's default that is no literal;
  // null with NameError set before its `def` ran).
  auto kept_default = [&](size_t i) { return fn.nested ? params[i].default_value != nullptr : fn.default_slots[i] >= 0; };
  auto argument = [&](size_t i) -> std::string {
    const size_t k = slot[i];
    if (fn.nested && params[i].default_value) {
      size_t index = 0;
      for (size_t j = 0; j < i; ++j) index += params[j].default_value ? 1 : 0;
      return fmt::format("(pyxx_argv[{}] != nullptr ? pyxx_argv[{}] : pyxx::function_default(pyxx_self, {}))", k, k,
                         index);
    }
    if (!fn.nested && fn.default_slots[i] >= 0) {
      return fmt::format("(pyxx_argv[{}] != nullptr ? pyxx_argv[{}] : pyxx::default_value(pyxx_module, {}, {}))", k, k,
                         fn.default_slots[i], CppStringLiteral(fn.name()));
    }
    return fmt::format("pyxx_argv[{}]", k);
  };
  std::string names;
  for (const auto& p : params) {
    if (p.kind == syntax::Param::Kind::Normal) names += CppStringLiteral(p.name) + ", ";
  }
  Line(fmt::format("static const char* const pyxx_names[] = {{{}nullptr}};", names));
  // The signature as a constant descriptor: the wrapper keeps only unpack_call's
  // inline fast path and one call to the shared general binding.
  size_t nposonly = 0;
  size_t nkwonly = 0;
  size_t nkwonly_required = 0;
  bool varargs = false;
  bool varkw = false;
  std::string optional;
  for (const auto& p : params) {
    varargs |= p.kind == syntax::Param::Kind::VarArgs;
    varkw |= p.kind == syntax::Param::Kind::KwArgs;
    if (p.kind != syntax::Param::Kind::Normal) continue;
    optional += p.default_value ? "true, " : "false, ";
    nposonly += p.positional_only ? 1 : 0;
    nkwonly += p.keyword_only ? 1 : 0;
    nkwonly_required += p.keyword_only && !p.default_value ? 1 : 0;
  }
  // Positional parameters with a default follow those without one.
  const size_t positional_required = required - nkwonly_required;
  // Only keyword-only parameters, whose defaults may come in any order, need the
  // per-parameter flags.
  if (nkwonly > 0) {
    Line(fmt::format("static const bool pyxx_optional[] = {{{}false}};", optional));
  }
  Line(fmt::format("static const pyxx::ArgSpec pyxx_spec{{{}, pyxx_names, {}, {}, {}, {}, {}, {}, {}, {}}};",
                   CppStringLiteral(fn.qualname), named, positional_required, nposonly, nkwonly, nkwonly_required,
                   nkwonly > 0 ? "pyxx_optional" : "nullptr", varargs ? "true" : "false", varkw ? "true" : "false"));
  Line(fmt::format("PyObject* pyxx_argv[{}] = {{}};", named == 0 ? 1 : named));
  if (varargs || varkw) {
    Line("pyxx::Ref pyxx_varargs;");
    Line("pyxx::Ref pyxx_varkw;");
    Line("if (!pyxx::unpack_call(pyxx_args, pyxx_nargs, pyxx_kwnames, pyxx_spec, pyxx_argv, &pyxx_varargs, &pyxx_varkw)) {");
  } else {
    Line("if (!pyxx::unpack_call(pyxx_args, pyxx_nargs, pyxx_kwnames, pyxx_spec, pyxx_argv)) {");
  }
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
    if (params[i].kind != syntax::Param::Kind::Normal) {
      call_args += params[i].kind == syntax::Param::Kind::VarArgs ? "std::move(pyxx_varargs)" : "std::move(pyxx_varkw)";
      continue;
    }
    const size_t k = slot[i];
    // A builtin-type annotation is tested on a passed argument (a default is not tested).
    if (t.IsObject() && i < fn.param_type_tests.size() && fn.param_type_tests[i].instance) {
      const checked::ParamTypeTest& test = fn.param_type_tests[i];
      Line(fmt::format("if ({}!pyxx::arg_instance_test(pyxx_argv[{}], {}, {}, {}, {})) {{",
                       params[i].default_value ? fmt::format("pyxx_argv[{}] != nullptr && ", k) : "", k,
                       CClassTypeVar(test.type_name), test.allows_none ? "true" : "false",
                       CppStringLiteral(params[i].name), CppStringLiteral(test.type_name)));
      Line("  return nullptr;");
      Line("}");
    } else if (t.IsObject() && i < fn.param_type_tests.size() && !fn.param_type_tests[i].type_name.empty()) {
      const checked::ParamTypeTest& test = fn.param_type_tests[i];
      Line(fmt::format("if ({}!pyxx::arg_type_test(pyxx_argv[{}], &{}, {}, {})) {{",
                       params[i].default_value ? fmt::format("pyxx_argv[{}] != nullptr && ", k) : "", k,
                       TestedTypeObject(test.type_name), test.allows_none ? "true" : "false",
                       CppStringLiteral(params[i].name)));
      Line("  return nullptr;");
      Line("}");
    }
    // A stored default is null before the `def` ran (NameError set).
    const bool may_be_null = !fn.nested && fn.default_slots[i] >= 0;
    if (kept_default(i) && t.IsObject()) {
      Line(fmt::format("pyxx::Ref {} = pyxx::Ref::borrow({});", name, argument(i)));
      if (may_be_null) {
        Line(fmt::format("if (!{}) {{", name));
        Line("  return nullptr;");
        Line("}");
      }
      call_args += fmt::format("std::move({})", name);
    } else if (kept_default(i) && !t.IsMemoryView()) {
      Line(fmt::format("{} {}{{}};", checked::SpellCpp(t), name));
      if (may_be_null) {
        Line(fmt::format("PyObject* pyxx_arg{} = {};", i, argument(i)));
        Line(fmt::format("if (pyxx_arg{} == nullptr || !{}(pyxx_arg{}, {})) {{", i, FromPython(t), i, name));
      } else {
        Line(fmt::format("if (!{}({}, {})) {{", FromPython(t), argument(i), name));
      }
      Line("  return nullptr;");
      Line("}");
      call_args += t.IsCppClass() ? fmt::format("std::move({})", name) : name;
    } else if (t.IsObject() && fn.kind == checked::FunctionKind::Def && fn.borrows_param(i) &&
               (!params[i].default_value || params[i].default_value->kind == syntax::Expr::Kind::None)) {
      // Lent to the function as the caller lent it (pyxx::Lent): no reference of our own.
      call_args += params[i].default_value ? fmt::format("pyxx_argv[{}] != nullptr ? pyxx_argv[{}] : Py_None", k, k)
                                           : fmt::format("pyxx_argv[{}]", k);
    } else if (t.IsObject()) {
      if (params[i].default_value) {
        Line(fmt::format("pyxx::Ref {} = pyxx_argv[{}] != nullptr ? pyxx::Ref::borrow(pyxx_argv[{}]) : {};", name, k, k,
                         OwnedObject(*params[i].default_value)));
      } else {  // bound: never null
        Line(fmt::format("pyxx::Ref {} = pyxx::Ref::borrow(pyxx_argv[{}]);", name, k));
      }
      call_args += fmt::format("std::move({})", name);
    } else if (t.IsMemoryView()) {
      bool writable = fn.param_facts[i].view_written;
      bool allows_none = i < fn.param_type_tests.size() && fn.param_type_tests[i].allows_none;
      // Left out, a parameter with a default gets it (only None is a view's default).
      std::string arg = argument(i);
      if (params[i].default_value && arg.rfind("pyxx_argv[", 0) == 0) {
        arg = fmt::format("({} != nullptr ? {} : Py_None)", arg, arg);
      }
      Line(fmt::format("{} {};", checked::SpellCpp(t), name));
      Line(fmt::format("if (!{}.acquire_argument({}, {}, {}, {}, {})) {{", name, arg, writable ? "true" : "false",
                       ViewContiguity(t), CppStringLiteral(params[i].name), allows_none ? "true" : "false"));
      Line("  return nullptr;");
      Line("}");
      call_args += name;
    } else {
      if (params[i].default_value) {
        Line(fmt::format("{} {} = {};", checked::SpellCpp(t), name, EmitAs(*params[i].default_value, t)));
        Line(fmt::format("if (pyxx_argv[{}] != nullptr && !{}(pyxx_argv[{}], {})) {{", k, FromPython(t), k, name));
      } else {
        Line(fmt::format("{} {}{{}};", checked::SpellCpp(t), name));
        Line(fmt::format("if (!{}(pyxx_argv[{}], {})) {{", FromPython(t), k, name));
      }
      Line("  return nullptr;");
      Line("}");
      call_args += t.IsCppClass() ? fmt::format("std::move({})", name) : name;  // the converted vector, not a copy
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
    if (auto member = CpdefEnumToPython(rt, value)) {
      return fmt::format("return {};", *member);  // the member of its Python class (emit_enums.cpp)
    }
    return fmt::format("return pyxx::to_python{}({});", rt.IsArray() || rt.IsStruct() || rt.IsCppClass() ? "_adl" : "",
                       value);
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
  const std::string self = function_object ? "pyxx_self" : "pyxx_module";
  if (out_.find(self, signature_end) == std::string::npos) {
    // Neither the native call nor a default value needs it: leave it unnamed.
    out_.replace(out_.find("PyObject* " + self), ("PyObject* " + self).size(), "PyObject*");
  }
  fn_ = nullptr;
}

}  // namespace pyxx::emit
