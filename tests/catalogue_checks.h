// What both message catalogues must hold (the program's, generator/diag/messages.catalogue,
// and the site's, generator/text/site.catalogue): each message's texts use exactly its
// arguments, a count has a text for one and for other, and the program calls every message.
#pragma once

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "diag/text.h"

namespace duiding::test {

// Every source file of the program, read whole.
inline std::string all_sources() {
  std::string all;
  for (const auto& e : std::filesystem::recursive_directory_iterator(std::filesystem::path(DUIDING_TEST_DATA) /
                                                                     ".." / "generator")) {
    auto ext = e.path().extension();
    if (ext != ".cc" && ext != ".h") continue;
    std::ifstream in(e.path());
    std::ostringstream s;
    s << in.rdbuf();
    all += s.str();
  }
  return all;
}

// Message `e` in `lang`: a single text, or a text for one and for other when it counts;
// every placeholder is an argument, and every argument is shown, except that a count may
// only pick the form ("regels").
inline void check_forms(const msg::Entry& e, const std::string& lang) {
  INFO("message " << e.id << ", language " << lang);
  std::set<std::string> used, plurals;
  for (const msg::Form& f : e.forms) {
    if (f.lang != lang) continue;
    plurals.insert(f.plural);
    for (const std::string& name : msg::placeholders(f.text)) {
      INFO("placeholder {" << name << "}");
      CHECK(std::find(e.args.begin(), e.args.end(), name) != e.args.end());
      used.insert(name);
    }
  }
  if (e.count_arg >= 0) CHECK(plurals == std::set<std::string>{"one", "other"});
  else CHECK(plurals == std::set<std::string>{""});
  std::set<std::string> shown(e.args.begin(), e.args.end());
  if (e.count_arg >= 0 && used.count(e.args[e.count_arg]) == 0) shown.erase(e.args[e.count_arg]);
  CHECK(used == shown);
}

// Every message of `catalogue` is called somewhere in the program as `ns::id(`, its id's
// '-' written '_'; and no id occurs twice.
inline void check_all_used(const std::vector<msg::Entry>& catalogue, const std::string& ns) {
  const std::string sources = all_sources();
  std::set<std::string> ids;
  for (const msg::Entry& e : catalogue) {
    INFO("message " << e.id);
    CHECK(ids.insert(e.id).second);
    std::string fn = e.id;
    std::replace(fn.begin(), fn.end(), '-', '_');
    CHECK(sources.find(ns + "::" + fn + "(") != std::string::npos);
  }
}

}  // namespace duiding::test
