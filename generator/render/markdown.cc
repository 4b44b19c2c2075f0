#include "render/markdown.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <algorithm>
#include <cstdlib>
#include <memory>
#include <mutex>

namespace duiding::render {
namespace {

// CMARK_OPT_UNSAFE is deliberately absent: raw HTML becomes a comment and javascript:,
// vbscript:, file: and data: (except images) links are emptied.
constexpr int kOptions = CMARK_OPT_DEFAULT | CMARK_OPT_SMART;

using Parser = std::unique_ptr<cmark_parser, void (*)(cmark_parser*)>;
using Document = std::unique_ptr<cmark_node, void (*)(cmark_node*)>;

Parser new_parser() {
  static std::once_flag registered;
  std::call_once(registered, [] { cmark_gfm_core_extensions_ensure_registered(); });
  Parser parser(cmark_parser_new(kOptions), cmark_parser_free);
  for (const char* name : {"table", "strikethrough", "autolink", "tagfilter"}) {
    if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name))
      cmark_parser_attach_syntax_extension(parser.get(), ext);
  }
  return parser;
}

Document parse(cmark_parser* parser, std::string_view markdown) {
  cmark_parser_feed(parser, markdown.data(), markdown.size());
  return Document(cmark_parser_finish(parser), cmark_node_free);
}

}  // namespace

bool is_relative_link(std::string_view href) {
  if (href.empty() || href[0] == '#' || href[0] == '/') return false;
  std::size_t colon = href.find(':');
  std::size_t slash = href.find('/');
  return colon == std::string_view::npos || (slash != std::string_view::npos && slash < colon);
}

std::string markdown_text(std::string_view markdown) {
  Parser parser = new_parser();
  Document doc = parse(parser.get(), markdown);
  char* text = cmark_render_plaintext(doc.get(), kOptions, 0);
  std::string out(text);
  std::free(text);
  return out;
}

std::string markdown_html(std::string_view markdown, int shift_headings, std::string_view link_base,
                          std::string_view id_prefix) {
  Parser parser = new_parser();
  Document doc = parse(parser.get(), markdown);
  if (shift_headings != 0 || !link_base.empty() || !id_prefix.empty()) {
    cmark_iter* it = cmark_iter_new(doc.get());
    cmark_event_type ev;
    while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
      cmark_node* node = cmark_iter_get_node(it);
      if (ev != CMARK_EVENT_ENTER) continue;
      if (cmark_node_get_type(node) == CMARK_NODE_HEADING) {
        cmark_node_set_heading_level(node, std::min(6, cmark_node_get_heading_level(node) + shift_headings));
      } else if (cmark_node_get_type(node) == CMARK_NODE_LINK) {
        // A copy: cmark_node_set_url frees the string cmark_node_get_url returned.
        const char* raw = cmark_node_get_url(node);
        if (raw == nullptr) continue;
        const std::string url(raw);
        if (!url.empty() && url[0] == '#')
          cmark_node_set_url(node, ("#" + std::string(id_prefix) + url.substr(1)).c_str());
        else if (is_relative_link(url))
          cmark_node_set_url(node, (std::string(link_base) + url).c_str());
      }
    }
    cmark_iter_free(it);
  }
  char* html = cmark_render_html(doc.get(), kOptions, cmark_parser_get_syntax_extensions(parser.get()));
  std::string out(html);
  std::free(html);
  return out;
}

std::string markdown_inline(std::string_view markdown) {
  std::string html = markdown_html(markdown);
  // A single paragraph: strip "<p>" and "</p>\n".
  if (html.rfind("<p>", 0) == 0 && html.size() >= 8 && html.compare(html.size() - 5, 5, "</p>\n") == 0 &&
      html.find("<p>", 3) == std::string::npos) {
    return html.substr(3, html.size() - 8);
  }
  return html;
}

}  // namespace duiding::render
