#include <catch2/catch.hpp>

#include <stdexcept>

#include "emit/template_engine.h"

using pyxx::emit::EmbeddedTemplate;
using pyxx::emit::RenderTemplate;

TEST_CASE("placeholders are replaced, other text is kept", "[emit]") {
  CHECK(RenderTemplate("a {{x}} b {{y}}{{x}}", {{"x", "1"}, {"y", "{{not a placeholder}}"}}) ==
        "a 1 b {{not a placeholder}}1");
  CHECK(RenderTemplate("no placeholders", {}) == "no placeholders");
}

TEST_CASE("an unknown placeholder is a bug in pyxx, not silently empty", "[emit]") {
  CHECK_THROWS_AS(RenderTemplate("{{missing}}", {}), std::logic_error);
  CHECK_THROWS_AS(RenderTemplate("{{open", {}), std::logic_error);
}

TEST_CASE("the module template is compiled in and includes only the runtime", "[emit]") {
  std::string_view module = EmbeddedTemplate("module.cpp.tmpl");
  REQUIRE_FALSE(module.empty());
  CHECK(module.find("#include \"pyxx/runtime.hpp\"") != std::string_view::npos);
  CHECK(module.find("{{module_definition}}") != std::string_view::npos);
  CHECK(EmbeddedTemplate("no-such.tmpl").empty());
}
