#include "publish/editions.h"

#include "render/html.h"

namespace duiding::publish {

using render::escape;

namespace {

constexpr const char* kListOpen = "<!--duiding:edities-->";
constexpr const char* kListClose = "<!--/duiding:edities-->\n";

}  // namespace

std::string mark_archived(const std::string& html, const std::string& label, const std::string& newest_href) {
  auto main = html.find("<main");
  if (main == std::string::npos) return html;
  auto end = html.find('>', main);
  if (end == std::string::npos) return html;
  const std::string notice =
      "\n<!--duiding:archief--><div class=\"fictional-banner archived-edition\" role=\"note\"><strong>Gearchiveerde "
      "editie.</strong> U bekijkt de editie " + escape(label) +
      ", zoals die toen is gepubliceerd; de cijfers zijn niet bijgewerkt. <a href=\"" + escape(newest_href) +
      "\">Naar de nieuwste editie</a></div><!--/duiding:archief-->";
  return html.substr(0, end + 1) + notice + html.substr(end + 1);
}

std::string insert_editions(const std::string& html, const std::string& list_html) {
  auto close = html.rfind("</main>");
  if (close == std::string::npos) return html;
  return html.substr(0, close) + kListOpen + list_html + kListClose + html.substr(close);
}

std::string remove_editions(const std::string& html) {
  auto open = html.find(kListOpen);
  if (open == std::string::npos) return html;
  auto close = html.find(kListClose, open);
  if (close == std::string::npos) return html;
  return html.substr(0, open) + html.substr(close + std::string(kListClose).size());
}

}  // namespace duiding::publish
