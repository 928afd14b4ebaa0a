#include "emit/template_engine.h"

#include <stdexcept>

namespace pyxx::emit {

auto RenderTemplate(std::string_view text, const std::map<std::string, std::string>& values) -> std::string {
  std::string out;
  out.reserve(text.size());
  size_t pos = 0;
  while (pos < text.size()) {
    size_t open = text.find("{{", pos);
    if (open == std::string_view::npos) {
      out.append(text.substr(pos));
      break;
    }
    size_t close = text.find("}}", open + 2);
    if (close == std::string_view::npos) {
      throw std::logic_error("unterminated template placeholder");
    }
    out.append(text.substr(pos, open - pos));
    std::string key(text.substr(open + 2, close - open - 2));
    auto it = values.find(key);
    if (it == values.end()) {
      throw std::logic_error("unknown template placeholder: " + key);
    }
    out.append(it->second);
    pos = close + 2;
  }
  return out;
}

}  // namespace pyxx::emit
