#include "charts/static_svg.h"

#include <set>
#include <stdexcept>
#include <string_view>
#include <vector>

#include "charts/svg_draw.h"

namespace duiding::charts {
namespace {

// SVG presentation attributes: what a style="..." declaration may turn into. Anything
// else in a style attribute has no attribute form, and is reported rather than dropped.
const std::set<std::string, std::less<>> kPresentation = {
    "alignment-baseline", "baseline-shift", "clip-path", "clip-rule", "color", "cursor", "direction",
    "display", "dominant-baseline", "fill", "fill-opacity", "fill-rule", "filter", "font-family",
    "font-size", "font-size-adjust", "font-stretch", "font-style", "font-variant", "font-weight",
    "letter-spacing", "marker-end", "marker-mid", "marker-start", "mask", "opacity", "overflow",
    "paint-order", "pointer-events", "shape-rendering", "stop-color", "stop-opacity", "stroke",
    "stroke-dasharray", "stroke-dashoffset", "stroke-linecap", "stroke-linejoin", "stroke-miterlimit",
    "stroke-opacity", "stroke-width", "text-anchor", "text-decoration", "text-rendering",
    "vector-effect", "visibility", "word-spacing", "writing-mode"};

struct Attribute {
  std::string name;
  std::string value;  // as written, still escaped
  char quote = '"';
  bool has_value = true;
};

struct Tag {
  std::string name;
  std::vector<Attribute> attributes;
  bool self_closing = false;
};

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

// The end of the tag that starts at `lt` (the index of its '>'), skipping quoted values.
std::size_t tag_end(const std::string& svg, std::size_t lt) {
  char quote = 0;
  for (std::size_t i = lt + 1; i < svg.size(); ++i) {
    char c = svg[i];
    if (quote != 0) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '>') {
      return i;
    }
  }
  throw std::runtime_error("static SVG: a tag is not closed");
}

// `text` is a start tag without its '<' and '>'.
Tag parse_tag(std::string_view text) {
  Tag tag;
  if (!text.empty() && text.back() == '/') {
    tag.self_closing = true;
    text.remove_suffix(1);
  }
  std::size_t i = 0;
  while (i < text.size() && !is_space(text[i])) ++i;
  tag.name = std::string(text.substr(0, i));
  while (true) {
    while (i < text.size() && is_space(text[i])) ++i;
    if (i >= text.size()) break;
    std::size_t start = i;
    while (i < text.size() && !is_space(text[i]) && text[i] != '=') ++i;
    Attribute a;
    a.name = std::string(text.substr(start, i - start));
    if (i < text.size() && text[i] == '=') {
      ++i;
      if (i >= text.size() || (text[i] != '"' && text[i] != '\''))
        throw std::runtime_error("static SVG: unquoted value of attribute \"" + a.name + "\"");
      a.quote = text[i++];
      std::size_t close = text.find(a.quote, i);
      if (close == std::string_view::npos) throw std::runtime_error("static SVG: unclosed attribute \"" + a.name + "\"");
      a.value = std::string(text.substr(i, close - i));
      i = close + 1;
    } else {
      a.has_value = false;
    }
    tag.attributes.push_back(std::move(a));
  }
  return tag;
}

void set(std::vector<Attribute>& attributes, const std::string& name, const std::string& value, char quote = '"') {
  for (auto& a : attributes) {
    if (a.name == name) {
      a.value = value;
      a.quote = quote;
      a.has_value = true;
      return;
    }
  }
  attributes.push_back({name, value, quote, true});
}

// style="fill: red; stroke-width: 2" → fill="red" stroke-width="2" (a declaration wins over
// an attribute of the same name, as it does in CSS).
void style_to_attributes(Tag& tag) {
  std::vector<Attribute> kept;
  std::vector<Attribute> styles;
  for (auto& a : tag.attributes) (a.name == "style" ? styles : kept).push_back(std::move(a));
  for (const auto& style : styles) {
    std::string_view rest = style.value;
    while (!rest.empty()) {
      std::size_t semi = rest.find(';');
      std::string_view declaration = trim(rest.substr(0, semi));
      rest = semi == std::string_view::npos ? std::string_view{} : rest.substr(semi + 1);
      if (declaration.empty()) continue;
      std::size_t colon = declaration.find(':');
      std::string name(trim(declaration.substr(0, colon)));
      if (colon == std::string_view::npos || !kPresentation.contains(name))
        throw std::runtime_error("static SVG: style=\"" + style.value + "\" on <" + tag.name +
                                 "> has no SVG attribute for \"" + std::string(declaration) + "\"");
      set(kept, name, std::string(trim(declaration.substr(colon + 1))), style.quote);
    }
  }
  tag.attributes = std::move(kept);
}

// Whether start tag `text` (without its '<' and '>') comes out of page_svg() as it went
// in: a name, then each attribute after exactly one space with a quoted value, no
// style, role or aria-* attribute and nothing after the last value but a "/". print()
// writes such a tag back byte for byte, so it needs no parse.
bool unchanged(std::string_view text) {
  if (!text.empty() && text.back() == '/') text.remove_suffix(1);
  std::size_t i = 0;
  while (i < text.size() && !is_space(text[i])) ++i;
  if (i == 0) return false;
  while (i < text.size()) {
    if (text[i] != ' ') return false;
    const std::size_t start = ++i;
    while (i < text.size() && !is_space(text[i]) && text[i] != '=') ++i;
    const std::string_view name = text.substr(start, i - start);
    if (name.empty() || name == "style" || name == "role" || name.starts_with("aria-")) return false;
    if (i + 1 >= text.size() || text[i] != '=' || (text[i + 1] != '"' && text[i + 1] != '\'')) return false;
    const std::size_t close = text.find(text[i + 1], i + 2);
    if (close == std::string_view::npos) return false;
    i = close + 1;
  }
  return true;
}

bool is_aria(const Attribute& a) { return a.name == "role" || a.name.rfind("aria-", 0) == 0; }

std::string print(const Tag& tag) {
  std::string out = "<" + tag.name;
  for (const auto& a : tag.attributes) {
    out += " " + a.name;
    if (a.has_value) out += std::string("=") + a.quote + a.value + a.quote;
  }
  return out + (tag.self_closing ? "/>" : ">");
}

}  // namespace

std::string page_svg(const std::string& svg, const std::string& label) {
  std::string out;
  out.reserve(svg.size());
  bool root = true;
  std::size_t i = 0;
  while (i < svg.size()) {
    std::size_t lt = svg.find('<', i);
    if (lt == std::string::npos) {
      out.append(svg, i);
      break;
    }
    out.append(svg, i, lt - i);
    std::size_t gt = tag_end(svg, lt);
    char next = lt + 1 < svg.size() ? svg[lt + 1] : 0;
    if (next == '/' || next == '!' || next == '?') {
      out.append(svg, lt, gt - lt + 1);
      i = gt + 1;
      continue;
    }
    const std::string_view inside = std::string_view(svg).substr(lt + 1, gt - lt - 1);
    if (!root && unchanged(inside)) {
      out.append(svg, lt, gt - lt + 1);
      i = gt + 1;
      continue;
    }
    Tag tag = parse_tag(inside);
    style_to_attributes(tag);
    std::erase_if(tag.attributes, is_aria);
    if (root) {
      if (tag.name != "svg") throw std::runtime_error("static SVG: does not start with <svg>");
      std::string classes;
      for (const auto& a : tag.attributes)
        if (a.name == "class") classes = a.value;
      std::string kept;
      for (std::size_t at = 0; at < classes.size();) {
        std::size_t space = classes.find(' ', at);
        std::string word = classes.substr(at, space == std::string::npos ? std::string::npos : space - at);
        if (!word.empty() && word != "marks") kept += word + " ";
        at = space == std::string::npos ? classes.size() : space + 1;
      }
      set(tag.attributes, "class", kept + "chart-static");
      set(tag.attributes, "role", "img");
      set(tag.attributes, "aria-label", svg::escape(label));
      root = false;
    }
    out += print(tag);
    i = gt + 1;
  }
  if (root) throw std::runtime_error("static SVG: no <svg> element");
  return out;
}

}  // namespace duiding::charts
