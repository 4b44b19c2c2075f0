#include "render/chart_downloads.h"

#include "render/html.h"

namespace duiding::render {

std::string slide_site(const model::Model& m) {
  std::string s = m.site.organisation.empty() ? m.site.title : m.site.title + " · " + m.site.organisation;
  return m.site.fictional ? s + " · Fictieve gegevens" : s;
}

std::string chart_downloads(const std::string& dir, const std::string& base, const std::string& spec_file,
                            const nlohmann::json& spec, const charts::SlideText& text, PageFrame& frame) {
  nlohmann::json drawn = spec;
  drawn.erase("$schema");
  const std::string slide = charts::slide_svg(frame.svg().render(drawn), text);
  frame.write_file(dir + base + ".svg", slide);
  std::string p = "<p class=\"downloads\">Grafiek downloaden: ";
  if (charts::Rasteriser* raster = frame.rasteriser()) {
    frame.write_file(dir + base + ".png", raster->png(slide));
    p += "<a href=\"" + escape(base) + ".png\" download>afbeelding (PNG, " + std::to_string(charts::kSlideWidth) +
         "\u00a0×\u00a0" + std::to_string(charts::kSlideHeight) + " pixels)</a> · ";
  }
  p += "<a href=\"" + escape(base) + ".svg\" download>afbeelding (SVG)</a> · <a href=\"" + escape(spec_file) +
       "\" download>Vega-Lite-specificatie (JSON)</a></p>\n";
  return p;
}

}  // namespace duiding::render
