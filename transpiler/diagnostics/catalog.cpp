#include <algorithm>
#include <array>
#include <cctype>

#include "diagnostics/diagnostic.h"

namespace pyxx::diag {
namespace {

constexpr KindInfo kCatalog[] = {
#define PYXX_DIAG(Name, Code, Sev, Format) {Kind::Name, #Name, Code, Severity::Sev, Format},
#define PYXX_NOTE(Name, Format) {Kind::Name, #Name, "", Severity::Note, Format},
#include "diagnostics/diagnostic_kinds.def"
};

}  // namespace

auto Info(Kind kind) -> const KindInfo& { return kCatalog[static_cast<size_t>(kind)]; }

auto AllKinds() -> std::span<const KindInfo> { return kCatalog; }

auto FindByCode(std::string_view code) -> std::optional<Kind> {
  auto equal = [](std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
             return std::toupper(static_cast<unsigned char>(x)) ==
                    std::toupper(static_cast<unsigned char>(y));
           });
  };
  for (const KindInfo& info : kCatalog) {
    if (!info.code.empty() && equal(info.code, code)) {
      return info.kind;
    }
  }
  return std::nullopt;
}

}  // namespace pyxx::diag
