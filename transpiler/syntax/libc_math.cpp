#include "syntax/libc_math.h"

#include <unordered_map>

namespace pyxx::syntax {

auto LibcMathArity(const std::string& name) -> int {
  static const std::unordered_map<std::string, int> kFunctions = {
      {"sqrt", 1},  {"cbrt", 1},  {"exp", 1},   {"exp2", 1},  {"expm1", 1}, {"log", 1},   {"log2", 1},
      {"log10", 1}, {"log1p", 1}, {"sin", 1},   {"cos", 1},   {"tan", 1},   {"asin", 1},  {"acos", 1},
      {"atan", 1},  {"sinh", 1},  {"cosh", 1},  {"tanh", 1},  {"asinh", 1}, {"acosh", 1}, {"atanh", 1},
      {"fabs", 1},  {"floor", 1}, {"ceil", 1},  {"trunc", 1}, {"round", 1}, {"erf", 1},   {"erfc", 1},
      {"tgamma", 1}, {"lgamma", 1}, {"pow", 2}, {"atan2", 2}, {"hypot", 2}, {"fmod", 2},  {"fmin", 2},
      {"fmax", 2},  {"copysign", 2},
  };
  auto it = kFunctions.find(name);
  return it == kFunctions.end() ? -1 : it->second;
}

auto LibcMathConstant(const std::string& name) -> const char* {
  static const std::unordered_map<std::string, const char*> kConstants = {
      {"M_PI", "3.141592653589793"},        {"M_E", "2.718281828459045"},     {"M_PI_2", "1.5707963267948966"},
      {"M_PI_4", "0.7853981633974483"},     {"M_1_PI", "0.3183098861837907"}, {"M_2_PI", "0.6366197723675814"},
      {"M_LN2", "0.6931471805599453"},      {"M_LN10", "2.302585092994046"},  {"M_LOG2E", "1.4426950408889634"},
      {"M_LOG10E", "0.4342944819032518"},   {"M_SQRT2", "1.4142135623730951"}, {"M_SQRT1_2", "0.7071067811865476"},
      {"M_2_SQRTPI", "1.1283791670955126"}, {"INFINITY", "HUGE_VAL"},         {"HUGE_VAL", "HUGE_VAL"},
      {"NAN", "std::nan(\"\")"},
  };
  auto it = kConstants.find(name);
  return it == kConstants.end() ? nullptr : it->second;
}

auto LibcMathPredicate(const std::string& name) -> bool {
  return name == "isnan" || name == "isinf" || name == "isfinite" || name == "signbit";
}

}  // namespace pyxx::syntax
