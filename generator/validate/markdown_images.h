// The images a Markdown text shows. The site's Content-Security-Policy only lets pages
// load images from the site itself, so an image must be a file of the source that the
// build copies next to the page; anything else is an error before the build, not a
// broken image on every page after it.
#pragma once

#include "diag/text.h"
#include <string>
#include <string_view>
#include <vector>

namespace duiding::validate {

/// One image of a Markdown text: its address as written and where it is (1-based).
struct MarkdownImage {
  std::string url;
  int line = 0;
  int column = 0;
};

/// Every image of `markdown` in document order (cmark-gfm's parse, so code spans and
/// escaped brackets are not images).
std::vector<MarkdownImage> markdown_images(std::string_view markdown);

/// What is wrong with `url` as the address of an image in a page, or empty when it is a
/// plain relative path to an image file (.png, .jpg, .jpeg, .gif, .svg, .webp) without
/// `..`, a query or a fragment.
msg::Text image_url_problem(const std::string& url);

}  // namespace duiding::validate
