// Nested `def`s and `lambda`s: cell variables, and the function objects made
// when a definition runs (runtime/closure.hpp), also those of decorated
// module-level `def`s and of those with stored defaults.
#include <fmt/format.h>

#include "emit/emitter_impl.h"
#include "syntax/mangle.h"

namespace pyxx::emit {

namespace {

auto CellName(const std::string& name) -> std::string { return "pyxx_cell_" + EscapeIdentifier(name); }

}  // namespace

auto Emitter::NativeName(const checked::FunctionInfo& fn) -> std::string {
  if (fn.syntax->fused_specialisation >= 0 && !fn.nested) {
    return fmt::format("pyxx_fused{}_{}", fn.syntax->fused_specialisation, EscapeIdentifier(fn.name()));
  }
  if (!fn.nested) {
    return CppName(fn.name());
  }
  auto index = static_cast<size_t>(&fn - module_.functions.data());
  if (fn.syntax->genexpr) {
    return fmt::format("pyxx_genexpr{}", index);
  }
  return fn.name() == "<lambda>" ? fmt::format("pyxx_lambda{}", index)
                                 : fmt::format("pyxx_nested{}_{}", index, EscapeIdentifier(fn.name()));
}

auto Emitter::WrapperName(const checked::FunctionInfo& fn) -> std::string {
  if (fn.syntax->fused_specialisation >= 0 && !fn.nested) {
    return "pyxx_wrap_" + NativeName(fn).substr(5);
  }
  if (!fn.nested) {
    return "pyxx_wrap_" + EscapeIdentifier(fn.name());
  }
  return "pyxx_wrap_" + NativeName(fn).substr(5);
}

auto Emitter::ParamName(const checked::FunctionInfo& fn, size_t i) -> std::string {
  const std::string& name = fn.syntax->params[i].name;
  if (i < fn.locals.size() && fn.locals[i].cell) {
    return "pyxx_arg_" + EscapeIdentifier(name);
  }
  return CppName(name);
}

void Emitter::DeclareCellLocal(const checked::LocalVar& local) {
  const bool object = local.type.IsObject();
  const std::string type = object ? "pyxx::Ref" : checked::SpellCpp(local.type);
  const std::string attribute = local.reads == 0 ? "[[maybe_unused]] " : "";
  auto storage = [&](const std::string& cell) {
    return object ? fmt::format("pyxx::cell_object({})", cell) : fmt::format("pyxx::cell_value<{}>({})", type, cell);
  };
  if (local.free_slot >= 0) {
    Line(fmt::format("{}{}& {} = {};", attribute, type, CppName(local.name),
                     storage(fmt::format("pyxx::closure_cell(pyxx_closure, {})", local.free_slot))));
    return;
  }
  const std::string cell = CellName(local.name);
  const std::string site = Site(fn_->syntax->def_range);
  const std::string argument = "pyxx_arg_" + EscapeIdentifier(local.name);
  if (object) {
    Line(fmt::format("pyxx::Ref {} = pyxx::new_cell({});", cell, site));
  } else {
    Line(fmt::format("pyxx::Ref {} = pyxx::new_c_cell<{}>({}, {});", cell, type,
                     local.is_param ? argument : "{}", site));  // `{}`: `unsigned long{}` is no C++
  }
  Line(fmt::format("{}{}& {} = {};", attribute, type, CppName(local.name), storage(cell + ".get()")));
  if (object && local.is_param) {
    Line(fmt::format("{} = std::move({});", CppName(local.name), argument));
  }
}

auto Emitter::CellOf(int index) -> std::string {
  PYXX_CHECK(fn_ != nullptr, "a cell outside a function");
  const checked::LocalVar& local = fn_->locals[index];
  PYXX_CHECK(local.in_cell(), "a captured variable without a cell");
  if (local.free_slot >= 0) {
    return fmt::format("pyxx::closure_cell(pyxx_closure, {})", local.free_slot);
  }
  return CellName(local.name) + ".get()";
}

auto Emitter::ClosureTuple(const checked::FunctionInfo& inner, const std::string& site) -> std::string {
  if (inner.closure_sources.empty()) {
    return "pyxx::Ref()";
  }
  std::string cells;
  for (int source : inner.closure_sources) {
    cells += (cells.empty() ? "" : ", ") + CellOf(source);
  }
  return fmt::format("pyxx::make_tuple({{{}}}, {})", cells, site);
}

auto Emitter::MakeFunction(const syntax::Function& fn, const syntax::SourceRange& range, const std::string& impl)
    -> CppExpr {
  const checked::FunctionInfo& inner = module_.functions[FunctionIndexOf(fn)];
  // Python evaluates the decorators, then the default values, then makes the
  // function and applies the decorators, innermost first. A nested function
  // keeps all its defaults in its function object; a module-level one those
  // that are no literals, in the module's state (its object has all of them,
  // for __defaults__ and __kwdefaults__ only).
  std::vector<Operand> operands;
  for (const auto& d : fn.attrs.unknown_decorators) {
    operands.push_back(ObjectOperand(*d));
  }
  const size_t decorators = operands.size();
  std::vector<size_t> defaulted;
  for (size_t i = 0; i < fn.params.size(); ++i) {
    if (fn.params[i].default_value) {
      operands.push_back(ObjectOperand(*fn.params[i].default_value));
      defaulted.push_back(i);
    }
  }
  std::vector<CppExpr> v = EmitInOrder(operands);
  const std::string site = Site(range);
  std::string closure = ClosureTuple(inner, site);
  std::string defaults = "pyxx::Ref()";
  std::string items;
  std::string kwdefault_names;
  for (size_t k = 0; k < defaulted.size(); ++k) {
    const size_t i = defaulted[k];
    std::string object = DefaultObject(v[decorators + k].text + ".get()", inner.param_types[i], site);
    if (!inner.nested && inner.default_slots[i] >= 0) {
      // One object in the module's state and in __defaults__ (a mutable default is shared).
      object = Declare("pyxx::Ref", fmt::format("pyxx::Ref::borrow({})", object)) + ".get()";
      Line(fmt::format("pyxx::store_default(pyxx_module, {}, {});", inner.default_slots[i], object));
    }
    items += (items.empty() ? "" : ", ") + object;
    if (fn.params[i].keyword_only) {
      kwdefault_names += (kwdefault_names.empty() ? "" : ", ") + StrConstant(fn.params[i].name) + ".get()";
    }
  }
  if (!items.empty()) {
    defaults = fmt::format("pyxx::make_tuple({{{}}}, {})", items, site);
  }
  if (!kwdefault_names.empty()) {
    kwdefault_names = Declare("pyxx::Ref", fmt::format("pyxx::make_tuple({{{}}}, {})", kwdefault_names, site)) + ".get()";
  }
  const std::string* doc = DocstringOf(fn.body);
  std::string class_cell = "nullptr";
  if (inner.uses_class_cell && inner.method) {
    PYXX_CHECK(!class_cells_.empty() && !class_cells_.back().empty(), "a method using super() outside its class");
    class_cell = class_cells_.back() + ".get()";
  } else if (inner.uses_class_cell) {
    // A function nested in a method: the method's own class cell, passed on.
    PYXX_CHECK(fn_ != nullptr && fn_->uses_class_cell, "a nested function using super() outside a method");
    class_cell = "pyxx::class_cell_of(pyxx_function)";
  }
  std::string made =
      fmt::format("pyxx::make_function(&{}, pyxx_module, {}.get(), {}.get(), {}, {}, {}, {}, {}, {}.get(){})",
                  impl.empty() ? WrapperName(inner) : impl, StrConstant(syntax::WrittenName(fn)), StrConstant(inner.qualname),
                  doc != nullptr ? StrConstant(*doc) + ".get()" : "nullptr", closure, defaults, class_cell, site,
                  StrConstant(TextSignature(inner, false)),
                  kwdefault_names.empty() ? "" : ", " + kwdefault_names);
  std::string function = Declare("pyxx::Ref", made);
  for (size_t k = decorators; k-- > 0;) {
    Line(fmt::format("{} = pyxx::decorate({}.get(), std::move({}), {});", function, v[k].text, function, site));
  }
  return {function, true, kWrites, kPure};
}

auto Emitter::FunctionIndexOf(const syntax::Function& fn) -> int {
  auto it = module_.function_index.find(fn.name);
  if (it != module_.function_index.end() && module_.functions[it->second].syntax == &fn) {
    return it->second;
  }
  if (auto sit = module_.specialisation_index.find(&fn); sit != module_.specialisation_index.end()) {
    return sit->second;
  }
  return module_.NestedIndex(fn);
}

void Emitter::EmitDef(const Stmt& s) {
  const checked::FunctionInfo* top = nullptr;
  // A method in a module-level class body is no module-level function, even when
  // a module-level function has its name.
  if (fn_ == nullptr && class_builders_.empty()) {
    auto it = module_.function_index.find(s.function->name);
    if (it != module_.function_index.end() && module_.functions[it->second].syntax == s.function.get()) {
      top = &module_.functions[it->second];
    } else if (it != module_.function_index.end()) {
      return;  // a redefinition (rejected)
    }
  }
  if (top == nullptr && !module_.functions[FunctionIndexOf(*s.function)].python_visible()) {
    return;  // a `@cython.cfunc` method: in its class's vtable, not in its namespace
  }
  if (top != nullptr && !top->made_at_def()) {
    // In the module's method table; only its stored defaults are evaluated here.
    bool stored = false;
    for (int slot : top->default_slots) stored |= slot >= 0;
    if (stored) {
      Scoped([&] { StoreDefaults(*top, StmtSite()); });
    }
    return;
  }
  const int group = s.function->fused_group;
  if (group >= 0 && s.function->fused_specialisation > 0) {
    return;  // a fused method: the first specialisation binds the dispatcher for all
  }
  Scoped([&] {
    CppExpr function = MakeFunction(*s.function, s.range,
                                    group >= 0 ? DispatcherName(module_.syntax->fused_functions[group]) : "");
    StoreBinding(s, s.function->name, function.text);
  });
}

auto Emitter::EmitGeneratorExpression(const Expr& e) -> CppExpr {
  const checked::FunctionInfo& inner = module_.functions[module_.NestedIndex(*e.function)];
  const std::string site = Site(e.range);
  // Python takes iter() of the first iterable where the expression is (a TypeError
  // for a non-iterable is raised here, not at the first next()).
  const Expr& first = *e.args.at(0);
  const bool view = TypeOf(first).IsMemoryView();  // iterates the items Cython iterates
  std::vector<CppExpr> v = EmitInOrder(
      {view ? Operand{"pyxx::Ref", [this, &first, &site] { return ViewIterator(first, site); }} : ObjectOperand(first)});
  std::string arguments = inner.uses_module ? "pyxx_module, " : "";
  if (!inner.closure_sources.empty()) {
    arguments += Declare("pyxx::Ref", ClosureTuple(inner, site)) + ".get(), ";
  }
  arguments += view ? fmt::format("pyxx::Ref::borrow({}.get())", v[0].text) : fmt::format("pyxx::get_iter({}.get(), {})", v[0].text, site);
  std::string generator = Declare("pyxx::Ref", fmt::format("{}({})", NativeName(inner), arguments));
  return {generator, true, v[0].effect | kWrites | kRaises, kPure};
}

void Emitter::StoreBinding(const Stmt& s, const std::string& name, const std::string& ref) {
  const checked::Resolution& binding = module_.Of(s).binding;
  if (binding.kind == checked::Resolution::Kind::Local) {
    Line(fmt::format("{} = std::move({});", LocalName(binding.index), ref));
  } else if (binding.kind == checked::Resolution::Kind::ClassName) {
    Line(fmt::format("pyxx::class_store({}.ns(), {}, {}.get(), {});", class_builders_.back(), NameConstant(name), ref,
                     Site(s.range)));
  } else {
    Line(fmt::format("pyxx::set_global(pyxx_module, {}, {}.get(), {});", NameConstant(name), ref, Site(s.range)));
  }
}

}  // namespace pyxx::emit
