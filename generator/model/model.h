// The model: typed, validated, immutable values that every later stage reads. Nothing
// here knows about files, HTML or charts; validate/ builds it, stats/ and render/ read it.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "diag/diagnostics.h"

namespace duiding::model {

struct Group {
  std::string id;
  std::string label;
};

struct Section {
  std::string id;
  std::string title;
  std::string description;  ///< Markdown, may be empty
};

/// The look of the site: an NL Design System token package and the site's own overrides.
/// Every value has been checked (validate_site.cc) so it can be written into a CSS file.
struct Theme {
  std::string tokens = "utrecht";  ///< token package: "utrecht" or "voorbeeld" (see render/theme.h)
  std::string class_name;          ///< class on <html> that switches the tokens on; empty: the package's own
  /// CSS custom properties (`--name` -> value) written to assets/theme.css after the token
  /// package, so they win; a few of them also style the charts (docs/data-format.md).
  std::map<std::string, std::string> properties;
};

/// What the accessibility statement says about who to contact and when it was made.
struct Accessibility {
  std::string contact_email;  ///< empty: not given
  std::string contact_url;    ///< https:// or http:// address, empty: not given
  std::string date;           ///< ISO date of the statement; empty: the current round's end date
};

struct Site {
  std::string title;
  std::string organisation;
  std::string language = "nl";
  std::string base_url;
  int min_cell = 5;  ///< disclosure control: smallest count published on its own
  std::vector<Group> groups;
  std::vector<Section> sections;
  std::string description;  ///< Markdown for the home page
  std::string footer;       ///< one line of Markdown for every page
  bool fictional = false;   ///< marks every page "Fictieve gegevens"
  std::vector<std::string> public_names;  ///< names quotes may use: teams, programmes
  Theme theme;
  Accessibility accessibility;
};

struct Round {
  std::string id;
  std::string label;
  std::string start;  ///< ISO date or empty
  std::string end;    ///< ISO date or empty
  std::string description;
  std::string source;  ///< Markdown: the report this round's figures come from; may be empty
};

/// How a round's respondents were chosen (samples.csv `design`). Only a probability
/// sample or a census lets an interval use the finite-population correction; people who
/// were reached and willing are self-selected, the default when the column is empty.
enum class Design { kSelfSelected, kRandom, kCensus };

struct Sample {
  std::string round;
  std::string group;
  long n = 0;
  std::optional<long> population;
  Design design = Design::kSelfSelected;
};

/// "self-selected", "random", "census".
const char* design_id(Design d);

enum class IndicatorType { kLikert, kChoice, kScale, kAspects, kTriad, kSeries };

struct Category {
  std::string id;
  std::string label;
};

struct Indicator {
  std::string id;
  std::string title;
  std::string question;
  std::map<std::string, std::string> group_questions;
  std::string section;
  IndicatorType type = IndicatorType::kLikert;
  std::string unit;  ///< count, percent, or for series eur, fte, persons, ...
  std::vector<std::string> groups;
  std::vector<Category> categories;   ///< likert, choice, aspects
  std::vector<std::string> corners;   ///< triad: labels of corners a, b, c
  bool multiple = false;
  std::vector<std::string> positive;
  std::string headline;
  /// A group whose values are the population distribution (e.g. all clients of the
  /// service); the other groups' distributions are tested against it (goodness of fit).
  std::string reference_group;
  double order = 0;
  std::string description;  ///< Markdown
  std::string data_note;    ///< Markdown
  std::string source;
  /// Texts given per round (docs/data-format.md, "Round-aware text"): field name
  /// (`description`, `data_note`, `source`) -> round id -> text. A field named here has
  /// its plain member above empty; text::for_round() picks the round's entry.
  std::map<std::string, std::map<std::string, std::string>> per_round;
  /// Where each per-round entry is written, keyed `field/round`.
  std::map<std::string, SourcePos> per_round_pos;
  /// Set by text::fill_texts(): the plain texts as written, before their variables were
  /// filled in (field name -> text), for the rapportage of another round.
  std::map<std::string, std::string> templates;
  SourcePos pos;

  /// Label of category `id`, or `id` itself when there is none.
  const std::string& category_label(const std::string& id) const;
  /// Index of category `id` in `categories`, or -1.
  int category_index(const std::string& id) const;
  /// The question as asked to `group` (its own wording or the common one).
  const std::string& question_for(const std::string& group) const;
};

/// One number of the long-format values table.
struct Value {
  std::string round;
  std::string indicator;
  std::string group;      ///< empty: all respondents
  std::string breakdown;  ///< `dimension=value` or empty
  std::string category;   ///< empty where the type needs none
  std::string measure;    ///< value, count, importance, experience, mean, n
  double value = 0;
  std::string note;
  SourcePos pos;
};

/// One respondent's triad answer, as shares of the corners summing to 1.
struct Point {
  std::string round;
  std::string indicator;
  std::string group;
  double a = 0, b = 0, c = 0;
};

struct Quote {
  std::string id;
  std::string round;
  std::string group;
  std::string text;
  std::vector<std::string> links;  ///< `indicator:category`
  std::string theme;
  std::string age_group;
  std::string district;
  SourcePos pos;
};

/// An image a page shows: the address as written in the Markdown (a relative path below
/// data/pages/) and the source file the build copies to that address next to the page.
struct PageImage {
  std::string url;
  std::string file;
};

/// A `{{variable}}` written in a text of the source (docs/data-format.md, "Round-aware
/// text"): its name, where it is, and which rounds it is shown for.
struct TextVariable {
  std::string name;       ///< e.g. `ronde.label`, `n.gezinnen`
  SourcePos pos;
  std::string indicator;  ///< the indicator whose text holds it; empty: site or page text (current round)
  std::string round;      ///< a per-round entry's round; empty: every round the text is shown for
};

struct Page {
  std::string slug;
  std::string title;
  std::string markdown;
  SourcePos pos;
  std::vector<PageImage> images;
};

/// Everything a site is built from. Vectors are in a fixed order: rounds by id,
/// indicators by section order then `order` then id, values as read (files sorted).
struct Model {
  Site site;
  std::vector<Round> rounds;
  std::vector<Sample> samples;
  std::vector<Indicator> indicators;
  std::vector<Value> values;
  std::vector<Point> points;
  std::vector<Quote> quotes;
  std::vector<Page> pages;
  /// Every `{{variable}}` of the texts, found by validation; text::check_variables()
  /// makes sure each has a value in every round its text is shown for.
  std::vector<TextVariable> text_variables;
  /// Set by disclosure control (stats/disclosure.h): the total of a one-answer count
  /// distribution some of whose cells were suppressed, so shares keep their real base.
  /// Key: round, indicator, group, breakdown joined by '\n'.
  std::map<std::string, double> count_bases;
  /// Set by disclosure control: per indicator id, how many of its numbers were left out
  /// (first: below min_cell or resting on fewer people, second: complementary).
  std::map<std::string, std::pair<int, int>> suppressed;
  /// Set by disclosure control: per indicator id, the (round, group) pairs whose values
  /// were all left out because fewer than min_cell people of that group took part.
  std::map<std::string, std::vector<std::pair<std::string, std::string>>> withheld_rounds;
  /// Set by disclosure control: every value cell it removed, keyed by cell_key(). A
  /// category missing from `values` that is in here was suppressed; one that is not was
  /// never given by the source. Neither may ever be counted as 0.
  std::set<std::string> suppressed_cells;

  /// Positions by id, filled by index() (samples: round and group joined by '\n').
  struct Positions {
    std::unordered_map<std::string, std::size_t> indicators, rounds, groups, samples;
    /// Per indicator and round (joined by '\n'), and per indicator alone (with '\n'
    /// and no round): the position of its first value, or of its first point counted
    /// after all values. `values_at` and `points_at` are the sizes of the vectors the
    /// table was made from; a miss is trusted only while the vectors still have them.
    std::unordered_map<std::string, std::size_t> figures;
    std::size_t values_at = 0, points_at = 0;
    bool figures_made = false;
  };
  Positions positions;

  /// Indicator `id`, or nullptr. Like round(), group() and sample(): constant time once
  /// index() has run, a search from start to end in a model that was never indexed.
  const Indicator* indicator(const std::string& id) const;
  const Group* group(const std::string& id) const;
  const Round* round(const std::string& id) const;
  const Sample* sample(const std::string& round, const std::string& group) const;
  /// Whether the model holds a value or point of indicator `id` in round `round`, or in
  /// any round when `round` is empty. Constant time once index() has run. Unlike the
  /// id lookups, a table made stale can miss: a change of `values` or `points` that
  /// alters their sizes is noticed (and the vectors searched), one that keeps both sizes
  /// is not, so index() must run again after the vectors change.
  bool has_figure(const std::string& id, const std::string& round) const;
  /// Builds the tables indicator(), round(), group(), sample() and has_figure() look up. Called
  /// once the vectors are final (validate/load_source.cc, disclosure control). A table is
  /// a position per id and every hit is checked against the id found there, so a table
  /// that a later change of the vectors made stale (or a copy of the model) is never
  /// wrong, only slower: a miss is searched for from start to end.
  void index();
  /// Label of group `id`; "Alle respondenten" for the empty id.
  std::string group_label(const std::string& id) const;
  /// The round the home page reports on: the last one, or nullptr.
  const Round* current_round() const;
};

const char* type_name(IndicatorType t);

/// The key of one value cell in Model::suppressed_cells.
std::string cell_key(const std::string& round, const std::string& indicator, const std::string& group,
                     const std::string& breakdown, const std::string& category, const std::string& measure);

/// An NL Design System token package the site can use (copied into every site through
/// site-templates/vendor.txt).
struct TokenPackage {
  const char* name;        ///< the value of site.json's theme.tokens
  const char* npm;         ///< the npm package it comes from
  const char* stylesheet;  ///< where its CSS lands in the site
  const char* class_name;  ///< the class its CSS puts the tokens on
};

/// Every token package duiding ships, in a fixed order.
const std::vector<TokenPackage>& token_packages();
/// The package called `name`, or nullptr.
const TokenPackage* token_package(const std::string& name);

}  // namespace duiding::model
