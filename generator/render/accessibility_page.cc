#include "render/accessibility_page.h"

#include "render/html.h"

namespace duiding::render {

std::string dutch_date(const std::string& iso) {
  static const char* kMonths[] = {"januari", "februari", "maart",     "april",   "mei",      "juni",
                                  "juli",    "augustus", "september", "oktober", "november", "december"};
  if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-') return iso;
  int month = std::stoi(iso.substr(5, 2));
  int day = std::stoi(iso.substr(8, 2));
  if (month < 1 || month > 12) return iso;
  return std::to_string(day) + " " + kMonths[month - 1] + " " + iso.substr(0, 4);
}

std::string statement_date(const model::Model& m) {
  if (!m.site.accessibility.date.empty()) return m.site.accessibility.date;
  if (const model::Round* r = m.current_round()) return r->end.empty() ? r->start : r->end;
  return "";
}

std::string accessibility_page(const model::Model& m, const PageFrame& frame) {
  const model::Accessibility& a = m.site.accessibility;
  const std::string site = escape(m.site.title);
  const std::string org = escape(m.site.organisation);
  std::string c = breadcrumb({{"../index.html", "Home"}}, "Toegankelijkheid");
  c += "<article class=\"statement\">\n<h1>Toegankelijkheidsverklaring</h1>\n";
  c += "<p>" + org + " wil dat iedereen de site <em>" + site +
       "</em> kan gebruiken, ook mensen met een beperking. Deze verklaring beschrijft hoe de site "
       "toegankelijk is gemaakt, hoe dat is getest en wat (nog) niet goed werkt.</p>\n";

  c += "<h2>Doel: WCAG 2.1 niveau AA</h2>\n";
  c += "<p>De site moet voldoen aan de Web Content Accessibility Guidelines (WCAG) 2.1 op niveau A en AA, "
       "de eis voor websites van de overheid (EN 301 549). Daarvoor is de site zo gemaakt:</p>\n<ul>\n"
       "<li>Elke grafiek staat er op drie manieren: als afbeelding, als tabel met dezelfde cijfers en als "
       "zin die zegt wat de grafiek laat zien.</li>\n"
       "<li>Kleur is nooit de enige drager van betekenis: de vakken van een grafiek hebben een label of "
       "een legenda met tekst, en de kleuren zijn ook voor kleurenblinden te onderscheiden.</li>\n"
       "<li>Alle tekst heeft een contrast van minstens 4,5 : 1 met de achtergrond, de vakken van een "
       "grafiek en de focusrand minstens 3 : 1.</li>\n"
       "<li>Alles werkt met het toetsenbord; wat de focus heeft, is zichtbaar omrand. Een link bovenaan elke "
       "pagina springt naar de inhoud.</li>\n"
       "<li>De tekst past zich aan het scherm aan: op een smal scherm (320 pixels) en bij 200 % zoom hoeft "
       "niemand opzij te scrollen; brede tabellen scrollen binnen hun eigen kader.</li>\n"
       "<li>De site werkt zonder JavaScript en laadt niets van andere websites.</li>\n</ul>\n";

  c += "<h2>Hoe dit is getest</h2>\n<ul>\n"
       "<li>Bij elke nieuwe versie controleert een geautomatiseerde test (axe-core in de browser Chromium) "
       "elke pagina van de site op de regels van WCAG 2.1 A en AA.</li>\n"
       "<li>Een toetsenbordtest gaat met de Tab-toets door de pagina's en controleert dat elke link bij een "
       "grafiek bereikbaar is.</li>\n"
       "<li>Een test controleert dat geen pagina op 320 en 375 pixels breed opzij scrollt.</li>\n"
       "<li>Het contrast van de grafiekkleuren wordt berekend en getest.</li>\n</ul>\n"
       "<p>Een geautomatiseerde test vindt niet alle problemen. De site is (nog) niet onderzocht door een "
       "onafhankelijke, deskundige partij en niet getest met mensen die een schermlezer gebruiken.</p>\n";

  c += "<h2>Bekende beperkingen</h2>\n<ul>\n"
       "<li>De tekstballonnen (tooltips) die verschijnen als u met de muis over een grafiek gaat, zijn niet "
       "met het toetsenbord te bereiken. Alles wat erin staat, staat ook in de tabel onder de grafiek.</li>\n"
       "<li>Sommige schermlezers noemen een grafiek alleen &lsquo;afbeelding&rsquo;. Lees dan de zin onder de "
       "grafiek en de tabel met de cijfers.</li>\n"
       "<li>De PDF van de rapportage is een afdruk van de webpagina en is niet apart op toegankelijkheid "
       "gecontroleerd. De rapportagepagina zelf is dezelfde inhoud in toegankelijke vorm.</li>\n</ul>\n";

  c += "<h2>Contact</h2>\n";
  if (a.contact_email.empty() && a.contact_url.empty()) {
    c += "<p>Er is voor deze site (nog) geen contactadres voor vragen over toegankelijkheid opgegeven. "
         "Loopt u tegen een probleem aan, neem dan contact op met " + org + ".</p>\n";
  } else {
    c += "<p>Loopt u tegen een probleem aan, of heeft u een vraag of opmerking over de toegankelijkheid? "
         "Neem contact op met " + org + ":</p>\n<ul>\n";
    if (!a.contact_email.empty())
      c += "<li>e-mail: <a href=\"mailto:" + escape(a.contact_email) + "\">" + escape(a.contact_email) + "</a></li>\n";
    if (!a.contact_url.empty())
      c += "<li>website: <a href=\"" + escape(a.contact_url) + "\">" + escape(a.contact_url) + "</a></li>\n";
    c += "</ul>\n";
  }
  c += "<p>Bent u niet tevreden over hoe uw vraag of klacht is behandeld, dan kunt u contact opnemen met de "
       "Nationale ombudsman.</p>\n";

  c += "<h2>Datum</h2>\n";
  std::string date = statement_date(m);
  if (date.empty()) {
    c += "<p>Deze verklaring heeft (nog) geen datum: de gegevens van de site geven er geen.</p>\n";
  } else if (!a.date.empty()) {
    c += "<p>Deze verklaring is opgesteld op <time datetime=\"" + escape(date) + "\">" + escape(dutch_date(date)) +
         "</time>.</p>\n";
  } else {
    c += "<p>Er is geen aparte datum voor deze verklaring opgegeven. Ze hoort bij de site met de cijfers tot en "
         "met <time datetime=\"" + escape(date) + "\">" + escape(dutch_date(date)) + "</time>, het einde van de "
         "laatste meting.</p>\n";
  }
  c += "</article>\n";
  return frame.page({kAccessibilityPath, 1, "toegankelijkheid"}, "Toegankelijkheidsverklaring", c, false);
}

}  // namespace duiding::render
