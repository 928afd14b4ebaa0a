#include <catch2/catch.hpp>

#include <set>
#include <string>
#include <vector>

#include "emit/emitter_impl.h"
#include "syntax/identifier.h"

using pyxx::emit::CppName;
using pyxx::emit::EscapeIdentifier;
using pyxx::emit::IsPlainName;
using pyxx::emit::ModuleDefinition;
using pyxx::emit::Punycode;
using pyxx::syntax::NormalizeIdentifier;

TEST_CASE("plain user names are kept, every other one is mangled", "[emit][names]") {
  CHECK(CppName("total") == "total");
  CHECK(CppName("x_1") == "x_1");
  CHECK(CppName("true") == "pyxx_u_true");
  CHECK(CppName("errno") == "pyxx_u_errno");
  CHECK(CppName("check") == "pyxx_u_check");  // a runtime function: argument-dependent lookup
  CHECK(CppName("INT_MAX") == "pyxx_u_INT_MAX");
  CHECK(CppName("N") == "pyxx_u_N");
  CHECK(CppName("pyxx_line") == "pyxx_u_pyxx_line");
  CHECK(CppName("_") == "pyxx_u_Q_");
  CHECK(CppName("__x__") == "pyxx_u_Q_Q_x_Q_");
  CHECK(CppName("Qx") == "pyxx_u_QQx");
  CHECK(CppName("\xc3\xa9") == "pyxx_u_Qu00e9");
  CHECK(CppName("\xf0\x9d\x94\x98") == "pyxx_u_QU0001d518");
  CHECK_FALSE(IsPlainName("a__b"));
  CHECK_FALSE(IsPlainName("pyxxa"));
}

TEST_CASE("the escape is injective and never makes a reserved C++ name", "[emit][names]") {
  const std::vector<std::string> names = {"_", "__", "___", "Q", "QQ", "Q_", "_Q", "Qu00e9", "\xc3\xa9", "x__y",
                                          "x_Q_y", "xQ_y", "x_", "x", "_x", "QU0001d518", "\xf0\x9d\x94\x98",
                                          "a_b", "a__b", "aQb", "u_x", "pyxx_u_x"};
  std::set<std::string> spelled;
  for (const auto& n : names) {
    std::string e = EscapeIdentifier(n);
    CHECK(e.find("__") == std::string::npos);
    CHECK(e.front() != '_');
    spelled.insert(CppName(n));
  }
  CHECK(spelled.size() == names.size());
}

TEST_CASE("non-ASCII module names get PyInitU_ and punycode, as PEP 489 says", "[emit][names]") {
  CHECK(Punycode("caf\xc3\xa9") == "caf-dma");
  CHECK(Punycode("\xce\xbb") == "wxa");
  CHECK(Punycode("\xe5\x8f\x98\xe9\x87\x8f") == "vory55l");
  CHECK(Punycode("\xc3\xb1" "and\xc3\xba_x") == "and_x-nta0e");
  CHECK(ModuleDefinition("fib", "nullptr", "e", "c") == "PYXX_GENERATED_MODULE(fib, nullptr, e, c)");
  CHECK(ModuleDefinition("caf\xc3\xa9", "nullptr", "e", "c") ==
        "PYXX_GENERATED_MODULE_UNICODE(caf_dma, \"caf\\303\\251\", nullptr, e, c)");
}

TEST_CASE("identifiers are NFKC-normalised as Python does", "[syntax][names]") {
  CHECK(NormalizeIdentifier("plain_ascii") == "plain_ascii");
  CHECK(NormalizeIdentifier("\xef\xac\x81") == "fi");                             // U+FB01 ligature
  CHECK(NormalizeIdentifier("\xf0\x9d\x94\x98nicode") == "Unicode");             // mathematical fraktur U
  CHECK(NormalizeIdentifier("\xc7\x85") == "D\xc5\xbe");                         // U+01C5
  CHECK(NormalizeIdentifier("\xef\xbd\x84ouble") == "double");                   // fullwidth d
  CHECK(NormalizeIdentifier("e\xcc\x81") == "\xc3\xa9");                         // e + combining acute
  CHECK(NormalizeIdentifier("\xe1\x84\x92\xe1\x85\xa1\xe1\x86\xab") == "\xed\x95\x9c");  // Hangul jamo
  CHECK(NormalizeIdentifier("x\xcc\x87\xcc\xa3") == "\xe1\xba\x8b\xcc\xa3");    // reordered, then composed
}
