#include "syntax/node_kinds.h"

#include <cstring>

#include "syntax/ts_wrappers.h"

namespace pyxx::syntax {
namespace {

auto SymbolFor(const char* name) -> TSSymbol {
  return ts_language_symbol_for_name(tree_sitter_python(), name, static_cast<uint32_t>(std::strlen(name)), true);
}

auto FieldFor(const char* name) -> TSFieldId {
  return ts_language_field_id_for_name(tree_sitter_python(), name, static_cast<uint32_t>(std::strlen(name)));
}

auto ResolveKinds() -> NodeKinds {
  NodeKinds kinds;
#define PYXX_TS_KIND(Member, Name) kinds.Member = SymbolFor(Name);
#include "syntax/node_kinds.def"
  return kinds;
}

auto ResolveFields() -> FieldIds {
  FieldIds fields;
#define PYXX_TS_FIELD(Member, Name) fields.Member = FieldFor(Name);
#include "syntax/node_kinds.def"
  return fields;
}

}  // namespace

auto Kinds() -> const NodeKinds& {
  static const NodeKinds kinds = ResolveKinds();
  return kinds;
}

auto Fields() -> const FieldIds& {
  static const FieldIds fields = ResolveFields();
  return fields;
}

auto UnresolvedGrammarNames() -> std::vector<std::string> {
  std::vector<std::string> missing;
#define PYXX_TS_KIND(Member, Name) \
  if (Kinds().Member == 0) missing.emplace_back(Name);
#define PYXX_TS_FIELD(Member, Name) \
  if (Fields().Member == 0) missing.emplace_back(Name);
#include "syntax/node_kinds.def"
  return missing;
}

}  // namespace pyxx::syntax
