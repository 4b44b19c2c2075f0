# Turns a message catalogue into C++: a header with one function per message, whose
# parameters are the message's arguments, and a table of the texts per language and plural
# form. Run as
#   cmake -DCATALOGUE=in -DHEADER=out.h -DTABLE=out.cc -P message_catalogue.cmake
# for the program's messages (generator/diag/messages.catalogue, namespace msg, functions
# returning msg::Text), and with
#   -DNAMESPACE=txt -DINCLUDE=text/site_text.h -DSUPPORT=text/site_words.h -DMAKE=say
# for the site's prose (generator/text/site.catalogue, functions returning the words as a
# std::string). The namespace named must declare Text (what a function returns), Arg (one
# argument), Entry and catalogue() (see diag/text.h); each function returns
# MAKE(index, {Arg(argument)...}, count).
# A message that is not in the catalogue is then a compile error at its call site, and a
# call that leaves out an argument is one too.
#
# The catalogue is read line by line. CMake lists split on ';' and treat '[' ']' and '\'
# specially, so those characters are swapped for markers first and swapped back on output.
cmake_policy(SET CMP0057 NEW)  # if(... IN_LIST ...)
foreach(pair "NAMESPACE;msg" "INCLUDE;diag/messages.h" "SUPPORT;diag/text.h" "MAKE;Text")
  list(GET pair 0 var)
  if(NOT DEFINED ${var})
    list(GET pair 1 ${var})
  endif()
endforeach()
# The catalogue's path as the generated files name it: from generator/ on.
string(REGEX REPLACE "^.*/(generator/)" "\\1" CATALOGUE_NAME "${CATALOGUE}")

file(READ "${CATALOGUE}" content)
string(REPLACE "\\" "@BSL@" content "${content}")
string(REPLACE ";" "@SEMI@" content "${content}")
string(REPLACE "[" "@LSQ@" content "${content}")
string(REPLACE "]" "@RSQ@" content "${content}")
string(REPLACE "\n" ";" lines "${content}")

function(restore out text)
  string(REPLACE "@BSL@" "\\" text "${text}")
  string(REPLACE "@SEMI@" ";" text "${text}")
  string(REPLACE "@LSQ@" "[" text "${text}")
  string(REPLACE "@RSQ@" "]" text "${text}")
  set(${out} "${text}" PARENT_SCOPE)
endfunction()

set(decls "")
set(defs "")
set(table "")
set(form_table "")
set(form_count 0)
set(index 0)
set(id "")
set(line_no 0)
set(seen_ids "")

# Closes the message being read: its table row, declaration and definition.
macro(finish_message)
  if(NOT id STREQUAL "")
    if(forms STREQUAL "")
      message(FATAL_ERROR "${CATALOGUE}: message '${id}' has no text")
    endif()
    string(REPLACE "-" "_" fn "${id}")
    set(params "")
    set(values "")
    set(names "")
    set(arg_names "")
    set(count_arg -1)
    set(count_expr "0")
    set(k 0)
    foreach(a IN LISTS args)
      if(a MATCHES "^#(.+)$")
        set(a "${CMAKE_MATCH_1}")
        set(count_arg ${k})
        set(count_expr "${a}")
        list(APPEND params "long long ${a}")
      else()
        list(APPEND params "Arg ${a}")
      endif()
      list(APPEND values "Arg(${a})")
      list(APPEND names "${a}")
      math(EXPR k "${k} + 1")
    endforeach()
    list(JOIN params ", " params)
    list(JOIN values ", " values)
    list(JOIN names " " names)
    # The texts stay out of the header, so rewording a message recompiles only the table.
    string(APPEND decls "/// Message '${id}' of ${CATALOGUE_NAME}.\nText ${fn}(${params});\n")
    string(APPEND defs "Text ${fn}(${params}) { return ${MAKE}(${index}, {${values}}, ${count_expr}); }\n")
    string(APPEND table "    {\"${id}\", \"${names}\", ${count_arg}, ${first_form}, ${forms_in_message}},\n")
    string(APPEND form_table "${forms}")
    math(EXPR index "${index} + 1")
  endif()
endmacro()

foreach(line IN LISTS lines)
  math(EXPR line_no "${line_no} + 1")
  if(line MATCHES "^[ \t]*$" OR line MATCHES "^#")
    continue()
  endif()
  if(line MATCHES "^@([a-z0-9-]+)(.*)$")
    set(next_id "${CMAKE_MATCH_1}")
    string(STRIP "${CMAKE_MATCH_2}" rest)
    if("${next_id}" IN_LIST seen_ids)
      message(FATAL_ERROR "${CATALOGUE}:${line_no}: message '${next_id}' is in the catalogue twice")
    endif()
    list(APPEND seen_ids "${next_id}")
    finish_message()
    set(id "${next_id}")
    if(rest STREQUAL "")
      set(args "")
    else()
      string(REGEX REPLACE "[ \t]+" ";" args "${rest}")
    endif()
    set(forms "")
    set(first_form ${form_count})
    set(forms_in_message 0)
  elseif(line MATCHES "^([a-z][a-z])(\\.(one|other))?: ?(.*)$")
    if(id STREQUAL "")
      message(FATAL_ERROR "${CATALOGUE}:${line_no}: a text before the first '@id'")
    endif()
    set(lang "${CMAKE_MATCH_1}")
    set(plural "${CMAKE_MATCH_3}")
    restore(text "${CMAKE_MATCH_4}")
    string(APPEND forms "    {\"${lang}\", \"${plural}\", R\"dm(${text})dm\"},\n")
    math(EXPR form_count "${form_count} + 1")
    math(EXPR forms_in_message "${forms_in_message} + 1")
  else()
    restore(shown "${line}")
    message(FATAL_ERROR "${CATALOGUE}:${line_no}: expected '@id args', 'nl: text' or 'nl.one: text', found '${shown}'")
  endif()
endforeach()
finish_message()

set(header "// Generated from ${CATALOGUE_NAME} by cmake/message_catalogue.cmake; do not edit.
#pragma once

#include \"${SUPPORT}\"

namespace duiding::${NAMESPACE} {

${decls}
}  // namespace duiding::${NAMESPACE}
")
set(source "// Generated from ${CATALOGUE_NAME} by cmake/message_catalogue.cmake; do not edit.
#include \"${INCLUDE}\"

namespace duiding::${NAMESPACE} {
namespace {

// Plain arrays compile in a moment; the catalogue is built from them once, at first use.
struct RawForm {
  const char* lang;
  const char* plural;
  const char* text;
};
struct RawEntry {
  const char* id;
  const char* args;  // separated by spaces
  int count_arg;
  int first_form;
  int forms;
};

const RawForm kForms[] = {
${form_table}};

const RawEntry kEntries[] = {
${table}};

}  // namespace

const std::vector<Entry>& catalogue() {
  static const std::vector<Entry> entries = [] {
    std::vector<Entry> out;
    for (const RawEntry& r : kEntries) {
      Entry e{r.id, {}, r.count_arg, {}};
      std::string args = r.args;
      for (std::size_t start = 0; start < args.size();) {
        std::size_t end = args.find(' ', start);
        if (end == std::string::npos) end = args.size();
        e.args.push_back(args.substr(start, end - start));
        start = end + 1;
      }
      for (int i = r.first_form; i < r.first_form + r.forms; ++i)
        e.forms.push_back({kForms[i].lang, kForms[i].plural, kForms[i].text});
      out.push_back(std::move(e));
    }
    return out;
  }();
  return entries;
}

${defs}
}  // namespace duiding::${NAMESPACE}
")
# Written only when changed, so a rebuild does not recompile every file that includes it.
foreach(pair "HEADER;header" "TABLE;source")
  list(GET pair 0 var)
  list(GET pair 1 body)
  set(path "${${var}}")
  set(old "")
  if(EXISTS "${path}")
    file(READ "${path}" old)
  endif()
  if(NOT old STREQUAL "${${body}}")
    file(WRITE "${path}" "${${body}}")
  endif()
endforeach()
