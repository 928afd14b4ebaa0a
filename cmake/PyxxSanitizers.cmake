# Instrumented builds of pyxx itself (included before the phases are added).
#
#   PYXX_SANITIZE=ON       AddressSanitizer + UndefinedBehaviorSanitizer on
#                          everything built here (the `asan` preset, CMakePresets.json);
#                          the first report stops the program (-fno-sanitize-recover).
#   PYXX_BUILD_FUZZERS=ON  the libFuzzer targets of tests/fuzz (clang only), with
#                          coverage instrumentation and both sanitizers on every
#                          library they link. tests/fuzz/CMakeLists.txt configures
#                          such a build next to the normal one.
option(PYXX_SANITIZE "Build with AddressSanitizer and UBSan" OFF)
option(PYXX_BUILD_FUZZERS "Build the libFuzzer targets of tests/fuzz (needs clang)" OFF)

set(PYXX_SANITIZER_FLAGS -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)

if(PYXX_SANITIZE OR PYXX_BUILD_FUZZERS)
  add_compile_options(${PYXX_SANITIZER_FLAGS})
  add_link_options(-fsanitize=address,undefined)
endif()

if(PYXX_BUILD_FUZZERS)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "PYXX_BUILD_FUZZERS needs clang (libFuzzer); CMAKE_CXX_COMPILER is ${CMAKE_CXX_COMPILER}")
  endif()
  add_compile_options(-fsanitize=fuzzer-no-link)
endif()
