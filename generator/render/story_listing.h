// The paginated story lists (render/story_listing.cc).
#pragma once

#include <memory>
#include <vector>

#include "render/page_frame.h"
#include "render/story_site.h"

namespace duiding::render::story {

/// Every page of every listing of `site`, listing by listing, page 1 first.
std::vector<PageJob> listing_pages(const std::shared_ptr<const Site>& site);

}  // namespace duiding::render::story
