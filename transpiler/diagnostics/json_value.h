// A small JSON value for the machine-readable renderers. Objects keep their
// keys in insertion order, so output is deterministic and reads naturally.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace pyxx::diag {

class JsonValue {
 public:
  JsonValue() = default;  // null
  // Defined below, once Member is complete (clang instantiates the variant's
  // destructor, and so ~vector<Member>, in a constructor defined in the class).
  JsonValue(bool value);              // NOLINT: implicit on purpose
  JsonValue(int64_t value);           // NOLINT
  JsonValue(uint32_t value);          // NOLINT
  JsonValue(int value);               // NOLINT
  JsonValue(uint64_t value);          // NOLINT
  JsonValue(std::string value);       // NOLINT
  JsonValue(std::string_view value);  // NOLINT
  JsonValue(const char* value);       // NOLINT

  static auto Object() -> JsonValue;
  static auto Array() -> JsonValue;

  // Adds a member to an object (keys are not checked for duplicates).
  auto Set(std::string key, JsonValue value) -> JsonValue&;
  // Appends to an array.
  auto Push(JsonValue value) -> JsonValue&;

  // Compact (one line) when `indent` < 0, else pretty-printed with that many spaces.
  void Write(std::ostream& out, int indent = -1) const;
  [[nodiscard]] auto ToString(int indent = -1) const -> std::string;

 private:
  struct Member;
  using Array_ = std::vector<JsonValue>;
  using Object_ = std::vector<Member>;

  void WriteAt(std::ostream& out, int indent, int depth) const;

  std::variant<std::monostate, bool, int64_t, std::string, Array_, Object_> data_;
};

struct JsonValue::Member {
  std::string key;
  JsonValue value;
};

inline JsonValue::JsonValue(bool value) : data_(value) {}
inline JsonValue::JsonValue(int64_t value) : data_(value) {}
inline JsonValue::JsonValue(uint32_t value) : data_(static_cast<int64_t>(value)) {}
inline JsonValue::JsonValue(int value) : data_(static_cast<int64_t>(value)) {}
inline JsonValue::JsonValue(uint64_t value) : data_(static_cast<int64_t>(value)) {}
inline JsonValue::JsonValue(std::string value) : data_(std::move(value)) {}
inline JsonValue::JsonValue(std::string_view value) : data_(std::string(value)) {}
inline JsonValue::JsonValue(const char* value) : data_(std::string(value)) {}

// `text` as a quoted JSON string: quotes, backslashes and control characters
// escaped, invalid UTF-8 replaced by U+FFFD, other characters passed through.
auto JsonQuote(std::string_view text) -> std::string;

}  // namespace pyxx::diag
