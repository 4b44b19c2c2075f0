// The rules of the name scan that a word list cannot give: honorifics and role words,
// name particles, institution words, months, weekdays, holidays, numerals and the small
// words around an age. All take a word in lower case.
#pragma once

#include <string_view>

namespace duiding::validate::privacy::rules {

/// mevrouw, meneer, juf, meester, dokter, zoon, dochter, tante, ... : a name may follow.
bool is_role_word(std::string_view w);
/// mw, mevr, dhr, mr, dr, mnr: followed by a full stop.
bool is_abbreviated_honorific(std::string_view w);
/// de, van, der, den, ten, ter, te, 't, el, al, bin: inside Dutch names.
bool is_particle(std::string_view w);
/// school, college, praktijk, stichting, ... or a word ending in one: names an institution.
bool is_institution_word(std::string_view w);
/// Months (written in full), weekdays and holidays: capitalised, but no one's name.
bool is_calendar_word(std::string_view w);
bool is_month(std::string_view w);
bool is_weekday(std::string_view w);
bool is_holiday(std::string_view w);
/// twee = 2 ... twintig = 20; 0 for anything else.
int numeral_value(std::string_view w);
/// twaalfjarige, 8-jarig: an age in one word.
bool is_years_old_word(std::string_view w);
/// keer, weken, maanden, kinderen, euro, ...: the number before it is not an age.
bool is_unit_word(std::string_view w);
bool is_person_pronoun(std::string_view w);
/// zoon, dochter, kind, meisje, jongen, ...: "meisje van 13".
bool is_person_noun(std::string_view w);
bool is_possessive(std::string_view w);
bool is_copula(std::string_view w);
/// nu, pas, al, bijna, net: "ze is nu 14".
bool is_age_adverb(std::string_view w);

}  // namespace duiding::validate::privacy::rules
