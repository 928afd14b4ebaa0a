# pyxx_embed_files(OUTPUT <cpp> NAMESPACE <ns> FUNCTION <fn> FILES <f>...)
# Generates a C++ file defining `std::string_view ns::fn(std::string_view name)`
# that returns the contents of the named file (its file name, without folder),
# or an empty view. Used for templates/ and the diagnostic explanations, so the
# pyxx binary needs no data files at run time.
function(pyxx_embed_files)
  cmake_parse_arguments(ARG "" "OUTPUT;NAMESPACE;FUNCTION" "FILES" ${ARGN})
  add_custom_command(
    OUTPUT "${ARG_OUTPUT}"
    COMMAND "${CMAKE_COMMAND}" -DOUTPUT=${ARG_OUTPUT} -DNAMESPACE=${ARG_NAMESPACE}
            -DFUNCTION=${ARG_FUNCTION} "-DFILES=${ARG_FILES}"
            -P "${PROJECT_SOURCE_DIR}/cmake/EmbedFilesScript.cmake"
    DEPENDS ${ARG_FILES} "${PROJECT_SOURCE_DIR}/cmake/EmbedFilesScript.cmake"
    COMMENT "Embedding ${ARG_FUNCTION} data"
    VERBATIM)
endfunction()
