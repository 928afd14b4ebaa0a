# pyxx_add_module and pyxx_install_module, included by pyxxConfig.cmake
# (docs/building.md, "CMake"). On par with pybind11_add_module:
#
#   pyxx_add_module(<target> <source.py|.pyx> [MODULE_NAME <pkg.mod>] [OUTPUT_NAME <name>]
#                   [LIMITED_API <3.X>] [INCLUDE_DIRS <dir>...] [DEPENDS <pyxx target>...])
#   pyxx_add_module(<target> SOURCE <source>)            # the older spelling
#   pyxx_install_module(<target>... [DESTINATION <dir>])
#
# The module is built for the Python that find_package(Python ...) or
# find_package(Python3 ...) found (Python::Module / Python3::Module), with its
# extension suffix, hidden visibility, -O2 when no build type is set, and
# pyxx's own flags. Two different interpreters (Python and Python3) are refused.
# LIMITED_API 3.X builds an abi3 module (NAME.abi3.so) that CPython 3.X and
# every later version imports (pyxx --limited-api).

# Where every module's C++ and declarations file go: DIR/pkg/mod.cpp, so that
# `from cython.cimports.pkg.mod import f` finds DIR/pkg/mod.pyxd.
set(PYXX_GENERATED_DIR "${CMAKE_BINARY_DIR}/pyxx_generated" CACHE INTERNAL "")

# Which FindPython flavour to use: Python when the project found it, else Python3.
function(_pyxx_python_flavour out)
  if(TARGET Python::Module AND TARGET Python3::Module)
    get_filename_component(_a "${Python_EXECUTABLE}" REALPATH)
    get_filename_component(_b "${Python3_EXECUTABLE}" REALPATH)
    if(NOT _a STREQUAL _b OR NOT Python_VERSION VERSION_EQUAL Python3_VERSION)
      message(FATAL_ERROR
        "pyxx_add_module: two different Pythons were found: Python (${Python_EXECUTABLE}, ${Python_VERSION}) "
        "and Python3 (${Python3_EXECUTABLE}, ${Python3_VERSION}); a module is built for one. "
        "Set Python_EXECUTABLE and Python3_EXECUTABLE to the same interpreter, or find only one.")
    endif()
  endif()
  if(TARGET Python::Module)
    set(${out} Python PARENT_SCOPE)
  elseif(TARGET Python3::Module)
    set(${out} Python3 PARENT_SCOPE)
  else()
    message(FATAL_ERROR "pyxx_add_module: no Python found: call find_package(Python COMPONENTS Interpreter "
                        "Development.Module) (or Python3) first")
  endif()
endfunction()

function(pyxx_add_module target)
  if(ARGV1 STREQUAL "SOURCE")
    cmake_parse_arguments(PARSE_ARGV 1 ARG "" "SOURCE;MODULE_NAME;OUTPUT_NAME;LIMITED_API" "INCLUDE_DIRS;DEPENDS")
  else()
    set(ARG_SOURCE "${ARGV1}")
    cmake_parse_arguments(PARSE_ARGV 2 ARG "" "MODULE_NAME;OUTPUT_NAME;LIMITED_API" "INCLUDE_DIRS;DEPENDS")
  endif()
  if(NOT ARG_SOURCE)
    message(FATAL_ERROR "pyxx_add_module(${target}): the source file (.py or .pyx) is required")
  endif()
  if(ARG_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "pyxx_add_module(${target}): unexpected arguments: ${ARG_UNPARSED_ARGUMENTS}")
  endif()
  if(NOT ARG_MODULE_NAME)
    set(ARG_MODULE_NAME "${target}")
  endif()
  if(NOT ARG_MODULE_NAME MATCHES "^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*$")
    message(FATAL_ERROR "pyxx_add_module(${target}): MODULE_NAME `${ARG_MODULE_NAME}` is not a dotted Python name")
  endif()
  _pyxx_python_flavour(py)
  if(${py}_VERSION VERSION_LESS 3.9)
    message(FATAL_ERROR "pyxx_add_module(${target}): ${${py}_EXECUTABLE} is Python ${${py}_VERSION}; "
                        "pyxx builds for Python 3.9 or newer")
  endif()
  set(limited_option)
  if(DEFINED ARG_LIMITED_API)
    if(NOT ARG_LIMITED_API MATCHES "^3\\.[0-9]+$")
      message(FATAL_ERROR "pyxx_add_module(${target}): LIMITED_API `${ARG_LIMITED_API}` is not a Python version "
                          "such as 3.9")
    endif()
    # The headers must know that limited API: the Python must be at least as new.
    if(${py}_VERSION VERSION_LESS ARG_LIMITED_API)
      message(FATAL_ERROR "pyxx_add_module(${target}): LIMITED_API ${ARG_LIMITED_API} needs the headers of "
                          "Python ${ARG_LIMITED_API} or newer; ${${py}_EXECUTABLE} is Python ${${py}_VERSION}")
    endif()
    set(limited_option --limited-api "${ARG_LIMITED_API}")
  endif()
  # pkg.sub.mod -> pkg/sub/mod
  string(REPLACE "." "/" relative "${ARG_MODULE_NAME}")
  string(REGEX REPLACE "^.*\\." "" stem "${ARG_MODULE_NAME}")
  get_filename_component(source "${ARG_SOURCE}" ABSOLUTE BASE_DIR "${CMAKE_CURRENT_SOURCE_DIR}")
  set(generated "${PYXX_GENERATED_DIR}/${relative}.cpp")
  get_filename_component(generated_dir "${generated}" DIRECTORY)
  set(includes -I "${PYXX_GENERATED_DIR}")
  foreach(dir IN LISTS ARG_INCLUDE_DIRS)
    get_filename_component(dir "${dir}" ABSOLUTE BASE_DIR "${CMAKE_CURRENT_SOURCE_DIR}")
    list(APPEND includes -I "${dir}")
  endforeach()
  # The modules it cimports are translated first (their .pyxd); after the
  # first build the depfile names the .pyxd files it read.
  set(cimported)
  foreach(other IN LISTS ARG_DEPENDS)
    get_target_property(other_cpp ${other} PYXX_GENERATED_CPP)
    if(NOT other_cpp)
      message(FATAL_ERROR "pyxx_add_module(${target}): DEPENDS ${other} is not a pyxx_add_module target")
    endif()
    list(APPEND cimported "${other_cpp}")
  endforeach()
  # Paths in the module relative to the project (reproducible builds), for
  # sources inside it.
  set(root_option)
  string(FIND "${source}" "${PROJECT_SOURCE_DIR}/" at)
  if(at EQUAL 0)
    set(root_option --source-root "${PROJECT_SOURCE_DIR}")
  endif()
  add_custom_command(
    OUTPUT "${generated}"
    COMMAND "${CMAKE_COMMAND}" -E make_directory "${generated_dir}"
    COMMAND pyxx::pyxx translate "${source}" -o "${generated}" --module-name "${ARG_MODULE_NAME}"
            --depfile "${generated}.d" ${includes} ${root_option} ${limited_option}
    DEPENDS "${source}" pyxx::pyxx ${cimported}
    DEPFILE "${generated}.d"
    COMMENT "pyxx: translating ${ARG_SOURCE} (${ARG_MODULE_NAME})"
    VERBATIM)
  # An abi3 module is named NAME.abi3.so (importlib's stable-ABI suffix), the
  # others get the interpreter's own suffix.
  set(soabi WITH_SOABI)
  if(limited_option)
    set(soabi)
  endif()
  if(py STREQUAL "Python")
    Python_add_library(${target} MODULE ${soabi} "${generated}")
  else()
    Python3_add_library(${target} MODULE ${soabi} "${generated}")
  endif()
  if(limited_option)
    set_target_properties(${target} PROPERTIES SUFFIX ".abi3${CMAKE_SHARED_MODULE_SUFFIX}")
  endif()
  target_link_libraries(${target} PRIVATE pyxx::runtime)
  target_compile_features(${target} PRIVATE cxx_std_17)
  set(output_name "${stem}")
  if(ARG_OUTPUT_NAME)
    set(output_name "${ARG_OUTPUT_NAME}")
  endif()
  set_target_properties(${target} PROPERTIES
    OUTPUT_NAME "${output_name}"
    CXX_VISIBILITY_PRESET hidden
    VISIBILITY_INLINES_HIDDEN ON
    PYXX_GENERATED_CPP "${generated}"
    PYXX_MODULE_NAME "${ARG_MODULE_NAME}")
  if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
    # As `pyxx build`: results stay Python's (no fused multiply-add).
    target_compile_options(${target} PRIVATE -ffp-contract=off)
    # No build type chosen: optimise anyway, as pybind11 does (a debug build is asked for).
    get_property(multi_config GLOBAL PROPERTY GENERATOR_IS_MULTI_CONFIG)
    if(NOT multi_config AND NOT CMAKE_BUILD_TYPE)
      target_compile_options(${target} PRIVATE -O2)
    endif()
  endif()
endfunction()

define_property(TARGET PROPERTY PYXX_GENERATED_CPP BRIEF_DOCS "pyxx: the module's generated C++"
                FULL_DOCS "Set by pyxx_add_module.")
define_property(TARGET PROPERTY PYXX_MODULE_NAME BRIEF_DOCS "pyxx: the module's dotted name"
                FULL_DOCS "Set by pyxx_add_module.")

# Installs modules where Python imports them from DESTINATION (default: the
# prefix itself, as scikit-build-core and wheels want): pkg.sub.mod goes to
# DESTINATION/pkg/sub/.
function(pyxx_install_module)
  cmake_parse_arguments(PARSE_ARGV 0 ARG "" "DESTINATION" "")
  if(NOT ARG_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "pyxx_install_module: name the pyxx_add_module targets to install")
  endif()
  if(NOT DEFINED ARG_DESTINATION)
    set(ARG_DESTINATION ".")
  endif()
  foreach(target IN LISTS ARG_UNPARSED_ARGUMENTS)
    get_target_property(name ${target} PYXX_MODULE_NAME)
    if(NOT name)
      message(FATAL_ERROR "pyxx_install_module: ${target} is not a pyxx_add_module target")
    endif()
    string(REPLACE "." "/" relative "${name}")
    get_filename_component(package_dir "${relative}" DIRECTORY)
    install(TARGETS ${target} LIBRARY DESTINATION "${ARG_DESTINATION}/${package_dir}")
  endforeach()
endfunction()
