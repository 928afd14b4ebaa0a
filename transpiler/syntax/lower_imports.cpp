// Import statements: compile-time namespaces (cython, numba, cython.cimports)
// become Module::dialect_imports and name bindings; everything else is a real
// Python import (Stmt::Import).
#include <fmt/format.h>

#include <string>

#include "syntax/lowerer.h"

namespace pyxx::syntax {
namespace {

// The dotted text of a dotted_name, without whitespace or comments inside it.
auto DottedText(Node node, const base::SourceBuffer& source, TSSymbol identifier) -> std::string {
  std::string text;
  for (Node part : NamedChildrenOf(node)) {
    if (part.Symbol() == identifier) {
      if (!text.empty()) {
        text += '.';
      }
      text += NormalizeIdentifier(source.Slice(part.Range()));
    }
  }
  return text;
}

auto IsTypingModule(std::string_view name) -> bool { return name == "typing" || name == "typing_extensions"; }

auto IsEnumClassName(std::string_view name) -> bool {
  return name == "Enum" || name == "IntEnum" || name == "Flag" || name == "IntFlag" || name == "StrEnum";
}

}  // namespace

void Lowerer::CollectDialectImports(Node root, Module& module) {
  // Iterative walk over the whole tree: imports inside functions count too.
  TSTreeCursor cursor = ts_tree_cursor_new(root.Raw());
  bool done = false;
  while (!done) {
    Node node(ts_tree_cursor_current_node(&cursor));
    const bool is_import = Is(node, kinds_.ImportStatement) || Is(node, kinds_.ImportFromStatement);
    if (is_import) {
      CollectImport(node, module);
    }
    // Imports hold no nested statements; expressions hold no statements either.
    if (!is_import && ts_tree_cursor_goto_first_child(&cursor)) {
      continue;
    }
    while (!ts_tree_cursor_goto_next_sibling(&cursor)) {
      if (!ts_tree_cursor_goto_parent(&cursor)) {
        done = true;
        break;
      }
    }
  }
  ts_tree_cursor_delete(&cursor);
}

void Lowerer::CollectImport(Node node, Module& module) {
  const TSSymbol identifier = kinds_.Identifier;
  if (Is(node, kinds_.ImportStatement)) {
    for (Node name : ChildrenWithField(node, fields_.Name)) {
      Node dotted = Is(name, kinds_.AliasedImport) ? name.Field(fields_.Name) : name;
      Node alias = Is(name, kinds_.AliasedImport) ? name.Field(fields_.Alias) : Node();
      std::string module_name = DottedText(dotted, source_, identifier);
      if (IsTypingModule(module_name)) {
        // `import typing` / `import typing as t`: `t.List[int]` is read in annotations.
        typing_modules_.insert(alias ? Identifier(alias) : module_name);
      }
      if (module_name == "enum") {
        enum_modules_.insert(alias ? Identifier(alias) : module_name);
      }
      if (module_name == "dataclasses") {
        dataclasses_modules_.insert(alias ? Identifier(alias) : module_name);
      }
      auto path = DialectModulePath(module_name);
      if (!path || module_name.empty()) {
        continue;
      }
      if (alias) {
        std::string local = Identifier(alias);
        dialect_.Bind(local, *path);
        module.dialect_imports.push_back({*path, local, name.Range(), {}, false});
      } else {
        // `import cython.parallel` binds `cython`; its attributes spell the rest.
        std::string root = module_name.substr(0, module_name.find('.'));
        dialect_.Bind(root, root);
        module.dialect_imports.push_back({*path, root, name.Range(), {}, false});
      }
    }
    return;
  }
  Node module_node = node.Field(fields_.ModuleName);
  if (!Is(module_node, kinds_.DottedName)) {
    return;  // relative imports are always real
  }
  std::string module_name = DottedText(module_node, source_, identifier);
  const bool typing = IsTypingModule(module_name);
  if (typing || module_name == "enum" || module_name == "dataclasses") {
    // `from typing import List, Optional as Opt`: names annotations may use;
    // `from dataclasses import InitVar`: the one name of that module they read;
    // `from enum import IntEnum as E`: a base that keeps `@cython.cclass` a Python enum.
    for (Node name : ChildrenWithField(node, fields_.Name)) {
      Node dotted = Is(name, kinds_.AliasedImport) ? name.Field(fields_.Name) : name;
      Node alias = Is(name, kinds_.AliasedImport) ? name.Field(fields_.Alias) : Node();
      std::string imported = DottedText(dotted, source_, identifier);
      std::string local = alias ? Identifier(alias) : imported;
      if (typing || (module_name == "dataclasses" && imported == "InitVar")) {
        typing_names_[local] = imported;
      } else if (module_name == "enum" && IsEnumClassName(imported)) {
        enum_class_names_.insert(local);
      }
    }
    return;
  }
  auto module_path = DialectModulePath(module_name);
  if (!module_path) {
    return;
  }
  for (Node child : NamedChildrenOf(node)) {
    if (!Is(child, kinds_.WildcardImport)) {
      continue;
    }
    if (module_name == "cython.cimports" || module_name.rfind("cython.cimports.", 0) == 0) {
      // The names a star cimport would bind are known only from the other
      // module's declarations; without them every use would be "not defined".
      sink_.Report(diag::Kind::CimportFailed, child.Range(), module_name + ".*",
                   fmt::format("pyxx cimports names one by one: name what the module uses "
                               "(`from {} import a, b`)",
                               module_name));
      continue;
    }
    module.dialect_imports.push_back({*module_path + ".*", "*", child.Range(), {}, false});
  }
  for (Node name : ChildrenWithField(node, fields_.Name)) {
    Node dotted = Is(name, kinds_.AliasedImport) ? name.Field(fields_.Name) : name;
    Node alias = Is(name, kinds_.AliasedImport) ? name.Field(fields_.Alias) : Node();
    std::string imported = DottedText(dotted, source_, identifier);
    if (imported.empty()) {
      continue;
    }
    std::string path = CanonicalDialectPath(module_name + "." + imported);
    std::string local = alias ? Identifier(alias) : imported;
    if (augmenting_ != nullptr && augmenting_->cimported_c_types.count(path) != 0) {
      continue;  // a C type of a declarations-only .pxd, declared in the module itself
    }
    if (augmenting_ != nullptr) {
      if (auto it = augmenting_->cimported_functions.find(path); it != augmenting_->cimported_functions.end()) {
        // A C function a declarations-only .pxd declares in an extern block: its libc path.
        dialect_.BindExtern(local, augmenting_->extern_functions[static_cast<size_t>(it->second)].path, it->second);
        continue;
      }
    }
    dialect_.Bind(local, path);
    // `from cython.cimports.M import name` names M; `from cython.cimports import M` none.
    const bool cimport = module_name == "cython.cimports" || CanonicalDialectPath(module_name) != module_name;
    std::string cimported = module_name == "cython.cimports" ? "" : CanonicalDialectPath(module_name);
    module.dialect_imports.push_back({path, local, name.Range(), cimport ? cimported : "", cimport});
  }
}

auto Lowerer::LowerImport(Node node) -> StmtPtr {
  auto stmt = MakeStmt(Stmt::Kind::Import, node.Range());
  const TSSymbol identifier = kinds_.Identifier;
  if (Is(node, kinds_.FutureImportStatement)) {
    for (Node name : ChildrenWithField(node, fields_.Name)) {
      Node dotted = Is(name, kinds_.AliasedImport) ? name.Field(fields_.Name) : name;
      Node alias = Is(name, kinds_.AliasedImport) ? name.Field(fields_.Alias) : Node();
      stmt->imports.push_back({"__future__", DottedText(dotted, source_, identifier),
                               alias ? Identifier(alias) : std::string(), name.Range()});
    }
    return stmt;
  }
  if (Is(node, kinds_.ImportStatement)) {
    for (Node name : ChildrenWithField(node, fields_.Name)) {
      Node dotted = Is(name, kinds_.AliasedImport) ? name.Field(fields_.Name) : name;
      Node alias = Is(name, kinds_.AliasedImport) ? name.Field(fields_.Alias) : Node();
      std::string module_name = DottedText(dotted, source_, identifier);
      if (module_name.empty() || DialectModulePath(module_name)) {
        continue;
      }
      stmt->imports.push_back({module_name, "", alias ? Identifier(alias) : std::string(), name.Range()});
    }
  } else {
    Node module_node = node.Field(fields_.ModuleName);
    // Relative imports keep their leading dots in `module` (".", "..pkg").
    std::string module_name = Is(module_node, kinds_.DottedName)
                                  ? DottedText(module_node, source_, identifier)
                                  : std::string(Text(module_node));
    std::erase_if(module_name, [](char c) { return c == ' ' || c == '\t'; });
    if (!Is(module_node, kinds_.DottedName) || !DialectModulePath(module_name)) {
      for (Node child : NamedChildrenOf(node)) {
        if (Is(child, kinds_.WildcardImport)) {
          stmt->imports.push_back({module_name, "*", "", child.Range()});
        }
      }
      for (Node name : ChildrenWithField(node, fields_.Name)) {
        Node dotted = Is(name, kinds_.AliasedImport) ? name.Field(fields_.Name) : name;
        Node alias = Is(name, kinds_.AliasedImport) ? name.Field(fields_.Alias) : Node();
        std::string imported = DottedText(dotted, source_, identifier);
        if (!imported.empty()) {
          stmt->imports.push_back(
              {module_name, imported, alias ? Identifier(alias) : std::string(), name.Range()});
        }
      }
    }
  }
  if (stmt->imports.empty()) {
    // Only compile-time names were imported: keep a Pass so blocks stay
    // non-empty and line mapping is unchanged; it generates nothing.
    stmt->kind = Stmt::Kind::Pass;
  }
  return stmt;
}

auto Lowerer::HasEnumBase(Node class_definition) const -> bool {
  for (Node base : NamedChildrenOf(class_definition.Field(fields_.Superclasses))) {
    if (Is(base, kinds_.Identifier) && enum_class_names_.count(Identifier(base)) != 0) {
      return true;
    }
    if (Is(base, kinds_.Attribute) && Is(base.Field(fields_.Object), kinds_.Identifier) &&
        enum_modules_.count(Identifier(base.Field(fields_.Object))) != 0 &&
        IsEnumClassName(Identifier(base.Field(fields_.AttributeName)))) {
      return true;
    }
  }
  return false;
}

}  // namespace pyxx::syntax
