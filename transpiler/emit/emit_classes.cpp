// Plain Python `class` statements: the body runs here, storing into the
// namespace of a pyxx::ClassBuilder (runtime/pyxx/classes.hpp), which then
// makes the class with its metaclass.
#include <fmt/format.h>

#include "emit/emitter_impl.h"
#include "syntax/mangle.h"

namespace pyxx::emit {

namespace {

auto ClassDocstring(const syntax::Block& body) -> const std::string* {
  if (body.empty() || body.front()->kind != Stmt::Kind::Expr || !body.front()->value) {
    return nullptr;
  }
  const Expr& e = *body.front()->value;
  return e.kind == Expr::Kind::String && !e.is_bytes ? &e.text : nullptr;
}

}  // namespace

void Emitter::EmitClass(const Stmt& s) {
  const checked::StmtFacts& facts = module_.Of(s);
  Scoped([&] {
    // Python evaluates the decorators, then the bases and keywords, then runs the body.
    std::vector<Operand> operands;
    for (const auto& d : s.decorators) {
      if (facts.cclass >= 0) {
        break;  // `@cython.cclass`, `@cython.final`: compile-time decorators
      }
      operands.push_back(ObjectOperand(*d));
    }
    const size_t decorators = operands.size();
    bool unpacking = false;
    for (const auto& b : s.bases) {
      unpacking |= b->kind == Expr::Kind::Starred;
      operands.push_back(ObjectOperand(b->kind == Expr::Kind::Starred ? b->operand() : *b));
    }
    const size_t bases_end = operands.size();
    for (const auto& k : s.class_keywords) {
      unpacking |= k.name.empty();
      operands.push_back(ObjectOperand(*k.value));
    }
    std::vector<CppExpr> v = EmitInOrder(operands);
    const std::string site = Site(s.range);
    const std::string builder = Declare("pyxx::ClassBuilder", "");
    if (unpacking) {
      // `class C(*bases, **keywords)`: collected as the call of `__build_class__` does.
      const std::string bases = Declare("pyxx::Ref", fmt::format("pyxx::new_list({})", site));
      for (size_t i = 0; i < s.bases.size(); ++i) {
        Line(fmt::format("pyxx::{}({}.get(), {}.get(), {});",
                         s.bases[i]->kind == Expr::Kind::Starred ? "list_extend" : "list_append", bases,
                         v[decorators + i].text, site));
      }
      const std::string keywords = Declare("pyxx::Ref", fmt::format("pyxx::new_dict({})", site));
      // Looked up even when no keyword needs it: a missing `__build_class__` is a NameError.
      const std::string lookup = fmt::format("pyxx::build_class_builtin({})", site);
      if (s.class_keywords.empty()) {
        Line(fmt::format("static_cast<void>({});", lookup));
      }
      const std::string build_class = s.class_keywords.empty() ? "" : Declare("PyObject*", lookup);
      for (size_t i = 0; i < s.class_keywords.size(); ++i) {
        const std::string& value = v[decorators + s.bases.size() + i].text;
        if (s.class_keywords[i].name.empty()) {
          Line(fmt::format("pyxx::call_merge({}, {}.get(), {}.get(), {});", build_class, keywords, value, site));
        } else {
          Line(fmt::format("pyxx::call_keyword({}, {}.get(), {}.get(), {}.get(), {});", build_class, keywords,
                           NameConstant(s.class_keywords[i].name), value, site));
        }
      }
      Line(fmt::format("{}.prepare_unpacked(pyxx_module, {}.get(), {}.get(), std::move({}), std::move({}), {});", builder,
                       StrConstant(syntax::WrittenClassName(s)), StrConstant(facts.class_qualname), bases, keywords,
                       site));
    }
    std::string bases;
    for (size_t i = decorators; i < bases_end; ++i) {
      bases += (bases.empty() ? "" : ", ") + v[i].text + ".get()";
    }
    std::string names;
    std::string values;
    for (size_t i = 0; i < s.class_keywords.size(); ++i) {
      names += (names.empty() ? "" : ", ") + CppStringLiteral(s.class_keywords[i].name);
      values += (values.empty() ? "" : ", ") + v[bases_end + i].text + ".get()";
    }
    if (!unpacking) {
      Line(fmt::format("{}.prepare(pyxx_module, {}.get(), {}.get(), {{{}}}, {{{}}}, {{{}}}, {});", builder,
                       StrConstant(syntax::WrittenClassName(s)), StrConstant(facts.class_qualname), bases, names, values,
                       site));
    }
    std::string cell;
    if (facts.class_cell) {
      // The methods' `__class__` (zero-argument super()): type.__new__ fills it.
      cell = Declare("pyxx::Ref", fmt::format("{}.class_cell({})", builder, site));
    }
    if (const std::string* doc = ClassDocstring(s.blocks[0])) {
      Line(fmt::format("{}.set(\"__doc__\", {}.get(), {});", builder, StrConstant(*doc), site));
    }
    if (facts.class_annotations) {
      Line(fmt::format("{}.setup_annotations({});", builder, site));
    }
    CommitSite();
    class_builders_.push_back(builder);
    class_cells_.push_back(cell);
    for (const auto& member : s.blocks[0]) {
      if (facts.cclass < 0 || !module_.Of(*member).cclass_field) {
        EmitStmt(*member);  // an extension type's field declarations run nothing
      }
    }
    class_builders_.pop_back();
    class_cells_.pop_back();
    const std::string after = Site(s.range);
    if (facts.cclass >= 0 && module_.cclasses[static_cast<size_t>(facts.cclass)].total_ordering) {
      Line(fmt::format("pyxx::total_ordering({}, {});", builder, after));
    }
    if (facts.cclass >= 0 && module_.cclasses[static_cast<size_t>(facts.cclass)].dataclass) {
      const checked::CClassInfo& c = module_.cclasses[static_cast<size_t>(facts.cclass)];
      if (!c.dataclass->base.empty()) {
        Line(fmt::format("pyxx::dataclass_inherit({}, {});", DataclassVar(c.name), DataclassVar(c.dataclass->base)));
      }
      Line(fmt::format("{}.set(\"__dataclass_fields__\", pyxx::dataclass_fields({}, {}).get(), {});", builder,
                       DataclassVar(c.name), after, after));
      Line(fmt::format("{}.set(\"__dataclass_params__\", pyxx::dataclass_params({}, {}).get(), {});", builder,
                       DataclassVar(c.name), after, after));
    }
    const std::string cls = Declare(
        "pyxx::Ref", facts.cclass >= 0 ? CreateCClass(module_.cclasses[static_cast<size_t>(facts.cclass)], builder, after)
                                       : fmt::format("{}.create({})", builder, after));
    if (facts.cclass >= 0) {
      for (const std::string& line :
           CClassMethodsKept(module_.cclasses[static_cast<size_t>(facts.cclass)], cls, after)) {
        Line(line);
      }
      if (std::string keep = BufferSlotsKeepModule(module_.cclasses[static_cast<size_t>(facts.cclass)]); !keep.empty()) {
        Line(keep);
      }
    }
    for (size_t k = decorators; k-- > 0;) {
      Line(fmt::format("{} = pyxx::decorate({}.get(), std::move({}), {});", cls, v[k].text, cls, after));
    }
    StoreBinding(s, s.name, cls);
  });
}

// A dataclass field's default (or default factory), where its statement stands in the class body.
void Emitter::EmitDataclassDefault(const Stmt& s) {
  const checked::StmtFacts& facts = module_.Of(s);
  const checked::CClassInfo& cls = module_.cclasses[static_cast<size_t>(facts.dataclass_cclass)];
  const checked::DataclassField& f = cls.dataclass->fields[static_cast<size_t>(facts.dataclass_default)];
  Scoped([&] {
    const std::string value = OwnedObject(f.default_value != nullptr ? *f.default_value : *f.default_factory);
    Line(fmt::format("pyxx::dataclass_default({}, {}, {});", DataclassVar(cls.name), facts.dataclass_default, value));
  });
}

}  // namespace pyxx::emit
