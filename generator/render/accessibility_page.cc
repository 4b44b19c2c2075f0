#include "render/accessibility_page.h"

#include <sstream>
#include <vector>

#include "render/html.h"
#include "text/site_text.h"

namespace duiding::render {

std::string dutch_date(const std::string& iso) {
  if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-') return iso;
  int month = std::stoi(iso.substr(5, 2));
  int day = std::stoi(iso.substr(8, 2));
  if (month < 1 || month > 12) return iso;
  // The catalogue names the months in one text, separated by spaces.
  static const std::vector<std::string> kMonths = [] {
    std::vector<std::string> months;
    std::istringstream words(txt::maandnamen());
    for (std::string w; words >> w;) months.push_back(w);
    return months;
  }();
  return txt::datum(day, kMonths.at(static_cast<std::size_t>(month - 1)), iso.substr(0, 4));
}

std::string statement_date(const model::Model& m) {
  if (!m.site.accessibility.date.empty()) return m.site.accessibility.date;
  if (const model::Round* r = m.current_round()) return r->end.empty() ? r->start : r->end;
  return "";
}

namespace {

std::string list(std::initializer_list<std::string> items) {
  std::string out = "<ul>\n";
  for (const std::string& item : items) out += "<li>" + item + "</li>\n";
  return out + "</ul>\n";
}

std::string para(const std::string& words) { return "<p>" + words + "</p>\n"; }
std::string h2(const std::string& words) { return "<h2>" + words + "</h2>\n"; }

}  // namespace

std::string accessibility_page(const model::Model& m, const PageFrame& frame) {
  const model::Accessibility& a = m.site.accessibility;
  const std::string site = escape(m.site.title);
  const std::string org = escape(m.site.organisation);
  std::string c = breadcrumb({{"../index.html", txt::home()}}, txt::toegankelijkheid());
  c += "<article class=\"statement\">\n<h1>" + txt::toegankelijkheidsverklaring() + "</h1>\n";
  c += para(txt::toeg_inleiding(org, site));

  c += h2(txt::toeg_doel_kop()) + "<p>" + txt::toeg_doel() + "</p>\n";
  c += list({txt::toeg_drie_manieren(), txt::toeg_kleur(), txt::toeg_contrast(), txt::toeg_toetsenbord(),
             txt::toeg_smal_scherm(), txt::toeg_zonder_javascript()});

  c += h2(txt::toeg_getest_kop());
  c += list({txt::toeg_axe(), txt::toeg_tab_toets(), txt::toeg_breedte_test(), txt::toeg_contrast_test()});
  c += para(txt::toeg_niet_alles());

  c += h2(txt::toeg_beperkingen_kop());
  c += list({txt::toeg_tooltips(), txt::toeg_schermlezer(), txt::toeg_pdf()});

  c += h2(txt::toeg_contact_kop());
  if (a.contact_email.empty() && a.contact_url.empty()) {
    c += para(txt::toeg_geen_contact(org));
  } else {
    c += para(txt::toeg_contact(org)) + "<ul>\n";
    if (!a.contact_email.empty())
      c += "<li>" + txt::toeg_e_mail() + ": <a href=\"mailto:" + escape(a.contact_email) + "\">" +
           escape(a.contact_email) + "</a></li>\n";
    if (!a.contact_url.empty())
      c += "<li>" + txt::toeg_website() + ": <a href=\"" + escape(a.contact_url) + "\">" + escape(a.contact_url) +
           "</a></li>\n";
    c += "</ul>\n";
  }
  c += para(txt::toeg_ombudsman());

  c += h2(txt::toeg_datum_kop());
  std::string date = statement_date(m);
  const std::string time = "<time datetime=\"" + escape(date) + "\">" + escape(dutch_date(date)) + "</time>";
  if (date.empty()) c += para(txt::toeg_geen_datum());
  else if (!a.date.empty()) c += para(txt::toeg_opgesteld_op(time));
  else c += para(txt::toeg_datum_van_meting(time));
  c += "</article>\n";
  return frame.page({kAccessibilityPath, 1, "toegankelijkheid"}, txt::toegankelijkheidsverklaring(), c, false);
}

}  // namespace duiding::render
