# thmcheck_add_checker: a researcher's own checker program.
#
#   thmcheck_add_checker(my_checker
#     SOURCES my_claims.cpp ...        # claim files (THMCHECK_REGISTER)
#     [EXPECTATIONS expectations.json] # expected verdict of every claim
#     [WITH_CATALOG]                   # also link the built-in os19/cmr22/mf22 claims
#     [SEED 1])                        # seed of the ctest runs (default 1)
#
# builds the executable my_checker with the whole command line (list, run,
# figures, report, check, reproduce) over the claims of SOURCES, and, when
# EXPECTATIONS is given, registers one ctest per claim after each build:
#   my_checker:<claim id>  runs `my_checker run <id> --seed SEED --expectations FILE`
# which fails when the verdict differs from the expected one (or the file has
# none for the claim). Claims with `slow = true` carry the ctest label `slow`
# besides `thmcheck`, so `ctest -LE slow` leaves them out.
set(_THMCHECK_DISCOVER_SCRIPT "${CMAKE_CURRENT_LIST_DIR}/thmcheckDiscoverClaims.cmake")

function(thmcheck_add_checker name)
  cmake_parse_arguments(PARSE_ARGV 1 ARG "WITH_CATALOG" "EXPECTATIONS;SEED" "SOURCES")
  if(NOT ARG_SOURCES)
    message(FATAL_ERROR "thmcheck_add_checker(${name}): no SOURCES")
  endif()
  if(NOT ARG_SEED)
    set(ARG_SEED 1)
  endif()
  add_executable(${name} ${ARG_SOURCES})
  target_link_libraries(${name} PRIVATE thmcheck::main thmcheck::thmcheck)
  if(ARG_WITH_CATALOG)
    target_link_libraries(${name} PRIVATE "$<LINK_LIBRARY:WHOLE_ARCHIVE,thmcheck::catalog>")
  endif()
  if(ARG_EXPECTATIONS)
    get_filename_component(expectations "${ARG_EXPECTATIONS}" ABSOLUTE BASE_DIR "${CMAKE_CURRENT_SOURCE_DIR}")
    set(tests_file "${CMAKE_CURRENT_BINARY_DIR}/${name}_claim_tests.cmake")
    add_custom_command(TARGET ${name} POST_BUILD
      COMMAND "${CMAKE_COMMAND}" -D "CHECKER=$<TARGET_FILE:${name}>" -D "NAME=${name}"
              -D "EXPECTATIONS=${expectations}" -D "SEED=${ARG_SEED}"
              -D "RESULTS=${CMAKE_CURRENT_BINARY_DIR}/${name}-results" -D "OUT=${tests_file}"
              -P "${_THMCHECK_DISCOVER_SCRIPT}"
      BYPRODUCTS "${tests_file}"
      VERBATIM)
    # The claims are known only once the checker is built: ctest includes the
    # generated file if it exists, and otherwise runs one test that says so.
    set(include_file "${CMAKE_CURRENT_BINARY_DIR}/${name}_include.cmake")
    file(WRITE "${include_file}"
      "if(EXISTS \"${tests_file}\")\n  include(\"${tests_file}\")\nelse()\n"
      "  add_test(${name}_NOT_BUILT \"${CMAKE_COMMAND}\" -E echo \"${name} is not built: build it first\")\n"
      "  set_tests_properties(${name}_NOT_BUILT PROPERTIES WILL_FAIL TRUE)\nendif()\n")
    set_property(DIRECTORY APPEND PROPERTY TEST_INCLUDE_FILES "${include_file}")
  endif()
endfunction()
