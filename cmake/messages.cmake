# Adds the build steps that turn the two message catalogues into C++ (see
# message_catalogue.cmake): the program's messages (generator/diag/messages.catalogue ->
# diag/messages.h and diag/messages.cc under ${MESSAGES_DIR}) and the site's prose
# (generator/text/site.catalogue -> text/site_text.h and text/site_text.cc). They are
# separate headers, so rewording a sentence of the site recompiles only the files that
# include text/site_text.h. Included by the main project and by the fuzz project
# (tests/fuzz), so both compile the same messages.
#   set(MESSAGES_DIR ...) ; include(messages)  -> "${MESSAGES_DIR}/diag/messages.cc" and
#                                                 "${MESSAGES_DIR}/text/site_text.cc" to compile
get_filename_component(DUIDING_ROOT "${CMAKE_CURRENT_LIST_DIR}/.." ABSOLUTE)
add_custom_command(
  OUTPUT "${MESSAGES_DIR}/diag/messages.h" "${MESSAGES_DIR}/diag/messages.cc"
  COMMAND ${CMAKE_COMMAND} -DCATALOGUE=${DUIDING_ROOT}/generator/diag/messages.catalogue
          -DHEADER=${MESSAGES_DIR}/diag/messages.h -DTABLE=${MESSAGES_DIR}/diag/messages.cc
          -P ${DUIDING_ROOT}/cmake/message_catalogue.cmake
  DEPENDS ${DUIDING_ROOT}/generator/diag/messages.catalogue ${DUIDING_ROOT}/cmake/message_catalogue.cmake
  COMMENT "Turning the message catalogue into C++")
add_custom_command(
  OUTPUT "${MESSAGES_DIR}/text/site_text.h" "${MESSAGES_DIR}/text/site_text.cc"
  COMMAND ${CMAKE_COMMAND} -DCATALOGUE=${DUIDING_ROOT}/generator/text/site.catalogue
          -DHEADER=${MESSAGES_DIR}/text/site_text.h -DTABLE=${MESSAGES_DIR}/text/site_text.cc
          -DNAMESPACE=txt -DINCLUDE=text/site_text.h -DSUPPORT=text/site_words.h -DMAKE=say
          -P ${DUIDING_ROOT}/cmake/message_catalogue.cmake
  DEPENDS ${DUIDING_ROOT}/generator/text/site.catalogue ${DUIDING_ROOT}/cmake/message_catalogue.cmake
  COMMENT "Turning the site's catalogue into C++")
file(MAKE_DIRECTORY "${MESSAGES_DIR}/diag" "${MESSAGES_DIR}/text")
