// duiding publish: the check refuses broken sites, the switch is atomic and leaves the
// live publication untouched on failure, earlier rounds stay as marked archived editions,
// and the three web server configurations say the same.
#include "publish/publish.h"

#include <catch2/catch.hpp>

#include "temp_dir.h"
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>
#include <string>

#include "publish/editions.h"
#include "publish/server_config.h"
#include "publish/site_check.h"
#include "publish/site_files.h"
#include "publish/tree.h"

namespace {

namespace fs = std::filesystem;
using namespace duiding::publish;

// Every test of this file writes into its own fresh /tmp folder.
struct TempDir : duiding::test::TempDir {
  TempDir() : duiding::test::TempDir("publish-test") {}
};

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

void put(const fs::path& p, const std::string& text) {
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << text;
}

const char* kCsp = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'";

std::string page(const std::string& body) {
  return std::string("<!DOCTYPE html>\n<html lang=\"nl\"><head><meta http-equiv=\"Content-Security-Policy\" content=\"") +
         kCsp + "\"><title>t</title></head>\n<body><main id=\"inhoud\">\n" + body + "</main></body></html>\n";
}

// A small site as `duiding build` writes it, for round `round`.
void small_site(const fs::path& dir, const std::string& round) {
  put(dir / "duiding-site.json",
      "{\"base_url\": \"https://gemeente.example/cijfers/\", \"title\": \"Cijfers\", \"organisation\": \"Gemeente\", "
      "\"round\": {\"id\": \"" + round + "\", \"label\": \"Meting " + round + "\", \"end\": \"" + round +
      "-06-30\"}, \"external_links\": [\"mailto:info@gemeente.example\"], \"downloads\": [{\"path\": "
      "\"thema/vraag/vraag.csv\", \"page\": \"thema/vraag/index.html\", \"title\": \"Vraag\"}]}\n");
  put(dir / "index.html", page("<a href=\"thema/vraag/index.html#cijfers\">vraag</a> <a href=\"#inhoud\">boven</a> "
                               "<a href=\"mailto:info@gemeente.example\">mail</a> <link href=\"assets/s.css\">\n"));
  put(dir / "thema/vraag/index.html", page("<h2 id=\"cijfers\">Cijfers " + round + "</h2><a href=\"../../\">home</a> "
                                           "<a href=\"vraag.csv\" download>csv</a>\n"));
  put(dir / "thema/vraag/vraag.csv", "round,value\n" + round + ",12.5\n");
  put(dir / "assets/s.css", "body { background: url(\"beeld.svg\"); }\n");
  put(dir / "assets/beeld.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n");
  // What the 404 page links to.
  put(dir / "assets/theme.css", "\n");
  put(dir / "assets/duiding.css", "\n");
  put(dir / "zoeken/index.html", page("<a href=\"../index.html\">home</a>\n"));
}

std::string live_release_name(const fs::path& target) { return fs::read_symlink(target / "current").filename(); }

}  // namespace

TEST_CASE("SHA-256 of 'abc' is the FIPS 180-2 example value", "[publish]") {
  CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

TEST_CASE("The site check finds broken links, missing anchors, stray absolute paths and undeclared external links",
          "[publish]") {
  TempDir t;
  small_site(t.path, "2024");
  CheckOptions o{.external = {"mailto:info@gemeente.example"}, .base_path = "/cijfers/"};
  CHECK(check_site(t.path, o).empty());

  put(t.path / "thema/index.html",
      page("<a href=\"vraag/index.html#tabel\">a</a>\n<img src=\"../assets/weg.png\" alt=\"\">\n"
           "<script src=\"https://cdn.example/lib.js\"></script>\n<a href=\"/elders/x.html\">b</a>\n"
           "<a href=\"/cijfers/thema/vraag/index.html#cijfers\">c</a>\n<a href=\"../../buiten.html\">d</a>\n"));
  auto problems = check_site(t.path, o);
  REQUIRE(problems.size() == 5);
  CHECK(problems[0].rfind("thema/index.html:4:", 0) == 0);  // lines sorted as text: 4, 5, 6, 7, 8
  std::string all;
  for (const auto& p : problems) all += p + "\n";
  CHECK(all.find("'vraag/index.html#tabel': thema/vraag/index.html has no element with id 'tabel'") != std::string::npos);
  CHECK(all.find("'../assets/weg.png' does not exist") != std::string::npos);
  CHECK(all.find("'https://cdn.example/lib.js' refers outside the site") != std::string::npos);
  CHECK(all.find("'/elders/x.html' starts with '/' but not with the site's path '/cijfers/'") != std::string::npos);
  CHECK(all.find("'../../buiten.html' climbs out of the site") != std::string::npos);

  o.external.push_back("https://cdn.example/");
  CHECK(check_site(t.path, o).size() == 4);
}

TEST_CASE("A new round archives the live edition under its round, marked, and the home page lists the editions",
          "[publish]") {
  TempDir t;
  small_site(t.path / "site2024", "2024");
  small_site(t.path / "site2025", "2025");
  std::ostringstream out, err;
  publish_site(t.path / "site2024", t.path / "target", {}, out, err);
  CHECK(live_release_name(t.path / "target") == "0001");
  const fs::path first = t.path / "target/releases/0001";
  CHECK(fs::exists(first / "sitemap.xml"));
  CHECK(slurp(first / "robots.txt").find("Sitemap: https://gemeente.example/cijfers/sitemap.xml") != std::string::npos);
  CHECK(slurp(first / "404.html").find("href=\"/cijfers/index.html\"") != std::string::npos);
  CHECK(fs::exists(first / "thema/vraag/vraag.csv-metadata.json"));

  publish_site(t.path / "site2025", t.path / "target", {}, out, err);
  const fs::path live = t.path / "target/current";
  CHECK(live_release_name(t.path / "target") == "0002");
  // Every file of the 2024 edition is in 2024/; non-pages byte for byte, pages with the
  // notice as the only difference.
  for (const auto& rel : {"thema/vraag/vraag.csv", "assets/s.css", "thema/vraag/vraag.csv-metadata.json"})
    CHECK(slurp(live / "2024" / rel) == slurp(first / rel));
  const std::string archived = slurp(live / "2024/thema/vraag/index.html");
  CHECK(archived.find("Gearchiveerde editie.") != std::string::npos);
  CHECK(archived.find("href=\"../../../thema/vraag/index.html\">Naar de nieuwste editie") != std::string::npos);
  const std::regex notice("\\n<!--duiding:archief-->.*<!--/duiding:archief-->");
  CHECK(std::regex_replace(archived, notice, "") == slurp(first / "thema/vraag/index.html"));
  // The permalink of the indicator is the same folder in both publications.
  CHECK(slurp(live / "thema/vraag/index.html").find("Cijfers 2025") != std::string::npos);
  CHECK(slurp(live / "index.html").find("<a href=\"2024/index.html\">Meting 2024</a> (gearchiveerd)") !=
        std::string::npos);
  CHECK(fs::exists(live / "2024/index.html"));

  // A correction of 2025 keeps the archived 2024 edition exactly as it is.
  put(t.path / "site2025/thema/vraag/vraag.csv", "round,value\n2025,13\n");
  publish_site(t.path / "site2025", t.path / "target", {}, out, err);
  CHECK(slurp(live / "2024/thema/vraag/index.html") == archived);
  CHECK(slurp(live / "thema/vraag/vraag.csv") == "round,value\n2025,13\n");
  CHECK(!fs::exists(live / "2025"));

  // An older round cannot come back over the newer one.
  CHECK_THROWS_AS(publish_site(t.path / "site2024", t.path / "target", {}, out, err), Refused);
  CHECK(live_release_name(t.path / "target") == "0003");
}

TEST_CASE("A refused site leaves the live publication and its manifest exactly as they were", "[publish]") {
  TempDir t;
  small_site(t.path / "good", "2024");
  std::ostringstream out, err;
  publish_site(t.path / "good", t.path / "target", {}, out, err);
  const std::string manifest = slurp(t.path / "target/current/SHA256SUMS");
  CHECK(manifest.find("  thema/vraag/index.html\n") != std::string::npos);

  small_site(t.path / "bad", "2025");
  put(t.path / "bad/thema/vraag/index.html", page("<a href=\"../weg/index.html\">weg</a>\n"));
  CHECK_THROWS_AS(publish_site(t.path / "bad", t.path / "target", {}, out, err), Refused);
  CHECK(err.str().find("thema/vraag/index.html:4:10: error: '../weg/index.html' does not exist") != std::string::npos);
  CHECK(slurp(t.path / "target/current/SHA256SUMS") == manifest);
  CHECK(live_release_name(t.path / "target") == "0001");
  CHECK(fs::directory_iterator(t.path / "target/releases") != fs::directory_iterator());
  std::size_t entries = 0;
  for (const auto& e : fs::directory_iterator(t.path / "target/releases")) entries += e.is_directory();
  CHECK(entries == 1);  // no staging folder left behind
}

TEST_CASE("A dry run writes nothing and rollback returns to the previous publication", "[publish]") {
  TempDir t;
  small_site(t.path / "a", "2024");
  small_site(t.path / "b", "2025");
  std::ostringstream out, err;
  publish_site(t.path / "a", t.path / "target", {}, out, err);
  std::ostringstream dry;
  publish_site(t.path / "b", t.path / "target", {.dry_run = true}, dry, err);
  CHECK(dry.str().find("+ 2024/thema/vraag/index.html\n") != std::string::npos);
  CHECK(dry.str().find("~ thema/vraag/vraag.csv\n") != std::string::npos);
  CHECK(!fs::exists(t.path / "target/releases/0002"));
  CHECK(live_release_name(t.path / "target") == "0001");

  publish_site(t.path / "b", t.path / "target", {}, out, err);
  CHECK(live_release_name(t.path / "target") == "0002");
  rollback(t.path / "target", out);
  CHECK(live_release_name(t.path / "target") == "0001");
  CHECK(slurp(t.path / "target/current/thema/vraag/vraag.csv") == "round,value\n2024,12.5\n");
  CHECK_THROWS_AS(rollback(t.path / "target", out), Unusable);
}

TEST_CASE("publish refuses a target that is not a publication folder", "[publish]") {
  TempDir t;
  small_site(t.path / "a", "2024");
  put(t.path / "target/index.html", "iets anders\n");
  std::ostringstream out, err;
  CHECK_THROWS_AS(publish_site(t.path / "a", t.path / "target", {}, out, err), Unusable);
  CHECK(slurp(t.path / "target/index.html") == "iets anders\n");
}
