// libFuzzer target: the path of a Markdown page, from the file's bytes to HTML and search
// text: validation (UTF-8, title, images) and cmark-gfm in its safe mode. Raw HTML must
// never survive into the output.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "render/markdown.h"
#include "validate/validate.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  duiding::diag::Diagnostics diag;
  std::string text(reinterpret_cast<const char*>(data), size);
  auto page = duiding::validate::page("fuzz.md", "fuzz", text, diag);
  if (!page) return 0;
  std::string html = duiding::render::markdown_html(page->markdown, 1);
  if (html.find("<script") != std::string::npos) std::abort();
  duiding::render::markdown_text(page->markdown);
  duiding::render::markdown_inline(page->title);
  return 0;
}
