# The libFuzzer targets (sources in tests/fuzz), built when PYXX_BUILD_FUZZERS
# is on: fuzz_parse (parse + lower), fuzz_check (+ check), fuzz_emit (+ emit),
# fuzz_pxd (an augmenting .pxd folded into a module, then checked).
set(_pyxx_fuzz_dir "${PROJECT_SOURCE_DIR}/tests/fuzz")
add_library(pyxx_fuzz_support STATIC "${_pyxx_fuzz_dir}/fuzz_support.cpp")
target_link_libraries(pyxx_fuzz_support PUBLIC pyxx_core)
foreach(target fuzz_parse fuzz_check fuzz_emit fuzz_pxd)
  add_executable(${target} "${_pyxx_fuzz_dir}/${target}.cpp")
  # internal_error_aborts.cpp as an object of the executable, not of a library,
  # so that it is linked before (and instead of) pyxx_base's InternalError.
  target_sources(${target} PRIVATE "${_pyxx_fuzz_dir}/internal_error_aborts.cpp")
  target_include_directories(${target} PRIVATE "${_pyxx_fuzz_dir}")
  target_link_libraries(${target} PRIVATE pyxx_fuzz_support)
  target_compile_options(${target} PRIVATE -Wall -Wextra)
  target_link_options(${target} PRIVATE -fsanitize=fuzzer)
endforeach()
