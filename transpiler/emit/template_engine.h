// Fills `{{name}}` placeholders of the templates in templates/ (compiled in).
#pragma once

#include <map>
#include <string>
#include <string_view>

namespace pyxx::emit {

// The text of templates/<file_name>, embedded at build time.
auto EmbeddedTemplate(std::string_view file_name) -> std::string_view;

// Replaces every `{{key}}` with values.at(key); an unknown key is a bug in pyxx
// (internal invariant), reported by throwing std::logic_error.
auto RenderTemplate(std::string_view text, const std::map<std::string, std::string>& values) -> std::string;

}  // namespace pyxx::emit
