#include "publish/publish.h"


#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <set>

#include <nlohmann/json.hpp>

#include "platform/platform.h"
#include "publish/archive.h"
#include "publish/editions.h"
#include "publish/server_config.h"
#include "publish/site_check.h"
#include "publish/site_files.h"
#include "publish/tree.h"
#include "render/html.h"

namespace duiding::publish {
namespace fs = std::filesystem;
using nlohmann::json;
using render::escape;

namespace {

constexpr const char* kEditionFile = "duiding-site.json";
// Files publish writes at the root of a publication; they belong to no edition.
const std::set<std::string> kRootFiles = {kManifest, "sitemap.xml", "robots.txt", ".htaccess", "web.config",
                                          kEditionsFile, kCatalogue, "404.html"};

json read_json(const fs::path& file) {
  try {
    return json::parse(read_bytes(file));
  } catch (const json::exception& e) {
    throw Unusable(file.string() + ": not valid JSON: " + e.what());
  }
}

std::string round_id(const json& edition) {
  const json& r = edition.value("round", json());
  return r.is_object() ? r.value("id", "") : "";
}
std::string round_label(const json& edition) {
  const json& r = edition.value("round", json());
  return r.is_object() ? r.value("label", r.value("id", "")) : "";
}

std::string up(const std::string& rel) {
  std::string root;
  for (char c : rel)
    if (c == '/') root += "../";
  return root;
}

// The live release (what `current` points at), or empty.
fs::path live_release(const fs::path& target) {
  fs::path current = target / "current";
  if (!fs::is_symlink(current)) return {};
  fs::path release = fs::read_symlink(current);
  if (release.is_relative()) release = target / release;
  return fs::is_directory(release) ? release : fs::path();
}

std::vector<std::string> releases(const fs::path& target) {
  std::vector<std::string> out;
  if (!fs::is_directory(target / "releases")) return out;
  for (const auto& e : fs::directory_iterator(target / "releases")) {
    std::string n = e.path().filename().string();
    if (e.is_directory() && n.size() == 4 && std::all_of(n.begin(), n.end(), ::isdigit)) out.push_back(n);
  }
  std::sort(out.begin(), out.end());
  return out;
}

// Replaces `current` by a symlink to releases/<name> with one rename(2).
void switch_to(const fs::path& target, const std::string& name) {
  fs::path next = target / (".current-" + std::to_string(platform::process_id()));
  fs::remove(next);
  fs::create_directory_symlink(fs::path("releases") / name, next);
  fs::rename(next, target / "current");
}

void copy_tree(const fs::path& from, const fs::path& to) {
  fs::create_directories(to);
  fs::copy(from, to, fs::copy_options::recursive);
}

// The archived editions of a release: [{id, label, path}], newest round first.
json archived_of(const fs::path& release) {
  if (release.empty() || !fs::exists(release / kEditionsFile)) return json::array();
  return read_json(release / kEditionsFile).value("archived", json::array());
}

// Copies the live release's own edition to staging/<round>/, as it was published: every
// file but the publication's root files and the archived editions, with the archive
// notice in each page and without the editions list on its home page.
void archive_edition(const fs::path& live, const json& live_edition, const json& archived, const fs::path& staging,
                     const std::set<std::string>& new_files) {
  std::set<std::string> skip_dirs;
  for (const auto& a : archived) skip_dirs.insert(a.value("path", "") + "/");
  const std::string dir = round_id(live_edition);
  for (const auto& rel : list_files(live)) {
    if (kRootFiles.count(rel)) continue;
    bool in_archive = false;
    for (const auto& d : skip_dirs) in_archive = in_archive || rel.rfind(d, 0) == 0;
    if (in_archive) continue;
    const fs::path to = staging / dir / rel;
    if (rel.size() > 5 && rel.substr(rel.size() - 5) == ".html") {
      // The same page in the newest edition when it still exists (stable permalinks).
      std::string newest = up(dir + "/" + rel) + (new_files.count(rel) ? rel : "index.html");
      write_bytes(to, mark_archived(remove_editions(read_bytes(live / rel)), round_label(live_edition), newest));
    } else {
      fs::create_directories(to.parent_path());
      fs::copy_file(live / rel, to);
    }
  }
}

std::string editions_list(const json& current, const json& archived) {
  std::string s = "<section class=\"editions\" aria-labelledby=\"edities\">\n<h2 id=\"edities\">Edities</h2>\n"
                  "<p>Elke meetronde is als eigen editie gepubliceerd. Eerdere edities blijven ongewijzigd "
                  "bereikbaar.</p>\n<ul>\n<li>" + escape(round_label(current)) + " (deze editie)</li>\n";
  for (const auto& a : archived)
    s += "<li><a href=\"" + escape(a.value("path", "")) + "/index.html\">" + escape(a.value("label", "")) +
         "</a> (gearchiveerd)</li>\n";
  return s + "</ul>\n</section>\n";
}

// What publish adds at the root and beside every CSV of the current edition.
void add_publication_files(const fs::path& staging, const json& edition, const json& archived) {
  const std::string base_url = edition.value("base_url", "");
  std::set<std::string> archive_dirs;
  for (const auto& a : archived) archive_dirs.insert(a.value("path", "") + "/");
  std::map<std::string, std::string> titles;
  for (const auto& d : edition.value("downloads", json::array())) titles[d.value("path", "")] = d.value("title", "");
  for (const auto& rel : list_files(staging)) {
    if (rel.size() < 4 || rel.substr(rel.size() - 4) != ".csv") continue;
    bool in_archive = false;
    for (const auto& d : archive_dirs) in_archive = in_archive || rel.rfind(d, 0) == 0;
    if (in_archive) continue;
    std::string text = read_bytes(staging / rel);
    std::string header = text.substr(0, text.find('\n'));
    std::string name = rel.substr(rel.rfind('/') == std::string::npos ? 0 : rel.rfind('/') + 1);
    write_bytes(staging / (rel + "-metadata.json"),
                csvw_metadata(name, titles.count(rel) ? titles[rel] : name, header));
  }
  write_bytes(staging / "404.html", not_found_page(edition, meta_csp(read_bytes(staging / "index.html"))));
  write_bytes(staging / kCatalogue, dcat_catalogue(edition));
  write_bytes(staging / "robots.txt", robots_txt(base_url));
  json editions = {{"current", {{"id", round_id(edition)}, {"label", round_label(edition)}}}, {"archived", archived}};
  write_bytes(staging / kEditionsFile, editions.dump(2) + "\n");
  if (!archived.empty())
    write_bytes(staging / "index.html",
                insert_editions(read_bytes(staging / "index.html"), editions_list(edition, archived)));
  const std::string csp = meta_csp(read_bytes(staging / "index.html"));
  const ServerPolicy policy = server_policy(csp, base_path(base_url));
  write_bytes(staging / ".htaccess", htaccess(policy));
  write_bytes(staging / "web.config", web_config(policy));
  write_bytes(staging / "sitemap.xml", sitemap_xml(base_url, list_files(staging)));
}

std::string warc_date(const std::string& given) {
  if (!given.empty()) return given;
  std::time_t t = std::time(nullptr);
  if (const char* e = std::getenv("SOURCE_DATE_EPOCH"); e != nullptr && *e != 0) t = std::strtoll(e, nullptr, 10);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&t));
  return buf;
}

long long zip_time(const json& edition) {
  std::string d = edition.value("round", json::object()).value("end", "");
  if (d.size() == 10) {  // noon UTC that day (std::chrono's calendar: timegm is not on Windows)
    using namespace std::chrono;
    sys_days day{year{std::stoi(d.substr(0, 4))} / std::stoi(d.substr(5, 2)) / std::stoi(d.substr(8, 2))};
    return duration_cast<seconds>(day.time_since_epoch()).count() + 12 * 3600;
  }
  return 315576000;  // 1980-01-01, the earliest date a zip holds
}

}  // namespace

void publish_site(const fs::path& site, const fs::path& target, const PublishOptions& options, std::ostream& out,
                  std::ostream& err) {
  if (!fs::is_regular_file(site / kEditionFile))
    throw Unusable(site.string() + " is not a site written by 'duiding build' (it has no " + kEditionFile + ")");
  const json edition = read_json(site / kEditionFile);
  const std::string base_url = edition.value("base_url", "");
  if (base_url.empty())
    throw Refused("the site has no base_url (data/site.json); sitemap.xml, robots.txt and the catalogue need the "
                  "address the site will live at");
  if (fs::exists(target) && !fs::is_empty(target) && !fs::is_directory(target / "releases"))
    throw Unusable(target.string() + " exists and is not a publication target of duiding (no releases/); "
                   "publish into an empty or new folder");
  const fs::path live = live_release(target);
  const json live_edition = live.empty() ? json() : read_json(live / kEditionFile);
  json archived = archived_of(live);

  fs::path staging = options.dry_run ? fs::temp_directory_path() / ("duiding-publish-" + std::to_string(platform::process_id()))
                                     : target / "releases" / (".staging-" + std::to_string(platform::process_id()));
  struct Cleanup {
    fs::path dir;
    ~Cleanup() {
      std::error_code ec;
      if (!dir.empty()) fs::remove_all(dir, ec);
    }
  } cleanup{staging};
  fs::remove_all(staging);
  copy_tree(site, staging);
  const std::vector<std::string> new_files = list_files(staging);
  const std::set<std::string> new_set(new_files.begin(), new_files.end());

  const std::string new_round = round_id(edition);
  for (const auto& a : archived)
    if (a.value("id", "") == new_round)
      throw Refused("round " + new_round + " is already published as an archived edition (" + a.value("path", "") +
                    "/); publish a newer round or correct the live one");
  if (!live.empty() && new_round < round_id(live_edition))
    throw Refused("the site is of round " + new_round + ", older than the live round " + round_id(live_edition) +
                  "; an archived edition is kept as it was published and cannot be replaced");
  const bool new_edition = !live.empty() && round_id(live_edition) != new_round;
  if (new_edition) {
    json entry = {{"id", round_id(live_edition)}, {"label", round_label(live_edition)},
                  {"path", round_id(live_edition)}};
    archived.insert(archived.begin(), entry);
  }
  for (const auto& a : archived) {
    const std::string dir = a.value("path", "");
    if (fs::exists(staging / dir))
      throw Refused("the new site has its own " + dir + "/, where the archived edition " + a.value("label", "") +
                    " lives; rename that folder in the site");
  }
  for (std::size_t i = new_edition ? 1 : 0; i < archived.size(); ++i)
    copy_tree(live / archived[i].value("path", ""), staging / archived[i].value("path", ""));
  if (new_edition) archive_edition(live, live_edition, archived_of(live), staging, new_set);
  std::sort(archived.begin(), archived.end(),
            [](const json& a, const json& b) { return a.value("id", "") > b.value("id", ""); });
  add_publication_files(staging, edition, archived);

  CheckOptions check{.external = options.external, .base_path = base_path(base_url)};
  check.external.push_back(base_with_slash(base_url));
  for (const auto& e : edition.value("external_links", json::array())) check.external.push_back(e.get<std::string>());
  const std::vector<std::string> problems = check_site(staging, check);
  if (!problems.empty()) {
    for (const auto& p : problems) err << p << "\n";
    throw Refused(std::to_string(problems.size()) + " problems in the site; nothing was published and " +
                  target.string() + " is unchanged");
  }
  const auto hashes = hash_tree(staging);
  write_bytes(staging / kManifest, manifest_text(hashes));

  const auto before = live.empty() ? std::map<std::string, std::string>() : read_manifest(live / kManifest);
  if (options.dry_run) {
    std::size_t added = 0, changed = 0, removed = 0;
    for (const auto& [path, hex] : hashes) {
      auto it = before.find(path);
      if (it == before.end()) out << "+ " << path << "\n", ++added;
      else if (it->second != hex) out << "~ " << path << "\n", ++changed;
    }
    for (const auto& [path, hex] : before)
      if (!hashes.count(path)) out << "- " << path << "\n", ++removed;
    out << "duiding: dry run: " << added << " files would be added, " << changed << " changed, " << removed
        << " removed" << (new_edition ? "; the live edition " + round_label(live_edition) + " would be archived under " +
                                            round_id(live_edition) + "/"
                                      : "")
        << "; nothing was written\n";
    return;
  }

  if (!options.warc.empty()) {
    // What a browser can fetch: not the server's own configuration.
    std::vector<std::string> served;
    for (const auto& rel : list_files(staging))
      if (rel != ".htaccess" && rel != "web.config") served.push_back(rel);
    const ServerPolicy policy = server_policy(meta_csp(read_bytes(site / "index.html")), base_path(base_url));
    write_warc(staging, served, base_url, policy, warc_date(options.date), options.warc);
  }
  if (!options.zip.empty()) {
    // The edition as built (its home page without the editions list, whose links lead to
    // archived editions the zip does not hold) and the CSV on the Web metadata.
    std::vector<ZipEntry> entries;
    for (const auto& rel : new_files) entries.push_back({site / rel, rel});
    for (const auto& rel : new_files)
      if (rel.size() > 4 && rel.substr(rel.size() - 4) == ".csv")
        entries.push_back({staging / (rel + "-metadata.json"), rel + "-metadata.json"});
    std::sort(entries.begin(), entries.end(), [](const ZipEntry& a, const ZipEntry& b) { return a.name < b.name; });
    write_zip(entries, "duiding-" + new_round, zip_time(edition), options.zip);
  }

  const std::vector<std::string> existing = releases(target);
  char name[16];
  std::snprintf(name, sizeof name, "%04d", existing.empty() ? 1 : std::stoi(existing.back()) + 1);
  fs::rename(staging, target / "releases" / name);
  cleanup.dir.clear();
  switch_to(target, name);
  const ServerPolicy policy = server_policy(meta_csp(read_bytes(site / "index.html")), base_path(base_url));
  write_bytes(target / "nginx.conf", nginx_config(policy));
  out << "duiding: published round " << new_round << " as " << (target / "releases" / name).string() << " ("
      << hashes.size() + 1 << " files); " << (target / "current").string() << " now points at it\n";
  if (new_edition)
    out << "duiding: the previous edition " << round_label(live_edition) << " stays at " << round_id(live_edition)
        << "/, marked as archived\n";
  if (!options.warc.empty()) out << "duiding: WARC written to " << options.warc.string() << "\n";
  if (!options.zip.empty()) out << "duiding: offline copy written to " << options.zip.string() << "\n";
}

void rollback(const fs::path& target, std::ostream& out) {
  const fs::path live = live_release(target);
  if (live.empty()) throw Unusable(target.string() + " has no publication to roll back");
  const std::string now = live.filename().string();
  std::string previous;
  for (const auto& r : releases(target))
    if (r < now) previous = r;
  if (previous.empty()) throw Unusable("release " + now + " is the first publication in " + target.string() +
                                       "; there is nothing to roll back to");
  switch_to(target, previous);
  out << "duiding: " << (target / "current").string() << " points at release " << previous << " again (was " << now
      << ")\n";
}

void write_server_config(const std::string& layout_html, const fs::path& dir) {
  const ServerPolicy policy = server_policy(meta_csp(layout_html), "/");
  write_bytes(dir / "nginx.conf", nginx_config(policy));
  write_bytes(dir / ".htaccess", htaccess(policy));
  write_bytes(dir / "web.config", web_config(policy));
}

}  // namespace duiding::publish
