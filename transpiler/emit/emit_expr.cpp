// Expressions: C operations with Python semantics through the runtime's
// helpers, and Python-object operations through the C API with owned references.
// Operands go through EmitInOrder (emit_order.cpp), which keeps Python's order.
#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <functional>
#include <map>
#include <set>

#include "syntax/libc_math.h"
#include "checked/ucs4_literal.h"
#include "emit/emitter_impl.h"
#include "syntax/walk.h"

namespace pyxx::emit {

namespace {

// The C++ type a memoryview index is computed in. A 64-bit unsigned index keeps
// its type: as Py_ssize_t, 2**64 - 2 would be -2 and wrap around; View::index
// finds it out of bounds instead.
auto ViewIndexType(const Type& t) -> Type {
  bool wide_unsigned = t.IsInteger() && !t.IsSigned() && checked::IntegerBits(t.kind) == 64;
  return wide_unsigned ? t : Type::Of(TypeKind::SSizeT);
}

}  // namespace

using checked::Resolution;
using syntax::BinaryOp;
using syntax::UnaryOp;

namespace {

auto IsIntLiteralExpr(const Expr& e) -> bool {
  return e.kind == Expr::Kind::Int ||
         (e.kind == Expr::Kind::Unary && e.unary_op == UnaryOp::Neg && e.operand().kind == Expr::Kind::Int);
}

auto CType(const Type& t) -> std::string { return t.IsObject() ? "pyxx::Ref" : checked::SpellCpp(t); }

// Can the C operation raise (ZeroDivisionError, OverflowError, ValueError)?
auto BinaryCRaises(BinaryOp op, const Type& operand, bool cdivision) -> bool {
  switch (op) {
    case BinaryOp::TrueDiv:
      return !cdivision;
    case BinaryOp::FloorDiv:
    case BinaryOp::Mod:
      return !(cdivision && operand.IsInteger());
    case BinaryOp::Pow:
      return operand.IsInteger() || operand.IsComplex();
    case BinaryOp::LShift:
    case BinaryOp::RShift:
      return true;
    default:
      return false;
  }
}

auto Joined(const std::vector<CppExpr>& values, size_t from, const char* suffix) -> std::string {
  std::string out;
  for (size_t i = from; i < values.size(); ++i) {
    out += (i > from ? ", " : "") + values[i].text + suffix;
  }
  return out;
}

auto EffectOf(const std::vector<CppExpr>& values) -> unsigned {
  unsigned effect = kPure;
  for (const auto& v : values) effect |= v.effect;
  return effect;
}

auto PendingOf(const std::vector<CppExpr>& values) -> unsigned {
  unsigned pending = kPure;
  for (const auto& v : values) pending |= v.pending;
  return pending;
}

// A value computed by an operation on `operands` that itself does `own`.
auto Result(std::string text, const std::vector<CppExpr>& operands, unsigned own) -> CppExpr {
  return CppExpr{std::move(text), false, EffectOf(operands) | own, PendingOf(operands) | own};
}

}  // namespace

auto Emitter::ObjectOperand(const Expr& e) -> Operand {
  return {"pyxx::Ref", [this, &e] { return ObjectValue(e); }};
}

auto Emitter::OperandAs(const Expr& e, const Type& t) -> Operand {
  return {CType(t), [this, &e, t] { return ValueAs(e, t); }};
}

auto Emitter::EmitIntLiteral(const Expr& e, const Type& t) -> std::string {
  std::string text = e.text;
  if (text.size() > 2 && text[0] == '0' && (text[1] == 'o' || text[1] == 'O')) {
    text = "0" + text.substr(2);
  }
  if (!t.IsSigned() && t.IsInteger()) {
    return text + "u" + (checked::IntegerBits(t.kind) == 64 ? "l" : "");
  }
  if (t.kind == TypeKind::Long || t.kind == TypeKind::LongLong || t.kind == TypeKind::SSizeT) {
    return text + "L";
  }
  return text;
}

// static_cast where C++ defines the result for every value; pyxx::c_cast where
// it does not (a floating value out of the target's range).
auto NumericCast(const Type& from, const Type& to) -> const char* {
  bool narrowing_float = from.IsFloating() && ((to.kind == TypeKind::Float && from.kind != TypeKind::Float) ||
                                               (to.kind == TypeKind::Double && from.kind == TypeKind::LongDouble));
  bool float_to_int = from.IsFloating() && to.IsInteger() && to.kind != TypeKind::Bint;
  return float_to_int || narrowing_float ? "pyxx::c_cast" : "static_cast";
}

auto AsObjectType(const Type& t) -> Type {
  if (t.IsObject() || t.IsError()) {
    return t;
  }
  if (t.IsInteger()) {
    return Type::Object(t.kind == TypeKind::Bint ? "bool" : "int");
  }
  if (t.IsComplex()) {
    return Type::Object("complex");
  }
  return Type::Object(t.IsFloating() ? "float" : "");
}

auto Emitter::ConvertValue(CppExpr value, const Type& from, const Type& to) -> CppExpr {
  if (from.IsExtension() && to.IsExtension() && module_.IsSubclass(from.extension, to.extension)) {
    return value;  // an instance of a derived extension type is one of its base
  }
  if (checked::NeedsInstanceTest(from, to)) {
    const std::string owned = value.ref_lvalue ? fmt::format("pyxx::Ref::borrow({}.get())", value.text) : value.text;
    value.text = fmt::format("pyxx::instance_test({}, {}, {}, {})", owned,
                             CClassTypeVar(checked::InstanceTestName(to)),
                             CppStringLiteral(checked::InstanceTestName(to)), StmtSite());
    value.ref_lvalue = false;
    value.effect |= kRaises;
    value.pending |= kRaises;
    return value;
  }
  if (checked::NeedsExactTest(from, to)) {
    const std::string owned = value.ref_lvalue ? fmt::format("pyxx::Ref::borrow({}.get())", value.text) : value.text;
    value.text = fmt::format("pyxx::exact_type_test({}, &{}, \"{}\", {})", owned, BuiltinTypeObject(to.object_name),
                             to.object_name, StmtSite());
    value.ref_lvalue = false;
    value.effect |= kRaises;
    value.pending |= kRaises;
    return value;
  }
  if (from.IsError() || to.IsError() || from == to) {
    return value;
  }
  if (auto member = ConvertCpdefEnum(value, from, to)) {
    return *member;  // emit_enums.cpp (before ConvertCData: a vector of enum values too)
  }
  if (auto c_data = ConvertCData(value, from, to)) {
    return *c_data;
  }
  if (auto code_point = ConvertUcs4(value, from, to)) {
    return *code_point;  // emit_ucs4.cpp
  }
  if (to.IsComplex() && (from.IsNumeric() || from.IsComplex())) {
    // A real number is complex(x, 0.0); a complex changes the type of its parts.
    value.text = fmt::format("pyxx::to_complex<{}>({})", checked::SpellCpp(checked::ComplexPart(to)), value.text);
    value.ref_lvalue = false;
    return value;
  }
  if (from.IsComplex() && to.IsObject()) {
    value.text = fmt::format("pyxx::to_object({}, {})", value.text, StmtSite());
    value.ref_lvalue = false;
    return value;
  }
  if (from.IsObject() && to.IsComplex()) {
    value.text = fmt::format("pyxx::as_c<{}>({}.get(), {})", checked::SpellCpp(to), value.text, StmtSite());
    value.effect |= kWrites;
    value.pending |= kWrites;
    value.ref_lvalue = false;
    return value;
  }
  if (from.IsNumeric() && to.IsObject() && checked::IsExactlyTestedName(to.object_name) &&
      AsObjectType(from).object_name != to.object_name) {
    // `x: int = 1.5`: the object a C value makes is not of the declared type.
    return ConvertValue(ConvertValue(std::move(value), from, Type::Object()), Type::Object(), to);
  }
  if (from.IsNumeric() && to.IsNumeric()) {
    value.text = fmt::format("{}<{}>({})", NumericCast(from, to), checked::SpellCpp(to), value.text);
  } else if (from.IsNumeric() && to.IsObject()) {
    value.text = fmt::format("pyxx::to_object({}, {})", value.text, StmtSite());
  } else if (from.IsObject() && to.IsMemoryView()) {
    // Taking the object's buffer: TypeError/ValueError as at a parameter (None: the None view).
    value.text = fmt::format("{}::from_object_or_none({}.get(), true, {}, {})", checked::SpellCpp(to), value.text,
                             ViewContiguity(to), StmtSite());
    value.effect |= kWrites;
    value.pending |= kWrites;
  } else if (from.IsMemoryView() && to.IsObject()) {
    value.text = fmt::format("pyxx::view_to_object({}, {})", value.text, StmtSite());
    value.effect |= kRaises;
    value.pending |= kRaises;
  } else if (from.IsMemoryView() && to.IsMemoryView()) {
    value.text = fmt::format("{}({})", checked::SpellCpp(to), value.text);  // same buffer, fewer promises
    return value;
  } else if (from.IsObject() && to.IsNumeric()) {
    // Conversion calls __index__/__float__: Python code, and OverflowError.
    value.text = fmt::format("pyxx::as_c<{}>({}.get(), {})", checked::SpellCpp(to), value.text, StmtSite());
    value.effect |= kWrites;
    value.pending |= kWrites;
  } else {
    return value;
  }
  value.ref_lvalue = false;
  return value;
}

auto Emitter::ValueAs(const Expr& e, const Type& to) -> CppExpr {
  const Type& from = TypeOf(e);
  if (to.IsObject() && !checked::NeedsExactTest(from, to) && !checked::NeedsInstanceTest(from, to)) {
    if (auto constant = ConstantObject(e)) {
      return *constant;
    }
  }
  if (e.kind == Expr::Kind::String && to.IsUcs4()) {
    // `c: cython.Py_UCS4 = "a"`: the character's code (the checker allows one character only).
    auto codes = checked::StrLiteralCodePoints(e.text);
    PYXX_CHECK(codes && codes->size() == 1, "a Py_UCS4 literal that is not one character");
    return {checked::Ucs4Constant((*codes)[0])};
  }
  if (e.kind == Expr::Kind::String && to.IsPointer() && to.IsCString()) {
    // `p: cython.p_char = b"abc"`: the constant's own buffer, which cannot fail and touches no
    // reference count, so also without the GIL. Cython coerces an unprefixed literal to its UTF-8 bytes.
    return {fmt::format("pyxx::literal_chars<{}>({}.get())", checked::SpellCpp(*to.target), BytesConstant(e.text))};
  }
  if (to.IsPointer() && from.IsArray() && IsCGlobalPlace(e)) {
    // A module-level array decays to a pointer to its own first element, not to a copy's.
    CppExpr place = EmitCGlobalPlace(e);
    place.text = fmt::format("({}).data()", place.text);
    return place;
  }
  if (to.IsMemoryView() && from.IsArray()) {
    // A view of the array variable's own memory (a module-level one's too, not a copy's).
    CppExpr place = IsCGlobalPlace(e) ? EmitCGlobalPlace(e) : EmitExpr(e);
    place.text = fmt::format("pyxx::view_of_carray<{}>({}, {})", checked::SpellCpp(to), place.text, StmtSite());
    place.ref_lvalue = false;
    place.effect |= kRaises;  // MemoryError
    place.pending |= kRaises;
    return place;
  }
  if (to.IsNumeric() && IsIntLiteralExpr(e) && !from.IsObject() && e.kind == Expr::Kind::Int) {
    return {EmitIntLiteral(e, to.IsFloating() ? Type::Of(TypeKind::Int) : to)};
  }
  if (to.IsObject() && from.IsObject()) {
    return checked::NeedsExactTest(from, to) || checked::NeedsInstanceTest(from, to)
               ? ConvertValue(OwnedValue(e), from, to)
               : OwnedValue(e);
  }
  return ConvertValue(EmitExpr(e), from, to);
}

auto Emitter::OwnedValue(const Expr& e) -> CppExpr {
  CppExpr v = ObjectValue(e);
  if (v.ref_lvalue) {
    v.text = fmt::format("pyxx::Ref::borrow({}.get())", v.text);
    v.ref_lvalue = false;
  }
  return v;
}

auto Emitter::ObjectValue(const Expr& e) -> CppExpr {
  if (auto constant = ConstantObject(e)) {
    return *constant;
  }
  return ConvertValue(EmitExpr(e), TypeOf(e), Type::Object());
}

auto Emitter::ViewIterator(const Expr& view, const std::string& site) -> CppExpr {
  CppExpr v = EmitExpr(view);
  v.text = fmt::format("pyxx::view_iter({}, {})", v.text, site);
  v.ref_lvalue = false;
  v.effect |= kRaises;
  v.pending |= kRaises;
  return v;
}

auto Emitter::ConditionValue(const Expr& e) -> CppExpr {
  if (auto test = IdentityOrMembershipTest(e)) {
    return *test;
  }
  if (TypeOf(e).IsObject()) {
    CppExpr v = ObjectValue(e);
    if ((v.pending & kWrites) != 0) {
      Materialize(v, "pyxx::Ref");
    }
    return {fmt::format("pyxx::truth({}.get(), {})", v.text, Site(e.range)), false, v.effect | kWrites,
            v.pending | kWrites};
  }
  return EmitExpr(e);
}

// An enumerator's value, in the enum's C type (INT_MIN has no literal of its own).
auto Emitter::EnumConstantValue(int index) const -> std::string {
  const syntax::EnumConstant& c = module_.syntax->enum_constants[static_cast<size_t>(index)];
  if (c.is_unsigned) {
    return fmt::format("{}u", c.value);
  }
  return c.value == INT32_MIN ? std::string("(-2147483647 - 1)")
         : c.value < 0        ? fmt::format("({})", c.value)
                              : std::to_string(c.value);
}

auto Emitter::EmitExpr(const Expr& e) -> CppExpr {
  using K = Expr::Kind;
  const Type& t = TypeOf(e);
  if (auto c_data = EmitCData(e)) {
    return *c_data;  // pointers, C arrays, structs (emit_cdata.cpp)
  }
  switch (e.kind) {
    case K::Name: {
      const Resolution& r = module_.Resolve(e);
      switch (r.kind) {
        case Resolution::Kind::Local: {
          // A variable in a cell may be rebound by an inner function that a later operand
          // calls, any variable by a later operand's `:=`.
          const checked::LocalVar& local = fn_->locals[r.index];
          const unsigned reads = local.in_cell() || local.stored_in_expression ? kReads : kPure;
          if (module_.Of(e).needs_bound_check) {
            // Python locals may be read before they are bound: UnboundLocalError
            // (NameError for an enclosing function's variable), not a crash.
            return {fmt::format("pyxx::{}({}, {}, {})", local.free_slot >= 0 ? "bound_free" : "bound", LocalName(r.index),
                                CppStringLiteral(e.name), Site(e.range)),
                    true, kRaises | reads, kRaises | reads};
          }
          return {LocalName(r.index), t.IsObject(), reads, reads};
        }
        case Resolution::Kind::Builtin:  // r.name: `unicode` is `str`
          return {fmt::format("pyxx::get_builtin({}, {})", NameConstant(r.name), Site(e.range)), false, kReads | kRaises,
                  kReads | kRaises};
        case Resolution::Kind::ComprehensionVar:
          return {CppName(e.name), true};
        case Resolution::Kind::EnumConstant:
          return {EnumConstantValue(r.index)};
        case Resolution::Kind::CGlobal:
          // Any call may store to it: a read, ordered with the other operands.
          if (t.IsMemoryView()) {
            return {CGlobalName(e.name) + ".get()", false, kReads, kReads};  // a module-level view (GIL held)
          }
          if (t.IsObject()) {  // a module-level extension type variable (GIL held)
            return {fmt::format("pyxx::Ref::borrow({}.get())", CGlobalName(e.name)), false, kReads, kReads};
          }
          return {fmt::format("pyxx::c_global_load({})", CGlobalName(e.name)), false, kReads, kReads};
        case Resolution::Kind::ClassName:
          return {fmt::format("pyxx::class_lookup({}.ns(), pyxx_module, {}, {})", class_builders_.back(),
                              NameConstant(e.name), Site(e.range)),
                  false, kReads | kRaises | kWrites, kReads | kRaises | kWrites};
        case Resolution::Kind::CBuiltin:
          if (r.name == "__class__") {
            // A method's `__class__`: the class its class statement made.
            return {fmt::format("pyxx::method_class(pyxx_function, {})", Site(e.range)), false, kReads | kRaises,
                    kReads | kRaises};
          }
          [[fallthrough]];
        default:
          return {fmt::format("pyxx::get_global(pyxx_module, {}, {})", NameConstant(e.name), Site(e.range)), false,
                  kReads | kRaises, kReads | kRaises};
      }
    }
    case K::Int:
      if (auto constant = t.IsObject() ? ConstantObject(e) : std::nullopt) {
        return *constant;
      }
      if (t.IsObject()) {
        std::string digits = e.text;
        int base = 10;
        if (digits.size() > 2 && digits[0] == '0' && digits[1] != '.') {
          char p = static_cast<char>(digits[1] | 0x20);
          base = p == 'x' ? 16 : p == 'o' ? 8 : p == 'b' ? 2 : 10;
          digits = base == 10 ? digits : digits.substr(2);
        }
        return {fmt::format("pyxx::make_int(\"{}\", {}, {})", digits, base, Site(e.range))};
      }
      return {EmitIntLiteral(e, t)};
    case K::Float:
      return {e.text};
    case K::DialectRef:
      if (const checked::Resolution& r = module_.Resolve(e); r.kind == Resolution::Kind::ForeignCClass) {
        return {fmt::format("pyxx::Ref::borrow(reinterpret_cast<PyObject*>({}))", CClassTypeVar(r.name))};
      } else if (r.kind == Resolution::Kind::CBuiltin && r.name.rfind("cpython.version.", 0) == 0) {
        return {fmt::format("static_cast<int>({})", r.name.substr(16))};  // a macro of Python.h
      } else if (r.kind == Resolution::Kind::CBuiltin && r.name.rfind("libc.stdio.", 0) == 0) {
        return {r.name.substr(11)};  // stdin, stdout, stderr of <stdio.h>
      } else if (r.kind == Resolution::Kind::CBuiltin && r.name.rfind("cpython.buffer.", 0) == 0) {
        return {fmt::format("static_cast<int>({})", r.name.substr(15))};  // a PyBUF_* macro of Python.h
      }
      return {syntax::LibcMathConstant(module_.Resolve(e).name)};
    case K::Bool:
      return {e.bool_value ? "true" : "false"};
    case K::None:
      return {"pyxx::Ref::borrow(Py_None)"};
    case K::String:
      if (t.IsUcs4()) {
        // A one-character literal compared with a Py_UCS4: its code.
        auto codes = checked::StrLiteralCodePoints(e.text);
        PYXX_CHECK(codes && codes->size() == 1, "a Py_UCS4 literal that is not one character");
        return {checked::Ucs4Constant((*codes)[0])};
      }
      if (t.IsInteger()) {
        // A one-byte bytes literal compared with a C char: its code (PX402).
        return {fmt::format("static_cast<{}>({})", checked::SpellCpp(t),
                            static_cast<unsigned>(static_cast<unsigned char>(e.text[0])))};
      }
      return {e.is_bytes ? BytesConstant(e.text) : StrConstant(e.text), true};
    case K::FString: {
      std::vector<Operand> operands;
      for (const auto& p : e.parts) {
        operands.push_back(ObjectOperand(*p));
      }
      std::vector<CppExpr> v = EmitInOrder(operands);
      return Result(fmt::format("pyxx::fstring({{{}}}, {})", Joined(v, 0, ".get()"), Site(e.range)), v, kWrites);
    }
    case K::Binary:
      return EmitBinary(e);
    case K::Unary:
      return EmitUnary(e);
    case K::BoolOp:
      return EmitBoolOp(e);
    case K::Compare:
      return EmitCompare(e);
    case K::Conditional:
      return EmitConditional(e);
    case K::Call:
      return EmitCall(e);
    case K::Attribute: {
      if (module_.Resolve(e).kind == Resolution::Kind::EnumConstant) {
        return {EnumConstantValue(module_.Resolve(e).index)};  // `course.main`: its base is no object
      }
      if (TypeOf(e.object()).IsMemoryView()) {
        return EmitViewAttribute(e);
      }
      const Resolution& r = module_.Resolve(e);
      if (r.kind == Resolution::Kind::CClassField) {
        // An array or struct field is used in place (`obj.a[i]`, `obj.s.x`): the
        // instance is held while a reference into it may be.
        CppExpr field = EmitCClassField(e, t.IsArray() || t.IsStruct());
        if (t.IsObject()) {
          field.text = fmt::format("pyxx::Ref::borrow({})", field.text);
        }
        return field;
      }
      if (r.kind == Resolution::Kind::CBuiltin && r.name == "array.data") {
        return EmitArrayData(e);  // `a.data.as_ints` of an array.array
      }
      if (r.kind == Resolution::Kind::CBuiltin && TypeOf(e.object()).IsComplex()) {  // z.real, z.imag
        CppExpr v = ValueAs(e.object(), TypeOf(e.object()));
        v.text = fmt::format("({}).{}", v.text, e.name);
        v.ref_lvalue = false;
        return v;
      }
      if (r.kind == Resolution::Kind::CBuiltin) {  // x.real, x.imag, ... of a C number
        CppExpr v = ValueAs(e.object(), t);
        if (e.name != "real" && e.name != "numerator") {
          // The constant part still evaluates `x`, as Python does.
          v.text = fmt::format("(static_cast<void>({}), static_cast<{}>({}))", v.text, checked::SpellCpp(t),
                               e.name == "imag" ? 0 : 1);
        }
        v.ref_lvalue = false;
        return v;
      }
      if (r.kind == Resolution::Kind::LibcMath) {
        if (e.name == "pi") return {"3.141592653589793"};
        if (e.name == "e") return {"2.718281828459045"};
        if (e.name == "tau") return {"6.283185307179586"};
        if (e.name == "inf") return {"HUGE_VAL"};
        return {"std::nan(\"\")"};
      }
      std::vector<CppExpr> v = EmitInOrder({ObjectOperand(e.object())});
      return Result(fmt::format("pyxx::get_attr({}.get(), {}, {})", v[0].text, NameConstant(e.name), Site(e.range)), v,
                    kWrites);
    }
    case K::Subscript:
      return EmitSubscript(e);
    case K::Comprehension:
      return e.function ? EmitGeneratorExpression(e) : EmitComprehension(e);
    case K::NamedExpr:
      return EmitWalrus(e);
    case K::Yield: {
      // The body of a generator runs as a coroutine (runtime/generator.hpp):
      // `pyxx_gen` switches back to the caller and returns what it sends.
      std::string site = Site(e.range);
      const Expr* value = e.yield_value();
      if (e.text == "from") {
        std::vector<CppExpr> v = EmitInOrder({ObjectOperand(*value)});
        return Result(fmt::format("pyxx_gen.yield_from({}.get(), {})", v[0].text, site), v, kWrites | kRaises);
      }
      if (value == nullptr) {
        return {fmt::format("pyxx_gen.yield_value(pyxx::Ref::borrow(Py_None), {})", site), false, kWrites | kRaises,
                kWrites | kRaises};
      }
      CppExpr v = OwnedValue(*value);
      return {fmt::format("pyxx_gen.yield_value({}, {})", v.text, site), false, v.effect | kWrites | kRaises,
              v.pending | kWrites | kRaises};
    }
    case K::Slice: {
      std::vector<Operand> operands;
      for (const Expr* p : {e.lower(), e.upper(), e.step()}) {
        if (p) operands.push_back(ObjectOperand(*p));
      }
      std::vector<CppExpr> v = EmitInOrder(operands);
      std::string parts;
      size_t next = 0;
      for (const Expr* p : {e.lower(), e.upper(), e.step()}) {
        parts += (parts.empty() ? "" : ", ") + (p ? v[next++].text + ".get()" : std::string("Py_None"));
      }
      return Result(fmt::format("pyxx::slice({}, {})", parts, Site(e.range)), v, kPure);
    }
    case K::Tuple:
    case K::List:
    case K::Set:
    case K::Dict: {
      for (const auto& a : e.args) {
        if (a->kind == K::Starred) {
          return EmitUnpackingDisplay(e);
        }
      }
      std::vector<Operand> operands;
      for (const auto& a : e.args) {
        operands.push_back(ObjectOperand(*a));
      }
      std::vector<CppExpr> v = EmitInOrder(operands);
      const char* maker = e.kind == K::Tuple ? "make_tuple" : e.kind == K::List ? "make_list"
                          : e.kind == K::Set ? "make_set" : "make_dict";
      // Sets and dicts hash their items: Python code.
      unsigned own = e.kind == K::Set || e.kind == K::Dict ? kWrites : kPure;
      return Result(fmt::format("pyxx::{}({{{}}}, {})", maker, Joined(v, 0, ".get()"), Site(e.range)), v, own);
    }
    case K::Lambda:
      return MakeFunction(*e.function, e.range);
    default:
      return {"/* rejected by the checker */"};
  }
}

auto Emitter::EmitBinaryC(BinaryOp op, const std::string& a, const std::string& b, const Type& operand,
                          const Type& result, bool no_overflow) -> std::string {
  std::string T = checked::SpellCpp(operand);
  bool is_int = operand.IsInteger();
  bool is_signed_int = is_int && operand.IsSigned() && operand.kind != TypeKind::Bint;
  if (no_overflow && is_signed_int && (op == BinaryOp::Add || op == BinaryOp::Sub || op == BinaryOp::Mul)) {
    // The checker proved the exact result fits: C++'s own arithmetic, which the
    // compiler may reason about (no wrap-around to preserve). Narrower than int,
    // the operands are promoted: the result is cast back to the operand type.
    const char sign = op == BinaryOp::Add ? '+' : op == BinaryOp::Sub ? '-' : '*';
    return checked::IntegerBits(operand.kind) < 32 ? fmt::format("static_cast<{}>({} {} {})", T, a, sign, b)
                                                   : fmt::format("({} {} {})", a, sign, b);
  }
  bool cdivision = Cdivision();
  std::string site = StmtSite();
  if (operand.IsComplex() && op == BinaryOp::TrueDiv) {
    return cdivision ? fmt::format("pyxx::complex_div_unchecked({}, {})", a, b)
                     : fmt::format("pyxx::complex_div({}, {}, {})", a, b, site);
  }
  if (operand.IsComplex() && op == BinaryOp::Pow) {
    return fmt::format("pyxx::complex_pow({}, {}, {})", a, b, site);
  }
  switch (op) {
    case BinaryOp::Add:
      return is_signed_int ? fmt::format("pyxx::wrap_add<{}>({}, {})", T, a, b) : fmt::format("({} + {})", a, b);
    case BinaryOp::Sub:
      return is_signed_int ? fmt::format("pyxx::wrap_sub<{}>({}, {})", T, a, b) : fmt::format("({} - {})", a, b);
    case BinaryOp::Mul:
      return is_signed_int ? fmt::format("pyxx::wrap_mul<{}>({}, {})", T, a, b) : fmt::format("({} * {})", a, b);
    case BinaryOp::TrueDiv:
      if (cdivision && operand.IsFloating()) {
        return fmt::format("({} / {})", a, b);
      }
      if (cdivision) {
        return fmt::format("(static_cast<double>({}) / static_cast<double>({}))", a, b);
      }
      (void)result;
      return fmt::format("pyxx::truediv<{}>({}, {}, {})", T, a, b, site);
    case BinaryOp::FloorDiv:
      if (cdivision && is_int) {
        return fmt::format("pyxx::cdiv<{}>({}, {})", T, a, b);
      }
      return fmt::format("pyxx::floordiv<{}>({}, {}, {})", T, a, b, site);
    case BinaryOp::Mod:
      if (cdivision && is_int) {
        return fmt::format("pyxx::cmod<{}>({}, {})", T, a, b);
      }
      return fmt::format("pyxx::mod<{}>({}, {}, {})", T, a, b, site);
    case BinaryOp::Pow:
      if (is_int) {
        return fmt::format("pyxx::ipow<{}>({}, {}, {})", T, a, b, site);
      }
      return fmt::format("std::pow({}, {})", a, b);
    case BinaryOp::LShift:
      return fmt::format("pyxx::shl<{}>({}, {}, {})", T, a, b, site);
    case BinaryOp::RShift:
      return fmt::format("pyxx::shr<{}>({}, {}, {})", T, a, b, site);
    case BinaryOp::BitAnd:
      return fmt::format("static_cast<{}>({} & {})", T, a, b);
    case BinaryOp::BitOr:
      return fmt::format("static_cast<{}>({} | {})", T, a, b);
    case BinaryOp::BitXor:
      return fmt::format("static_cast<{}>({} ^ {})", T, a, b);
    case BinaryOp::MatMul:
      return "/* rejected by the checker */";
  }
  return "";
}

auto Emitter::EmitBinary(const Expr& e) -> CppExpr {
  const Type& t = TypeOf(e);
  const Expr& l = e.left();
  const Expr& r = e.right();
  if (t.IsCppString()) {
    return EmitCppStringConcat(e);  // emit_cpp_string.cpp
  }
  if (t.IsObject()) {
    static const char* kFunctions[] = {"PyNumber_Add", "PyNumber_Subtract", "PyNumber_Multiply",
                                       "PyNumber_TrueDivide", "PyNumber_FloorDivide", "PyNumber_Remainder",
                                       "PyNumber_Power", "PyNumber_Lshift", "PyNumber_Rshift", "PyNumber_And",
                                       "PyNumber_Or", "PyNumber_Xor", "PyNumber_MatrixMultiply"};
    std::string extra = e.binary_op == BinaryOp::Pow ? ", Py_None" : "";
    std::string fn = kFunctions[static_cast<int>(e.binary_op)];
    std::vector<CppExpr> v = EmitInOrder({ObjectOperand(l), ObjectOperand(r)});
    return Result(fmt::format("pyxx::check({}({}.get(), {}.get(){}), {})", fn, v[0].text, v[1].text, extra,
                              Site(e.range)),
                  v, kWrites);
  }
  // The operands' common type: the result type, except for `/` on integers and shifts.
  Type operand = t;
  if (e.binary_op == BinaryOp::TrueDiv && !t.IsError() && !t.IsComplex()) {
    const Type& lt = TypeOf(l);
    const Type& rt = TypeOf(r);
    operand = checked::CommonArithmetic(IsIntLiteralExpr(l) && rt.IsInteger() ? rt : lt,
                                      IsIntLiteralExpr(r) && lt.IsInteger() ? lt : rt);
  }
  // A shift count keeps its own type (a literal is a long long): the runtime
  // checks it before any conversion.
  bool shift = e.binary_op == BinaryOp::LShift || e.binary_op == BinaryOp::RShift;
  std::vector<CppExpr> v = EmitInOrder({OperandAs(l, operand), OperandAs(r, shift ? ShiftCountType(r) : operand)});
  bool cdivision = Cdivision();
  unsigned own = BinaryCRaises(e.binary_op, operand, cdivision) ? kRaises : kPure;
  return Result(EmitBinaryC(e.binary_op, v[0].text, v[1].text, operand, t, module_.Of(e).no_overflow), v, own);
}

auto Emitter::ShiftCountType(const Expr& count) -> Type {
  const Type& t = TypeOf(count);
  return IsIntLiteralExpr(count) || !t.IsInteger() ? Type::Of(TypeKind::LongLong) : t;
}

namespace {

// A prefix operator before an operand; parenthesized when the operand starts
// with the same sign, since `--x` and `++x` are C++ increments and decrements.
std::string Prefixed(char op, const std::string& operand) {
  if (!operand.empty() && (operand[0] == '-' || operand[0] == '+')) return std::string(1, op) + "(" + operand + ")";
  return std::string(1, op) + operand;
}

}  // namespace

auto Emitter::EmitUnary(const Expr& e) -> CppExpr {
  const Type& t = TypeOf(e);
  const Expr& x = e.operand();
  if (e.unary_op == UnaryOp::Not) {
    CppExpr c = ConditionValue(x);
    c.text = fmt::format("!({})", c.text);
    return c;
  }
  if (t.IsObject()) {
    const char* fn = e.unary_op == UnaryOp::Neg ? "PyNumber_Negative"
                     : e.unary_op == UnaryOp::Pos ? "PyNumber_Positive" : "PyNumber_Invert";
    std::vector<CppExpr> v = EmitInOrder({ObjectOperand(x)});
    return Result(fmt::format("pyxx::check({}({}.get()), {})", fn, v[0].text, Site(e.range)), v, kWrites);
  }
  if (e.unary_op == UnaryOp::Neg && x.kind == Expr::Kind::Int && t.IsSigned()) {
    if (TypeOf(x).kind == TypeKind::ULongLong) {
      return {"(-9223372036854775807L - 1)"};  // LONG_MIN: the only such literal typed long
    }
    return {"-" + EmitIntLiteral(x, t)};
  }
  CppExpr v = ValueAs(x, t);
  std::string T = checked::SpellCpp(t);
  switch (e.unary_op) {
    case UnaryOp::Neg:
      if (t.IsInteger() && t.IsSigned() && module_.Of(e).no_overflow) {
        // Proved in range by the checker (never MIN): C++'s negation.
        v.text = checked::IntegerBits(t.kind) < 32 ? fmt::format("static_cast<{}>({})", T, Prefixed('-', v.text))
                                                   : Prefixed('-', v.text);
      } else if (t.IsInteger() && t.IsSigned()) {
        v.text = fmt::format("pyxx::wrap_neg<{}>({})", T, v.text);
      } else {
        v.text = t.IsInteger() ? fmt::format("static_cast<{}>({})", T, Prefixed('-', v.text)) : Prefixed('-', v.text);
      }
      break;
    case UnaryOp::Pos:
      v.text = Prefixed('+', v.text);
      break;
    case UnaryOp::Invert:
      v.text = fmt::format("static_cast<{}>(~{})", T, v.text);
      break;
    default:
      break;
  }
  v.ref_lvalue = false;
  return v;
}

auto Emitter::EmitComprehension(const Expr& e) -> CppExpr {
  // Statements: the result, then a block with the comprehension's own variables
  // and its loops. The first iterable is evaluated outside, as Python does.
  std::string site = Site(e.range);
  using syntax::ComprehensionKind;
  const char* make = e.comprehension_kind == ComprehensionKind::Dict  ? "PyDict_New()"
                     : e.comprehension_kind == ComprehensionKind::Set ? "PySet_New(nullptr)"
                                                                      : "PyList_New(0)";
  const bool view = TypeOf(*e.clauses[0].iterable).IsMemoryView();
  CppExpr first = view ? ViewIterator(*e.clauses[0].iterable, site) : ObjectValue(*e.clauses[0].iterable);
  std::string first_iter = Temp("iter");
  Line(view ? fmt::format("pyxx::Ref {} = {};", first_iter, first.text)
            : fmt::format("pyxx::Ref {} = pyxx::get_iter({}.get(), {});", first_iter, first.text, site));
  ++scope_temps_;
  std::string result = Declare("pyxx::Ref", fmt::format("pyxx::check({}, {})", make, site));
  std::set<std::string> names;
  std::function<void(const Expr&)> collect = [&](const Expr& t) {
    syntax::ForEachBoundName(t, [&](const Expr& n) { names.insert(n.name); });
  };
  for (const auto& clause : e.clauses) {
    collect(*clause.target);
  }
  int saved_temps = scope_temps_;
  // The loops' temporaries are made at each iteration: block-scoped `pyxx::Ref`s.
  const bool saved_frame = frame_on_;
  frame_on_ = false;
  Line("{");
  indent_ += 2;
  for (const auto& name : names) {
    Line(fmt::format("pyxx::Ref {};", CppName(name)));
  }
  for (size_t i = 0; i < e.clauses.size(); ++i) {
    const auto& clause = e.clauses[i];
    std::string it = first_iter;
    if (i > 0 && TypeOf(*clause.iterable).IsMemoryView()) {
      it = Temp("iter");
      Line(fmt::format("pyxx::Ref {} = {};", it, ViewIterator(*clause.iterable, site).text));
    } else if (i > 0) {
      CppExpr iterable = ObjectValue(*clause.iterable);
      it = Temp("iter");
      Line(fmt::format("pyxx::Ref {} = pyxx::get_iter({}.get(), {});", it, iterable.text, site));
    }
    std::string item = Temp("item");
    Line(fmt::format("while (pyxx::Ref {} = pyxx::next({}.get(), {})) {{", item, it, site));
    indent_ += 2;
    if (clause.target->kind == Expr::Kind::Name) {
      Line(fmt::format("{} = std::move({});", CppName(clause.target->name), item));
    } else {
      EmitUnpack(*clause.target, item + ".get()");
    }
    for (const auto& c : clause.conditions) {
      Line(fmt::format("if (!({})) continue;", EmitCondition(*c)));
    }
  }
  if (e.comprehension_kind == ComprehensionKind::Dict) {
    std::vector<CppExpr> kv = EmitInOrder({ObjectOperand(e.dict_key()), ObjectOperand(e.dict_value())});
    Line(fmt::format("pyxx::check_status(PyDict_SetItem({}.get(), {}.get(), {}.get()), {});", result, kv[0].text,
                     kv[1].text, site));
  } else {
    std::vector<CppExpr> element = EmitInOrder({ObjectOperand(e.element())});
    Line(fmt::format("pyxx::check_status({}({}.get(), {}.get()), {});",
                     e.comprehension_kind == ComprehensionKind::Set ? "PySet_Add" : "PyList_Append", result, element[0].text, site));
  }
  for (size_t i = 0; i < e.clauses.size(); ++i) {
    indent_ -= 2;
    Line("}");
  }
  indent_ -= 2;
  Line("}");
  frame_on_ = saved_frame;
  scope_temps_ = saved_temps;
  return {result, true, first.effect | kWrites, kPure};
}

auto Emitter::EmitMemoryViewElement(const Expr& e) -> CppExpr {
  const Expr& base = e.object();
  std::string view = EmitExpr(base).text;
  if (base.kind != Expr::Kind::Name) {
    // `v[1:][0]`: the slice once; a view field in place when nothing can rebind it.
    view = Declare(checked::SpellCpp(TypeOf(base)) + (module_.Of(e).view_field_in_place ? "&" : ""), view);
  }
  bool wrap = Wraparound();
  bool bounds = Boundscheck();
  std::vector<Operand> raw;
  std::vector<std::string> index_types;
  for (const auto& a : e.args) {
    Type index_type = ViewIndexType(TypeOf(*a));
    raw.push_back(OperandAs(*a, index_type));
    index_types.push_back(checked::SpellCpp(index_type));
  }
  std::vector<CppExpr> v = EmitInOrder(raw);
  if ((wrap || bounds) && v.size() > 1) {
    // Python evaluates every index before it checks any: when a later index
    // still calls or raises, it and the ones before it get their temporaries
    // (in order) before the first check.
    size_t last = 0;
    for (size_t i = 1; i < v.size(); ++i) {
      if ((v[i].pending & (kWrites | kRaises)) != 0) last = i;
    }
    for (size_t i = 0; last > 0 && i <= last; ++i) {
      if (v[i].pending != kPure) Materialize(v[i], index_types[i]);
    }
  }
  // Under nonecheck, indexing a None view is a TypeError. Without it, a None
  // view's extents are 0: the bounds check makes it an IndexError, and under
  // boundscheck(False) the user has promised every index is in range.
  const bool none_check = Nonecheck();
  // A view parameter held in a ViewAccess: its locals, not the View, address the element.
  const bool through_access = module_.Of(e).through_view_access;
  if (through_access) {
    auto access = view_access_.find(module_.Resolve(base).index);
    PYXX_CHECK(!none_check && access != view_access_.end(), "a ViewAccess the checker did not provide for");
    view = access->second;
  }
  const std::string checked_view =
      none_check ? fmt::format("{}.not_none(PyExc_TypeError, \"Cannot index None memoryview slice\", {})", view,
                               Site(e.range))
                 : view;
  // Indices the loop around proves in range need no check (not under
  // nonecheck, where the first check also tests for None).
  const uint8_t in_range = none_check ? 0 : module_.Of(e).indices_in_range;
  if ((wrap || bounds) && in_range != (1U << v.size()) - 1) {
    // All indices first, then the checks, dimension by dimension (IndexError).
    std::vector<Operand> checked;
    for (size_t i = 0; i < v.size(); ++i) {
      CppExpr c = v[i];
      if ((in_range & (1U << i)) != 0) {
        checked.push_back({"Py_ssize_t", [c] { return c; }});
        continue;
      }
      c.text = fmt::format("{}.index({}, {}, {}, {}, {})", i == 0 ? checked_view : view, c.text, i,
                           wrap ? "true" : "false", bounds ? "true" : "false", Site(e.range));
      if (bounds || (i == 0 && none_check)) {
        c.effect |= kRaises;
        c.pending |= kRaises;
      }
      checked.push_back({"Py_ssize_t", [c] { return c; }});
    }
    v = EmitInOrder(checked);
  }
  const bool checked_before = (wrap || bounds) && !v.empty() && in_range != (1U << v.size()) - 1;
  // A ViewAccess knows its unit dimension from its type; a View is told it.
  const int unit = TypeOf(base).contiguous_dim;
  const std::string at = unit >= 0 && !through_access ? fmt::format("at_unit<{}>", unit) : "at";
  CppExpr out = Result(fmt::format("{}.{}({})", checked_before ? view : checked_view, at, Joined(v, 0, "")), v,
                       none_check && !checked_before ? kReads | kRaises : kReads);
  return out;
}

auto Emitter::EmitViewSlice(const Expr& e) -> CppExpr {
  const Expr& base = e.object();
  const Type& bt = TypeOf(base);
  const Type& rt = TypeOf(e);
  bool wrap = Wraparound();
  bool bounds = Boundscheck();
  // The view first (held in a temporary unless it is a variable: it is used once
  // per index check), then the indices and slice bounds left to right.
  std::vector<CppExpr> b = EmitInOrder({{checked::SpellCpp(bt), [this, &base] { return EmitExpr(base); }}});
  CppExpr view = b[0];
  if (base.kind != Expr::Kind::Name) {
    view.text = Declare(checked::SpellCpp(bt), view.text);
    view.pending = kPure;
  }
  std::vector<Operand> raw;
  std::vector<std::string> index_types;
  for (const auto& a : e.args) {
    if (a->kind == Expr::Kind::Ellipsis) {
      continue;
    }
    if (a->kind == Expr::Kind::Slice) {
      for (const Expr* part : {a->lower(), a->upper(), a->step()}) {
        if (part != nullptr && part->kind != Expr::Kind::None) {
          raw.push_back(OperandAs(*part, Type::Of(TypeKind::SSizeT)));
          index_types.push_back("Py_ssize_t");
        }
      }
      continue;
    }
    Type index_type = ViewIndexType(TypeOf(*a));
    raw.push_back(OperandAs(*a, index_type));
    index_types.push_back(checked::SpellCpp(index_type));
  }
  std::vector<CppExpr> v = EmitInOrder(raw);
  std::string site = Site(e.range);
  if (wrap || bounds) {
    // Every index and bound is evaluated before any index is checked, as Python does.
    for (size_t i = 0; i < v.size(); ++i) {
      if (v[i].pending != kPure) Materialize(v[i], index_types[i]);
    }
  }
  std::string axes;
  unsigned own = kReads | kRaises;  // slicing a None view raises
  size_t next = 0;
  int dim = 0;
  const int written = static_cast<int>(std::count_if(e.args.begin(), e.args.end(), [](const auto& a) {
    return a->kind != Expr::Kind::Ellipsis;
  }));
  for (const auto& a : e.args) {
    if (a->kind == Expr::Kind::Ellipsis) {
      // `...`: a `:` for each dimension the other subscripts leave.
      for (int k = written; k < bt.ndim; ++k, ++dim) {
        axes += axes.empty() ? "pyxx::Axis::all()" : ", pyxx::Axis::all()";
      }
      continue;
    }
    axes += axes.empty() ? "" : ", ";
    if (a->kind == Expr::Kind::Slice) {
      std::string parts;
      for (const Expr* part : {a->lower(), a->upper(), a->step()}) {
        bool given = part != nullptr && part->kind != Expr::Kind::None;
        parts += fmt::format("{}{}, {}", parts.empty() ? "" : ", ", given ? "true" : "false",
                             given ? v[next++].text : "0");
      }
      axes += fmt::format("pyxx::Axis::slice({})", parts);
    } else {
      std::string index = v[next++].text;
      if (wrap || bounds) {
        index = fmt::format("{}.index({}, {}, {}, {}, {})", view.text, index, dim, wrap ? "true" : "false",
                            bounds ? "true" : "false", site);
      }
      axes += fmt::format("pyxx::Axis::index({})", index);
    }
    ++dim;
  }
  for (; dim < bt.ndim; ++dim) {
    axes += axes.empty() ? "pyxx::Axis::all()" : ", pyxx::Axis::all()";
  }
  v.push_back(view);
  return Result(fmt::format("{}.slice<{}>({{{}}}, {})", view.text, rt.ndim, axes, site), v, own);
}

auto Emitter::NoneCheckedView(const Expr& view, const std::string& attribute, const std::string& site) -> CppExpr {
  CppExpr v = EmitExpr(view);
  if (!Nonecheck()) {
    return v;
  }
  // @cython.nonecheck(True): Cython's AttributeError for a None view.
  std::string message = attribute == "T" ? "Cannot transpose None memoryview slice"
                                         : fmt::format("Cannot access '{}' attribute of None memoryview slice", attribute);
  v.text = fmt::format("{}.not_none(PyExc_AttributeError, {}, {})", v.text, CppStringLiteral(message), site);
  v.ref_lvalue = false;
  v.effect |= kRaises;
  v.pending |= kRaises;
  return v;
}

auto Emitter::EmitViewAttribute(const Expr& e) -> CppExpr {
  const Type& vt = TypeOf(e.object());
  std::vector<CppExpr> v = EmitInOrder(
      {{checked::SpellCpp(vt), [this, &e] { return NoneCheckedView(e.object(), e.name, Site(e.range)); }}});
  std::string view = v[0].text;
  if (e.name == "ndim") {
    return Result(fmt::format("(static_cast<void>({}), {})", view, vt.ndim), v, kPure);
  }
  if (e.name == "T") {
    return Result(view + ".transposed()", v, kReads);
  }
  if (e.name == "itemsize") {
    return Result(fmt::format("(static_cast<void>({}), static_cast<Py_ssize_t>(sizeof({})))", view,
                              checked::SpellCpp(checked::ViewElement(vt))),
                  v, kPure);
  }
  if (e.name == "size") {
    return Result(view + ".size()", v, kPure);
  }
  if (e.name == "nbytes") {
    return Result(fmt::format("({}.size() * static_cast<Py_ssize_t>(sizeof({})))", view,
                              checked::SpellCpp(checked::ViewElement(vt))),
                  v, kPure);
  }
  // .shape / .strides / .suboffsets as a tuple (suboffsets: -1 each, the buffer is direct).
  std::string site = Site(e.range);
  if (e.name == "suboffsets") {
    return Result(fmt::format("(static_cast<void>({}), pyxx::direct_suboffsets({}, {}))", view, vt.ndim, site), v,
                  kRaises);
  }
  std::string values = e.name == "shape" ? view + ".shapes()" : view + ".strides()";
  return Result(fmt::format("pyxx::ssize_tuple({}, {}, {})", values, vt.ndim, site), v, kRaises);
}

auto Emitter::EmitViewGeometry(const Expr& e) -> CppExpr {
  const Expr& attr = e.object();
  const Type& vt = TypeOf(attr.object());
  std::vector<CppExpr> v =
      EmitInOrder({{checked::SpellCpp(vt), [this, &attr, &e] { return NoneCheckedView(attr.object(), attr.name, Site(e.range)); }},
                   OperandAs(*e.args[0], Type::Of(TypeKind::SSizeT))});
  const char* what = attr.name == "shape" ? "shape" : attr.name == "strides" ? "stride" : "suboffset";
  const Expr& k = *e.args[0];
  const bool negated = k.kind == Expr::Kind::Unary && k.unary_op == syntax::UnaryOp::Neg &&
                       k.operand().kind == Expr::Kind::Int;
  if (k.kind == Expr::Kind::Int || negated) {
    // A constant index the checker found in range: the dimension it names.
    std::string digits = (negated ? k.operand() : k).text;
    digits.erase(std::remove(digits.begin(), digits.end(), '_'), digits.end());
    long long value = std::stoll(digits, nullptr, 0);
    int dim = static_cast<int>(negated ? vt.ndim - value : value);
    if (attr.name == "suboffsets") {
      return Result(fmt::format("(static_cast<void>({}), static_cast<Py_ssize_t>(-1))", v[0].text), v, kPure);
    }
    return Result(fmt::format("{}.{}({})", v[0].text, what, dim), v, kPure);
  }
  return Result(fmt::format("{}.{}_at({}, {})", v[0].text, what, v[1].text, Site(e.range)), v, kRaises);
}

auto Emitter::EmitSubscriptKey(const Expr& a) -> Operand {
  return {"pyxx::Ref", [this, &a]() -> CppExpr {
            if (a.kind == Expr::Kind::Slice) {
              return EmitExpr(a);
            }
            return ObjectValue(a);
          }};
}

auto Emitter::EmitSubscript(const Expr& e) -> CppExpr {
  const Expr& base = e.object();
  // `.shape[k]` and the like; `.T[...]` is a view's subscript like any other.
  if (base.kind == Expr::Kind::Attribute && TypeOf(base.object()).IsMemoryView() && !TypeOf(base).IsMemoryView()) {
    return EmitViewGeometry(e);
  }
  if (TypeOf(base).IsMemoryView()) {
    return TypeOf(e).IsMemoryView() ? EmitViewSlice(e) : EmitMemoryViewElement(e);
  }
  std::string site = Site(e.range);
  SubscriptOperands o = EmitSubscriptOperands(e, site);
  return Result(fmt::format("pyxx::check(PyObject_GetItem({}.get(), {}), {})", o.values[0].text, o.key, site),
                o.values, kWrites);
}

auto Emitter::EmitSubscriptOperands(const Expr& e, const std::string& site) -> SubscriptOperands {
  std::vector<Operand> operands{ObjectOperand(e.object())};
  for (const auto& a : e.args) {
    operands.push_back(EmitSubscriptKey(*a));
  }
  SubscriptOperands o{EmitInOrder(operands), ""};
  o.key = o.values.size() == 2
              ? o.values[1].text + ".get()"
              : fmt::format("pyxx::make_tuple({{{}}}, {}).get()", Joined(o.values, 1, ".get()"), site);
  return o;
}

}  // namespace pyxx::emit
