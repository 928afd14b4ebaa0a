#include "emit/parts.h"

#include <fmt/format.h>

#include <algorithm>
#include <string_view>

#include "emit/emitter.h"
#include "emit/emitter_impl.h"

namespace pyxx::emit {

namespace {
constexpr std::string_view kPartCountPrefix = "// pyxx-parts: ";
}  // namespace

auto PartCount(size_t source_lines, int part_lines) -> int {
  if (part_lines <= 0) {
    return 1;
  }
  const size_t parts = (source_lines + static_cast<size_t>(part_lines) - 1) / static_cast<size_t>(part_lines);
  return static_cast<int>(std::clamp<size_t>(parts, 1, kMaxParts));
}

auto AssignParts(const std::vector<size_t>& sizes, int parts, size_t part0_extra) -> std::vector<int> {
  size_t total = part0_extra;
  for (size_t size : sizes) {
    total += size;
  }
  std::vector<int> part_of;
  part_of.reserve(sizes.size());
  size_t before = part0_extra;
  for (size_t size : sizes) {
    // The part the middle of this function falls in.
    const size_t middle = before + size / 2;
    part_of.push_back(total == 0 ? 0 : static_cast<int>(std::min<size_t>(middle * static_cast<size_t>(parts) / total,
                                                                         static_cast<size_t>(parts - 1))));
    before += size;
  }
  return part_of;
}

auto PartCountLine(int parts) -> std::string {
  return fmt::format("{}{} (pyxx build compiles -DPYXX_PART=0..{} in parallel; without it: one unit)\n",
                     kPartCountPrefix, parts, parts - 1);
}

auto ModulePartCount(std::string_view cpp) -> int {
  const size_t second = cpp.find('\n');
  if (second == std::string_view::npos || cpp.substr(second + 1, kPartCountPrefix.size()) != kPartCountPrefix) {
    return 1;
  }
  int parts = 0;
  for (size_t i = second + 1 + kPartCountPrefix.size(); i < cpp.size() && cpp[i] >= '0' && cpp[i] <= '9'; ++i) {
    parts = std::min(parts * 10 + (cpp[i] - '0'), kMaxParts);
  }
  return std::max(parts, 1);
}

auto PartMacros(const std::string& module_name, int parts) -> std::string {
  return fmt::format(
      "\n"
      "// One file, several translation units: with -DPYXX_PART=k only part k's\n"
      "// functions are defined, in a namespace of this module hidden from other\n"
      "// shared objects; what every part uses is defined once (C++17 inline).\n"
      "#if defined(PYXX_PART) && !(PYXX_PART >= 0 && PYXX_PART < {1})\n"
      "#error \"PYXX_PART: this file has parts 0 to {2}\"\n"
      "#endif\n"
      "#if defined(PYXX_PART)\n"
      "#define PYXX_MODULE_NAMESPACE namespace {0} __attribute__((visibility(\"hidden\")))\n"
      "#define PYXX_USE_MODULE_NAMESPACE using namespace {0};\n"
      "#define PYXX_SHARED inline\n"
      "#define PYXX_IN_PART(k) (PYXX_PART == (k))\n"
      "#else\n"
      "#define PYXX_MODULE_NAMESPACE namespace\n"
      "#define PYXX_USE_MODULE_NAMESPACE\n"
      "#define PYXX_SHARED\n"
      "#define PYXX_IN_PART(k) 1\n"
      "#endif\n",
      "pyxx_module_" + EscapeIdentifier(module_name), parts, parts - 1);
}

auto PartBegin(int part) -> std::string { return fmt::format("#if PYXX_IN_PART({})\n", part); }

auto PartEnd() -> std::string { return "#endif\n"; }

}  // namespace pyxx::emit
