#include "render/chart_figure.h"

#include "charts/static_svg.h"
#include "render/html.h"

namespace duiding::render {

std::string chart_figure(const std::string& id, const nlohmann::json& spec, const std::string& summary,
                         PageFrame& frame) {
  nlohmann::json embedded = spec;
  embedded.erase("$schema");
  std::string b = "<figure class=\"chart\" id=\"grafiek-" + id + "\">\n";
  b += "<div class=\"chart-view\" data-spec=\"spec-" + id + "\">" +
       charts::page_svg(frame.svg().render(embedded), summary) + "</div>\n";
  b += "<script type=\"application/json\" id=\"spec-" + id + "\">" + script_json(embedded.dump()) + "</script>\n";
  b += "<figcaption class=\"chart-summary\">" + escape(summary) + "</figcaption>\n";
  b += "</figure>\n";
  return b;
}

}  // namespace duiding::render
