#include "driver/depfile.h"

namespace pyxx::driver {
namespace {

auto EscapeForMake(const std::string& path, std::string& out, std::string& error) -> bool {
  for (size_t i = 0; i < path.size(); ++i) {
    char c = path[i];
    if (c == '\n' || c == '\r') {
      error = "make cannot name a file whose path holds a line break";
      return false;
    }
    if (c == ' ' || c == '\t' || c == '#') {
      // Backslashes just before a blank or '#' are doubled, then it is escaped.
      for (size_t j = i; j > 0 && path[j - 1] == '\\'; --j) {
        out += '\\';
      }
      out += '\\';
      out += c;
    } else if (c == '$') {
      out += "$$";
    } else {
      out += c;
    }
  }
  return true;
}

}  // namespace

auto DepfileText(const std::string& target, const std::string& input, const std::vector<std::string>& more,
                 std::string& text, std::string& error) -> bool {
  text.clear();
  if (!EscapeForMake(target, text, error)) {
    return false;
  }
  text += ": ";
  if (!EscapeForMake(input, text, error)) {
    return false;
  }
  for (const std::string& path : more) {
    text += ' ';
    if (!EscapeForMake(path, text, error)) {
      return false;
    }
  }
  text += '\n';
  return true;
}

}  // namespace pyxx::driver
