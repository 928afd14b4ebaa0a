# `diff-asan/NAME` (label asan): every differential program of tests/diff with its
# module built with -fsanitize=address,undefined -fno-sanitize-recover=all, so
# that UB or a memory error in generated code or the runtime fails the test.
# The interpreter is not instrumented: ASan's runtime is preloaded into it
# (with libstdc++, whose exceptions ASan intercepts), and leak detection is off
# because CPython does not free everything at exit.
# Included from tests/CMakeLists.txt, after tests/diff.
option(PYXX_TEST_SANITIZED_MODULES "Run the differential tests with ASan+UBSan modules" ON)

set(_asan_unavailable "")
if(NOT PYXX_TEST_SANITIZED_MODULES)
  set(_asan_unavailable "PYXX_TEST_SANITIZED_MODULES is OFF")
elseif(NOT CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
  set(_asan_unavailable "only set up for GCC (CMAKE_CXX_COMPILER is ${CMAKE_CXX_COMPILER_ID})")
else()
  foreach(lib asan stdcxx)
    set(_name "lib${lib}.so")
    if(lib STREQUAL "stdcxx")
      set(_name "libstdc++.so")
    endif()
    execute_process(COMMAND "${CMAKE_CXX_COMPILER}" -print-file-name=${_name}
                    OUTPUT_VARIABLE _path OUTPUT_STRIP_TRAILING_WHITESPACE)
    get_filename_component(_path "${_path}" REALPATH)
    if(NOT IS_ABSOLUTE "${_path}" OR NOT EXISTS "${_path}")
      set(_asan_unavailable "${CMAKE_CXX_COMPILER} has no ${_name}")
    endif()
    set(_pyxx_${lib}_path "${_path}")
  endforeach()
endif()

file(GLOB _asan_programs CONFIGURE_DEPENDS "${PROJECT_SOURCE_DIR}/tests/diff/*.pyx")
list(SORT _asan_programs)
if(_asan_unavailable)
  message(WARNING "pyxx: the sanitized differential tests are not run: ${_asan_unavailable}")
  add_test(NAME diff-asan/unavailable
    COMMAND "${Python3_EXECUTABLE}" "${PROJECT_SOURCE_DIR}/tests/fuzz/skip_unavailable.py" "${_asan_unavailable}")
  set_tests_properties(diff-asan/unavailable PROPERTIES LABELS asan SKIP_RETURN_CODE 77
    ENVIRONMENT "PYXX_TEST_NAME=diff-asan/unavailable")
  return()
endif()

set(_asan_env
  "CXX=${CMAKE_CXX_COMPILER}"
  "CXXFLAGS=-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer -O1"
  "PYXX_DIFF_PRELOAD=${_pyxx_asan_path}:${_pyxx_stdcxx_path}"
  "ASAN_OPTIONS=detect_leaks=0:abort_on_error=0:halt_on_error=1"
  "UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1"
  "PYTHONDONTWRITEBYTECODE=1")
# The setup itself: a heap overflow and a signed overflow in a module built
# with these flags must stop the interpreter.
add_test(NAME diff-asan/canary
  COMMAND "${Python3_EXECUTABLE}" "${PROJECT_SOURCE_DIR}/tests/sanitize/asan_canary.py" -I "${Python3_INCLUDE_DIRS}")
set_tests_properties(diff-asan/canary PROPERTIES LABELS asan TIMEOUT 120 ENVIRONMENT "${_asan_env}")
foreach(program IN LISTS _asan_programs)
  get_filename_component(name "${program}" NAME_WE)
  add_test(NAME "diff-asan/${name}"
    COMMAND "${Python3_EXECUTABLE}" "${PROJECT_SOURCE_DIR}/tests/tools/run_diff_test.py"
            --pyxx "$<TARGET_FILE:pyxx>" "${program}")
  set_tests_properties("diff-asan/${name}" PROPERTIES LABELS asan TIMEOUT 300 ENVIRONMENT "${_asan_env}")
endforeach()
