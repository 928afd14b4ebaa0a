# Install layout (`cmake --install BUILD --prefix P`):
#   P/bin/pyxx                         the transpiler (finds P/include by itself)
#   P/include/pyxx/*.hpp               the runtime the generated code includes
#   P/lib/cmake/pyxx/pyxxConfig.cmake  find_package(pyxx): pyxx::pyxx, pyxx::runtime,
#                                      pyxx_add_module(NAME SOURCE file.pyx)
#   P/lib/pyxx/python/pyxx/            the Python helpers (pyxx.setuptools); put the
#                                      directory on PYTHONPATH, or install it into a
#                                      site-packages with -DPYXX_INSTALL_PYTHONDIR=...
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

# The Python package, and where it finds bin/pyxx from its own location (so
# the prefix can move), unless PYXX_INSTALL_PYTHONDIR is absolute.
set(PYXX_INSTALL_PYTHONDIR "${CMAKE_INSTALL_LIBDIR}/pyxx/python" CACHE STRING
    "Where the pyxx Python package (pyxx.setuptools) is installed, relative to the prefix or absolute")
install(DIRECTORY "${PROJECT_SOURCE_DIR}/python/pyxx" DESTINATION "${PYXX_INSTALL_PYTHONDIR}"
        FILES_MATCHING PATTERN "*.py" PATTERN "__pycache__" EXCLUDE)
if(IS_ABSOLUTE "${PYXX_INSTALL_PYTHONDIR}")
  file(RELATIVE_PATH _pyxx_bin_relative "${PYXX_INSTALL_PYTHONDIR}/pyxx"
       "${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_BINDIR}")
else()
  file(RELATIVE_PATH _pyxx_bin_relative "/prefix/${PYXX_INSTALL_PYTHONDIR}/pyxx" "/prefix/${CMAKE_INSTALL_BINDIR}")
endif()
file(WRITE "${PROJECT_BINARY_DIR}/python-install/_location.py"
     "# Written by the pyxx install: bin/ relative to this package.\nBIN_RELATIVE = \"${_pyxx_bin_relative}\"\n")
install(FILES "${PROJECT_BINARY_DIR}/python-install/_location.py" DESTINATION "${PYXX_INSTALL_PYTHONDIR}/pyxx")

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
              "${PROJECT_SOURCE_DIR}/cmake/PyxxAddModule.cmake"
        DESTINATION "${PYXX_INSTALL_CMAKEDIR}")

# `cpack -G TGZ` in the build tree packs the same layout into one archive.
set(CPACK_PACKAGE_NAME pyxx)
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Annotated Python (Cython pure mode, Numba) to C++17 CPython extensions")
set(CPACK_GENERATOR TGZ)
set(CPACK_SOURCE_GENERATOR TGZ)
set(CPACK_SOURCE_IGNORE_FILES "/\\\\.git/" "/build[^/]*/" "/node_modules/" "__pycache__")
include(CPack)
