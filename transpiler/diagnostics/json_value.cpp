#include "diagnostics/json_value.h"

#include <fmt/format.h>

#include <ostream>
#include <sstream>

#include "diagnostics/utf8.h"

namespace pyxx::diag {

auto JsonValue::Object() -> JsonValue {
  JsonValue value;
  value.data_ = Object_{};
  return value;
}

auto JsonValue::Array() -> JsonValue {
  JsonValue value;
  value.data_ = Array_{};
  return value;
}

auto JsonValue::Set(std::string key, JsonValue value) -> JsonValue& {
  std::get<Object_>(data_).push_back({std::move(key), std::move(value)});
  return *this;
}

auto JsonValue::Push(JsonValue value) -> JsonValue& {
  std::get<Array_>(data_).push_back(std::move(value));
  return *this;
}

void JsonValue::Write(std::ostream& out, int indent) const { WriteAt(out, indent, 0); }

auto JsonValue::ToString(int indent) const -> std::string {
  std::ostringstream out;
  Write(out, indent);
  return std::move(out).str();
}

void JsonValue::WriteAt(std::ostream& out, int indent, int depth) const {
  // Pretty output puts each element on its own line; empty containers stay `[]`/`{}`.
  auto newline = [&](int level) {
    if (indent >= 0) {
      out << '\n' << std::string(static_cast<size_t>(indent * level), ' ');
    }
  };
  if (std::holds_alternative<std::monostate>(data_)) {
    out << "null";
  } else if (const bool* b = std::get_if<bool>(&data_)) {
    out << (*b ? "true" : "false");
  } else if (const int64_t* n = std::get_if<int64_t>(&data_)) {
    out << *n;
  } else if (const std::string* s = std::get_if<std::string>(&data_)) {
    out << JsonQuote(*s);
  } else if (const Array_* array = std::get_if<Array_>(&data_)) {
    out << '[';
    for (size_t i = 0; i < array->size(); ++i) {
      out << (i == 0 ? "" : ",");
      newline(depth + 1);
      (*array)[i].WriteAt(out, indent, depth + 1);
    }
    if (!array->empty()) {
      newline(depth);
    }
    out << ']';
  } else {
    const auto& object = std::get<Object_>(data_);
    out << '{';
    for (size_t i = 0; i < object.size(); ++i) {
      out << (i == 0 ? "" : ",");
      newline(depth + 1);
      out << JsonQuote(object[i].key) << (indent >= 0 ? ": " : ":");
      object[i].value.WriteAt(out, indent, depth + 1);
    }
    if (!object.empty()) {
      newline(depth);
    }
    out << '}';
  }
}

auto JsonQuote(std::string_view text) -> std::string {
  std::string valid = ValidUtf8(text);
  std::string out;
  out.reserve(valid.size() + 2);
  out += '"';
  for (char c : valid) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          out += fmt::format("\\u{:04x}", static_cast<unsigned>(c));
        } else {
          out += c;
        }
    }
  }
  out += '"';
  return out;
}

}  // namespace pyxx::diag
