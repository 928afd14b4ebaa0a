// Tests of the machine-readable renderers: JSON Lines and SARIF 2.1.0.
// Output is checked three ways: exact snapshots, a strict JSON parser written
// here (RFC 8259, including UTF-8 validity), and Python's json module when
// python3 is on PATH.
#include <catch2/catch.hpp>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "base/source_buffer.h"
#include "diagnostics/diagnostic.h"
#include "diagnostics/json_renderer.h"
#include "diagnostics/json_value.h"
#include "diagnostics/sarif_renderer.h"

namespace pyxx::diag {
namespace {

// ---- A strict little JSON parser, for checking output only -----------------

struct Json {
  enum class Type { Null, Bool, Number, String, Array, Object } type = Type::Null;
  bool boolean = false;
  double number = 0;
  std::string string;
  std::vector<Json> array;
  std::vector<std::pair<std::string, Json>> object;

  [[nodiscard]] auto Has(std::string_view key) const -> bool {
    for (const auto& [k, v] : object) {
      if (k == key) {
        return true;
      }
    }
    return false;
  }
  auto operator[](std::string_view key) const -> const Json& {
    for (const auto& [k, v] : object) {
      if (k == key) {
        return v;
      }
    }
    FAIL("missing key " << key);
    static const Json kNull;
    return kNull;
  }
  auto operator[](size_t index) const -> const Json& {
    REQUIRE(index < array.size());
    return array[index];
  }
};

class JsonParser {
 public:
  explicit JsonParser(std::string_view text) : text_(text) {}

  // Parses exactly one value filling the whole text; sets `error` otherwise.
  auto ParseDocument(std::string& error) -> Json {
    Json value;
    try {
      SkipSpace();
      value = ParseValue();
      SkipSpace();
      if (pos_ != text_.size()) {
        throw std::runtime_error("trailing characters");
      }
    } catch (const std::exception& e) {
      error = std::string(e.what()) + " at offset " + std::to_string(pos_);
    }
    return value;
  }

 private:
  auto ParseValue() -> Json {
    if (pos_ >= text_.size()) {
      throw std::runtime_error("unexpected end");
    }
    Json value;
    char c = text_[pos_];
    if (c == '{') {
      value.type = Json::Type::Object;
      ++pos_;
      SkipSpace();
      if (Peek() == '}') {
        ++pos_;
        return value;
      }
      while (true) {
        SkipSpace();
        if (Peek() != '"') {
          throw std::runtime_error("expected a key");
        }
        std::string key = ParseString();
        SkipSpace();
        Expect(':');
        SkipSpace();
        value.object.emplace_back(std::move(key), ParseValue());
        SkipSpace();
        if (Peek() == ',') {
          ++pos_;
          continue;
        }
        Expect('}');
        return value;
      }
    }
    if (c == '[') {
      value.type = Json::Type::Array;
      ++pos_;
      SkipSpace();
      if (Peek() == ']') {
        ++pos_;
        return value;
      }
      while (true) {
        SkipSpace();
        value.array.push_back(ParseValue());
        SkipSpace();
        if (Peek() == ',') {
          ++pos_;
          continue;
        }
        Expect(']');
        return value;
      }
    }
    if (c == '"') {
      value.type = Json::Type::String;
      value.string = ParseString();
      return value;
    }
    if (text_.substr(pos_, 4) == "true" || text_.substr(pos_, 5) == "false") {
      value.type = Json::Type::Bool;
      value.boolean = c == 't';
      pos_ += value.boolean ? 4 : 5;
      return value;
    }
    if (text_.substr(pos_, 4) == "null") {
      pos_ += 4;
      return value;
    }
    // Number: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?
    size_t start = pos_;
    if (Peek() == '-') {
      ++pos_;
    }
    if (Peek() == '0') {
      ++pos_;
    } else if (Peek() >= '1' && Peek() <= '9') {
      while (Peek() >= '0' && Peek() <= '9') {
        ++pos_;
      }
    } else {
      throw std::runtime_error("unexpected character");
    }
    if (Peek() == '.') {
      ++pos_;
      Digits();
    }
    if (Peek() == 'e' || Peek() == 'E') {
      ++pos_;
      if (Peek() == '+' || Peek() == '-') {
        ++pos_;
      }
      Digits();
    }
    value.type = Json::Type::Number;
    value.number = std::stod(std::string(text_.substr(start, pos_ - start)));
    return value;
  }

  void Digits() {
    if (!(Peek() >= '0' && Peek() <= '9')) {
      throw std::runtime_error("expected a digit");
    }
    while (Peek() >= '0' && Peek() <= '9') {
      ++pos_;
    }
  }

  auto ParseString() -> std::string {
    Expect('"');
    std::string out;
    while (true) {
      if (pos_ >= text_.size()) {
        throw std::runtime_error("unterminated string");
      }
      auto c = static_cast<unsigned char>(text_[pos_]);
      if (c == '"') {
        ++pos_;
        return out;
      }
      if (c < 0x20) {
        throw std::runtime_error("raw control character in string");
      }
      if (c == '\\') {
        ++pos_;
        char e = Peek();
        ++pos_;
        switch (e) {
          case '"': out += '"'; break;
          case '\\': out += '\\'; break;
          case '/': out += '/'; break;
          case 'b': out += '\b'; break;
          case 'f': out += '\f'; break;
          case 'n': out += '\n'; break;
          case 'r': out += '\r'; break;
          case 't': out += '\t'; break;
          case 'u': {
            unsigned code = Hex4();
            if (code >= 0xD800 && code <= 0xDBFF) {
              Expect('\\');
              Expect('u');
              unsigned low = Hex4();
              if (low < 0xDC00 || low > 0xDFFF) {
                throw std::runtime_error("bad surrogate pair");
              }
              code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
            }
            Append(out, code);
            break;
          }
          default: throw std::runtime_error("bad escape");
        }
        continue;
      }
      // A UTF-8 sequence: must be well formed.
      size_t length = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
      if (length == 0 || pos_ + length > text_.size()) {
        throw std::runtime_error("invalid UTF-8");
      }
      for (size_t k = 1; k < length; ++k) {
        if ((static_cast<unsigned char>(text_[pos_ + k]) & 0xC0) != 0x80) {
          throw std::runtime_error("invalid UTF-8");
        }
      }
      out.append(text_.substr(pos_, length));
      pos_ += length;
    }
  }

  auto Hex4() -> unsigned {
    if (pos_ + 4 > text_.size()) {
      throw std::runtime_error("short \\u escape");
    }
    unsigned value = 0;
    for (int k = 0; k < 4; ++k) {
      char h = text_[pos_++];
      value <<= 4;
      if (h >= '0' && h <= '9') {
        value |= static_cast<unsigned>(h - '0');
      } else if (h >= 'a' && h <= 'f') {
        value |= static_cast<unsigned>(h - 'a' + 10);
      } else if (h >= 'A' && h <= 'F') {
        value |= static_cast<unsigned>(h - 'A' + 10);
      } else {
        throw std::runtime_error("bad hex digit");
      }
    }
    return value;
  }

  static void Append(std::string& out, unsigned code) {
    if (code < 0x80) {
      out += static_cast<char>(code);
    } else if (code < 0x800) {
      out += static_cast<char>(0xC0 | (code >> 6));
      out += static_cast<char>(0x80 | (code & 0x3F));
    } else if (code < 0x10000) {
      out += static_cast<char>(0xE0 | (code >> 12));
      out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (code & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (code >> 18));
      out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (code & 0x3F));
    }
  }

  [[nodiscard]] auto Peek() const -> char { return pos_ < text_.size() ? text_[pos_] : '\0'; }
  void Expect(char c) {
    if (Peek() != c) {
      throw std::runtime_error(std::string("expected '") + c + "'");
    }
    ++pos_;
  }
  void SkipSpace() {
    while (pos_ < text_.size() &&
           (text_[pos_] == ' ' || text_[pos_] == '\n' || text_[pos_] == '\r' || text_[pos_] == '\t')) {
      ++pos_;
    }
  }

  std::string_view text_;
  size_t pos_ = 0;
};

auto ParseJson(std::string_view text) -> Json {
  std::string error;
  Json value = JsonParser(text).ParseDocument(error);
  INFO(text);
  REQUIRE(error.empty());
  return value;
}

// Python's json module as a second, independent judge (skipped without python3).
void CheckWithPython(const std::string& text, bool json_lines) {
  if (std::system("python3 -c pass >/dev/null 2>&1") != 0) {
    WARN("python3 not found; skipping the Python JSON check");
    return;
  }
  auto path = std::filesystem::temp_directory_path() /
              ("pyxx_diag_json_" + std::to_string(std::hash<std::string>{}(text)) + ".json");
  {
    std::ofstream file(path, std::ios::binary);
    file << text;
  }
  std::string script = json_lines
                           ? "import json,sys; [json.loads(l) for l in open(sys.argv[1], encoding='utf-8')]"
                           : "import json,sys; json.load(open(sys.argv[1], encoding='utf-8'))";
  std::string command = "python3 -c \"" + script + "\" '" + path.string() + "'";
  int status = std::system(command.c_str());
  std::filesystem::remove(path);
  CHECK(status == 0);
}

// ---- Fixtures ---------------------------------------------------------------

auto MakeDiagnostic(Kind kind, base::SourceRange range, std::string message) -> Diagnostic {
  return Diagnostic{kind, Info(kind).severity, range, std::move(message), {}, {}};
}

// `x` after a 2-byte, a 3-byte and a 4-byte character (é, €, 😀).
constexpr std::string_view kUtf8Source =
    "import cython\n"
    "s = \"\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80\" + x\n";

auto LineDiagnostics() -> std::vector<Diagnostic> {
  std::string_view text = kUtf8Source;
  auto x = static_cast<uint32_t>(text.find(" x") + 1);
  Diagnostic d = MakeDiagnostic(Kind::UndefinedName, {x, x + 1}, "name `x` is not defined");
  d.notes.push_back({Kind::PreviousDefinition, {0, 6}, "`x` was \"first\" defined\there"});
  d.fixits.push_back({{x, x + 1}, "s\xC3\xA9"});
  d.fixits.push_back({{0, 0}, "x = 0\n"});
  Diagnostic w = MakeDiagnostic(Kind::UnusedVariable, {14, 15}, "local `s` is assigned but never used");
  return {d, w};
}

// ---- JSON Lines ---------------------------------------------------------------

TEST_CASE("json: one object per line with spec fields", "[diag][json]") {
  base::SourceBuffer source("dir/utf8.pyx", std::string(kUtf8Source));
  std::ostringstream out;
  RenderJson(out, source, LineDiagnostics());
  std::string text = out.str();
  // Columns are byte columns: `x` is the 19th byte of line 2.
  CHECK(text ==
        "{\"file\":\"dir/utf8.pyx\",\"line\":2,\"column\":19,\"end_line\":2,\"end_column\":20,"
        "\"severity\":\"error\",\"code\":\"PX101\",\"name\":\"UndefinedName\","
        "\"message\":\"name `x` is not defined\","
        "\"notes\":[{\"file\":\"dir/utf8.pyx\",\"line\":1,\"column\":1,\"end_line\":1,\"end_column\":7,"
        "\"severity\":\"note\",\"name\":\"PreviousDefinition\","
        "\"message\":\"`x` was \\\"first\\\" defined\\there\"}],"
        "\"fixits\":[{\"file\":\"dir/utf8.pyx\",\"line\":2,\"column\":19,\"end_line\":2,\"end_column\":20,"
        "\"replacement\":\"s\xC3\xA9\"},"
        "{\"file\":\"dir/utf8.pyx\",\"line\":1,\"column\":1,\"end_line\":1,\"end_column\":1,"
        "\"replacement\":\"x = 0\\n\"}]}\n"
        "{\"file\":\"dir/utf8.pyx\",\"line\":2,\"column\":1,\"end_line\":2,\"end_column\":2,"
        "\"severity\":\"warning\",\"code\":\"PX401\",\"name\":\"UnusedVariable\","
        "\"message\":\"local `s` is assigned but never used\",\"notes\":[],\"fixits\":[]}\n");

  std::istringstream lines(text);
  std::string line;
  int count = 0;
  while (std::getline(lines, line)) {
    Json object = ParseJson(line);
    REQUIRE(object.type == Json::Type::Object);
    for (const char* key : {"file", "line", "column", "end_line", "end_column", "severity", "code",
                            "message", "notes", "fixits", "name"}) {
      CHECK(object.Has(key));
    }
    ++count;
  }
  CHECK(count == 2);
  CHECK(ParseJson(text.substr(0, text.find('\n')))["notes"][0]["message"].string ==
        "`x` was \"first\" defined\there");
  CheckWithPython(text, true);
}

TEST_CASE("json: strings are escaped and always valid UTF-8", "[diag][json]") {
  CHECK(JsonQuote("a\"b\\c") == "\"a\\\"b\\\\c\"");
  CHECK(JsonQuote("\n\r\t\b\f") == "\"\\n\\r\\t\\b\\f\"");
  CHECK(JsonQuote(std::string_view("\x01\x1f\x00", 3)) == "\"\\u0001\\u001f\\u0000\"");
  CHECK(JsonQuote("\xC3\xA9\xF0\x9F\x98\x80") == "\"\xC3\xA9\xF0\x9F\x98\x80\"");
  // Invalid bytes (a lone continuation byte, a truncated sequence, an overlong form) become U+FFFD.
  CHECK(JsonQuote("a\x80z") == "\"a\xEF\xBF\xBDz\"");
  CHECK(JsonQuote("\xE2\x82") == "\"\xEF\xBF\xBD\xEF\xBF\xBD\"");
  CHECK(JsonQuote("\xC0\xAF") == "\"\xEF\xBF\xBD\xEF\xBF\xBD\"");

  // A file that is not UTF-8 (the PX001 case) still gives valid JSON.
  std::string bad = "x = '\xFF\xFE'\n";
  base::SourceBuffer source("bad\xFF.pyx", bad);
  Diagnostic d = MakeDiagnostic(Kind::InvalidUtf8, {5, 6}, "source file is not valid UTF-8");
  d.fixits.push_back({{5, 7}, "\x7F"});
  std::ostringstream out;
  RenderJson(out, source, {d});
  Json object = ParseJson(out.str().substr(0, out.str().size() - 1));
  CHECK(object["file"].string == "bad\xEF\xBF\xBD.pyx");
  CHECK(object["column"].number == 6);
  CheckWithPython(out.str(), true);
}

TEST_CASE("json: empty file and empty diagnostic list", "[diag][json]") {
  base::SourceBuffer source("empty.pyx", "");
  std::ostringstream none;
  RenderJson(none, source, {});
  CHECK(none.str().empty());
  std::ostringstream out;
  RenderJson(out, source, {MakeDiagnostic(Kind::SyntaxError, {0, 0}, "invalid syntax")});
  Json object = ParseJson(out.str());
  CHECK(object["line"].number == 1);
  CHECK(object["column"].number == 1);
  CHECK(object["end_line"].number == 1);
  CHECK(object["end_column"].number == 1);
}

TEST_CASE("json: pretty printing of a value", "[diag][json]") {
  JsonValue value = JsonValue::Object();
  value.Set("a", JsonValue::Array().Push(1).Push(true).Push(JsonValue()))
      .Set("b", JsonValue::Object())
      .Set("c", JsonValue::Array());
  CHECK(value.ToString() == "{\"a\":[1,true,null],\"b\":{},\"c\":[]}");
  CHECK(value.ToString(2) == "{\n  \"a\": [\n    1,\n    true,\n    null\n  ],\n  \"b\": {},\n  \"c\": []\n}");
}

// ---- SARIF ----------------------------------------------------------------------

TEST_CASE("sarif: a valid 2.1.0 log with rules, results, notes and fixes", "[diag][sarif]") {
  base::SourceBuffer first("src/my file.pyx", std::string(kUtf8Source));
  std::string second_text = "def f():\n    return g\n";
  base::SourceBuffer second("b.pyx", second_text);
  std::vector<FileDiagnostics> files;
  files.push_back({&first, LineDiagnostics()});
  Diagnostic g = MakeDiagnostic(Kind::UndefinedName, {20, 21}, "name `g` is not defined");
  g.severity = Severity::Error;
  files.push_back({&second, {g}});
  base::SourceBuffer clean("clean.pyx", "x = 1\n");
  files.push_back({&clean, {}});

  std::ostringstream out;
  RenderSarif(out, files);
  std::string text = out.str();
  CheckWithPython(text, false);
  Json log = ParseJson(text);

  CHECK(log["version"].string == "2.1.0");
  CHECK(log["$schema"].string.find("sarif-schema-2.1.0.json") != std::string::npos);
  REQUIRE(log["runs"].array.size() == 1);
  const Json& run = log["runs"][0];
  const Json& driver = run["tool"]["driver"];
  CHECK(driver["name"].string == "pyxx");
  CHECK(driver["version"].string == PYXX_VERSION);
  CHECK(run["columnKind"].string == "utf16CodeUnits");

  // Every catalog code is a rule, in catalog order, with its explanation as help.
  const Json& rules = driver["rules"];
  size_t codes = 0;
  for (const KindInfo& info : AllKinds()) {
    if (info.code.empty()) {
      continue;
    }
    REQUIRE(codes < rules.array.size());
    const Json& rule = rules[codes++];
    CHECK(rule["id"].string == info.code);
    CHECK(rule["name"].string == info.name);
    CHECK_FALSE(rule["shortDescription"]["text"].string.empty());
    CHECK_FALSE(rule["fullDescription"]["text"].string.empty());
    CHECK(rule["help"]["text"].string.find(std::string("# ") + std::string(info.code)) == 0);
    CHECK(rule["help"]["markdown"].string == rule["help"]["text"].string);
    CHECK(rule["defaultConfiguration"]["level"].string ==
          (info.severity == Severity::Warning ? "warning" : "error"));
  }
  CHECK(rules.array.size() == codes);

  const Json& artifacts = run["artifacts"];
  REQUIRE(artifacts.array.size() == 3);
  CHECK(artifacts[0]["location"]["uri"].string == "src/my%20file.pyx");
  CHECK(artifacts[1]["location"]["uri"].string == "b.pyx");
  CHECK(artifacts[1]["length"].number == static_cast<double>(second_text.size()));

  const Json& results = run["results"];
  REQUIRE(results.array.size() == 3);
  for (const Json& result : results.array) {
    // ruleIndex points at the rule with the same id.
    CHECK(rules[static_cast<size_t>(result["ruleIndex"].number)]["id"].string == result["ruleId"].string);
  }
  const Json& x = results[0];
  CHECK(x["ruleId"].string == "PX101");
  CHECK(x["level"].string == "error");
  CHECK(x["message"]["text"].string == "name `x` is not defined");
  const Json& where = x["locations"][0]["physicalLocation"];
  CHECK(where["artifactLocation"]["uri"].string == "src/my%20file.pyx");
  CHECK(where["artifactLocation"]["index"].number == 0);
  // Byte column 19 is UTF-16 column 14: `s = "` + é (1 unit) + € (1) + 😀 (2) + `" + `.
  CHECK(where["region"]["startLine"].number == 2);
  CHECK(where["region"]["startColumn"].number == 14);
  CHECK(where["region"]["endLine"].number == 2);
  CHECK(where["region"]["endColumn"].number == 15);
  const Json& related = x["relatedLocations"][0];
  CHECK(related["message"]["text"].string == "`x` was \"first\" defined\there");
  CHECK(related["physicalLocation"]["region"]["startLine"].number == 1);
  CHECK(related["physicalLocation"]["region"]["endColumn"].number == 7);
  REQUIRE(x["fixes"].array.size() == 1);
  const Json& change = x["fixes"][0]["artifactChanges"][0];
  CHECK(change["artifactLocation"]["uri"].string == "src/my%20file.pyx");
  REQUIRE(change["replacements"].array.size() == 2);
  CHECK(change["replacements"][0]["deletedRegion"]["startColumn"].number == 14);
  CHECK(change["replacements"][0]["insertedContent"]["text"].string == "s\xC3\xA9");
  CHECK(change["replacements"][1]["deletedRegion"]["startColumn"].number == 1);
  CHECK(change["replacements"][1]["deletedRegion"]["endColumn"].number == 1);
  CHECK(change["replacements"][1]["insertedContent"]["text"].string == "x = 0\n");
  CHECK(x["fixes"][0]["description"]["text"].string ==
        "replace `x` with `s\xC3\xA9`; insert `x = 0`");

  CHECK(results[1]["level"].string == "warning");
  CHECK(results[1]["ruleId"].string == "PX401");
  CHECK_FALSE(results[1].Has("fixes"));
  CHECK_FALSE(results[1].Has("relatedLocations"));
  CHECK(results[2]["locations"][0]["physicalLocation"]["artifactLocation"]["index"].number == 1);
  CHECK(results[2]["locations"][0]["physicalLocation"]["region"]["startLine"].number == 2);
  CHECK(results[2]["locations"][0]["physicalLocation"]["region"]["startColumn"].number == 12);
}

TEST_CASE("sarif: an empty run is still a complete log", "[diag][sarif]") {
  std::ostringstream out;
  RenderSarif(out, {});
  Json log = ParseJson(out.str());
  CHECK(log["runs"][0]["results"].array.empty());
  CHECK(log["runs"][0]["artifacts"].array.empty());
  CHECK_FALSE(log["runs"][0]["tool"]["driver"]["rules"].array.empty());
}

TEST_CASE("sarif: file names become URI references", "[diag][sarif]") {
  CHECK(FileNameToUri("tests/check/ok_basic.pyx") == "tests/check/ok_basic.pyx");
  CHECK(FileNameToUri("a b#c%.pyx") == "a%20b%23c%25.pyx");
  CHECK(FileNameToUri("C:\\x.pyx") == "C%3A%5Cx.pyx");
  CHECK(FileNameToUri("\xC3\xA9.pyx") == "%C3%A9.pyx");
}

}  // namespace
}  // namespace pyxx::diag
