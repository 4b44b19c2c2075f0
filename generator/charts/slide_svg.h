// A chart as a picture for a slide or an article: 1600 × 900 px with its title, question,
// group, n, source and the site's name inside the image, so a copy taken out of the site
// still says what it shows and where it comes from.
#pragma once

#include <string>

namespace duiding::charts {

/// What a slide says around its chart; empty fields are left out.
struct SlideText {
  std::string title;     ///< indicator title
  std::string subtitle;  ///< the chart's caption (group, round)
  std::string question;  ///< the question as asked
  std::string n;         ///< "n = 123" or "2022: n = 80; 2023: n = 95"
  std::string source;    ///< the indicator's source
  std::string site;      ///< site title and organisation
};

inline constexpr int kSlideWidth = 1600;
inline constexpr int kSlideHeight = 900;

/// An SVG of kSlideWidth × kSlideHeight: the texts of `t` above and below `chart_svg` (one
/// `<svg>` element with a viewBox, as charts::native_svg() draws it), which is scaled to
/// fill the space between them. Long texts wrap by an estimate of their width and are cut
/// with "…" after two lines. Deterministic: the same input gives the same bytes.
std::string slide_svg(const std::string& chart_svg, const SlideText& t);

}  // namespace duiding::charts
