#include "diagnostics/sarif_renderer.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "diagnostics/explain.h"
#include "diagnostics/json_renderer.h"
#include "diagnostics/text_renderer.h"
#include "diagnostics/utf8.h"

namespace pyxx::diag {
namespace {

constexpr std::string_view kSchema =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

auto Text(std::string_view text) -> JsonValue { return JsonValue::Object().Set("text", text); }

// A region in UTF-16 columns; an empty range is a zero-length region (an insertion point).
auto Region(const base::SourceBuffer& source, base::SourceRange range) -> JsonValue {
  base::LineColumn begin = source.Locate(range.begin);
  base::LineColumn end = source.Locate(std::max(range.begin, range.end));
  return JsonValue::Object()
      .Set("startLine", begin.line)
      .Set("startColumn", Utf16Column(source.LineText(begin.line), begin.column))
      .Set("endLine", end.line)
      .Set("endColumn", Utf16Column(source.LineText(end.line), end.column));
}

auto Rule(const KindInfo& info) -> JsonValue {
  std::string page = Explanation(info.code).value_or("");
  std::string_view summary = ExplanationSummary(page);
  std::string full = ExplanationFirstParagraph(page);
  JsonValue rule = JsonValue::Object();
  rule.Set("id", info.code)
      .Set("name", info.name)
      .Set("shortDescription", Text(summary.empty() ? info.format : summary))
      .Set("fullDescription", Text(full.empty() ? std::string(info.format) : full))
      .Set("help", JsonValue::Object().Set("text", page).Set("markdown", page))
      .Set("defaultConfiguration",
           JsonValue::Object().Set("level", SeverityName(info.severity)));
  return rule;
}

class SarifBuilder {
 public:
  explicit SarifBuilder(const std::vector<FileDiagnostics>& files) : files_(files) {
    for (const KindInfo& info : AllKinds()) {
      if (!info.code.empty()) {
        rule_index_.emplace(info.code, static_cast<int>(rules_size_++));
      }
    }
  }

  auto Build() -> JsonValue {
    JsonValue rules = JsonValue::Array();
    for (const KindInfo& info : AllKinds()) {
      if (!info.code.empty()) {
        rules.Push(Rule(info));
      }
    }
    JsonValue driver = JsonValue::Object();
    driver.Set("name", "pyxx").Set("version", PYXX_VERSION).Set("semanticVersion", PYXX_VERSION);
#ifdef PYXX_HOMEPAGE_URL
    driver.Set("informationUri", PYXX_HOMEPAGE_URL);
#endif
    driver.Set("rules", std::move(rules));

    JsonValue artifacts = JsonValue::Array();
    JsonValue results = JsonValue::Array();
    for (size_t index = 0; index < files_.size(); ++index) {
      const base::SourceBuffer& source = *files_[index].source;
      artifacts.Push(JsonValue::Object()
                         .Set("location", Location(source, static_cast<int>(index)))
                         .Set("length", static_cast<uint64_t>(source.text().size()))
                         .Set("encoding", "utf-8"));
      for (const Diagnostic& diagnostic : files_[index].diagnostics) {
        results.Push(Result(source, static_cast<int>(index), diagnostic));
      }
    }
    JsonValue run = JsonValue::Object();
    run.Set("tool", JsonValue::Object().Set("driver", std::move(driver)))
        .Set("columnKind", "utf16CodeUnits")
        .Set("artifacts", std::move(artifacts))
        .Set("results", std::move(results));
    JsonValue log = JsonValue::Object();
    log.Set("$schema", kSchema)
        .Set("version", "2.1.0")
        .Set("runs", JsonValue::Array().Push(std::move(run)));
    return log;
  }

 private:
  static auto Location(const base::SourceBuffer& source, int index) -> JsonValue {
    return JsonValue::Object().Set("uri", FileNameToUri(source.name())).Set("index", index);
  }

  static auto Physical(const base::SourceBuffer& source, int index, base::SourceRange range)
      -> JsonValue {
    return JsonValue::Object()
        .Set("artifactLocation", Location(source, index))
        .Set("region", Region(source, range));
  }

  // A note in another file (a module's augmenting .pxd) names that file's
  // artifact when the log has one; otherwise its URI alone.
  auto NotePhysical(const base::SourceBuffer& source, int index, const Note& note) const -> JsonValue {
    if (note.source == nullptr || note.source == &source) {
      return Physical(source, index, note.range);
    }
    for (size_t other = 0; other < files_.size(); ++other) {
      if (files_[other].source == note.source) {
        return Physical(*note.source, static_cast<int>(other), note.range);
      }
    }
    return JsonValue::Object()
        .Set("artifactLocation", JsonValue::Object().Set("uri", FileNameToUri(note.source->name())))
        .Set("region", Region(*note.source, note.range));
  }

  auto Result(const base::SourceBuffer& source, int index, const Diagnostic& diagnostic)
      -> JsonValue {
    JsonValue result = JsonValue::Object();
    if (auto rule = rule_index_.find(diagnostic.code()); rule != rule_index_.end()) {
      result.Set("ruleId", diagnostic.code()).Set("ruleIndex", rule->second);
    }
    result.Set("level", SeverityName(diagnostic.severity))
        .Set("message", Text(diagnostic.message))
        .Set("locations", JsonValue::Array().Push(
                              JsonValue::Object().Set("physicalLocation",
                                                      Physical(source, index, diagnostic.range))));
    if (!diagnostic.notes.empty()) {
      JsonValue related = JsonValue::Array();
      int id = 0;
      for (const Note& note : diagnostic.notes) {
        related.Push(JsonValue::Object()
                         .Set("id", id++)
                         .Set("physicalLocation", NotePhysical(source, index, note))
                         .Set("message", Text(note.message)));
      }
      result.Set("relatedLocations", std::move(related));
    }
    if (!diagnostic.fixits.empty()) {
      // All fix-its of one diagnostic are one fix: they are applied together.
      JsonValue replacements = JsonValue::Array();
      std::string description;
      for (const FixIt& fixit : diagnostic.fixits) {
        replacements.Push(JsonValue::Object()
                              .Set("deletedRegion", Region(source, fixit.range))
                              .Set("insertedContent", Text(fixit.replacement)));
        description += (description.empty() ? "" : "; ") + DescribeFixIt(source, fixit);
      }
      JsonValue change = JsonValue::Object();
      change.Set("artifactLocation", Location(source, index))
          .Set("replacements", std::move(replacements));
      result.Set("fixes", JsonValue::Array().Push(
                              JsonValue::Object()
                                  .Set("description", Text(description))
                                  .Set("artifactChanges", JsonValue::Array().Push(std::move(change)))));
    }
    return result;
  }

  const std::vector<FileDiagnostics>& files_;
  std::map<std::string_view, int> rule_index_;
  size_t rules_size_ = 0;
};

}  // namespace

auto FileNameToUri(std::string_view name) -> std::string {
  std::string uri;
  for (char c : name) {
    auto byte = static_cast<unsigned char>(c);
    bool unreserved = (byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z') ||
                      (byte >= '0' && byte <= '9') || c == '-' || c == '.' || c == '_' ||
                      c == '~' || c == '/';
    uri += unreserved ? std::string(1, c) : fmt::format("%{:02X}", byte);
  }
  return uri;
}

auto SarifLog(const std::vector<FileDiagnostics>& files) -> JsonValue {
  return SarifBuilder(files).Build();
}

void RenderSarif(std::ostream& out, const std::vector<FileDiagnostics>& files) {
  SarifLog(files).Write(out, 2);
  out << '\n';
}

}  // namespace pyxx::diag
