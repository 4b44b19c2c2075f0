#include "serve/preview.h"

#include <fmt/format.h>

#include "build/pipeline.h"
#include "diag/messages.h"
#include "render/html.h"
#include "write/output.h"

namespace duiding::serve {
namespace fs = std::filesystem;

namespace {

// "fout: ", as a diagnostic line says it.
std::string fout() { return msg::ernst_fout().render(msg::Lang::kNl) + ": "; }

}  // namespace

Snapshot build_snapshot(const fs::path& source, const fs::path& home, const Snapshot* previous, unsigned number) {
  Snapshot s;
  s.number = number;
  diag::Diagnostics diag;
  try {
    if (auto m = build::check(source, diag)) {
      write::MemoryOutput out;
      build::build(*m, home, out);
      s.files = std::move(out.files);
      return s;
    }
    for (const auto& d : diag.sorted()) s.errors.push_back(diag::format(d));
    s.warnings = diag.warning_count();
  } catch (const build::DisclosureLeak& e) {
    s.errors.push_back(fout() + e.what());
  } catch (const build::MissingAsset& e) {
    s.errors.push_back(fout() + e.what());
  } catch (const write::PathCollision& e) {
    s.errors.push_back(fout() + e.what());
  } catch (const std::exception& e) {
    // The preview keeps running; `duiding build` would end with exit code 70 here.
    s.errors.push_back(msg::cli_interne_fout(e.what()).render(msg::Lang::kNl) + ". " +
                       msg::cli_meld_fout().render(msg::Lang::kNl));
  }
  if (previous != nullptr) s.files = previous->files;
  return s;
}

std::string with_reload_script(std::string html, unsigned number) {
  std::string tag = fmt::format("<script src=\"{}\" data-build=\"{}\" defer></script>", kReloadScript, number);
  for (const char* before : {"</head>", "</body>"}) {
    if (auto at = html.find(before); at != std::string::npos) return html.insert(at, tag + "\n");
  }
  return html + tag;
}

// "1 fout", or "1 fout en 4 waarschuwingen": what the list below holds.
static std::string found(const Snapshot& s) {
  const auto errors = static_cast<long long>(s.errors.size() - s.warnings);
  std::string text = msg::fouten(errors).render(msg::Lang::kNl);
  if (s.warnings > 0) text += " en " + msg::waarschuwingen(static_cast<long long>(s.warnings)).render(msg::Lang::kNl);
  return text;
}

std::string error_page(const Snapshot& s) {
  std::string items;
  for (const auto& e : s.errors) items += "<li>" + render::escape(e) + "</li>\n";
  std::string page = fmt::format(
      "<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<title>De bron heeft fouten – duiding serve</title>\n<link rel=\"stylesheet\" href=\"{}\">\n</head>\n"
      "<body>\n<main>\n<h1>De site kan niet worden gebouwd</h1>\n"
      "<p>duiding vond {} in de bron. Verbeter {} en sla het bestand op: deze pagina laadt dan vanzelf "
      "opnieuw.</p>\n<ul class=\"duiding-serve-errors\">\n{}</ul>\n"
      "<p>Elke regel noemt het bestand, de regel en de kolom (of het blad en de cel) van de fout.</p>\n"
      "</main>\n</body>\n</html>\n",
      kErrorStyle, found(s), s.errors.size() - s.warnings == 1 ? "de fout" : "de fouten", items);
  return with_reload_script(std::move(page), s.number);
}

std::optional<std::string> site_path(const std::string& request_path) {
  if (request_path.empty() || request_path[0] != '/') return std::nullopt;
  std::string p = request_path.substr(1);
  std::size_t start = 0;
  while (start <= p.size()) {
    std::size_t end = p.find('/', start);
    std::string part = p.substr(start, end == std::string::npos ? std::string::npos : end - start);
    if (part == ".." || part == "." || part.find('\\') != std::string::npos) return std::nullopt;
    if (end == std::string::npos) break;
    start = end + 1;
  }
  if (p.empty() || p.back() == '/') p += "index.html";
  return p;
}

std::string content_type(const std::string& path) {
  static const std::map<std::string, std::string> kTypes = {
      {".html", "text/html; charset=utf-8"}, {".css", "text/css; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"}, {".json", "application/json"},
      {".svg", "image/svg+xml"}, {".csv", "text/csv; charset=utf-8"}, {".png", "image/png"},
      {".jpg", "image/jpeg"}, {".jpeg", "image/jpeg"}, {".gif", "image/gif"}, {".webp", "image/webp"},
      {".woff2", "font/woff2"}, {".woff", "font/woff"}, {".txt", "text/plain; charset=utf-8"},
      {".xml", "application/xml"}, {".pdf", "application/pdf"}, {".md", "text/plain; charset=utf-8"}};
  auto dot = path.rfind('.');
  if (dot != std::string::npos) {
    if (auto it = kTypes.find(path.substr(dot)); it != kTypes.end()) return it->second;
  }
  return "application/octet-stream";
}

}  // namespace duiding::serve
