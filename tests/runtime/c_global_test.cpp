// Module-level C variables (c_global.hpp): relaxed atomic loads and stores keep
// values exactly, complex numbers part by part, and racing threads see only
// values some thread stored (no torn values; ThreadSanitizer-clean by design).
#include <catch2/catch.hpp>

#include <cstdint>
#include <thread>
#include <vector>

#include "pyxx/runtime.hpp"

namespace {

long long g_wide{};
unsigned char g_byte{};
double g_real{};
pyxx::Complex<double> g_complex{};

}  // namespace

TEST_CASE("c_global: loads give back what stores stored, in the variable's type", "[runtime][c_global]") {
  pyxx::c_global_store(g_wide, -(1LL << 40));
  CHECK(pyxx::c_global_load(g_wide) == -(1LL << 40));
  pyxx::c_global_store(g_byte, static_cast<unsigned char>(255));
  CHECK(pyxx::c_global_load(g_byte) == 255);
  pyxx::c_global_store(g_real, 0.1);
  CHECK(pyxx::c_global_load(g_real) == 0.1);
  pyxx::c_global_store(g_complex, pyxx::Complex<double>(1.5, -2.0));
  pyxx::Complex<double> z = pyxx::c_global_load(g_complex);
  CHECK(z.real == 1.5);
  CHECK(z.imag == -2.0);
}

TEST_CASE("c_global: racing stores never tear a value", "[runtime][c_global]") {
  // Two writers store values whose halves match; a reader must never see a mix.
  constexpr long long kA = 0x1111111111111111LL;
  constexpr long long kB = 0x2222222222222222LL;
  pyxx::c_global_store(g_wide, kA);
  std::vector<std::thread> writers;
  for (long long v : {kA, kB}) {
    writers.emplace_back([v] {
      for (int i = 0; i < 100000; ++i) {
        pyxx::c_global_store(g_wide, v);
      }
    });
  }
  bool torn = false;
  for (int i = 0; i < 100000; ++i) {
    long long seen = pyxx::c_global_load(g_wide);
    torn |= seen != kA && seen != kB;
  }
  for (auto& t : writers) {
    t.join();
  }
  CHECK_FALSE(torn);
}
