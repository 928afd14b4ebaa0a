// The builtin types an extension type can derive from (`@cython.cclass class
// C(list)`): as in Cython, the instance starts with the builtin's own instance
// struct, then the type's fields. Only fixed-size builtins whose struct is the
// same in every CPython pyxx builds for (3.9 to 3.13) are here; check/ rejects
// the others, emit/ spells the struct and the type object.
#pragma once

#include <string_view>

namespace pyxx::checked {

struct BuiltinBase {
  std::string_view name;         // "list"
  std::string_view struct_name;  // "PyListObject"
  std::string_view type_object;  // a C++ expression of type PyTypeObject*
};

inline auto FindBuiltinBase(std::string_view name) -> const BuiltinBase* {
  // The exceptions whose instances are a PyBaseExceptionObject alone (OSError,
  // SyntaxError, StopIteration, ImportError, SystemExit, the Unicode errors,
  // NameError and AttributeError have larger structs; EncodingWarning is 3.10's).
  static constexpr BuiltinBase kBases[] = {
      {"list", "PyListObject", "&PyList_Type"},
      {"dict", "PyDictObject", "&PyDict_Type"},
      {"set", "PySetObject", "&PySet_Type"},
      {"frozenset", "PySetObject", "&PyFrozenSet_Type"},
      {"bytearray", "PyByteArrayObject", "&PyByteArray_Type"},
#define PYXX_EXCEPTION_BASE(N) {#N, "PyBaseExceptionObject", "reinterpret_cast<PyTypeObject*>(PyExc_" #N ")"}
      PYXX_EXCEPTION_BASE(BaseException),
      PYXX_EXCEPTION_BASE(Exception),
      PYXX_EXCEPTION_BASE(ArithmeticError),
      PYXX_EXCEPTION_BASE(AssertionError),
      PYXX_EXCEPTION_BASE(BufferError),
      PYXX_EXCEPTION_BASE(EOFError),
      PYXX_EXCEPTION_BASE(FloatingPointError),
      PYXX_EXCEPTION_BASE(GeneratorExit),
      PYXX_EXCEPTION_BASE(IndexError),
      PYXX_EXCEPTION_BASE(KeyError),
      PYXX_EXCEPTION_BASE(KeyboardInterrupt),
      PYXX_EXCEPTION_BASE(LookupError),
      PYXX_EXCEPTION_BASE(MemoryError),
      PYXX_EXCEPTION_BASE(NotImplementedError),
      PYXX_EXCEPTION_BASE(OverflowError),
      PYXX_EXCEPTION_BASE(RecursionError),
      PYXX_EXCEPTION_BASE(ReferenceError),
      PYXX_EXCEPTION_BASE(RuntimeError),
      PYXX_EXCEPTION_BASE(StopAsyncIteration),
      PYXX_EXCEPTION_BASE(SystemError),
      PYXX_EXCEPTION_BASE(TypeError),
      PYXX_EXCEPTION_BASE(ValueError),
      PYXX_EXCEPTION_BASE(ZeroDivisionError),
      PYXX_EXCEPTION_BASE(Warning),
      PYXX_EXCEPTION_BASE(UserWarning),
      PYXX_EXCEPTION_BASE(DeprecationWarning),
      PYXX_EXCEPTION_BASE(PendingDeprecationWarning),
      PYXX_EXCEPTION_BASE(SyntaxWarning),
      PYXX_EXCEPTION_BASE(RuntimeWarning),
      PYXX_EXCEPTION_BASE(FutureWarning),
      PYXX_EXCEPTION_BASE(ImportWarning),
      PYXX_EXCEPTION_BASE(UnicodeWarning),
      PYXX_EXCEPTION_BASE(BytesWarning),
      PYXX_EXCEPTION_BASE(ResourceWarning),
#undef PYXX_EXCEPTION_BASE
  };
  for (const BuiltinBase& b : kBases) {
    if (b.name == name) {
      return &b;
    }
  }
  return nullptr;
}

// Builtins whose instances have a variable size (items after the struct): the
// fields of a derived type would have no fixed place, so Cython rejects them too.
inline auto IsVarSizedBuiltin(std::string_view name) -> bool {
  return name == "tuple" || name == "bytes" || name == "int" || name == "str" || name == "bool";
}

}  // namespace pyxx::checked
