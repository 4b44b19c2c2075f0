// The preview's pages (generator/serve/preview.h): the reload script only where the
// preview adds it, errors escaped in the page, request paths mapped onto site files.
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

#include "serve/preview.h"

using namespace duiding;

TEST_CASE("the preview adds its reload script as a file at the end of the head", "[serve]") {
  std::string page = "<html><head><title>x</title></head><body></body></html>";
  CHECK(serve::with_reload_script(page, 7) ==
        "<html><head><title>x</title><script src=\"/assets/duiding-serve.js\" data-build=\"7\" defer></script>\n"
        "</head><body></body></html>");
}

TEST_CASE("a page without a head gets the reload script before the end of its body", "[serve]") {
  CHECK(serve::with_reload_script("<p>a</p></body>", 2) ==
        "<p>a</p><script src=\"/assets/duiding-serve.js\" data-build=\"2\" defer></script>\n</body>");
}

TEST_CASE("the error page counts errors and warnings apart", "[serve]") {
  serve::Snapshot s;
  s.errors = {"a.csv:2:7: fout: x", "b.csv:1:1: waarschuwing: y", "c.csv:1:1: waarschuwing: z", "d.csv:3:1: fout: w"};
  s.warnings = 2;
  CHECK(serve::error_page(s).find("duiding vond 2 fouten en 2 waarschuwingen in de bron. Verbeter de fouten") !=
        std::string::npos);
}

TEST_CASE("the error page lists every message escaped, with no inline script or style", "[serve]") {
  serve::Snapshot s;
  s.number = 3;
  s.errors = {"data/values/a.csv:2:7: error: unknown category '<b>zeer&tevreden</b>'"};
  std::string page = serve::error_page(s);
  CHECK(page.find("<li>data/values/a.csv:2:7: error: unknown category &#39;&lt;b&gt;zeer&amp;tevreden&lt;/b&gt;&#39;"
                  "</li>") != std::string::npos);
  CHECK(page.find("<b>") == std::string::npos);
  CHECK(page.find("duiding vond 1 fout in de bron. Verbeter de fout") != std::string::npos);
  CHECK(page.find("<script src=\"/assets/duiding-serve.js\" data-build=\"3\" defer></script>") != std::string::npos);
  CHECK(page.find("<script>") == std::string::npos);
  CHECK(page.find("style=") == std::string::npos);
  CHECK(page.find("<style") == std::string::npos);
}

TEST_CASE("request paths name site files and never leave the site", "[serve]") {
  CHECK(serve::site_path("/") == "index.html");
  CHECK(serve::site_path("/kern/") == "kern/index.html");
  CHECK(serve::site_path("/assets/duiding.css") == "assets/duiding.css");
  CHECK_FALSE(serve::site_path("/../etc/passwd"));
  CHECK_FALSE(serve::site_path("/kern/../../x"));
  CHECK_FALSE(serve::site_path("/a\\..\\b"));
  CHECK_FALSE(serve::site_path("relative"));
}

TEST_CASE("a build that fails keeps the last good site's files beside its errors", "[serve]") {
  serve::Snapshot good;
  good.files = {{"assets/duiding.css", "body{}"}};
  auto bad = serve::build_snapshot("/nonexistent/duiding-source", DUIDING_TEST_DATA "/..", &good, 2);
  CHECK(bad.number == 2);
  CHECK_FALSE(bad.good());
  CHECK(bad.errors == std::vector<std::string>{"/nonexistent/duiding-source: fout: de sitebron is geen map"});
  CHECK(bad.files == good.files);
}

TEST_CASE("a good source builds into memory with no reload script in its pages", "[serve]") {
  auto s = serve::build_snapshot(DUIDING_TEST_DATA "/fixtures/mini", DUIDING_TEST_DATA "/..", nullptr, 1);
  REQUIRE(s.good());
  REQUIRE(s.files.count("index.html") == 1);
  for (const auto& [path, bytes] : s.files) CHECK(bytes.find("duiding-serve") == std::string::npos);
}
