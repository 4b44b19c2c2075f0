// The check before a site goes live: every link, anchor and asset named in a page (href,
// src) or a stylesheet (url()) resolves to a file of the site (and, with a #fragment, to
// an element with that id in it); nothing refers outside the site unless it starts with a
// declared external link.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace duiding::publish {

struct CheckOptions {
  /// Links that may leave the site: a reference is allowed when it starts with one of
  /// these (e.g. "https://www.groningen.nl/", "mailto:toegankelijkheid@groningen.nl").
  std::vector<std::string> external;
  /// The path the site is served under (from base_url, e.g. "/impactmeting/"): a
  /// reference starting with "/" must start with it and is resolved from the root.
  std::string base_path = "/";
};

/// Every problem as `file:line:column: error: what`, sorted; empty when the site is sound.
std::vector<std::string> check_site(const std::filesystem::path& root, const CheckOptions& options);

}  // namespace duiding::publish
