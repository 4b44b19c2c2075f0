#include "validate/markdown_images.h"
#include "diag/messages.h"

#include <cmark-gfm.h>

#include <algorithm>
#include <memory>

namespace duiding::validate {

std::vector<MarkdownImage> markdown_images(std::string_view markdown) {
  std::vector<MarkdownImage> out;
  std::unique_ptr<cmark_node, void (*)(cmark_node*)> doc(
      cmark_parse_document(markdown.data(), markdown.size(), CMARK_OPT_DEFAULT), cmark_node_free);
  if (!doc) return out;
  std::unique_ptr<cmark_iter, void (*)(cmark_iter*)> it(cmark_iter_new(doc.get()), cmark_iter_free);
  std::size_t search_from = 0;
  cmark_event_type ev;
  while ((ev = cmark_iter_next(it.get())) != CMARK_EVENT_DONE) {
    cmark_node* node = cmark_iter_get_node(it.get());
    if (ev != CMARK_EVENT_ENTER || cmark_node_get_type(node) != CMARK_NODE_IMAGE) continue;
    const char* url = cmark_node_get_url(node);
    MarkdownImage img{url == nullptr ? "" : url, 0, 0};
    // cmark keeps the positions of blocks only: find the address in the text from the
    // previous image on (falling back to the start of the image's paragraph).
    std::size_t at = img.url.empty() ? std::string_view::npos : markdown.find(img.url, search_from);
    if (at == std::string_view::npos) {
      img.line = std::max(1, cmark_node_get_start_line(cmark_node_parent(node)));
      img.column = 1;
    } else {
      search_from = at + img.url.size();
      img.line = 1 + static_cast<int>(std::count(markdown.begin(), markdown.begin() + static_cast<long>(at), '\n'));
      std::size_t line_start = markdown.rfind('\n', at == 0 ? 0 : at - 1);
      line_start = (line_start == std::string_view::npos || at == 0) ? 0 : line_start + 1;
      int col = 1;
      for (std::size_t i = line_start; i < at; ++i)
        if ((static_cast<unsigned char>(markdown[i]) & 0xC0) != 0x80) ++col;
      img.column = col;
    }
    out.push_back(std::move(img));
  }
  return out;
}

msg::Text image_url_problem(const std::string& url) {
  const msg::Text hint = msg::afbeelding_hint();
  if (url.empty()) return msg::afbeelding_zonder_adres(hint);
  std::size_t colon = url.find(':');
  if (url.rfind("//", 0) == 0 || (colon != std::string::npos && url.find('/') > colon))
    return msg::afbeelding_van_elders(url, hint);
  if (url[0] == '/') return msg::afbeelding_absoluut(url, hint);
  if (url.find_first_of("?#%\\") != std::string::npos) return msg::afbeelding_query(url, hint);
  std::size_t start = 0;
  for (;;) {
    std::size_t slash = url.find('/', start);
    std::string part = url.substr(start, slash == std::string::npos ? std::string::npos : slash - start);
    if (part == ".." || part == "." || part.empty()) return msg::afbeelding_map(url, hint);
    if (slash == std::string::npos) break;
    start = slash + 1;
  }
  std::string ext = url.substr(url.rfind('.') == std::string::npos ? url.size() : url.rfind('.'));
  for (char& c : ext) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  static const char* const kImages[] = {".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp"};
  if (std::none_of(std::begin(kImages), std::end(kImages), [&](const char* e) { return ext == e; }))
    return msg::afbeelding_soort(url, hint);
  return {};
}

}  // namespace duiding::validate
