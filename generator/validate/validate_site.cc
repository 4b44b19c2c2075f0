#include <fmt/format.h>

#include <cmath>
#include <set>

#include "diag/messages.h"
#include "validate/fields.h"
#include "validate/markdown_images.h"
#include "validate/validate.h"

namespace duiding::validate {
namespace {

bool is_css_name(const std::string& s, std::size_t from) {
  if (s.size() <= from) return false;
  for (std::size_t i = from; i < s.size(); ++i) {
    char c = s[i];
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_')) return false;
  }
  return true;
}

// A value is written into assets/theme.css as it is: nothing that could end the
// declaration or the rule, open a comment, or load something from elsewhere.
msg::Text css_value_problem(const std::string& v) {
  if (v.empty()) return msg::css_leeg();
  for (char c : v) {
    if (c == ';' || c == '{' || c == '}' || c == '<' || c == '>' || c == '\\' || c == '\n' || c == '\r')
      return msg::css_teken_verboden(c == '\n' ? std::string("\\n") : std::string(1, c));
  }
  if (v.find("/*") != std::string::npos) return msg::css_teken_verboden("/*");
  // An open parenthesis or string would run on into the next declarations and swallow
  // them (CSS error recovery ends a bad value only at the matching close).
  int depth = 0;
  char quote = 0;
  for (char c : v) {
    if (quote != 0) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '(') {
      ++depth;
    } else if (c == ')' && --depth < 0) {
      return msg::css_haakje_dicht();
    }
  }
  if (quote != 0) return msg::css_tekst_open(std::string(1, quote));
  if (depth > 0) return msg::css_haakje_open();
  std::string lower;
  for (char c : v) lower += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  for (const char* bad : {"url(", "@import", "expression(", "image-set("})
    if (lower.find(bad) != std::string::npos) return msg::css_laadt_van_elders(bad);
  return {};
}

bool is_hex_colour(const std::string& v) {
  return v.size() == 7 && v[0] == '#' && v.find_first_not_of("0123456789abcdefABCDEF", 1) == std::string::npos;
}

// WCAG 2.1 contrast ratio of #rrggbb against white.
double contrast_on_white(const std::string& hex) {
  auto channel = [&](int i) {
    double c = std::stoi(hex.substr(1 + 2 * i, 2), nullptr, 16) / 255.0;
    return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
  };
  double l = 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
  return 1.05 / (l + 0.05);
}

// The chart colours are drawn on white: text needs 4.5:1, marks 3:1 (WCAG 1.4.3, 1.4.11).
msg::Text chart_colour_problem(const std::string& name, const std::string& value) {
  double need = name == "--duiding-chart-text-color" ? 4.5 : name == "--duiding-chart-color" ? 3.0 : 0;
  if (need == 0) return {};
  if (!is_hex_colour(value)) return msg::kleur_verwacht();
  double ratio = contrast_on_white(value);
  if (ratio < need)
    return msg::kleur_contrast(fmt::format("{:.2f}", ratio), need == 3.0 ? "3" : "4.5");
  return {};
}

void read_theme(const load::JsonDoc& doc, JsonObject& root, model::Theme& theme, diag::Diagnostics& diag) {
  if (root.raw("theme", false) == nullptr) return;
  JsonObject t(doc, root.pointer("theme"), diag);
  if (!t.ok()) return;
  if (auto tokens = t.string("tokens", false)) {
    if (model::token_package(*tokens) == nullptr) {
      std::string names;
      for (const auto& p : model::token_packages()) names += std::string(names.empty() ? "" : ", ") + "'" + p.name + "'";
      diag.error(t.pos("tokens"), msg::thema_tokens(*tokens, names));
    } else {
      theme.tokens = *tokens;
    }
  }
  if (auto cls = t.string("class", false)) {
    if (!is_css_name(*cls, 0) || (*cls)[0] < 'a' || (*cls)[0] > 'z') {
      diag.error(t.pos("class"), msg::thema_class(*cls));
    } else {
      theme.class_name = *cls;
    }
  }
  if (const nlohmann::json* props = t.raw("properties", false)) {
    if (!props->is_object()) {
      diag.error(t.pos("properties"), msg::thema_properties());
    } else {
      JsonObject p(doc, t.pointer("properties"), diag);
      for (auto it = props->begin(); it != props->end(); ++it) {
        const std::string& name = it.key();
        auto value = p.string(name.c_str(), true);
        if (name.rfind("--", 0) != 0 || !is_css_name(name, 2)) {
          diag.error(p.pos(name.c_str()),
                     msg::thema_eigenschap_naam(name));
          continue;
        }
        if (!value) continue;
        msg::Text problem = css_value_problem(*value);
        if (problem.empty()) problem = chart_colour_problem(name, *value);
        if (!problem.empty()) {
          diag.error(p.pos(name.c_str()), msg::thema_eigenschap_waarde(name, *value, problem));
          continue;
        }
        theme.properties[name] = *value;
      }
    }
  }
  t.finish();
}

void read_accessibility(const load::JsonDoc& doc, JsonObject& root, model::Accessibility& a, diag::Diagnostics& diag) {
  if (root.raw("accessibility", false) == nullptr) return;
  JsonObject o(doc, root.pointer("accessibility"), diag);
  if (!o.ok()) return;
  if (auto email = o.string("contact_email", false)) {
    auto at = email->find('@');
    if (at == std::string::npos || at == 0 || at + 1 >= email->size() || email->find_first_of(" <>\"") != std::string::npos)
      diag.error(o.pos("contact_email"), msg::contact_email(*email));
    else
      a.contact_email = *email;
  }
  if (auto url = o.string("contact_url", false)) {
    if ((url->rfind("https://", 0) != 0 && url->rfind("http://", 0) != 0) || url->find_first_of(" <>\"") != std::string::npos)
      diag.error(o.pos("contact_url"), msg::contact_url(*url));
    else
      a.contact_url = *url;
  }
  if (auto date = o.string("date", false)) {
    if (!is_iso_date(*date))
      diag.error(o.pos("date"), msg::datum_iso(*date));
    else
      a.date = *date;
  }
  o.finish();
}

}  // namespace

std::optional<model::Site> site(const load::JsonDoc& doc, diag::Diagnostics& diag) {
  std::size_t errors_before = diag.error_count();
  JsonObject root(doc, "", diag);
  if (!root.ok()) return std::nullopt;
  model::Site s;
  s.title = root.string("title", true).value_or("");
  s.organisation = root.string("organisation", true).value_or("");
  s.language = root.string("language", false).value_or("nl");
  if (!is_language_tag(s.language)) {
    diag.error(root.pos("language"), msg::taal_onbekend(s.language));
  }
  s.base_url = root.string("base_url", false).value_or("");
  s.description = root.string("description", false).value_or("");
  if (!markdown_images(s.description).empty())
    diag.error(root.pos("description"), msg::beschrijving_met_afbeelding());
  s.footer = root.string("footer", false).value_or("");
  s.fictional = root.boolean("fictional").value_or(false);
  if (const nlohmann::json* names = root.raw("public_names", false)) {
    bool ok = names->is_array();
    for (std::size_t i = 0; ok && i < names->size(); ++i)
      ok = (*names)[i].is_string() && !(*names)[i].get<std::string>().empty();
    if (!ok)
      diag.error(root.pos("public_names"), msg::public_names_lijst());
    else
      s.public_names = names->get<std::vector<std::string>>();
  }
  if (auto min_cell = root.number("min_cell")) {
    if (*min_cell < 3 || *min_cell != static_cast<int>(*min_cell)) {
      diag.error(root.pos("min_cell"),
                 msg::min_cell_te_klein(fmt::format("{:g}", *min_cell)));
    } else {
      s.min_cell = static_cast<int>(*min_cell);
    }
  }

  // groups and sections share a shape: a list of objects with an id and a text.
  auto list = [&](const char* key, const char* text_key, bool required, auto add) {
    const nlohmann::json* arr = root.raw(key, required);
    if (arr == nullptr) return;
    if (!arr->is_array() || (required && arr->empty())) {
      diag.error(root.pos(key), required ? msg::lijst_van_objecten_niet_leeg(key) : msg::lijst_van_objecten(key));
      return;
    }
    std::set<std::string> ids;
    for (std::size_t i = 0; i < arr->size(); ++i) {
      std::string ptr = root.pointer(key) + "/" + std::to_string(i);
      JsonObject item(doc, ptr, diag);
      if (!item.ok()) continue;
      auto id = item.string("id", true);
      auto text = item.string(text_key, true);
      if (id && !is_id(*id)) {
        diag.error(item.pos("id"), id_problem(msg::wat_id(), *id));
      } else if (id && std::string(key) == "sections" && is_reserved_folder(*id)) {
        diag.error(item.pos("id"), msg::sectie_id_gereserveerd(*id));
      } else if (id && !ids.insert(*id).second) {
        diag.error(item.pos("id"), msg::id_dubbel(key, *id));
      }
      add(item, id.value_or(""), text.value_or(""));
      item.finish();
    }
  };
  list("groups", "label", true, [&](JsonObject&, std::string id, std::string label) {
    s.groups.push_back({std::move(id), std::move(label)});
  });
  list("sections", "title", false, [&](JsonObject& item, std::string id, std::string title) {
    s.sections.push_back(
        {std::move(id), std::move(title), item.string("description", false).value_or("")});
  });
  read_theme(doc, root, s.theme, diag);
  read_accessibility(doc, root, s.accessibility, diag);
  root.finish();
  if (diag.error_count() != errors_before) return std::nullopt;
  return s;
}

}  // namespace duiding::validate
