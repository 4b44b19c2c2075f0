#include "validate/privacy_rules.h"

#include <algorithm>
#include <array>

namespace duiding::validate::privacy::rules {
namespace {

template <std::size_t N>
bool in(const std::array<std::string_view, N>& list, std::string_view w) {
  return std::find(list.begin(), list.end(), w) != list.end();
}

bool ends_with(std::string_view w, std::string_view s) {
  return w.size() >= s.size() && w.substr(w.size() - s.size()) == s;
}

constexpr std::array<std::string_view, 20> kNumerals = {
    "nul",      "een",       "twee",      "drie",       "vier",        "vijf",     "zes",
    "zeven",    "acht",      "negen",     "tien",       "elf",         "twaalf",   "dertien",
    "veertien", "vijftien",  "zestien",   "zeventien",  "achttien",    "negentien"};

}  // namespace

bool is_role_word(std::string_view w) {
  static constexpr std::array<std::string_view, 52> kRoles = {
      "mevrouw", "meneer", "mevr", "mw", "dhr", "heer", "juf", "juffrouw", "meester", "dokter",
      "zuster", "broeder", "pastoor", "dominee", "imam", "tante", "oom", "opa", "oma", "zoon",
      "dochter", "zoontje", "dochtertje", "broer", "broertje", "zus", "zusje", "zuster", "man",
      "vrouw", "ex", "vriend", "vriendin", "vriendje", "vriendinnetje", "neef", "nicht",
      "buurman", "buurvrouw", "familie", "coach", "mentor", "stiefvader", "stiefmoeder",
      "schoonmoeder", "schoonvader", "kleinzoon", "kleindochter", "baby", "pleegzoon",
      "pleegdochter", "mr"};
  return in(kRoles, w);
}

bool is_abbreviated_honorific(std::string_view w) {
  static constexpr std::array<std::string_view, 8> kAbbr = {"mw", "mevr", "dhr", "mr", "dr", "mnr", "hr", "drs"};
  return in(kAbbr, w);
}

bool is_particle(std::string_view w) {
  static constexpr std::array<std::string_view, 11> kParticles = {
      "de", "van", "der", "den", "ten", "ter", "te", "'t", "el", "al", "bin"};
  return in(kParticles, w);
}

bool is_institution_word(std::string_view w) {
  static constexpr std::array<std::string_view, 24> kSuffixes = {
      "school", "college", "lyceum", "gymnasium", "academie", "praktijk", "stichting",
      "opvang", "zorg", "centrum", "team", "club", "vereniging", "kliniek", "ziekenhuis",
      "instelling", "kindcentrum", "obs", "cbs", "ikc", "scouting", "bureau", "jeugdhulp", "ggz"};
  for (std::string_view s : kSuffixes)
    if (w == s || (ends_with(w, s) && s.size() >= 4)) return true;
  return false;
}

bool is_month(std::string_view w) {
  static constexpr std::array<std::string_view, 23> kMonths = {
      "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
      "oktober", "november", "december", "jan", "feb", "mrt", "apr", "jun", "jul", "aug",
      "sep", "sept", "okt", "nov"};
  return in(kMonths, w) || w == "dec";
}

bool is_weekday(std::string_view w) {
  static constexpr std::array<std::string_view, 7> kDays = {
      "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"};
  return in(kDays, w);
}

bool is_holiday(std::string_view w) {
  static constexpr std::array<std::string_view, 34> kHolidays = {
      "kerst", "kerstmis", "kerstavond", "kerstdag", "kerstfeest", "oudjaar", "oudejaar",
      "oudjaarsavond", "oudejaarsavond", "nieuwjaar", "nieuwjaarsdag", "pasen", "paasdag",
      "pinksteren", "pinksterdag", "hemelvaart", "hemelvaartsdag", "koningsdag",
      "bevrijdingsdag", "sinterklaas", "sinterklaasavond", "pakjesavond", "moederdag",
      "vaderdag", "valentijnsdag", "carnaval", "halloween", "ramadan", "suikerfeest",
      "offerfeest", "keti", "chanoeka", "divali", "holi"};
  return in(kHolidays, w);
}

// Full month names only: "Jan" and "Mei" as names stay names.
bool is_calendar_word(std::string_view w) {
  return (is_month(w) && w.size() > 3 && w != "sept") || is_weekday(w) || is_holiday(w);
}

int numeral_value(std::string_view w) {
  if (w == "twintig") return 20;
  for (std::size_t i = 0; i < kNumerals.size(); ++i)
    if (kNumerals[i] == w) return static_cast<int>(i);
  return 0;
}

bool is_years_old_word(std::string_view w) {
  for (std::string_view end : {"jarige", "jarig"}) {
    if (!ends_with(w, end)) continue;
    std::string_view n = w.substr(0, w.size() - end.size());
    if (!n.empty() && n.back() == '-') n.remove_suffix(1);
    return numeral_value(n) > 0 || n == "twintig" || n == "eenentwintig";
  }
  return false;
}

bool is_unit_word(std::string_view w) {
  static constexpr std::array<std::string_view, 38> kUnits = {
      "keer", "maal", "week", "weken", "weekjes", "maand", "maanden", "dag", "dagen", "dagdelen",
      "uur", "uren", "minuten", "seconden", "jaren", "kinderen", "kind", "mensen", "gezinnen",
      "procent", "euro", "kilo", "km", "kilometer", "meter", "cm", "punten", "sessies",
      "gesprekken", "afspraken", "broers", "zussen", "stuks", "nachten", "van", "tot", "op", "uit"};
  return in(kUnits, w);
}

bool is_person_pronoun(std::string_view w) {
  static constexpr std::array<std::string_view, 9> kPronouns = {"hij", "zij", "ze", "ik", "die", "jij", "je", "u", "wij"};
  return in(kPronouns, w);
}

bool is_person_noun(std::string_view w) {
  static constexpr std::array<std::string_view, 34> kPersons = {
      "zoon", "dochter", "kind", "kindje", "jongen", "jongetje", "meisje", "meid", "baby",
      "broer", "broertje", "zus", "zusje", "zoontje", "dochtertje", "jongere", "puber",
      "tiener", "peuter", "kleuter", "vriend", "vriendje", "vriendin", "vriendinnetje", "neef",
      "nicht", "tweeling", "oudste", "jongste", "middelste", "moeder", "vader", "man", "vrouw"};
  return in(kPersons, w);
}

bool is_possessive(std::string_view w) {
  return w == "haar" || w == "zijn" || w == "mijn" || w == "z'n" || w == "hun" || w == "m'n";
}

bool is_copula(std::string_view w) {
  return w == "is" || w == "was" || w == "werd" || w == "wordt" || w == "ben" || w == "bent" || w == "word";
}

bool is_age_adverb(std::string_view w) {
  return w == "nu" || w == "pas" || w == "al" || w == "bijna" || w == "net" || w == "inmiddels" ||
         w == "ongeveer" || w == "toen";
}

}  // namespace duiding::validate::privacy::rules
