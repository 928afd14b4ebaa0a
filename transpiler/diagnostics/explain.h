// Long explanations of diagnostic codes (`pyxx explain PX203`). One Markdown
// page per code lives in diagnostics/explain/PXnnn.md and is compiled into the
// binary by CMake (cmake/EmbedFiles.cmake), so pyxx needs no data files.
//
// A page starts with `# PXnnn: <summary>`, says what triggers the diagnostic
// and why it matters, and has an "Erroneous example" and a "Fixed example",
// each a complete ```python block.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace pyxx::diag {

// The text of an embedded page by file name ("PX203.md"), or empty.
// Defined by the file CMake generates from diagnostics/explain/*.md.
auto EmbeddedExplanation(std::string_view file_name) -> std::string_view;

// The long explanation for a code ("PX203", case-insensitive), or nullopt
// when the code is not in the catalog.
auto Explanation(std::string_view code) -> std::optional<std::string>;

// The summary in a page's title line (`# PX203: <summary>`), or empty.
auto ExplanationSummary(std::string_view page) -> std::string_view;

// The first paragraph after the title, joined into one line, or empty.
auto ExplanationFirstParagraph(std::string_view page) -> std::string;

}  // namespace pyxx::diag
