// A diagnostic: one catalog kind, a primary range, notes and fix-its.
// Messages are formatted from the catalog (diagnostic_kinds.def) only.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/source_buffer.h"
#include "base/source_range.h"

namespace pyxx::diag {

enum class Severity : uint8_t { Error, Warning, Note };

enum class Kind : uint16_t {
#define PYXX_DIAG(Name, Code, Severity, Format) Name,
#define PYXX_NOTE(Name, Format) Name,
#include "diagnostics/diagnostic_kinds.def"
};

// One row of the catalog.
struct KindInfo {
  Kind kind;
  std::string_view name;    // PascalCase situation name, e.g. "NestedNogil"
  std::string_view code;    // "PX203"; empty for notes
  Severity severity;
  std::string_view format;  // fmt format string with {0}, {1}, ...
};

auto Info(Kind kind) -> const KindInfo&;
auto AllKinds() -> std::span<const KindInfo>;
// The catalog entry with this code ("PX203", case-insensitive), if any.
auto FindByCode(std::string_view code) -> std::optional<Kind>;

// A replacement that is certain to fix the problem (Clang's FixItHint).
// An empty range inserts; an empty replacement removes.
struct FixIt {
  base::SourceRange range;
  std::string replacement;
};

struct Note {
  Kind kind;
  base::SourceRange range;
  std::string message;
  // The file the note points into when it is not the diagnostic's own (a
  // module's augmenting .pxd); nullptr: the diagnostic's file.
  const base::SourceBuffer* source = nullptr;
};

struct Diagnostic {
  Kind kind;
  Severity severity;
  base::SourceRange range;
  std::string message;
  std::vector<Note> notes;
  std::vector<FixIt> fixits;

  [[nodiscard]] auto code() const -> std::string_view { return Info(kind).code; }
};

}  // namespace pyxx::diag
