// Extension types (`@cython.cclass`): the instance struct, the type's slots
// (tp_new, tp_dealloc, GC) and its PyType_Spec, declared before the module's
// functions; the class statement runs the body as a plain class's and makes
// the type with pyxx::create_cclass (runtime/pyxx/cclass.hpp); `obj.f` on an
// instance is a C access to the struct.
#include <fmt/format.h>

#include <algorithm>

#include "checked/builtin_bases.h"
#include "emit/emitter_impl.h"

namespace pyxx::emit {

auto CClassStruct(const std::string& name) -> std::string { return "pyxx_cclass_" + EscapeIdentifier(name); }
auto CClassTypeVar(const std::string& name) -> std::string { return "pyxx_type_" + EscapeIdentifier(name); }
auto CClassFieldMember(const std::string& name) -> std::string { return "f_" + EscapeIdentifier(name); }

namespace {

auto HooksVar(const std::string& name) -> std::string { return "pyxx_hooks_" + EscapeIdentifier(name); }
auto SpecVar(const std::string& name) -> std::string { return "pyxx_spec_" + EscapeIdentifier(name); }
// Parameter `i` of a thunk that forwards its arguments (`T pyxx_aI`), and the
// argument it passes on: moved when the thunk owns it.
void AddForwardedParam(const std::string& type, size_t i, std::string& params, std::string& args) {
  params += fmt::format(", {} pyxx_a{}", type, i);
  args += type == "pyxx::Ref" ? fmt::format(", std::move(pyxx_a{})", i) : fmt::format(", pyxx_a{}", i);
}

auto SlotFunction(const char* slot, const std::string& name) -> std::string {
  return fmt::format("pyxx_{}_{}", slot, EscapeIdentifier(name));
}

auto VtableStruct(const std::string& name) -> std::string { return "pyxx_vtab_" + EscapeIdentifier(name); }
auto VtableVar(const std::string& name) -> std::string { return "pyxx_vtable_" + EscapeIdentifier(name); }
auto MethodMember(const std::string& name) -> std::string { return "m_" + EscapeIdentifier(name); }
// The vtable member of a C method: a fused method has one per specialisation.
auto SlotMember(const checked::FunctionInfo& m) -> std::string {
  const int n = m.syntax->fused_specialisation;
  return n >= 0 ? fmt::format("fused{}_{}", n, EscapeIdentifier(m.name())) : MethodMember(m.name());
}
auto CcallDispatcher(const std::string& cls, const std::string& method) -> std::string {
  return fmt::format("pyxx_ccall_{}_{}", EscapeIdentifier(cls), EscapeIdentifier(method));
}
auto CcallFunctionVar(const std::string& cls, const std::string& method) -> std::string {
  return fmt::format("pyxx_method_{}_{}", EscapeIdentifier(cls), EscapeIdentifier(method));
}

// The type's bases in the module, root first, then the type (a cimported base
// lays out its own part of the instance).
auto Chain(const checked::CheckedModule& module, const checked::CClassInfo& cls) -> std::vector<const checked::CClassInfo*> {
  std::vector<const checked::CClassInfo*> chain;
  for (const checked::CClassInfo* k = &cls;; k = &module.CClass(k->base)) {
    chain.insert(chain.begin(), k);
    if (k->base.empty() || module.CClass(k->base).IsForeign()) {
      break;
    }
  }
  return chain;
}

// The run-time offset of the fields of the types derived from a cimported type through `root`.
auto PartOffsetVar(const std::string& root) -> std::string { return "pyxx_part_offset_" + EscapeIdentifier(root); }

auto RootOf(const checked::CheckedModule& module, const checked::CClassInfo& cls) -> const checked::CClassInfo& {
  return *Chain(module, cls).front();
}

// Instances of the types derived from one root share one vtable pointer, in the
// root's struct, when any of those types has C methods.
auto HasVtable(const checked::CheckedModule& module, const checked::CClassInfo& cls) -> bool {
  const checked::CClassInfo& root = RootOf(module, cls);
  for (const checked::CClassInfo& other : module.cclasses) {
    if (!other.c_methods.empty() && &RootOf(module, other) == &root) {
      return true;
    }
  }
  return false;
}

// The builtin type the module's types derived from `root` start with (`class C(list)`), or null.
auto BuiltinBaseOf(const checked::CClassInfo& root) -> const checked::BuiltinBase* {
  return root.base.empty() ? checked::FindBuiltinBase(root.builtin_base) : nullptr;
}

auto OffsetOf(const std::string& cls, const std::string& field) -> std::string {
  return fmt::format("offsetof({}, {})", CClassStruct(cls), CClassFieldMember(field));
}

// Py_TPFLAGS_SEQUENCE and Py_TPFLAGS_MAPPING are CPython 3.10's (runtime/pyxx/cclass.hpp
// spells them 0 before: `match` came with them).
auto TypeFlags(const checked::CClassInfo& cls) -> std::string {
  std::string flags = "Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC";
  if (!cls.final) {
    flags += " | Py_TPFLAGS_BASETYPE";
  }
  if (cls.collection == checked::CClassInfo::Collection::Sequence) {
    flags += " | PYXX_TPFLAGS_SEQUENCE";
  } else if (cls.collection == checked::CClassInfo::Collection::Mapping) {
    flags += " | PYXX_TPFLAGS_MAPPING";
  }
  return flags;
}

}  // namespace

// `object` (a PyObject*) as a pointer to the struct of `cls`: the instance itself,
// or, for a type derived from a cimported one, the part after that type's instance.
auto Emitter::CClassStructAt(const checked::CClassInfo& cls, const std::string& object) -> std::string {
  if (module_.CimportedBase(cls.name) != nullptr) {
    return fmt::format("pyxx::cclass_part<{}>({}, {})", CClassStruct(cls.name), object,
                       PartOffsetVar(RootOf(module_, cls).name));
  }
  return fmt::format("reinterpret_cast<{}*>({})", CClassStruct(cls.name), object);
}

// The same for an object that may be None (AttributeError `message`).
auto Emitter::CClassStructOrNone(const checked::CClassInfo& cls, const std::string& object, const std::string& message,
                                 const std::string& site) -> std::string {
  if (module_.CimportedBase(cls.name) != nullptr) {
    return fmt::format("pyxx::cclass_part<{}>({}, {}, {}, {})", CClassStruct(cls.name), object,
                       PartOffsetVar(RootOf(module_, cls).name), CppStringLiteral(message), site);
  }
  return fmt::format("pyxx::cclass_fields<{}>({}, {}, {})", CClassStruct(cls.name), object, CppStringLiteral(message),
                     site);
}

auto Emitter::CClassDeclarations() -> std::string {
  std::string out;
  if (module_.array_type_used) {
    // `cpython.array`'s array.array, loaded by the exec function (pyxx/cpython_array.hpp).
    out += Shared() + fmt::format("PyTypeObject* {} = nullptr;\n", CClassTypeVar(std::string(checked::kArrayArray)));
  }
  // The type objects first: a ccall dispatcher names the types derived from its own.
  for (const checked::CClassInfo& cls : module_.cclasses) {
    out += Shared() + fmt::format("PyTypeObject* {} = nullptr;\n", CClassTypeVar(cls.name));
  }
  for (const checked::CClassInfo& cls : module_.cclasses) {
    if (cls.IsForeign()) {
      continue;  // made by its own module (its variable is set from the capsule table)
    }
    const std::string S = CClassStruct(cls.name);
    const std::vector<const checked::CClassInfo*> chain = Chain(module_, cls);
    const checked::CClassInfo& root = *chain.front();
    const bool vtable = HasVtable(module_, cls);
    // A type derived from a cimported one: that type's module makes, frees and
    // traverses its part of the instance (tp_new, tp_dealloc, ... of its type).
    const checked::CClassInfo* cimported = module_.CimportedBase(cls.name);
    const std::string cimported_type = cimported != nullptr ? CClassTypeVar(cimported->name) : std::string();
    // A builtin base (`class C(list)`): its struct starts the instance, its slots make, free and
    // traverse that part, as a Python subclass's do.
    const checked::BuiltinBase* builtin = BuiltinBaseOf(root);
    const std::string builtin_type = builtin != nullptr ? std::string(builtin->type_object) : std::string();
    if (cimported != nullptr && &root == &cls) {
      out += Shared() + fmt::format("Py_ssize_t {} = 0;  // where the fields start: after the instance of `{}`\n",
                         PartOffsetVar(cls.name), cimported->name);
    }
    if (vtable) {
      // The C methods, called through the instance's vtable pointer; a derived
      // type's table starts with its base's (overridden entries replaced).
      out += fmt::format("struct {} {{\n", VtableStruct(cls.name));
      if (&root != &cls) {
        out += fmt::format("  {} pyxx_base;\n", VtableStruct(cls.base));
      }
      for (int index : cls.c_methods) {
        const checked::FunctionInfo& m = module_.functions[static_cast<size_t>(index)];
        std::string params = "PyObject*";
        for (size_t i = 0; i < m.param_types.size(); ++i) {
          params += ", " + ParamCpp(m, i);
        }
        params += m.callee_defaults ? ", unsigned" : "";  // the mask of the parameters passed
        out += fmt::format("  {} (*{})({});\n", ReturnCpp(m.return_type), SlotMember(m), params);
      }
      out += "};\n";
      for (int index : cls.c_methods) {
        if (module_.functions[static_cast<size_t>(index)].extends >= 0) {
          out += ExtensionThunkDefinition(cls, module_.functions[static_cast<size_t>(index)]);
        }
      }
      for (int index : CcallOverrides(cls)) {
        out += fmt::format("{};\n", CcallSlotPrototype(module_.functions[static_cast<size_t>(index)]));
      }
      for (const checked::FunctionInfo& m : module_.functions) {
        if (m.callee_defaults && &module_.cclasses[static_cast<size_t>(m.cclass)] == &cls) {
          out += DefaultsThunkDefinition(m);
        }
      }
      out += Shared() + fmt::format("const {} {}{};\n", VtableStruct(cls.name), VtableVar(cls.name), VtableInit(cls, cls));
    }
    out += fmt::format("struct {} {{\n", S);
    if (&root != &cls) {
      out += fmt::format("  {} pyxx_base;  // the base type's fields first\n", CClassStruct(cls.base));
    } else {
      out += cimported != nullptr ? ""
             : builtin != nullptr ? fmt::format("  {} pyxx_builtin;  // the `{}` part first\n", builtin->struct_name, builtin->name)
                                  : "  PyObject_HEAD\n";
      if (vtable) {
        out += fmt::format("  const {}* pyxx_vtab;\n", VtableStruct(cls.name));
      }
    }
    for (const auto& f : cls.fields) {
      out += fmt::format("  {} {};\n", checked::SpellCpp(f.type), CClassFieldMember(f.name));
    }
    if (cls.instance_dict) {
      out += "  PyObject* pyxx_dict;  // the instance dictionary (`__dict__`), made when first used\n";
    }
    out += "};\n";
    out += Shared() + fmt::format("pyxx::CClassHooks {};\n", HooksVar(cls.name));
    for (int index : cls.c_methods) {
      const checked::FunctionInfo& m = module_.functions[static_cast<size_t>(index)];
      if (m.kind == checked::FunctionKind::CCall && !module_.CcallOverCfunc(index)) {
        out += CcallDispatcherDefinition(cls, m, false);
      }
    }
    for (int index : CcallOverrides(cls)) {
      out += CcallDispatcherDefinition(cls, module_.functions[static_cast<size_t>(index)], true);
    }
    // The fields of the type and its bases of one kind, each through the struct
    // that declares it, a line of `format` each: object fields (None, never
    // null) and memoryview fields (C++ objects in the struct: constructed as the
    // None view, destroyed after `__dealloc__`).
    auto fields_where = [&](bool (checked::Type::*kind)() const, const char* format) {
      std::string lines;
      for (const checked::CClassInfo* k : chain) {
        for (const auto& f : k->fields) {
          if ((f.type.*kind)()) {
            lines += fmt::format(fmt::runtime(format),
                                 fmt::format("{}->{}", CClassStructAt(*k, "o"), CClassFieldMember(f.name)));
          }
        }
      }
      return lines;
    };
    auto object_fields = [&](const char* format) { return fields_where(&checked::Type::IsObject, format); };
    // The instance dictionary of the type (or base) with `__dict__`: null until first used.
    auto dict_slot = [&](const char* format) {
      std::string lines;
      for (const checked::CClassInfo* k : chain) {
        if (k->instance_dict) {
          lines += fmt::format(fmt::runtime(format), CClassStructAt(*k, "o") + "->pyxx_dict");
        }
      }
      return lines;
    };
    auto view_fields = [&](const char* format) { return fields_where(&checked::Type::IsMemoryView, format); };
    // C++ fields (vectors, strings): constructed empty before `__cinit__`, destroyed after `__dealloc__`.
    auto cpp_fields = [&](const char* format) { return fields_where(&checked::Type::IsCppClass, format); };
    // tp_new: zeroed memory (C fields 0), object fields None, view fields the
    // None view, then `__cinit__`
    // (the bases' first, with the same arguments, as in Cython).
    out += Shared() + fmt::format("PyObject* {}(PyTypeObject* type, PyObject* args, PyObject* kwds) {{\n",
                       SlotFunction("new", cls.name));
    out += cimported != nullptr
               ? fmt::format("  // The cimported type's part: its fields, its `__cinit__`.\n"
                             "  PyObject* o = {}->tp_new(type, args, kwds);\n  if (o == nullptr) return nullptr;\n",
                             cimported_type)
           : builtin != nullptr
               ? fmt::format("  // The `{}` part, made as for a Python subclass (it sees the arguments too).\n"
                             "  PyObject* o = ({})->tp_new(type, args, kwds);\n  if (o == nullptr) return nullptr;\n",
                             builtin->name, builtin_type)
               : "  PyObject* o = type->tp_alloc(type, 0);\n  if (o == nullptr) return nullptr;\n";
    if (vtable) {
      out += fmt::format("  {}->pyxx_vtab = reinterpret_cast<const {}*>(&{});\n", CClassStructAt(root, "o"),
                         VtableStruct(root.name), VtableVar(cls.name));
    }
    out += object_fields("  {} = pyxx::new_none();\n");
    out += view_fields("  pyxx::construct_field({});\n");
    out += cpp_fields("  pyxx::construct_field({});\n");
    for (const checked::CClassInfo* k : chain) {
      out += fmt::format("  if (!pyxx::cclass_call_cinit({}.cinit, o, args, kwds)) {{\n    Py_DECREF(o);\n"
                         "    return nullptr;\n  }}\n",
                         HooksVar(k->name));
    }
    out += "  return o;\n}\n";
    // tp_dealloc: `__dealloc__` first (it may read the fields; the derived type's,
    // then its bases'), then the fields.
    out += Shared() + fmt::format("void {}(PyObject* o) {{\n{}  PyObject_GC_UnTrack(o);\n", SlotFunction("dealloc", cls.name),
                       cimported != nullptr ? "" : "  PyTypeObject* type = Py_TYPE(o);\n");
    for (size_t k = chain.size(); k-- > 0;) {
      out += fmt::format("  pyxx::cclass_call_dealloc({}.dealloc, o);\n", HooksVar(chain[k]->name));
    }
    out += object_fields("  Py_CLEAR({});\n");
    out += dict_slot("  Py_CLEAR({});\n");
    out += view_fields("  pyxx::destroy_field({});\n");
    out += cpp_fields("  pyxx::destroy_field({});\n");
    if (cimported != nullptr) {
      out += fmt::format("  {}->tp_dealloc(o);  // its part, then frees the instance\n}}\n", cimported_type);
    } else if (builtin != nullptr) {
      // As CPython's subtype_dealloc: tracked again for the builtin's dealloc, which
      // untracks, frees its part and the instance; the heap type's reference is this type's.
      out += fmt::format("  PyObject_GC_Track(o);\n  ({})->tp_dealloc(o);\n  Py_DECREF(type);\n}}\n", builtin_type);
    } else {
      out += "  type->tp_free(o);\n  Py_DECREF(type);\n}\n";
    }
    // GC: the type (a heap type's instances own a reference to it) and the object fields.
    // (A cimported base's traverse visits the type: once only.)
    out += Shared() + fmt::format("int {}(PyObject* o, visitproc visit, void* arg) {{\n{}",
                       SlotFunction("traverse", cls.name), cimported != nullptr ? "" : "  Py_VISIT(Py_TYPE(o));\n");
    out += object_fields("  Py_VISIT({});\n");
    out += dict_slot("  Py_VISIT({});\n");
    out += view_fields("  Py_VISIT({}.object());\n");  // the object whose buffer the view holds
    out += cimported != nullptr ? fmt::format("  return {}->tp_traverse(o, visit, arg);\n}}\n", cimported_type)
           : builtin != nullptr ? fmt::format("  return ({})->tp_traverse(o, visit, arg);\n}}\n", builtin_type)
                                : "  return 0;\n}\n";
    if (!cls.no_gc_clear) {
      out += Shared() + fmt::format("int {}(PyObject* o) {{\n  (void)o;\n", SlotFunction("clear", cls.name));
      out += object_fields("  pyxx::clear_field({});\n");
      out += dict_slot("  Py_CLEAR({});\n");
      out += view_fields("  pyxx::clear_view_field({});\n");
      out += cimported != nullptr ? fmt::format("  return {}->tp_clear(o);\n}}\n", cimported_type)
             : builtin != nullptr ? fmt::format("  return ({})->tp_clear(o);\n}}\n", builtin_type)
                                  : "  return 0;\n}\n";
    }
    // Public and readonly fields: descriptors on the type.
    std::string getset;
    for (const auto& f : cls.fields) {
      if (f.visibility == checked::FieldVisibility::Private) {
        continue;
      }
      const bool writable = f.visibility == checked::FieldVisibility::Public;
      if (f.type.IsObject()) {
        const std::string spec = fmt::format("pyxx_field_{}_{}", EscapeIdentifier(cls.name), EscapeIdentifier(f.name));
        const std::string builtin = f.type.IsExtension() ? std::string() : BuiltinTypeObject(f.type.object_name);
        out += Shared() + fmt::format("pyxx::ObjectFieldSpec {}{{{}, {}, {}, {}}};\n", spec,
                           cimported != nullptr ? "0  /* set by " + PlaceFunction(cls.name) + " */" : OffsetOf(cls.name, f.name),
                           builtin.empty() ? "nullptr" : "&" + builtin,
                           f.type.IsExtension() ? "&" + CClassTypeVar(f.type.extension) : "nullptr",
                           CppStringLiteral(f.type.IsExtension() ? f.type.extension : f.type.object_name));
        getset += fmt::format("    {{{}, pyxx::object_field_get, {}, nullptr, &{}}},\n", CppStringLiteral(f.name),
                              writable ? "pyxx::object_field_set" : "nullptr", spec);
      } else {
        const std::string T = checked::SpellCpp(f.type);
        // A field of a cpdef enum reads as the member of its class (emit_enums.cpp).
        const std::string getter = CpdefEnumFieldGetter(f.type).value_or(fmt::format("pyxx::field_get<{}>", T));
        getset += fmt::format(
            "    {{{}, {}, {}, nullptr, reinterpret_cast<void*>(static_cast<std::uintptr_t>({}))}},\n",
            CppStringLiteral(f.name), getter, writable ? fmt::format("pyxx::field_set<{}>", T) : "nullptr",
            cimported != nullptr ? "0  /* set by " + PlaceFunction(cls.name) + " */" : OffsetOf(cls.name, f.name));
      }
    }
    std::string members_slot;
    if (cls.instance_dict) {
      // CPython finds the dictionary through tp_dictoffset (`__dictoffset__`).
      getset += "    {\"__dict__\", PyObject_GenericGetDict, PyObject_GenericSetDict, nullptr, nullptr},\n";
      out += Shared() + fmt::format("PyMemberDef pyxx_members_{}[] = {{\n"
                                    "    {{\"__dictoffset__\", T_PYSSIZET, offsetof({}, pyxx_dict), READONLY, nullptr}},\n"
                                    "    {{nullptr, 0, 0, 0, nullptr}},\n}};\n",
                                    EscapeIdentifier(cls.name), S);
      members_slot = fmt::format("    {{Py_tp_members, pyxx_members_{}}},\n", EscapeIdentifier(cls.name));
    }
    const std::string getset_var = "pyxx_getset_" + EscapeIdentifier(cls.name);
    out += Shared() + fmt::format("PyGetSetDef {}[] = {{\n{}    {{nullptr, nullptr, nullptr, nullptr, nullptr}},\n}};\n",
                       getset_var, getset);
    std::string dataclass_slots;
    if (cls.dataclass) {
      out += DataclassDefinitions(cls, getset_var, dataclass_slots);
    }
    std::string buffer_slots;
    out += BufferSlotDefinitions(cls, buffer_slots);  // emit_buffer.cpp
    out += Shared() + fmt::format("PyType_Slot pyxx_slots_{}[] = {{\n", EscapeIdentifier(cls.name));
    out += dataclass_slots;
    out += buffer_slots;
    out += fmt::format("    {{Py_tp_new, reinterpret_cast<void*>({})}},\n", SlotFunction("new", cls.name));
    out += fmt::format("    {{Py_tp_dealloc, reinterpret_cast<void*>({})}},\n", SlotFunction("dealloc", cls.name));
    out += fmt::format("    {{Py_tp_traverse, reinterpret_cast<void*>({})}},\n", SlotFunction("traverse", cls.name));
    if (!cls.no_gc_clear) {
      out += fmt::format("    {{Py_tp_clear, reinterpret_cast<void*>({})}},\n", SlotFunction("clear", cls.name));
    }
    out += fmt::format("    {{Py_tp_getset, {}}},\n", getset_var);
    out += members_slot;
    out += "    {0, nullptr},\n};\n";
    out += Shared() + fmt::format("PyType_Spec {} = {{{}, static_cast<int>(sizeof({})), 0, {}, pyxx_slots_{}}};\n",
                       SpecVar(cls.name), CppStringLiteral(options_.module_name + "." + cls.name), S,
                       TypeFlags(cls),
                       EscapeIdentifier(cls.name));
    if (cimported != nullptr) {
      out += PlaceFunctionDefinition(cls, *cimported, getset_var);
    }
  }
  return out;
}

auto DataclassVar(const std::string& cls) -> std::string { return "pyxx_dataclass_" + EscapeIdentifier(cls); }

// A dataclass's field table and the slot functions made from it (runtime/pyxx/dataclass.hpp);
// `slots` gets their entries. Every field of a dataclass is public: its
// descriptor's get and set functions read and store it.
auto Emitter::DataclassDefinitions(const checked::CClassInfo& cls, const std::string& getset_var, std::string& slots)
    -> std::string {
  const checked::DataclassInfo& dc = *cls.dataclass;
  const std::string name = EscapeIdentifier(cls.name);
  const std::string table = "pyxx_dcfields_" + name;
  std::string out = Shared() + fmt::format("pyxx::DataclassField {}[] = {{\n", table);
  for (const auto& f : dc.fields) {
    const bool hashed = f.hash < 0 ? f.compare : f.hash > 0;
    // An inherited field's descriptor is its base's (the instance starts with the base's struct).
    const checked::Type& type = module_.CClass(f.owner).fields[static_cast<size_t>(f.field)].type;
    const std::string store =
        type.IsObject() ? "pyxx::object_field_set" : fmt::format("pyxx::field_set<{}>", checked::SpellCpp(type));
    out += fmt::format("    {{&{}[{}], {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, nullptr}},\n",
                       f.owner == cls.name ? getset_var : "pyxx_getset_" + EscapeIdentifier(f.owner), f.field, store,
                       f.init, f.repr, f.compare, hashed, f.hash, f.default_value != nullptr,
                       f.default_factory != nullptr, f.initvar, CppStringLiteral(f.type_text));
  }
  out += "};\n";
  out += Shared() + fmt::format("pyxx::Dataclass {}{{{}, {}, {}, &{}, {}U}};\n", DataclassVar(cls.name), table,
                     dc.fields.size(), dc.post_init, CClassTypeVar(cls.name), dc.params);
  if (dc.make_init) {
    out += Shared() + fmt::format("int pyxx_dcinit_{}(PyObject* self, PyObject* args, PyObject* kwds) {{\n"
                       "  return pyxx::dataclass_init(self, args, kwds, {});\n}}\n",
                       name, DataclassVar(cls.name));
    slots += fmt::format("    {{Py_tp_init, reinterpret_cast<void*>(pyxx_dcinit_{})}},\n", name);
  }
  if (dc.make_repr) {
    out += Shared() + fmt::format("PyObject* pyxx_dcrepr_{}(PyObject* self) {{\n  return pyxx::dataclass_repr(self, {});\n}}\n",
                       name, DataclassVar(cls.name));
    slots += fmt::format("    {{Py_tp_repr, reinterpret_cast<void*>(pyxx_dcrepr_{})}},\n", name);
  }
  if (dc.compare_ops != 0) {
    out += Shared() + fmt::format("PyObject* pyxx_dccompare_{}(PyObject* self, PyObject* other, int op) {{\n"
                       "  return pyxx::dataclass_richcompare(self, other, op, {}, {}U);\n}}\n",
                       name, DataclassVar(cls.name), dc.compare_ops);
    slots += fmt::format("    {{Py_tp_richcompare, reinterpret_cast<void*>(pyxx_dccompare_{})}},\n", name);
  }
  if (dc.make_hash) {
    out += Shared() + fmt::format("Py_hash_t pyxx_dchash_{}(PyObject* self) {{\n  return pyxx::dataclass_hash(self, {});\n}}\n",
                       name, DataclassVar(cls.name));
    slots += fmt::format("    {{Py_tp_hash, reinterpret_cast<void*>(pyxx_dchash_{})}},\n", name);
  } else if (dc.hash_none) {
    slots += "    {Py_tp_hash, reinterpret_cast<void*>(PyObject_HashNotImplemented)},\n";
  }
  return out;
}

auto Emitter::PlaceFunction(const std::string& cls) -> std::string { return "pyxx_place_" + EscapeIdentifier(cls); }

// For a type derived from a cimported one, run by its class statement: where its
// fields start (after the cimported type's instance, whose size that module
// knows), the spec's size, and the offsets of its public fields' descriptors.
auto Emitter::PlaceFunctionDefinition(const checked::CClassInfo& cls, const checked::CClassInfo& cimported,
                                      const std::string& getset_var) -> std::string {
  const checked::CClassInfo& root = RootOf(module_, cls);
  const std::string offset = PartOffsetVar(root.name);
  std::string out = Shared() + fmt::format("PyType_Spec* {}(pyxx::Site pyxx_site) {{\n", PlaceFunction(cls.name));
  out += fmt::format("  {} = pyxx::cclass_part_offset({}, {}, &{}, sizeof({}), pyxx_site);\n", offset,
                     CClassTypeVar(cimported.name), CppStringLiteral(cimported.name), SpecVar(cls.name),
                     CClassStruct(cls.name));
  size_t i = 0;
  for (const auto& f : cls.fields) {
    if (f.visibility == checked::FieldVisibility::Private) {
      continue;
    }
    const std::string at = fmt::format("{} + {}", offset, OffsetOf(cls.name, f.name));
    if (f.type.IsObject()) {
      out += fmt::format("  pyxx_field_{}_{}.offset = static_cast<std::uintptr_t>({});\n", EscapeIdentifier(cls.name),
                         EscapeIdentifier(f.name), at);
    } else {
      out += fmt::format("  {}[{}].closure = reinterpret_cast<void*>(static_cast<std::uintptr_t>({}));\n", getset_var, i,
                         at);
    }
    ++i;
  }
  return out + fmt::format("  return &{};\n}}\n", SpecVar(cls.name));
}

auto Emitter::VtableOf(const checked::CClassInfo& cls, const std::string& root_struct) -> std::string {
  // The instance's vtable pointer is the root type's; the table of `cls` starts
  // with it (nested first members, so the pointers convert).
  const checked::CClassInfo& root = RootOf(module_, cls);
  if (&root == &cls) {
    return root_struct + "->pyxx_vtab";
  }
  return fmt::format("reinterpret_cast<const {}*>({}->pyxx_vtab)", VtableStruct(cls.name), root_struct);
}

auto Emitter::VtableInit(const checked::CClassInfo& cls, const checked::CClassInfo& level) -> std::string {
  // The part of `cls`'s table that `level` (cls or a base) declares: its base's part
  // first, then the methods `level` introduced, as `cls` defines them.
  std::vector<std::string> items;
  if (!level.base.empty() && !module_.CClass(level.base).IsForeign()) {  // a cimported type's vtable is its own
    items.push_back(VtableInit(cls, module_.CClass(level.base)));
  }
  for (int index : level.c_methods) {
    if (module_.functions[static_cast<size_t>(index)].syntax->fused_group >= 0) {
      items.push_back(NativeName(module_.functions[static_cast<size_t>(index)]));  // never overridden
      continue;
    }
    const int defined = module_.FindCMethod(cls.name, module_.functions[static_cast<size_t>(index)].name());
    if (module_.IntroducingMethod(defined) == index) {
      const checked::FunctionInfo& m = module_.functions[static_cast<size_t>(defined)];
      items.push_back(m.callee_defaults           ? DefaultsThunkName(m)
                      : module_.CcallOverCfunc(defined) ? CcallSlotName(m)
                                                        : NativeName(m));
      continue;
    }
    // A slot of a method that `defined` extends (adding parameters), directly or
    // through a chain of overrides: the thunk of the extension made from it,
    // which calls the next slot with the defaults of the parameters it adds.
    const int extension = module_.ExtensionOfSlot(defined, index);
    PYXX_CHECK(extension >= 0, "a vtable slot neither the method's own nor one it extends");
    items.push_back(ExtensionThunkName(module_.functions[static_cast<size_t>(extension)]));
  }
  std::string out = "{";
  for (size_t i = 0; i < items.size(); ++i) {
    out += (i == 0 ? "" : ", ") + items[i];
  }
  return out + "}";
}

// The ccall methods of `cls` that override a cfunc method of a base type.
auto Emitter::CcallOverrides(const checked::CClassInfo& cls) -> std::vector<int> {
  std::vector<int> out;
  const int c = static_cast<int>(&cls - module_.cclasses.data());
  for (size_t i = 0; i < module_.functions.size(); ++i) {
    if (module_.functions[i].cclass == c && module_.CcallOverCfunc(static_cast<int>(i))) {
      out.push_back(static_cast<int>(i));
    }
  }
  return out;
}

auto Emitter::CcallSlotName(const checked::FunctionInfo& m) -> std::string {
  return fmt::format("pyxx_ccall_slot{}_{}", &m - module_.functions.data(), EscapeIdentifier(m.name()));
}

auto Emitter::CcallSlotPrototype(const checked::FunctionInfo& m) -> std::string {
  std::string params = "PyObject*";
  for (size_t i = 0; i < m.param_types.size(); ++i) {
    params += ", " + ParamCpp(m, i);
  }
  return fmt::format("{} {}({})", ReturnCpp(m.return_type), CcallSlotName(m), params);
}

auto Emitter::ExtensionThunkName(const checked::FunctionInfo& m) -> std::string {
  return fmt::format("pyxx_thunk{}_{}", &m - module_.functions.data(), EscapeIdentifier(m.name()));
}

// The base method's vtable slot of a cfunc override that adds parameters: it
// calls the override's own slot (so a further override of it runs) with the
// added parameters' default values, as a call through the derived type
// that leaves them out does.
auto Emitter::ExtensionThunkDefinition(const checked::CClassInfo& cls, const checked::FunctionInfo& m)
    -> std::string {
  const checked::FunctionInfo& slot = module_.functions[static_cast<size_t>(module_.IntroducingMethod(m.extends))];
  std::string params = "PyObject* pyxx_module";
  std::string args = "pyxx_module";
  for (size_t i = 0; i < slot.param_types.size(); ++i) {
    AddForwardedParam(ParamCpp(slot, i), i, params, args);
  }
  if (m.callee_defaults) {
    // The added parameters are not passed: the method that runs fills them in.
    params += ", unsigned pyxx_given";
    for (size_t i = slot.param_types.size(); i < m.param_types.size(); ++i) {
      args += ", {}";
    }
    args += ", pyxx_given";
  } else {
    const checked::FunctionInfo* outer = fn_;
    fn_ = &m;  // the defaults are the override's, emitted as its calls write them
    for (size_t i = slot.param_types.size(); i < m.param_types.size(); ++i) {
      const Expr& value = *m.syntax->params[i].default_value;
      args += ", " + (m.param_types[i].IsObject() ? OwnedObject(value) : EmitAs(value, m.param_types[i]));
    }
    fn_ = outer;
  }
  return Shared() + fmt::format("{} {}({}) {{\n  return {}->{}({});\n}}\n", ReturnCpp(m.return_type), ExtensionThunkName(m), params,
                     VtableOf(cls, CClassStructAt(RootOf(module_, cls), "pyxx_a0.get()")), SlotMember(m),
                     args);
}

auto Emitter::DefaultsThunkName(const checked::FunctionInfo& m) -> std::string {
  return fmt::format("pyxx_defaults{}_{}", &m - module_.functions.data(), EscapeIdentifier(m.name()));
}

// The vtable slot of a method whose chain of overrides changes default values
// (FunctionInfo::callee_defaults): it fills in its own defaults of the
// parameters the call left out (their bit clear in `pyxx_given`), as Cython's
// C method does with its optional arguments, then runs the method (or, for a
// ccall one, the function that looks for a Python override first).
auto Emitter::DefaultsThunkDefinition(const checked::FunctionInfo& m) -> std::string {
  const int index = static_cast<int>(&m - module_.functions.data());
  std::string params = "PyObject* pyxx_module";
  std::string args = "pyxx_module";
  std::string fill;
  const checked::FunctionInfo* outer = fn_;
  fn_ = &m;  // the defaults are emitted as the method's own calls write them
  for (size_t i = 0; i < m.param_types.size(); ++i) {
    AddForwardedParam(ParamCpp(m, i), i, params, args);
    if (i > 0 && i < m.syntax->params.size() && m.syntax->params[i].default_value != nullptr) {
      const Expr& value = *m.syntax->params[i].default_value;
      fill += fmt::format("  if ((pyxx_given & {}u) == 0) {{\n    pyxx_a{} = {};\n  }}\n", 1u << i, i,
                          m.param_types[i].IsObject() ? OwnedObject(value) : EmitAs(value, m.param_types[i]));
    }
  }
  fn_ = outer;
  const std::string target = module_.CcallOverCfunc(index) ? CcallSlotName(m) : NativeName(m);
  return Shared() + fmt::format("{} {}({}, unsigned pyxx_given) {{\n{}  return {}({});\n}}\n", ReturnCpp(m.return_type),
                                DefaultsThunkName(m), params, fill, target, args);
}

// The mask of the parameters a call of `m` passes (bit i for parameter i, the
// object included) for the slots of a method that fills in its own defaults;
// the others' values are left out (`{}`): the method that runs puts its
// defaults there.
auto Emitter::GivenMask(const Expr& call, const checked::FunctionInfo& m, std::vector<std::string>& by_param)
    -> std::string {
  const auto* bound = module_.CallArguments(call);
  unsigned given = 1;  // the object
  for (size_t i = 1; i < m.param_types.size(); ++i) {
    if (bound != nullptr && (*bound)[i] != nullptr) {
      given |= 1u << i;
    } else {
      by_param[i] = "{}";
    }
  }
  return fmt::format("{}u", given);
}

// A compiled call of a ccall method: on an instance of a Python subclass, the
// subclass may override the method, and then its override runs (as Cython's
// cpdef methods do); else the vtable's function. Calling the override takes the
// GIL, which a nogil method's caller may not hold.
//
// `slot`: the function of the vtable slot of a ccall method that overrides a
// cfunc one (CcallOverCfunc): calls through the base type reach it through the
// vtable, so it looks for the override itself, then runs the method's own body.
auto Emitter::CcallDispatcherDefinition(const checked::CClassInfo& cls, const checked::FunctionInfo& m, bool slot)
    -> std::string {
  const std::string name = m.name();
  std::string params = "PyObject* pyxx_module, ";
  params += ParamCpp(m, 0) + (slot ? " self" : " self, pyxx::Site pyxx_site");
  std::string forward = "pyxx_module, self";
  std::string objects;
  std::string convert_args;
  for (size_t i = 1; i < m.param_types.size(); ++i) {
    const std::string arg = fmt::format("pyxx_a{}", i);
    params += fmt::format(", {} {}", ParamCpp(m, i), arg);
    const Type& t = m.param_types[i];
    forward += ", " + (t.IsObject() && !m.borrows_param(i) ? fmt::format("std::move({})", arg) : arg);
    if (t.IsObject()) {
      objects += (objects.empty() ? "" : ", ") + arg + ".get()";
    } else {
      const std::string object = fmt::format("pyxx_o{}", i);
      convert_args += fmt::format(
          "      pyxx::Ref {} = {};\n", object,
          t.IsMemoryView() ? fmt::format("pyxx::view_to_object({}, pyxx_site)", arg)
                           : CpdefEnumObject(t, arg, "pyxx_site").value_or(fmt::format("pyxx::to_object({}, pyxx_site)", arg)));
      objects += (objects.empty() ? "" : ", ") + object + ".get()";
    }
  }
  const Type& rt = m.return_type;
  std::string out = Shared() + fmt::format("{} {}({}) {{\n", ReturnCpp(rt), slot ? CcallSlotName(m) : CcallDispatcher(cls.name, name),
                                params);
  if (slot) {
    // Reached through the vtable of an instance (never None); errors point at the method.
    out += fmt::format("  const pyxx::Site pyxx_site{{{}, {}}};\n", CppStringLiteral(name),
                       source_.Locate(m.syntax->name_range.begin).line);
  } else {
    out += fmt::format("  if (self.get() == Py_None) {{\n    pyxx::raise_c(PyExc_AttributeError, {}, pyxx_site);\n  }}\n",
                       CppStringLiteral(fmt::format("'NoneType' object has no attribute '{}'", name)));
  }
  // The module's own types derived from `cls` override it in their vtables, never in Python.
  std::string compiled;
  for (const checked::CClassInfo& k : module_.cclasses) {
    if (module_.IsSubclass(k.name, cls.name)) {
      compiled += fmt::format("{}Py_TYPE(self.get()) != {}", compiled.empty() ? "" : " && ", CClassTypeVar(k.name));
    }
  }
  out += fmt::format("  if ({}) {{\n", compiled);
  out += "    // An instance of a Python subclass: the method may be overridden there.\n";
  out += m.nogil ? "    pyxx::AcquiredGil pyxx_gil;\n" : "";
  out += fmt::format("    pyxx::Ref pyxx_override = pyxx::ccall_override(self.get(), {}, {}, pyxx_site);\n",
                     CppStringLiteral(name), CcallFunctionVar(cls.name, name));
  out += "    if (pyxx_override) {\n";
  out += convert_args;
  out += fmt::format("      pyxx::Ref pyxx_result = pyxx::call(pyxx_override.get(), {{{}}}, pyxx_site);\n", objects);
  if (rt.IsVoid()) {
    out += "      return;\n";
  } else if (rt.IsExtension()) {
    out += fmt::format("      return pyxx::instance_test(std::move(pyxx_result), {}, {}, pyxx_site);\n",
                       CClassTypeVar(rt.extension), CppStringLiteral(rt.extension));
  } else if (rt.IsObject() && !BuiltinTypeObject(rt.object_name).empty()) {
    out += fmt::format("      return pyxx::exact_type_test(std::move(pyxx_result), &{}, \"{}\", pyxx_site);\n",
                       BuiltinTypeObject(rt.object_name), rt.object_name);
  } else if (rt.IsObject()) {
    out += "      return pyxx_result;\n";
  } else if (rt.IsMemoryView()) {
    out += fmt::format("      return {}::from_object_or_none(pyxx_result.get(), true, {}, pyxx_site);\n",
                       checked::SpellCpp(rt), ViewContiguity(rt));
  } else {
    out += fmt::format("      return pyxx::as_c<{}>(pyxx_result.get(), pyxx_site);\n", checked::SpellCpp(rt));
  }
  out += "    }\n  }\n";
  if (slot) {
    out += fmt::format("  return {}({});\n}}\n", NativeName(m), forward);
  } else {
    out += fmt::format("  return {}->{}({});\n}}\n", VtableOf(cls, CClassStructAt(RootOf(module_, cls), "self.get()")),
                       MethodMember(name), forward);
  }
  return Shared() + fmt::format("PyObject* {} = nullptr;  // the Python function of the ccall method `{}`\n",
                     CcallFunctionVar(cls.name, name), name) +
         out;
}

auto Emitter::CClassMethodsKept(const checked::CClassInfo& cls, const std::string& type, const std::string& site)
    -> std::vector<std::string> {
  std::vector<std::string> lines;
  std::vector<int> ccall = cls.c_methods;
  for (int index : CcallOverrides(cls)) {
    if (std::find(ccall.begin(), ccall.end(), index) == ccall.end()) {  // an extending one has a slot of its own
      ccall.push_back(index);
    }
  }
  for (int index : ccall) {
    const checked::FunctionInfo& m = module_.functions[static_cast<size_t>(index)];
    if (m.kind == checked::FunctionKind::CCall) {
      lines.push_back(fmt::format("pyxx::keep_ccall_function({}.get(), {}, {}, {});", type, CppStringLiteral(m.name()),
                                  CcallFunctionVar(cls.name, m.name()), site));
    }
  }
  return lines;
}

auto Emitter::ReceiverOperand(const Expr& object) -> Operand {
  // The object first (a variable: it is passed to the method as `self`), then the arguments.
  return {"pyxx::Ref", [this, &object] {
            CppExpr v = ObjectValue(object);
            if (!v.ref_lvalue) {
              v.text = Declare("pyxx::Ref", v.text);
            } else if (v.pending != kPure) {
              Materialize(v, "pyxx::Ref");  // a cell's variable, a checked read: a plain variable now
            }
            v.ref_lvalue = true;
            v.pending = kPure;
            return v;
          }};
}

auto Emitter::EmitCClassMethodCall(const Expr& e) -> CppExpr {
  const Expr& callee = e.callee();
  const checked::Resolution& r = module_.Resolve(callee);
  // The method the call binds (the static type's), and the one whose vtable slot it is.
  const checked::FunctionInfo& m = module_.functions[static_cast<size_t>(r.index)];
  const checked::FunctionInfo& slot = module_.functions[static_cast<size_t>(module_.IntroducingMethod(r.index))];
  const checked::CClassInfo& cls = module_.cclasses[static_cast<size_t>(slot.cclass)];
  const checked::CClassInfo& root = RootOf(module_, cls);
  const Expr& object = callee.object();
  Operand receiver = ReceiverOperand(object);
  if (r.kind == checked::Resolution::Kind::CClassSuper) {
    // `super().m(...)`: the base type's method itself, with this method's `self`.
    receiver = {"pyxx::Ref", [this] { return CppExpr{LocalName(0), true, kPure, kPure}; }};
  }
  std::vector<CppExpr> v;
  std::vector<std::string> by_param = EmitBoundArguments(e, m, {receiver}, v);
  const std::string& self = v[0].text;
  std::string args;
  for (size_t i = 1; i < by_param.size(); ++i) {
    args += ", " + by_param[i];
  }
  CppExpr out;
  out.effect = kWrites | kRaises;
  for (const auto& x : v) {
    out.effect |= x.effect;
  }
  out.pending = kWrites | kRaises;
  if (r.kind == checked::Resolution::Kind::CClassSuper) {
    out.text = fmt::format("{}(pyxx_module, {}{})", NativeName(m), by_param[0], args);
    return out;
  }
  if (m.kind == checked::FunctionKind::CCall && !module_.CcallOverCfunc(r.index)) {
    out.text = fmt::format("{}(pyxx_module, {}, {}{})", CcallDispatcher(cls.name, m.name()), by_param[0],
                           Site(e.range), args);
    return out;
  }
  if (m.callee_defaults) {
    const std::string given = GivenMask(e, m, by_param);
    args.clear();
    for (size_t i = 1; i < by_param.size(); ++i) {
      args += ", " + by_param[i];
    }
    args += ", " + given;
  }
  const std::string fields =
      KnownInstance(object)
          ? CClassStructAt(root, self + ".get()")
          : CClassStructOrNone(root, self + ".get()", fmt::format("'NoneType' object has no attribute '{}'", m.name()),
                               Site(e.range));
  out.text = fmt::format("{}->{}(pyxx_module, {}{})", VtableOf(cls, fields), SlotMember(m), by_param[0], args);
  return out;
}

auto Emitter::CMethodCall(const checked::FunctionInfo& m, const std::string& object, const std::string& module,
                          const std::string& self, const std::string& site, const std::string& args) -> std::string {
  const int index = static_cast<int>(&m - module_.functions.data());
  PYXX_CHECK(!m.callee_defaults, "a C method that fills in its own defaults called without the mask of its arguments");
  const checked::FunctionInfo& slot = module_.functions[static_cast<size_t>(module_.IntroducingMethod(index))];
  const checked::CClassInfo& cls = module_.cclasses[static_cast<size_t>(slot.cclass)];
  if (m.kind == checked::FunctionKind::CCall && !module_.CcallOverCfunc(index)) {
    return fmt::format("{}({}, {}, {}{})", CcallDispatcher(cls.name, m.name()), module, self, site, args);
  }
  const std::string fields = CClassStructAt(RootOf(module_, cls), object);
  return fmt::format("{}->{}({}, {}{})", VtableOf(cls, fields), SlotMember(m), module, self, args);
}

auto Emitter::CreateCClass(const checked::CClassInfo& cls, const std::string& builder, const std::string& site)
    -> std::string {
  const std::string spec = module_.CimportedBase(cls.name) != nullptr ? fmt::format("{}({})", PlaceFunction(cls.name), site)
                                                                      : "&" + SpecVar(cls.name);
  if (const checked::BuiltinBase* builtin = BuiltinBaseOf(cls)) {
    // The struct's size is checked against the running CPython's type.
    return fmt::format("pyxx::create_cclass({}, {}, {}, {}, {}, {}, sizeof({}))", builder, spec, HooksVar(cls.name),
                       CClassTypeVar(cls.name), builtin->type_object, site, builtin->struct_name);
  }
  return fmt::format("pyxx::create_cclass({}, {}, {}, {}, {}, {})", builder, spec, HooksVar(cls.name),
                     CClassTypeVar(cls.name), cls.base.empty() ? "nullptr" : CClassTypeVar(cls.base), site);
}

auto Emitter::KnownInstance(const Expr& e) -> bool {
  // A parameter tested at the boundary (`self`, `p: Point`) and never rebound.
  if (fn_ == nullptr || e.kind != Expr::Kind::Name) {
    return false;
  }
  const checked::Resolution& r = module_.Resolve(e);
  if (r.kind != checked::Resolution::Kind::Local || r.index < 0) {
    return false;
  }
  const auto i = static_cast<size_t>(r.index);
  const checked::LocalVar& local = fn_->locals[i];
  // Tested at a `def` boundary, or a C method's `self` (its caller tested it). A C
  // function's instance parameter may be None, as in Cython.
  const bool tested =
      fn_->kind == checked::FunctionKind::Def || ((fn_->cclass >= 0 || fn_->buffer_slot_of >= 0) && i == 0);
  return tested && local.is_param && !local.in_cell() && i < fn_->param_type_tests.size() &&
         fn_->param_type_tests[i].instance && !fn_->param_type_tests[i].allows_none && i < fn_->param_facts.size() &&
         !fn_->param_facts[i].rebound;
}

auto Emitter::EmitCClassField(const Expr& e, bool hold) -> CppExpr {
  const checked::Resolution& r = module_.Resolve(e);
  const checked::CClassInfo& cls = module_.CClass(r.name);
  const checked::CClassField& field = cls.fields[static_cast<size_t>(r.index)];
  CppExpr object = ObjectValue(e.object());
  if (hold && !object.ref_lvalue) {
    // The field is used across Python code (`obj.f += g()`): the instance is kept alive meanwhile.
    object.text = Declare("pyxx::Ref", object.text);
  }
  CppExpr v;
  const bool known = KnownInstance(e.object());
  if (cls.IsForeign()) {
    // A cimported type's field: at the offset its module published.
    const size_t c = static_cast<size_t>(module_.cclass_index.at(cls.name));
    const std::string T = checked::SpellCpp(field.type);
    v.text = known ? fmt::format("pyxx::foreign_field<{}>({}.get(), {})", T, object.text,
                                 ForeignFieldSlot(c, static_cast<size_t>(r.index)))
                   : fmt::format("pyxx::foreign_field<{}>({}.get(), {}, {}, {})", T, object.text,
                                 ForeignFieldSlot(c, static_cast<size_t>(r.index)),
                                 CppStringLiteral(fmt::format("'NoneType' object has no attribute '{}'", field.name)),
                                 Site(e.range));
  } else if (known) {
    v.text = fmt::format("{}->{}", CClassStructAt(cls, object.text + ".get()"), CClassFieldMember(field.name));
  } else {
    v.text = fmt::format("{}->{}",
                         CClassStructOrNone(cls, object.text + ".get()",
                                            fmt::format("'NoneType' object has no attribute '{}'", field.name),
                                            Site(e.range)),
                         CClassFieldMember(field.name));
  }
  v.effect = object.effect | kReads | (known ? 0U : kRaises);
  v.pending = object.pending | kReads | (known ? 0U : kRaises);
  return v;
}

}  // namespace pyxx::emit
