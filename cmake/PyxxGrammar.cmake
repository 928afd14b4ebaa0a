# Provides the sources of the pinned tree-sitter core and tree-sitter-python.
#
# The versions are pinned by grammar/package.json and grammar/package-lock.json
# (with integrity hashes). When PYXX_GRAMMAR_DIR does not already hold them, the
# configure step runs `npm ci --ignore-scripts` on a copy of the lockfile inside
# the build tree: only the npm registry is contacted, and the packages' install
# scripts (which try to build Node bindings) never run.

set(PYXX_GRAMMAR_DIR "${CMAKE_BINARY_DIR}/_deps/grammar" CACHE PATH
    "Directory holding node_modules/tree-sitter and node_modules/tree-sitter-python")

set(_pyxx_lock "${CMAKE_SOURCE_DIR}/grammar/package-lock.json")
set(_pyxx_stamp "${PYXX_GRAMMAR_DIR}/.pyxx-lock-sha256")
file(SHA256 "${_pyxx_lock}" _pyxx_lock_hash)
set(_pyxx_have_stamp "")
if(EXISTS "${_pyxx_stamp}")
  file(READ "${_pyxx_stamp}" _pyxx_have_stamp)
endif()

set(PYXX_TS_CORE_DIR "${PYXX_GRAMMAR_DIR}/node_modules/tree-sitter/vendor/tree-sitter/lib")
set(PYXX_TS_PYTHON_DIR "${PYXX_GRAMMAR_DIR}/node_modules/tree-sitter-python")

if(NOT _pyxx_have_stamp STREQUAL _pyxx_lock_hash
   OR NOT EXISTS "${PYXX_TS_CORE_DIR}/src/lib.c"
   OR NOT EXISTS "${PYXX_TS_PYTHON_DIR}/src/parser.c")
  find_program(PYXX_NPM npm)
  if(NOT PYXX_NPM)
    message(FATAL_ERROR "npm is needed once to fetch the pinned tree-sitter sources "
                        "(apt-get install npm), or set PYXX_GRAMMAR_DIR to a directory that has them")
  endif()
  message(STATUS "Fetching tree-sitter sources pinned by grammar/package-lock.json")
  file(MAKE_DIRECTORY "${PYXX_GRAMMAR_DIR}")
  file(COPY "${CMAKE_SOURCE_DIR}/grammar/package.json" "${_pyxx_lock}"
       DESTINATION "${PYXX_GRAMMAR_DIR}")
  execute_process(
    COMMAND "${PYXX_NPM}" ci --ignore-scripts --no-audit --no-fund --loglevel=error
    WORKING_DIRECTORY "${PYXX_GRAMMAR_DIR}"
    RESULT_VARIABLE _pyxx_npm_rc)
  if(NOT _pyxx_npm_rc EQUAL 0 OR NOT EXISTS "${PYXX_TS_PYTHON_DIR}/src/parser.c")
    message(FATAL_ERROR "npm ci failed in ${PYXX_GRAMMAR_DIR}")
  endif()
  file(WRITE "${_pyxx_stamp}" "${_pyxx_lock_hash}")
endif()
