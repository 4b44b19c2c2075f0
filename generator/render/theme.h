// The site's look from site.json's `theme`: which NL Design System token package the
// pages load, the class that switches its tokens on, and assets/theme.css with the
// site's own overrides. The site's CSP (style-src 'self') forbids style attributes and
// <style> elements, so the overrides go into a file.
#pragma once

#include <string>

#include "model/model.h"

namespace duiding::render {

/// The class on `<html>`: the theme's own class, or its token package's.
std::string theme_class(const model::Theme& theme);

/// Path in the site of the token package's stylesheet, e.g. "assets/vendor/themes/utrecht.css".
std::string theme_stylesheet(const model::Theme& theme);

/// The text of assets/theme.css: every property of `theme.properties` in name order on
/// `html.duiding-theme`, which outranks the token package's `.x-theme` rule.
std::string theme_css(const model::Theme& theme);

}  // namespace duiding::render
