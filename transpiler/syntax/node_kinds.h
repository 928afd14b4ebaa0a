// The grammar's node kinds and fields that lowering switches on, resolved to
// TSSymbol / TSFieldId once so no code compares kind names per node.
#pragma once

#include <tree_sitter/api.h>

#include <string>
#include <vector>

namespace pyxx::syntax {

struct NodeKinds {
#define PYXX_TS_KIND(Member, Name) TSSymbol Member = 0;
#include "syntax/node_kinds.def"
};

struct FieldIds {
#define PYXX_TS_FIELD(Member, Name) TSFieldId Member = 0;
#include "syntax/node_kinds.def"
};

// Resolved on first use against tree_sitter_python().
auto Kinds() -> const NodeKinds&;
auto Fields() -> const FieldIds&;

// Names in node_kinds.def the linked grammar does not define (empty when all
// resolve; checked by a unit test so a grammar upgrade cannot silently break lowering).
auto UnresolvedGrammarNames() -> std::vector<std::string>;

}  // namespace pyxx::syntax
