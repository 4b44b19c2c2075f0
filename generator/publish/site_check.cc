#include "publish/site_check.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <set>
#include <string_view>

#include "publish/tree.h"

namespace duiding::publish {
namespace fs = std::filesystem;

namespace {

struct Reference {
  std::string target;
  std::size_t offset = 0;
};

bool ends_with(std::string_view s, std::string_view tail) {
  return s.size() >= tail.size() && s.substr(s.size() - tail.size()) == tail;
}

std::string decode_entities(std::string s) {
  static const std::pair<const char*, const char*> kEntities[] = {
      {"&amp;", "&"}, {"&quot;", "\""}, {"&#39;", "'"}, {"&lt;", "<"}, {"&gt;", ">"}};
  for (const auto& [from, to] : kEntities) {
    std::string::size_type at = 0;
    while ((at = s.find(from, at)) != std::string::npos) {
      s.replace(at, std::string_view(from).size(), to);
      at += std::string_view(to).size();
    }
  }
  return s;
}

std::string percent_decode(const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && std::isxdigit(static_cast<unsigned char>(s[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(s[i + 2]))) {
      out += static_cast<char>(std::stoi(s.substr(i + 1, 2), nullptr, 16));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

bool name_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == ':' || c == '_'; }

// Values of the attributes `names` inside tags of an HTML text (quoted with " or ').
std::vector<Reference> attributes(const std::string& html, const std::set<std::string>& names) {
  std::vector<Reference> out;
  bool in_tag = false;
  for (std::size_t i = 0; i < html.size(); ++i) {
    char c = html[i];
    if (!in_tag) {
      if (c == '<' && i + 1 < html.size() && (std::isalpha(static_cast<unsigned char>(html[i + 1])))) in_tag = true;
      continue;
    }
    if (c == '>') {
      in_tag = false;
      continue;
    }
    if (c == '"' || c == '\'') {  // a value not preceded by a name we look for
      auto close = html.find(c, i + 1);
      if (close == std::string::npos) break;
      i = close;
      continue;
    }
    if (!name_char(c) || (i > 0 && name_char(html[i - 1]))) continue;
    std::size_t end = i;
    while (end < html.size() && name_char(html[end])) ++end;
    std::string name = html.substr(i, end - i);
    for (auto& ch : name) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    std::size_t eq = end;
    if (eq >= html.size() || html[eq] != '=' || eq + 1 >= html.size()) {
      i = end - 1;
      continue;
    }
    char quote = html[eq + 1];
    if (quote != '"' && quote != '\'') {
      i = eq;
      continue;
    }
    auto close = html.find(quote, eq + 2);
    if (close == std::string::npos) break;
    if (names.count(name)) out.push_back({decode_entities(html.substr(eq + 2, close - eq - 2)), eq + 2});
    i = close;
  }
  return out;
}

std::vector<Reference> css_urls(const std::string& css) {
  std::vector<Reference> out;
  std::string::size_type at = 0;
  while ((at = css.find("url(", at)) != std::string::npos) {
    auto close = css.find(')', at);
    if (close == std::string::npos) break;
    std::string v = css.substr(at + 4, close - at - 4);
    while (!v.empty() && (v.front() == ' ' || v.front() == '"' || v.front() == '\'')) v.erase(v.begin());
    while (!v.empty() && (v.back() == ' ' || v.back() == '"' || v.back() == '\'')) v.pop_back();
    out.push_back({v, at + 4});
    at = close;
  }
  return out;
}

std::string position(const std::string& file, const std::string& text, std::size_t offset) {
  std::size_t line = 1, column = 1;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  return file + ":" + std::to_string(line) + ":" + std::to_string(column);
}

bool has_scheme(const std::string& ref) {
  auto colon = ref.find(':');
  if (colon == std::string::npos || colon == 0) return false;
  for (std::size_t i = 0; i < colon; ++i) {
    char c = ref[i];
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '-' || c == '.')) return false;
  }
  return true;
}

// Joins `ref` to the folder of `from`, resolving "." and ".."; nullopt when it climbs out.
std::optional<std::string> resolve(const std::string& from, const std::string& ref) {
  std::vector<std::string> parts;
  std::string base = from.substr(0, from.rfind('/') == std::string::npos ? 0 : from.rfind('/') + 1);
  std::string joined = base + ref;
  std::string::size_type start = 0;
  while (start <= joined.size()) {
    auto slash = joined.find('/', start);
    std::string part = joined.substr(start, slash == std::string::npos ? std::string::npos : slash - start);
    if (part == "..") {
      if (parts.empty()) return std::nullopt;
      parts.pop_back();
    } else if (!part.empty() && part != ".") {
      parts.push_back(part);
    }
    if (slash == std::string::npos) break;
    start = slash + 1;
  }
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : "/") + p;
  if (!ref.empty() && ref.back() == '/') out += out.empty() ? "index.html" : "/index.html";
  if (ref.empty()) out = from;
  return out;
}

}  // namespace

std::vector<std::string> check_site(const fs::path& root, const CheckOptions& options) {
  const std::vector<std::string> files = list_files(root);
  const std::set<std::string> present(files.begin(), files.end());
  std::map<std::string, std::set<std::string>> ids;  // per HTML file, filled on demand
  auto ids_of = [&](const std::string& file) -> const std::set<std::string>& {
    auto it = ids.find(file);
    if (it != ids.end()) return it->second;
    std::set<std::string> found;
    for (const auto& r : attributes(read_bytes(root / file), {"id", "name"})) found.insert(r.target);
    return ids.emplace(file, std::move(found)).first->second;
  };

  std::vector<std::string> problems;
  for (const auto& file : files) {
    const bool html = ends_with(file, ".html");
    if (!html && !ends_with(file, ".css")) continue;
    const std::string text = read_bytes(root / file);
    const auto refs = html ? attributes(text, {"href", "src", "xlink:href", "action", "poster"}) : css_urls(text);
    for (const auto& r : refs) {
      const std::string& ref = r.target;
      auto problem = [&](const std::string& what) {
        problems.push_back(position(file, text, r.offset) + ": error: " + what);
      };
      if (ref.empty()) {
        problem("empty reference");
        continue;
      }
      if (ref.rfind("data:", 0) == 0) continue;
      if (ref.rfind("//", 0) == 0 || has_scheme(ref)) {
        bool declared = false;
        for (const auto& prefix : options.external) declared = declared || (!prefix.empty() && ref.rfind(prefix, 0) == 0);
        if (!declared)
          problem("'" + ref + "' refers outside the site and is not a declared external link (--allow-external)");
        continue;
      }
      std::string path = ref, fragment;
      if (auto hash = path.find('#'); hash != std::string::npos) {
        fragment = path.substr(hash + 1);
        path.erase(hash);
      }
      if (auto query = path.find('?'); query != std::string::npos) path.erase(query);
      path = percent_decode(path);
      std::optional<std::string> target;
      if (!path.empty() && path.front() == '/') {
        if (path.rfind(options.base_path, 0) != 0) {
          problem("'" + ref + "' starts with '/' but not with the site's path '" + options.base_path + "'");
          continue;
        }
        target = resolve("", path.substr(options.base_path.size()));
        if (path.back() == '/' && target && target->empty()) target = "index.html";
      } else {
        target = resolve(file, path);
      }
      if (!target) {
        problem("'" + ref + "' climbs out of the site");
        continue;
      }
      if (!present.count(*target)) {
        problem("'" + ref + "' does not exist in the site (looked for " + *target + ")");
        continue;
      }
      if (!fragment.empty() && ends_with(*target, ".html") && !ids_of(*target).count(percent_decode(fragment)))
        problem("'" + ref + "': " + *target + " has no element with id '" + fragment + "'");
    }
  }
  std::sort(problems.begin(), problems.end());
  return problems;
}

}  // namespace duiding::publish
