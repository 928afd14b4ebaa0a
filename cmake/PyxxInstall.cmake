# Install layout (`cmake --install BUILD --prefix P`):
#   P/bin/pyxx                         the transpiler (finds P/include by itself)
#   P/include/pyxx/*.hpp               the runtime the generated code includes
#   P/lib/cmake/pyxx/pyxxConfig.cmake  find_package(pyxx): pyxx::pyxx, pyxx::runtime,
#                                      pyxx_add_module(NAME SOURCE file.pyx)
# `pyxx build` looks for its runtime headers at ../include relative to its own
# location, so keep the default bin/ and include/ directories.
include(CMakePackageConfigHelpers)

set(PYXX_INSTALL_CMAKEDIR "${CMAKE_INSTALL_LIBDIR}/cmake/pyxx" CACHE STRING
    "Where the pyxx CMake package is installed, relative to the prefix")

install(TARGETS pyxx EXPORT pyxxTargets RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}")

# The header-only runtime, exported as pyxx::runtime (its alias in this build).
set_target_properties(pyxx_runtime PROPERTIES EXPORT_NAME runtime)
install(TARGETS pyxx_runtime EXPORT pyxxTargets)
install(DIRECTORY "${PROJECT_SOURCE_DIR}/runtime/include/pyxx"
        DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}"
        FILES_MATCHING PATTERN "*.hpp")

install(EXPORT pyxxTargets NAMESPACE pyxx:: DESTINATION "${PYXX_INSTALL_CMAKEDIR}")
configure_package_config_file(
  "${PROJECT_SOURCE_DIR}/cmake/pyxxConfig.cmake.in"
  "${PROJECT_BINARY_DIR}/pyxxConfig.cmake"
  INSTALL_DESTINATION "${PYXX_INSTALL_CMAKEDIR}")
write_basic_package_version_file(
  "${PROJECT_BINARY_DIR}/pyxxConfigVersion.cmake"
  VERSION "${PROJECT_VERSION}"
  COMPATIBILITY SameMinorVersion)
install(FILES "${PROJECT_BINARY_DIR}/pyxxConfig.cmake" "${PROJECT_BINARY_DIR}/pyxxConfigVersion.cmake"
        DESTINATION "${PYXX_INSTALL_CMAKEDIR}")

# `cpack -G TGZ` in the build tree packs the same layout into one archive.
set(CPACK_PACKAGE_NAME pyxx)
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Annotated Python (Cython pure mode, Numba) to C++17 CPython extensions")
set(CPACK_GENERATOR TGZ)
set(CPACK_SOURCE_GENERATOR TGZ)
set(CPACK_SOURCE_IGNORE_FILES "/\\\\.git/" "/build[^/]*/" "/node_modules/" "__pycache__")
include(CPack)
