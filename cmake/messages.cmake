# Adds the build step that turns the message catalogue into C++ (diag/messages.h and
# diag/messages.cc under ${MESSAGES_DIR}; see message_catalogue.cmake). Included by the
# main project and by the fuzz project (tests/fuzz), so both compile the same messages.
#   set(MESSAGES_DIR ...) ; include(messages)  -> "${MESSAGES_DIR}/diag/messages.cc" to compile
get_filename_component(DUIDING_ROOT "${CMAKE_CURRENT_LIST_DIR}/.." ABSOLUTE)
add_custom_command(
  OUTPUT "${MESSAGES_DIR}/diag/messages.h" "${MESSAGES_DIR}/diag/messages.cc"
  COMMAND ${CMAKE_COMMAND} -DCATALOGUE=${DUIDING_ROOT}/generator/diag/messages.catalogue
          -DHEADER=${MESSAGES_DIR}/diag/messages.h -DTABLE=${MESSAGES_DIR}/diag/messages.cc
          -P ${DUIDING_ROOT}/cmake/message_catalogue.cmake
  DEPENDS ${DUIDING_ROOT}/generator/diag/messages.catalogue ${DUIDING_ROOT}/cmake/message_catalogue.cmake
  COMMENT "Turning the message catalogue into C++")
file(MAKE_DIRECTORY "${MESSAGES_DIR}/diag")
