// Open data: every number the site publishes, in the input's long format, so anyone can
// read a published site back into duiding and audit it (docs/disclosure.md). Written from
// the protected model only, like everything else.
#pragma once

#include <string>
#include <vector>

#include "model/model.h"
#include "render/page_frame.h"

namespace duiding::render {

/// Where the all-values CSV lands, from the site root.
inline constexpr const char* kOpenDataValues = "open-data/cijfers.csv";
inline constexpr const char* kOpenDataSamples = "open-data/steekproeven.csv";
inline constexpr const char* kOpenDataPoints = "open-data/punten.csv";

/// All values (round, indicator, group, breakdown, category, measure, value, note) in
/// model order.
std::string all_values_csv(const model::Model& m);

/// The published samples (round, group, n, population).
std::string samples_csv(const model::Model& m);

/// One open-data file: its path from the site root and a Dutch title for catalogues.
struct OpenDataFile {
  std::string path;
  std::string title;
};

/// The open-data files a build of `m` writes, in a fixed order.
std::vector<OpenDataFile> open_data_files(const model::Model& m);

/// open-data/cijfers.csv, open-data/steekproeven.csv and, when the site has triad
/// answers, open-data/punten.csv, in the order of open_data_files().
std::vector<DataFile> open_data(const model::Model& m);

}  // namespace duiding::render
