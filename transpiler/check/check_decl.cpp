// Signatures, local variables and the inference of unannotated locals.
#include <fmt/format.h>

#include <algorithm>
#include <tuple>

#include "check/checker_impl.h"
#include "syntax/scalar_names.h"
#include "syntax/walk.h"

namespace pyxx::check {

auto IsConstantDefault(const Expr& e) -> bool {
  switch (e.kind) {
    case Expr::Kind::Int: case Expr::Kind::Float: case Expr::Kind::Bool: case Expr::Kind::None:
    case Expr::Kind::String:
      return true;
    case Expr::Kind::Unary:
      return (e.unary_op == syntax::UnaryOp::Neg || e.unary_op == syntax::UnaryOp::Pos) &&
             IsConstantDefault(e.operand());
    default:
      return false;
  }
}

namespace {

auto HasDecorator(const syntax::FunctionAttrs& a, syntax::DialectName name) -> const syntax::DecoratorInfo* {
  for (const auto& d : a.decorators) {
    if (d.name == name) {
      return &d;
    }
  }
  return nullptr;
}

// The type `@cython.locals(name=T)` gives `name`, or nullptr.
auto LocalsEntry(const syntax::FunctionAttrs& a, const std::string& name) -> const syntax::TypeExpr* {
  for (const auto& [local, texpr] : a.locals) {
    if (local == name) {
      return &texpr;
    }
  }
  return nullptr;
}

auto FirstDecoratorRange(const syntax::Function& fn) -> SourceRange {
  if (!fn.attrs.decorators.empty()) {
    return fn.attrs.decorators.front().range;
  }
  return fn.def_range;
}

}  // namespace

Checker::Checker(const syntax::Module& module, const base::SourceBuffer& source, diag::DiagnosticSink& sink,
                 const std::vector<CimportedModule>* cimports)
    : cimports_(cimports), module_(module), source_(source), sink_(&sink) {
  out_.SizeFor(module);
  gil_stack_.push_back(GilFrame{});
}

void Checker::CollectModuleNames() {
  auto bind = [&](const std::string& name, SourceRange r) {
    if (module_names_.insert(name).second) {
      module_name_ranges_[name] = r;
    }
  };
  // Module code binds names in nested blocks too (`if __name__ == "__main__": import sys`,
  // `try: import numpy` / `except ImportError: numpy = None`); function bodies do not.
  // The module's own (top-level) functions are functions, not globals.
  for (const auto& top : module_.body) {
    if (top->kind == Stmt::Kind::Function) {
      // Its defaults and decorators are module code: `def f(a=(n := 7))` binds `n`.
      syntax::ForEachWalrus(*top, [&](const Expr& walrus, bool) { bind(walrus.walrus_target().name, walrus.range); });
      continue;
    }
    syntax::ForEachStmtIn(*top, [&](const Stmt& s) {
      syntax::ForEachBoundName(s, [&](std::string_view name, SourceRange r) { bind(std::string(name), r); });
      if (s.kind == Stmt::Kind::Import) {
        for (const auto& imp : s.imports) {
          if (imp.name.empty()) {
            imported_modules_[syntax::BoundName(imp)] = imp.alias.empty() ? syntax::BoundName(imp) : imp.module;
          }
        }
      }
    });
  }
  // ... and so does `global x` then `x = 0` in a class body, wherever the class is.
  auto class_globals = [&](auto& self, const Stmt& st) -> void {
    if (st.kind == Stmt::Kind::Class) {
      std::set<std::string> globals;
      syntax::ForEachStmtIn(st.blocks[0], [&](const Stmt& s) {
        if (s.kind == Stmt::Kind::Global) {
          globals.insert(s.names.begin(), s.names.end());
        }
      });
      syntax::ForEachStmtIn(st.blocks[0], [&](const Stmt& s) {
        syntax::ForEachBoundName(s, [&](std::string_view name, SourceRange r) {
          if (globals.count(std::string(name)) != 0) {
            bind(std::string(name), r);
          }
        });
      });
    }
    syntax::ForEachChild(st, syntax::Overloaded{[](const Expr&) {}, [&](const Stmt& child) { self(self, child); }});
  };
  for (const auto& top : module_.body) {
    class_globals(class_globals, *top);
  }
  // `global x` then `x = 0` in a function creates the module global `x`: in any
  // function, a method or a nested one too (a private name there is mangled: `_C__x`).
  auto function_globals = [&](auto& self, const Stmt& st) -> void {
    if (st.kind == Stmt::Kind::Function && st.function) {
      const syntax::Block& body = st.function->body;
      std::set<std::string> globals;
      syntax::ForEachStmtIn(body, [&](const Stmt& s) {
        if (s.kind == Stmt::Kind::Global) {
          globals.insert(s.names.begin(), s.names.end());
        }
      });
      if (!globals.empty()) {
        syntax::ForEachStmtIn(body, [&](const Stmt& s) {
          syntax::ForEachBoundName(s, [&](std::string_view name, SourceRange r) {
            if (globals.count(std::string(name)) != 0) {
              bind(std::string(name), r);
            }
          });
        });
      }
      for (const auto& inner : body) {
        self(self, *inner);
      }
      return;
    }
    syntax::ForEachChild(st, syntax::Overloaded{[](const Expr&) {}, [&](const Stmt& child) { self(self, child); }});
  };
  for (const auto& top : module_.body) {
    function_globals(function_globals, *top);
  }
}

// `cython.double[:, ::1]` written as an expression, as `cython.declare`'s type:
// the memoryview type the same annotation gives, or nullopt when it is none.
auto Checker::ViewTypeFromExpr(const Expr& e) -> std::optional<Type> {
  if (e.kind != Expr::Kind::Subscript || e.args.empty() || e.object().kind != Expr::Kind::DialectRef) {
    return std::nullopt;
  }
  std::string_view member = syntax::CythonMember(e.object().dialect_path);
  std::optional<syntax::ScalarKind> scalar = member.empty() ? std::nullopt : syntax::CythonScalar(member);
  if (!scalar || *scalar == syntax::ScalarKind::Void) {
    return std::nullopt;
  }
  syntax::TypeExpr view;
  view.kind = syntax::TypeExpr::Kind::MemoryView;
  view.element = *scalar;
  view.range = e.range;
  view.ndim = static_cast<int>(e.args.size());
  view.contiguous_dim = -1;
  for (size_t i = 0; i < e.args.size(); ++i) {
    const Expr& axis = *e.args[i];
    if (axis.kind != Expr::Kind::Slice || axis.lower() != nullptr || axis.upper() != nullptr) {
      return std::nullopt;
    }
    if (axis.step() != nullptr) {
      if (axis.step()->kind != Expr::Kind::Int || axis.step()->text != "1" || view.contiguous_dim >= 0) {
        return std::nullopt;
      }
      view.contiguous_dim = static_cast<int>(i);
    }
  }
  if (view.contiguous_dim > 0 && view.contiguous_dim != view.ndim - 1) {
    return std::nullopt;  // `::1` first (Fortran) or last (C) only, as in annotations
  }
  return AnnotationType(view, false);
}

// The type `cython.declare(T, ...)` declares: T, or a memoryview type.
auto Checker::DeclaredType(const Expr& e) -> std::optional<Type> {
  if (auto t = TypeFromExpr(e)) {
    return t;
  }
  return ViewTypeFromExpr(e);
}

auto Checker::AnnotationType(const syntax::TypeExpr& t, bool numba) -> Type {
  using K = syntax::TypeExpr::Kind;
  if (t.init_var && !reading_dataclass_field_) {
    if (reported_init_vars_.insert(t.range.begin).second) {
      Report(Kind::InvalidTypeUse, t.range,
             std::string("`dataclasses.InitVar[...]` outside a field of a `@cython.dataclasses.dataclass` type"));
    }
    return Type::Error();
  }
  if (t.is_const || t.is_volatile) {
    // Only a function's local takes a qualifier (DeclareLocals strips it first).
    Report(Kind::UnsupportedType, t.range,
           fmt::format("`cython.{}[...]` anywhere but on a local variable of a function",
                       t.is_const ? "const" : "volatile"));
    return Type::Error();
  }
  switch (t.kind) {
    case K::Invalid:
      return Type::Error();
    case K::Pointer:
    case K::Array:
    case K::CName:
    case K::CTuple:
    case K::CppVector:
    case K::CppString:
    case K::CppTemplate:
    case K::PyBuffer:
      return ResolveCType(t);
    case K::Scalar:
      if (!t.c_name.empty()) {
        return RejectOpaqueValue(t);  // `f: FILE` (check_cdata.cpp)
      }
      return FromScalar(t.scalar);
    case K::Fused:
      ReportMisplacedFused(t);
      return Type::Error();
    case K::MemoryView: {
      if (t.fused >= 0) {
        ReportMisplacedFused(t);
        return Type::Error();
      }
      if (t.element == syntax::ScalarKind::UCS4) {
        // Its buffer format is no struct-module code pyxx checks (array's 'w' is 3.13's).
        Report(Kind::UnsupportedType, t.range, std::string("a memoryview of `cython.Py_UCS4`"));
        return Type::Error();
      }
      Type mv = Type::Of(TypeKind::MemoryView);
      mv.element = t.element;
      mv.ndim = t.ndim;
      mv.contiguous_dim = t.contiguous_dim;
      if (!t.c_name.empty()) {
        // `char_type[:]` of `char_type = cython.typedef(cython.uchar)`: a view of the C number it names.
        syntax::TypeExpr name;
        name.kind = K::CName;
        name.c_name = t.c_name;
        name.range = t.range;
        Type element = ResolveCType(name);
        if (element.IsError()) {
          return element;
        }
        if (element.IsStruct()) {
          // `Point[:]`: a view of records (a structured NumPy array, a ctypes array of
          // Structure), their format checked field by field when the buffer is taken.
          if (!StructViewable(element, t.range)) {
            return Type::Error();
          }
          out_.structs[static_cast<size_t>(element.struct_id)].viewed = true;
          Type view = checked::ViewOf(element, t.ndim);
          view.contiguous_dim = t.contiguous_dim;
          return view;
        }
        const syntax::ScalarKind scalar = checked::ScalarOf(element.kind);
        if (!(element.IsNumeric() || element.IsComplex()) || scalar == syntax::ScalarKind::Void) {
          Report(Kind::UnsupportedType, t.range, fmt::format("a memoryview of {}", Describe(element)));
          return Type::Error();
        }
        mv.element = scalar;
      }
      return mv;
    }
    case K::Object:
      if (t.python_builtin_spelling && numba) {
        // Numba's mapping (spec §6): int -> int64, bool -> bool.
        if (t.object_name == "int") {
          return Type::Of(TypeKind::Long);
        }
        if (t.object_name == "bool") {
          return Type::Of(TypeKind::Bint);
        }
      }
      if (t.extension && out_.cclass_index.count(t.object_name) != 0) {
        return Type::Instance(t.object_name);
      }
      if (t.object_name == checked::kArrayArray) {
        UseArrayType(t.range);  // cpython.array's array.array: its type object is loaded
      }
      if (t.cimported) {
        // `x: T` of `from cython.cimports.mod import T`: an exported extension type, or nothing.
        Report(Kind::UnknownType, t.range, t.object_name)
            .AddNote(Kind::FixItHint, t.range,
                     fmt::format("the declarations of `{}` export no extension type `{}`", t.cimport_module,
                                 t.object_name.substr(t.cimport_module.size() + 1)));
        return Type::Error();
      }
      if (t.extension) {
        return Type::Object();  // the class statement was rejected or is not one: any object
      }
      return Type::Object(t.object_name == "object" ? std::string() : t.object_name);
  }
  return Type::Error();
}

auto Checker::StructViewable(const Type& element, SourceRange where) -> bool {
  if (element.is_union) {
    Report(Kind::UnsupportedType, where, fmt::format("a memoryview of the union {}", Describe(element)));
    return false;
  }
  for (const auto& [field, type] : out_.structs[static_cast<size_t>(element.struct_id)].fields) {
    // One format code per field: C numbers (not long double, which has no portable code).
    if (!type.IsNumeric() || type.kind == TypeKind::LongDouble) {
      Report(Kind::UnsupportedType, where,
             fmt::format("a memoryview of {}, whose field `{}` is {} (fields of C numbers only)", Describe(element),
                         field, Describe(type)));
      return false;
    }
  }
  return true;
}

void Checker::DeclareFunction(const syntax::Function& fn, bool nested, int parent, const std::string& qualname) {
  const auto& a = fn.attrs;
  FunctionInfo info;
  info.syntax = &fn;
  info.nested = nested;
  info.parent = parent;
  info.qualname = nested ? qualname : fn.name;
  // A C method of an extension type: a C function called through the class's
  // vtable (a ccall one also a Python method, made when its `def` runs).
  const auto c_method_of = cclass_methods_.find(&fn);
  const bool in_cclass = nested && c_method_of != cclass_methods_.end();
  // `@staticmethod` `@cython.cfunc`: a C function of the type, without `self` or a vtable slot.
  const Expr* static_decorator = in_cclass && a.cfunc && !a.ccall ? StaticmethodDecorator(fn) : nullptr;
  const bool static_c = static_decorator != nullptr;
  // `__getbuffer__`/`__releasebuffer__`: the type's buffer slots, C functions (check_buffer.cpp).
  const bool buffer_slot = in_cclass && IsBufferSlotName(fn.name);
  const bool c_method = in_cclass && (a.cfunc || a.ccall) && !static_c && !buffer_slot;
  info.kind = buffer_slot                                ? FunctionKind::CFunc
              : nested && !c_method && !static_c ? FunctionKind::Def
              : a.numba                        ? FunctionKind::Numba
              : a.ccall                        ? FunctionKind::CCall
              : a.cfunc                        ? FunctionKind::CFunc
                                               : FunctionKind::Def;
  if (c_method) {
    info.cclass = out_.cclass_index.at(c_method_of->second);
  }
  if (static_c) {
    info.static_of = out_.cclass_index.at(c_method_of->second);
  }
  if (buffer_slot) {
    info.buffer_slot_of = out_.cclass_index.at(c_method_of->second);
  }
  bool numba = info.kind == FunctionKind::Numba;

  const bool later_specialisation = fn.fused_specialisation > 0;  // the first one stands for all
  if (auto it = out_.function_index.find(fn.name); !nested && !later_specialisation && it != out_.function_index.end()) {
    Report(Kind::Redefinition, fn.name_range, fn.name)
        .AddNote(Kind::PreviousDefinition, out_.functions[it->second].syntax->name_range, fn.name);
    redefined_.insert(&fn);
  }
  if (!nested && !later_specialisation && module_names_.count(fn.name) != 0) {
    Report(Kind::Redefinition, fn.name_range, fn.name)
        .AddNote(Kind::PreviousDefinition, module_name_ranges_[fn.name], fn.name);
    redefined_.insert(&fn);
  }
  const size_t errors_before = sink_->diagnostics().size();
  const bool method = nested && methods_.count(&fn) != 0;
  if (nested) {
    // A method of a plain class or a nested function is a Python function made
    // when its `def` runs; Cython allows C functions (and nogil ones) only at
    // module level and in extension types, and rejects them here too. Cython's
    // other decorators (`locals`, `returns`, `exceptval`, directives) act on it
    // as on any `def` (Cython 3 types its locals too); Python decorators apply
    // when the `def` runs.
    for (const auto& d : a.decorators) {
      if (redefined_.count(&fn) != 0) {
        break;  // one diagnostic per cause: PX105 said it
      }
      if (buffer_slot) {
        Report(Kind::InvalidDecorator, d.range,
               fmt::format("`@{}` on `{}`: the type's buffer slot takes no decorators (as in Cython)", d.path, fn.name));
        continue;
      }
      const bool c_function = d.name == syntax::DialectName::CythonCfunc ||
                              d.name == syntax::DialectName::CythonCcall ||
                              d.name == syntax::DialectName::CythonNogil ||
                              d.name == syntax::DialectName::CythonWithGil;
      if ((c_method || static_c) && c_function) {
        continue;  // a C method: checked as a module-level C function's decorators are
      }
      if (cclass_methods_.count(&fn) != 0 && c_function) {
        Report(Kind::InvalidDecorator, d.range,
               fmt::format("`@{}` needs `@cython.cfunc` or `@cython.ccall`: a `def` method is called "
                           "from Python and always holds the GIL",
                           d.path));
        continue;
      }
      if (method && c_function) {
        Report(Kind::InvalidDecorator, d.range,
               fmt::format("`@{}` on a method of a plain Python class: C methods belong to extension types "
                           "(`@cython.cclass`); a plain class's methods are `def` functions",
                           d.path));
      } else if (!method && (c_function || a.numba)) {
        Report(Kind::UnsupportedDecorator, d.range, d.path)
            .AddNote(Kind::FixItHint, d.range,
                     "a nested function is a Python function: move it to module level to make it a C function");
      }
    }
    if (buffer_slot) {
      for (const auto& d : a.unknown_decorators) {
        Report(Kind::InvalidDecorator, d->range,
               fmt::format("`@{}` on `{}`: the type's buffer slot takes no decorators (as in Cython)", Text(d->range),
                           fn.name));
      }
    } else if (c_method || static_c) {
      RejectUsedDroppedClassmethod(fn);
      for (const auto& d : a.unknown_decorators) {
        if (d.get() == static_decorator) {
          continue;
        }
        // Cython too: C methods take no Python decorators (classmethod, ...).
        auto b = Report(Kind::UnsupportedDecorator, d->range, Text(d->range));
        if (IsStaticmethodName(*d)) {
          b.AddNote(Kind::FixItHint, d->range,
                    "a static C method is a `@cython.cfunc` method (pyxx has no static `@cython.ccall` ones)");
        }
      }
    } else if (!method) {
      for (const auto& d : a.unknown_decorators) {
        info.decorators.push_back(d.get());
      }
    }
  } else {
    for (const auto& d : a.unknown_decorators) {
      const syntax::Expr& callee = d->kind == Expr::Kind::Call ? d->callee() : *d;
      if (info.kind == FunctionKind::Def && callee.kind != Expr::Kind::DialectRef) {
        info.decorators.push_back(d.get());  // a decorator written in Python: applied when the `def` runs
        continue;
      }
      static constexpr std::string_view kCythonDecorators[] = {
          "exceptval", "locals", "returns", "inline", "cfunc", "ccall", "nogil", "with_gil", "boundscheck",
          "wraparound", "cdivision", "final", "infer_types", "annotation_typing"};
      if (callee.kind == Expr::Kind::Name &&
          std::find(std::begin(kCythonDecorators), std::end(kCythonDecorators), callee.name) !=
              std::end(kCythonDecorators) &&
          module_names_.count(callee.name) == 0 && out_.function_index.count(callee.name) == 0 &&
          out_.cclass_index.count(callee.name) == 0) {
        // `@exceptval(...)` without `from cython import exceptval`: a name nothing binds.
        Report(Kind::UndefinedName, callee.range, callee.name)
            .AddNote(Kind::FixItHint, callee.range,
                     fmt::format("Cython's decorator is `cython.{0}` (or `from cython import {0}`)", callee.name));
        continue;
      }
      // Cython too: C functions take no arbitrary decorators.
      Report(Kind::UnsupportedDecorator, d->range, Text(d->range));
    }
  }
  if (a.final_range && (nested || (info.kind != FunctionKind::CFunc && info.kind != FunctionKind::CCall))) {
    // At module level nothing can override a C function, so Cython's `final` changes
    // nothing there; on a method it would change which override a call reaches.
    Report(Kind::UnsupportedDecorator, *a.final_range, "cython.final")
        .AddNote(Kind::FixItHint, *a.final_range,
                 "`@cython.final` is taken on a module-level `@cython.cfunc` or `@cython.ccall` function (where "
                 "it changes nothing) and on an extension type");
  }
  if (fn.is_async) {
    Report(Kind::CoroutineSyntax, fn.def_range, "`async def` function");
  }

  // Decorator combinations (spec §3).
  if (info.kind == FunctionKind::Def && !nested) {
    for (auto name : {syntax::DialectName::CythonNogil, syntax::DialectName::CythonWithGil}) {
      if (const auto* d = HasDecorator(a, name)) {
        Report(Kind::InvalidDecorator, d->range,
               fmt::format("`@{}` needs `@cython.cfunc` or `@cython.ccall`: a `def` function is called "
                           "from Python and always holds the GIL",
                           d->path))
            .AddFixIt({FirstDecoratorRange(fn).begin, FirstDecoratorRange(fn).begin}, "@cython.cfunc\n");
      }
    }
  }
  if (a.ccall && a.cfunc) {
    Report(Kind::InvalidDecorator, FirstDecoratorRange(fn),
           std::string("`@cython.cfunc` and `@cython.ccall` exclude each other"));
  }
  if (a.ccall && a.with_gil) {
    Report(Kind::InvalidDecorator, HasDecorator(a, syntax::DialectName::CythonWithGil)->range,
           std::string("`@cython.with_gil` cannot be combined with `@cython.ccall`"));
  }
  if (numba) {
    if (!a.numba_nopython) {
      const auto* d = HasDecorator(a, syntax::DialectName::NumbaJit);
      Report(Kind::InvalidDecorator, d != nullptr ? d->range : FirstDecoratorRange(fn),
             std::string("pyxx compiles Numba functions in nopython mode only: add `nopython=True` or use `@njit`"));
    }
    if (a.cfunc || a.ccall || a.nogil || a.with_gil) {
      Report(Kind::InvalidDecorator, FirstDecoratorRange(fn),
             std::string("a Numba function cannot also carry Cython function decorators"));
    }
  }

  // A `yield` anywhere in the body (not in nested functions) makes a generator:
  // only a `def` can be one (a C function returns a C value once; Cython agrees).
  syntax::ForEachStmtIn(fn.body, [&](const Stmt& s) {
    syntax::ForEachChild(s, syntax::Overloaded{[&](const Expr& e) {
                                                  syntax::ForEachExprIn(e, [&](const Expr& x) {
                                                    info.is_generator |= x.kind == Expr::Kind::Yield;
                                                  });
                                                },
                                                [](const Stmt&) {}});
  });
  if (info.is_generator && info.kind != FunctionKind::Def) {
    auto b = Report(Kind::InvalidGenerator, fn.def_range,
                    fmt::format("`{}` contains `yield`, but only a plain `def` function can be a generator "
                                "(a {} function returns its value once)",
                                fn.name, numba ? "Numba" : "C"));
    if (!numba) {
      // Cython 3.0 refuses it too ("'yield' not supported here").
      b.AddNote(Kind::FixItHint, fn.def_range,
                "drop the decorator: a plain `def` generator is called the same way and returns the generator object");
    }
  }

  // A mistake in the decorators leaves the intended kind unknown: calls of the function
  // are not held to GIL rules (they would only repeat the mistake at every call).
  const bool bad_decorators = sink_->diagnostics().size() != errors_before;
  info.nogil = numba || ((a.cfunc || a.ccall) && (a.nogil || a.with_gil));
  info.with_gil = a.with_gil && info.kind != FunctionKind::Def;
  info.release_on_entry = numba && a.numba_nogil;
  info.boundscheck = a.boundscheck.value_or(true);
  info.nonecheck = a.nonecheck.value_or(false);
  info.wraparound = a.wraparound.value_or(true);
  info.cdivision = a.cdivision.value_or(false);

  // Parameters.
  size_t numba_sig_params = a.numba_param_types.size();
  if (a.has_numba_signature && numba_sig_params != fn.params.size()) {
    Report(Kind::WrongArgumentCount, a.numba_signature_range, fmt::format("signature of {}", fn.name),
           fn.params.size(), fn.params.size() == 1 ? "" : "s", numba_sig_params,
           numba_sig_params == 1 ? "is" : "are");
  }
  for (size_t i = 0; i < fn.params.size(); ++i) {
    const syntax::Param& p = fn.params[i];
    Type t = Type::Object();
    const bool special = p.kind != syntax::Param::Kind::Normal || p.keyword_only || p.positional_only;
    if (special && info.kind != FunctionKind::Def) {
      // As in Cython: C functions take their arguments by position or name only.
      Report(Kind::UnsupportedStatement, p.range,
             fmt::format("{} of a {} function",
                         p.kind == syntax::Param::Kind::VarArgs  ? "`*args` parameters"
                         : p.kind == syntax::Param::Kind::KwArgs ? "`**kwargs` parameters"
                         : p.keyword_only                        ? "keyword-only parameters"
                                                                 : "positional-only parameters",
                         numba ? "Numba" : a.ccall ? "`@cython.ccall`" : "`@cython.cfunc`"));
      t = Type::Error();
    } else if ((c_method || buffer_slot) && i == 0 && !p.annotation && !p.default_value) {
      t = Type::Instance(c_method_of->second);  // `self`: an instance, also in a nogil method
    } else if (p.kind != syntax::Param::Kind::Normal) {
      t = Type::Object();  // the tuple of `*args`, the dict of `**kwargs` (annotations describe items)
    } else if (a.has_numba_signature && i < numba_sig_params) {
      t = AnnotationType(a.numba_param_types[i], true);
    } else if (p.annotation && p.annotation->is_const && !p.annotation->is_volatile) {
      t = ConstValueType(*p.annotation, numba);  // the body may not store to it (MarkConstParams)
    } else if (p.annotation) {
      py_buffer_allowed_ = buffer_slot;  // its `buffer` parameter's type
      t = AnnotationType(*p.annotation, numba);
      py_buffer_allowed_ = false;
      if (const syntax::TypeExpr* local = LocalsEntry(a, p.name); local != nullptr &&
          !(AnnotationType(*local, numba) == t)) {
        Report(Kind::Redefinition, local->range, p.name).AddNote(Kind::PreviousDefinition, p.range, p.name);
      }
    } else if (const syntax::TypeExpr* local = LocalsEntry(a, p.name)) {
      t = AnnotationType(*local, numba);  // `@cython.locals(a=T)` types the parameter `a`, as in Cython
    } else if (numba) {
      Report(Kind::MissingParameterType, p.range, p.name, fn.name)
          .AddFixIt({p.range.end, p.range.end}, ": int");
      t = Type::Error();
    }
    if (t.IsVoid()) {
      Report(Kind::InvalidTypeUse, p.annotation ? p.annotation->range : p.range,
             std::string("a parameter cannot have type `cython.void`"));
      t = Type::Error();
    }
    // An extension type instance is passed borrowed: its C fields and nogil
    // methods are usable without the GIL (its object fields are not, PX201).
    if (info.nogil && !info.with_gil && t.IsObject() && !t.IsExtension()) {
      auto b = Report(Kind::NogilSignatureObject, p.annotation ? p.annotation->range : p.range,
                      fmt::format("parameter `{}`", p.name), fn.name);
      if (numba) {
        b.AddNote(Kind::FixItHint, p.range, "Numba functions take C values: annotate it as `int`, `float` or `bool`");
      }
      t = Type::Error();  // the signature is the root cause: its uses in the body are no new mistakes
    }
    info.param_types.push_back(t);
    // Cython 3 tests builtin-type annotations exactly at the boundary; a `= None`
    // default lets None pass, as Optional[...] does.
    checked::ParamTypeTest test;
    if (p.annotation && p.annotation->kind == syntax::TypeExpr::Kind::Object && p.annotation->exact &&
        t.IsObject() && !(a.has_numba_signature && i < numba_sig_params)) {
      test.type_name = p.annotation->object_name;
      test.instance = t.IsExtension() || IsArrayArray(t);
      if (p.annotation->extension && !t.IsExtension()) {
        test.type_name.clear();  // no class to test against (reported where it is defined)
      }
      test.allows_none = p.annotation->allows_none ||
                         (p.default_value && p.default_value->kind == Expr::Kind::None);
    }
    if (t.IsMemoryView() && p.default_value && p.default_value->kind != Expr::Kind::None) {
      Report(Kind::UnsupportedType, p.default_value->range,
             std::string("a default other than None for a memoryview parameter"));
    }
    if (t.IsMemoryView() && p.annotation) {
      // A view parameter rejects None unless `Optional[...]` or a `= None` default (Cython 3 pure mode).
      test.allows_none = p.annotation->allows_none || (p.default_value && p.default_value->kind == Expr::Kind::None);
    }
    info.param_type_tests.push_back(test);
  }

  // Default values that are no constants are evaluated once, when the `def`
  // statement runs, and kept in the module's state (a nested function's, in
  // its function object).
  for (const auto& p : fn.params) {
    int slot = -1;
    if (p.default_value && (c_method || static_c) && !IsConstantDefault(*p.default_value)) {
      // A compiled call writes the default where it calls: only a literal means the same there.
      Report(Kind::UnsupportedExpression, p.default_value->range,
             std::string("a non-constant default value of a C method (`@cython.cfunc`/`@cython.ccall`)"));
    } else if (p.default_value && !nested && !IsConstantDefault(*p.default_value)) {
      if (numba || (info.nogil && !info.with_gil)) {
        Report(Kind::UnsupportedExpression, p.default_value->range,
               fmt::format("a non-constant default value of a {} function", numba ? "Numba" : "nogil"));
      } else {
        slot = out_.state_slots++;
      }
    }
    info.default_slots.push_back(slot);
  }
  if (method) {
    TypeCClassMethod(fn, info);
  }
  if ((info.kind == FunctionKind::CFunc || info.kind == FunctionKind::CCall) &&
      ((info.nogil && !info.with_gil) || c_method)) {
    RejectReboundInstanceParams(fn, info);
  }
  // Cython 3's `binding=True`: a function the module stores in a class binds as a
  // method there, and one whose attributes it sets has a `__dict__`, as Python's;
  // the others stay builtin functions, whose calls CPython specialises
  // (docs/design-choices.md), unless `binding` asks for it.
  const bool binding = fn.attrs.binding.value_or(stored_in_classes_.count(fn.name) != 0 ||
                                                 attributes_stored_.count(fn.name) != 0);
  info.bound_at_def = !nested && info.kind == FunctionKind::Def &&
                      (!info.decorators.empty() || binding ||
                       std::any_of(info.default_slots.begin(), info.default_slots.end(), [](int s) { return s >= 0; }));
  if (fn.fused_specialisation >= 0) {
    RejectUnsupportedFused(info);
  }

  // Return type: `-> T` or `@cython.returns(T)` (both: they must agree).
  const std::optional<syntax::TypeExpr>& written_return = fn.return_type ? fn.return_type : a.returns;
  if (fn.return_type && a.returns && !(AnnotationType(*fn.return_type, numba) == AnnotationType(*a.returns, numba))) {
    Report(Kind::InvalidDecorator, a.returns->range,
           std::string("`@cython.returns` names another type than the return annotation"))
        .AddNote(Kind::FixItHint, fn.return_type->range, "the return annotation");
  }
  if (a.has_numba_signature && a.numba_return_type) {
    info.return_type = AnnotationType(*a.numba_return_type, true);
  } else if (written_return && written_return->is_const && !written_return->is_volatile) {
    // A const result is a value like any other: Cython's `const int f()`.
    info.return_type = ConstValueType(*written_return, numba);
  } else if (written_return) {
    info.return_type = AnnotationType(*written_return, numba);
  } else if (numba) {
    info.return_type = Type::Error();  // inferred from the return statements below
  } else {
    info.return_type = Type::Object();
  }
  if (info.kind == FunctionKind::Def && info.return_type.IsObject()) {
    // Cython ignores a Python-type return annotation of a `def`: it returns the
    // object it returns, untested (a C type still converts, pyxx's rule).
    info.return_type = Type::Object();
  }
  if (info.kind == FunctionKind::Def && !info.is_generator &&
      (info.return_type.IsArray() || (info.return_type.IsStruct() && !info.return_type.IsCTuple())) &&
      !ConvertibleToObject(info.return_type)) {
    // A C array or struct with no Python value (one holding a union or a pointer)
    // cannot be what a `def` returns: Cython's rule, the annotation is not read.
    info.return_type = Type::Object();
  }
  if (info.return_type.IsMemoryView() && numba) {
    // Numba returns a NumPy array; a memoryview object would be a different value.
    Report(Kind::UnsupportedType, written_return ? written_return->range : fn.def_range,
           std::string("returning an array from a Numba function (Numba returns a NumPy array)"));
    info.return_type = Type::Error();
  }
  if (info.is_generator && info.kind == FunctionKind::Def) {
    // A call returns the generator object whatever the annotation says: Cython 3
    // ignores a generator's return annotation (`-> Iterator[int]`, `-> 'float'`), as Python does.
    info.return_type = Type::Object();
  }
  if (info.kind == FunctionKind::Def || info.kind == FunctionKind::CCall) {
    RejectUnconvertibleSignature(fn, info, written_return ? written_return->range : fn.name_range);
  }
  if (info.is_generator && info.kind == FunctionKind::Def) {
    for (size_t i = 0; i < info.param_types.size(); ++i) {
      if (info.param_types[i].IsMemoryView()) {
        Report(Kind::UnsupportedType, fn.params[i].range, std::string("memoryview parameters of generators"));
        info.param_types[i] = Type::Error();
      }
    }
  }
  if (info.nogil && !info.with_gil && info.return_type.IsObject()) {
    SourceRange where = written_return ? written_return->range : fn.name_range;
    auto b = Report(Kind::NogilSignatureObject, where, std::string("the return type"), fn.name);
    if (!written_return) {
      b.AddNote(Kind::FixItHint, fn.def_range,
                "a function without a return annotation returns a Python object; "
                "write `-> cython.void` if it returns nothing");
      // Insert before the colon that ends the header.
      b.AddFixIt({fn.def_range.end, fn.def_range.end}, " -> cython.void");
    } else if (written_return->object_name == "None") {
      b.AddNote(Kind::FixItHint, written_return->range,
                "`-> None` means \"returns a Python object\" (as in Cython); use `-> cython.void`");
      b.AddFixIt(written_return->range, "cython.void");
    }
    info.return_type = Type::Error();  // callers are not wrong because of it
  }

  if (buffer_slot) {
    CheckBufferSlotSignature(fn, info);
  }
  int index = static_cast<int>(out_.functions.size());
  if (buffer_slot) {
    checked::CClassInfo& cls = out_.cclasses[static_cast<size_t>(info.buffer_slot_of)];
    int& slot = fn.name == "__getbuffer__" ? cls.getbuffer : cls.releasebuffer;
    if (slot >= 0) {
      Report(Kind::Redefinition, fn.name_range, fn.name)
          .AddNote(Kind::PreviousDefinition, out_.functions[static_cast<size_t>(slot)].syntax->name_range, fn.name);
    } else {
      slot = index;
    }
  }
  if (bad_decorators) {
    bad_declarations_.insert(index);
  }
  if (c_method) {
    DeclareCMethod(info, index);
  } else if (static_c) {
    DeclareStaticCMethod(info, index);
  } else if (method && c_method_of != cclass_methods_.end() && redefined_.count(&fn) == 0) {
    // A `def` cannot take the place of a base type's C method (compiled calls would not see it).
    const checked::CClassInfo& cls = out_.CClass(c_method_of->second);
    if (RejectForeignOverride(cls, fn)) {
      // reported
    } else if (int base = cls.base.empty() ? -1 : out_.FindCMethod(cls.base, fn.name); base >= 0) {
      Report(Kind::Redefinition, fn.name_range, fn.name)
          .AddNote(Kind::PreviousDefinition, out_.functions[static_cast<size_t>(base)].syntax->name_range, fn.name);
    }
  }
  if (nested) {
    out_.nested_index.emplace(&fn, index);
  } else if (!later_specialisation) {
    out_.function_index.emplace(fn.name, index);
  }
  if (fn.fused_specialisation >= 0) {
    out_.specialisation_index.emplace(&fn, index);
  }
  out_.functions.push_back(std::move(info));
}

void Checker::CollectBindings(const syntax::Block& block, std::vector<const Stmt*>& out) {
  syntax::ForEachStmtIn(block, [&](const Stmt& s) {
    switch (s.kind) {
      case Stmt::Kind::Assign:
      case Stmt::Kind::AnnAssign:
      case Stmt::Kind::AugAssign:
      case Stmt::Kind::For:
      case Stmt::Kind::With:
      case Stmt::Kind::Try:
      case Stmt::Kind::Import:
      case Stmt::Kind::Expr:  // cython.declare(x=T)
      case Stmt::Kind::Function:  // a nested `def` binds its name
      case Stmt::Kind::Class:     // so does a `class` statement
        out.push_back(&s);
        break;
      default:
        break;
    }
  });
}

namespace {

// `cython.declare(T, value)` / `cython.declare(T)` as an assignment's value.
auto DeclareCall(const Expr* e) -> const Expr* {
  if (e != nullptr && e->kind == Expr::Kind::Call && !e->operands.empty() &&
      e->callee().kind == Expr::Kind::DialectRef && e->callee().dialect == syntax::DialectName::CythonDeclare) {
    return e;
  }
  return nullptr;
}

}  // namespace

// `global x` (or `nonlocal x`) after the function's own code used or bound
// `x` is Python's SyntaxError ("name 'x' is used prior to global
// declaration"). Lambdas and comprehensions are scopes of their own.
void Checker::CheckDeclarationsFirst(const syntax::Block& body) {
  std::vector<const Stmt*> declarations;
  syntax::ForEachStmtIn(body, [&](const Stmt& s) {
    if (s.kind == Stmt::Kind::Global || s.kind == Stmt::Kind::Nonlocal) {
      declarations.push_back(&s);
    }
  });
  if (declarations.empty()) {
    return;
  }
  // Every use and binding of a name in the function's own scope: (name, where, bound).
  std::vector<std::tuple<std::string, SourceRange, bool>> uses;
  std::set<uint32_t> bound_at;
  syntax::ForEachStmtIn(body, [&](const Stmt& s) {
    syntax::ForEachBoundName(s, [&](std::string_view name, SourceRange r) {
      uses.emplace_back(name, r, true);
      bound_at.insert(r.begin);
    });
  });
  std::vector<SourceRange> inner_scopes;
  syntax::ForEachExprIn(body, [&](const Expr& e) {
    if (e.kind == Expr::Kind::Lambda || e.kind == Expr::Kind::Comprehension) {
      inner_scopes.push_back(e.range);
    } else if (e.kind == Expr::Kind::Name && bound_at.count(e.range.begin) == 0) {
      uses.emplace_back(e.name, e.range, false);  // a read (a target's name is a binding above)
    }
  });
  auto inner = [&](SourceRange r) {
    return std::any_of(inner_scopes.begin(), inner_scopes.end(),
                       [&](SourceRange scope) { return scope.begin <= r.begin && r.end <= scope.end; });
  };
  for (const Stmt* d : declarations) {
    const char* keyword = d->kind == Stmt::Kind::Global ? "global" : "nonlocal";
    for (const auto& name : d->names) {
      const std::tuple<std::string, SourceRange, bool>* first = nullptr;
      for (const auto& use : uses) {
        if (std::get<0>(use) == name && std::get<1>(use).begin < d->range.begin && !inner(std::get<1>(use)) &&
            (first == nullptr || std::get<1>(use).begin < std::get<1>(*first).begin)) {
          first = &use;
        }
      }
      if (first != nullptr) {
        Report(Kind::DeclarationAfterUse, std::get<1>(*first), name, std::get<2>(*first) ? "assigned" : "used", keyword)
            .AddNote(Kind::FixItHint, d->range,
                     fmt::format("Python refuses this (SyntaxError): move the `{}` statement to the start of the "
                                 "function",
                                 keyword));
      }
    }
  }
}

// A function Python can call takes Python objects and returns one: each C
// parameter type must convert from an object and the C result type to one
// (a pointer other than a C string, a union, or a struct or array holding
// one has no Python value; Cython refuses them too).
void Checker::RejectUnconvertibleSignature(const syntax::Function& fn, FunctionInfo& info, SourceRange result_range) {
  auto c_data = [](const Type& t) { return t.IsPointer() || t.IsArray() || t.IsStruct(); };
  for (size_t i = 0; i < info.param_types.size() && i < fn.params.size(); ++i) {
    Type& t = info.param_types[i];
    if (c_data(t) && !(t.IsPointer() && t.IsCString()) && !ConvertibleFromObject(t)) {
      const syntax::Param& p = fn.params[i];
      Report(Kind::TypeMismatch, p.annotation ? p.annotation->range : p.range, std::string("a Python object"),
             Describe(t))
          .AddNote(Kind::FixItHint, fn.name_range,
                   fmt::format("`{}` is called from Python, with Python objects: make it a `@cython.cfunc` to take "
                               "C data",
                               fn.name));
      t = Type::Error();
    }
  }
  Type& r = info.return_type;
  if (c_data(r) && !(r.IsPointer() && r.IsCString()) && !ConvertibleToObject(r)) {
    Report(Kind::TypeMismatch, result_range, Describe(r), std::string("a Python object"))
        .AddNote(Kind::FixItHint, fn.name_range,
                 fmt::format("`{}` is called from Python and returns a Python object: make it a `@cython.cfunc` to "
                             "return C data",
                             fn.name));
    r = Type::Error();
  }
}

void Checker::DeclareLocals(int fn_index) {
  FunctionInfo& fn = out_.functions[fn_index];
  bool numba = fn.kind == FunctionKind::Numba;
  for (size_t i = 0; i < fn.syntax->params.size(); ++i) {
    const auto& p = fn.syntax->params[i];
    fn.local_index.emplace(p.name, static_cast<int>(fn.locals.size()));
    fn.locals.push_back(LocalVar{p.name, fn.param_types[i], true, p.range});
  }
  std::unordered_map<std::string, Type> declared;
  auto declare = [&](const std::string& name, Type t, SourceRange r) {
    if (auto it = fn.local_index.find(name); it != fn.local_index.end() && fn.locals[it->second].is_param) {
      Report(Kind::Redefinition, r, name).AddNote(Kind::PreviousDefinition, fn.locals[it->second].first_binding, name);
      return;
    }
    if (auto it = declared.find(name); it != declared.end()) {
      if (!(it->second == t)) {
        Report(Kind::Redefinition, r, name);
      }
      return;
    }
    declared.emplace(name, t);
  };
  for (const auto& [name, texpr] : fn.syntax->attrs.locals) {
    if (fn.local_index.count(name) == 0) {  // a parameter's entry typed the parameter
      declare(name, AnnotationType(texpr, numba), texpr.range);
    }
  }

  std::vector<const Stmt*> bindings;
  CollectBindings(fn.syntax->body, bindings);
  // Qualified locals (`cython.const[T]`), by name: their declaring statement.
  std::unordered_map<std::string, const Stmt*> qualified;
  std::set<const Stmt*> top_level;
  for (const auto& st : fn.syntax->body) {
    top_level.insert(st.get());
  }
  std::vector<std::pair<std::string, SourceRange>> order;  // first binding of each name
  auto note_target = [&](const Expr& t) {
    syntax::ForEachBoundName(t, [&](const Expr& n) { order.emplace_back(n.name, n.range); });
  };
  for (const Stmt* s : bindings) {
    switch (s->kind) {
      case Stmt::Kind::AnnAssign:
        if (!s->targets.empty() && s->targets[0]->kind == Expr::Kind::Name && s->annotation &&
            (s->annotation->is_const || s->annotation->is_volatile)) {
          if (std::optional<Type> t = QualifiedLocalType(fn, *s, numba, top_level.count(s) != 0)) {
            qualified.emplace(s->targets[0]->name, s);
            declare(s->targets[0]->name, *t, s->targets[0]->range);
          } else {
            declare(s->targets[0]->name, Type::Error(), s->targets[0]->range);
          }
        } else if (!s->targets.empty() && s->targets[0]->kind == Expr::Kind::Name && s->annotation) {
          Type t = AnnotationType(*s->annotation, numba);
          if (t.IsVoid()) {
            Report(Kind::InvalidTypeUse, s->annotation->range, std::string("a variable cannot have type `cython.void`"));
            t = Type::Error();
          }
          declare(s->targets[0]->name, t, s->targets[0]->range);
        }
        [[fallthrough]];
      case Stmt::Kind::Assign:
      case Stmt::Kind::AugAssign:
      case Stmt::Kind::For:
        for (const auto& t : s->targets) {
          note_target(*t);
        }
        if (s->kind == Stmt::Kind::Assign && s->targets.size() == 1 &&
            s->targets[0]->kind == Expr::Kind::Name) {
          if (const Expr* call = DeclareCall(s->value.get()); call != nullptr && !call->args.empty()) {
            if (auto t = DeclaredType(*call->args[0])) {
              declare(s->targets[0]->name, *t, s->targets[0]->range);
            }
          }
        }
        break;
      case Stmt::Kind::Expr:
        // cython.declare(x=cython.int, y=cython.double)
        if (const Expr* call = DeclareCall(s->value.get())) {
          for (const auto& kw : call->keywords) {
            if (auto t = DeclaredType(*kw.value)) {
              declare(kw.name, *t, kw.name_range);
              order.emplace_back(kw.name, kw.name_range);
            } else {
              // Not a type (`cython.const[T]` included): declaring nothing would type the name otherwise.
              Report(Kind::UnknownType, kw.value->range, std::string(Text(kw.value->range)));
            }
          }
        }
        break;
      case Stmt::Kind::With:
        for (const auto& item : s->with_items) {
          if (item.target) {
            note_target(*item.target);
          }
        }
        break;
      case Stmt::Kind::Try:
        for (const auto& h : s->handlers) {
          if (!h.name.empty()) {
            order.emplace_back(h.name, h.range);
          }
        }
        break;
      case Stmt::Kind::Import:
        for (const auto& imp : s->imports) {
          order.emplace_back(syntax::BoundName(imp), imp.range);
        }
        break;
      case Stmt::Kind::Function:
        order.emplace_back(s->function->name, s->function->name_range);
        break;
      case Stmt::Kind::Class:
        order.emplace_back(s->name, s->head_range);
        break;
      default:
        break;
    }
  }
  // `y := v` anywhere in the function's own code (its comprehensions included) binds `y`.
  syntax::ForEachStmtIn(fn.syntax->body, [&](const Stmt& s) {
    syntax::ForEachWalrus(s, [&](const Expr& walrus, bool) { note_target(walrus.walrus_target()); });
  });
  CheckDeclarationsFirst(fn.syntax->body);
  // Names declared `global` or `nonlocal` are not locals.
  std::set<std::string> globals;
  global_decls_.resize(out_.functions.size());
  nonlocal_decls_.resize(out_.functions.size());
  syntax::ForEachStmtIn(fn.syntax->body, [&](const Stmt& s) {
    if (s.kind == Stmt::Kind::Global) {
      globals.insert(s.names.begin(), s.names.end());
      global_decls_[fn_index].insert(s.names.begin(), s.names.end());
    }
    if (s.kind == Stmt::Kind::Nonlocal && fn.nested && fn.parent >= 0) {  // elsewhere: PX109, and still locals
      globals.insert(s.names.begin(), s.names.end());
      nonlocal_decls_[fn_index].insert(s.names.begin(), s.names.end());
    }
  });

  for (const auto& [name, range] : order) {
    if (globals.count(name) != 0 || fn.local_index.count(name) != 0) {
      continue;
    }
    fn.local_index.emplace(name, static_cast<int>(fn.locals.size()));
    auto it = declared.find(name);
    fn.locals.push_back(LocalVar{name, it != declared.end() ? it->second : Type::Error(), false, range});
  }
  for (const auto& [name, t] : declared) {
    if (fn.local_index.count(name) == 0) {
      // Declared by @cython.locals but never assigned: still a local.
      fn.local_index.emplace(name, static_cast<int>(fn.locals.size()));
      fn.locals.push_back(LocalVar{name, t, false, fn.syntax->name_range});
    }
  }
  MarkQualifiedLocals(fn, qualified, order);
  MarkConstParams(fn, order);
  declared_names_.resize(out_.functions.size());
  for (const auto& [name, t] : declared) {
    declared_names_[fn_index].insert(name);
  }
}

}  // namespace pyxx::check
