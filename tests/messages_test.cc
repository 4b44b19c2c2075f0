// The message catalogue (generator/diag/messages.catalogue): every message speaks Dutch and
// English with the same arguments, plural forms follow the count, and diagnostics can only
// be made from catalogue messages.
#include "diag/messages.h"

#include <catch2/catch.hpp>

#include "catalogue_checks.h"

#include <string>
#include <type_traits>

#include "diag/diagnostics.h"

namespace msg = duiding::msg;
using duiding::msg::Lang;

// A diagnostic is made only from a catalogue message: no string converts to one, so a
// sentence built at a call site does not compile.
static_assert(!std::is_constructible_v<msg::Text, std::string>);
static_assert(!std::is_convertible_v<const char*, msg::Text>);
static_assert(!std::is_invocable_v<decltype(&duiding::diag::Diagnostics::error), duiding::diag::Diagnostics&,
                                   duiding::SourcePos, std::string>);
static_assert(!std::is_invocable_v<decltype(&duiding::diag::Diagnostics::warning), duiding::diag::Diagnostics&,
                                   duiding::SourcePos, const char*>);

TEST_CASE("every message has a Dutch and an English text with the same arguments", "[messages]") {
  REQUIRE(msg::catalogue().size() > 150);
  for (const msg::Entry& e : msg::catalogue())
    for (const char* lang : {"nl", "en"}) duiding::test::check_forms(e, lang);
}

TEST_CASE("every message of the catalogue is used by the program, and no id occurs twice", "[messages]") {
  duiding::test::check_all_used(msg::catalogue(), "msg");
}

TEST_CASE("counts pick the singular for 1 and the plural otherwise", "[messages][plural]") {
  CHECK(msg::fouten(1).render(Lang::kNl) == "1 fout");
  CHECK(msg::fouten(2).render(Lang::kNl) == "2 fouten");
  CHECK(msg::fouten(0).render(Lang::kNl) == "0 fouten");
  CHECK(msg::regels_in("a.csv", 1, "3").render(Lang::kNl) == "a.csv regel 3");
  CHECK(msg::regels_in("a.csv", 3, "3-5").render(Lang::kNl) == "a.csv regels 3-5");
  CHECK(msg::ook_op(1, "a.csv regel 3").render(Lang::kNl) == "[ook op nog 1 regel: a.csv regel 3; los dit eerst op]");
  CHECK(msg::ook_op(3, "a.csv regels 3-5").render(Lang::kNl) ==
        "[ook op nog 3 regels: a.csv regels 3-5; los dit eerst op]");
  CHECK(msg::paginas(1).render(Lang::kNl) == "1 pagina");
  CHECK(msg::paginas(116).render(Lang::kNl) == "116 pagina's");
  CHECK(msg::fouten(1).render(Lang::kEn) == "1 error");
  CHECK(msg::fouten(21).render(Lang::kEn) == "21 errors");
  CHECK(msg::rijen_zonder_waarde(1).render(Lang::kEn).rfind("1 row has no value", 0) == 0);
  CHECK(msg::rijen_zonder_waarde(2).render(Lang::kNl).rfind("2 rijen hebben geen waarde", 0) == 0);
}

TEST_CASE("a message inside a message speaks the same language", "[messages]") {
  auto m = msg::groep_onbekend("gezin", msg::bedoelt_u("gezinnen"), "gezinnen, medewerkers");
  CHECK(m.render(Lang::kNl) ==
        "onbekende groep 'gezin' (bedoelt u 'gezinnen'?); data/site.json heeft gezinnen, medewerkers");
  CHECK(m.render(Lang::kEn) ==
        "unknown group 'gezin' (did you mean 'gezinnen'?); data/site.json has gezinnen, medewerkers");
  CHECK(m.id() == "groep-onbekend");
}

TEST_CASE("braces that are not a placeholder are shown as they are", "[messages]") {
  CHECK(msg::placeholders("'{{' wordt niet gesloten; schrijf {{ronde}}") == std::vector<std::string>{});
  CHECK(msg::placeholders("a {x} and {y_2} but not {Z} or { x }") == std::vector<std::string>{"x", "y_2"});
  CHECK(msg::variabele_niet_gesloten().render(Lang::kNl) ==
        "'{{' wordt niet gesloten; een variabele schrijf je als {{ronde}}, met '}}' aan het eind");
}

TEST_CASE("a language is named nl or en, in any case", "[messages]") {
  CHECK(msg::parse_lang("nl") == Lang::kNl);
  CHECK(msg::parse_lang("EN") == Lang::kEn);
  CHECK_FALSE(msg::parse_lang("de").has_value());
  CHECK(msg::Text().render(Lang::kNl).empty());
}
