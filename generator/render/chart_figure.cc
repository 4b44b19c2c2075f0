#include "render/chart_figure.h"

#include "charts/static_svg.h"
#include "render/html.h"

namespace duiding::render {

std::string chart_figure(const std::string& id, const nlohmann::json& spec, const std::string& summary,
                         const PageFrame& frame, const ArticlePlace& place) {
  nlohmann::json embedded = spec;
  embedded.erase("$schema");
  // Ids are validated (a-z, 0-9, '-'), and escaped all the same: an attribute never
  // trusts what an earlier stage checked.
  std::string b = "<figure class=\"chart\" id=\"" + place.id("grafiek-" + id) + "\">\n";
  b += "<div class=\"chart-view\" data-spec=\"" + place.id("spec-" + id) + "\">" +
       frame.chart_svg(embedded, summary) + "</div>\n";
  b += "<script type=\"application/json\" id=\"" + place.id("spec-" + id) + "\">" + script_json(embedded.dump()) + "</script>\n";
  b += "<figcaption class=\"chart-summary\">" + escape(summary) + "</figcaption>\n";
  b += "</figure>\n";
  return b;
}

}  // namespace duiding::render
