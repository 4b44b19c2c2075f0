#include "diag/diagnostics.h"

#include <algorithm>
#include <ostream>
#include <tuple>

namespace duiding::diag {

std::string column_letters(int column) {
  std::string letters;
  for (; column > 0; column = (column - 1) / 26) letters.insert(letters.begin(), static_cast<char>('A' + (column - 1) % 26));
  return letters;
}

std::string where(const SourcePos& pos) {
  std::string out = pos.file;
  if (!pos.sheet.empty()) {
    out += ':' + pos.sheet;
    // A whole row reads as Excel writes one: Blad1!12:12.
    if (pos.line > 0)
      out += '!' + (pos.column > 0 ? column_letters(pos.column) + std::to_string(pos.line)
                                   : std::to_string(pos.line) + ':' + std::to_string(pos.line));
    return out;
  }
  if (pos.line > 0) {
    out += ':' + std::to_string(pos.line);
    if (pos.column > 0) out += ':' + std::to_string(pos.column);
  }
  return out;
}

std::string format(const Diagnostic& d) {
  std::string out = where(d.pos);
  out += d.severity == Severity::kError ? ": error: " : ": warning: ";
  out += d.message;
  return out;
}

void Diagnostics::error(SourcePos pos, std::string message) {
  items_.push_back({Severity::kError, std::move(pos), std::move(message)});
  ++errors_;
}

void Diagnostics::folded_error(const std::string& cause, SourcePos pos, std::string message) {
  auto it = folds_.find(cause);
  if (it == folds_.end()) {
    folds_.emplace(cause, std::make_pair(items_.size(), std::vector<SourcePos>{}));
    error(std::move(pos), std::move(message));
    return;
  }
  it->second.second.push_back(std::move(pos));
}

namespace {

// "[also on 3 more lines: a.csv lines 3-4, b.csv line 7; fix this first]": the places of
// the later errors of one cause, as runs of lines per file in the order they were found.
std::string also_on(const std::vector<SourcePos>& more) {
  constexpr std::size_t kMaxRuns = 12;
  std::vector<std::pair<std::string, std::vector<std::pair<int, int>>>> files;  // name -> runs of lines
  for (const SourcePos& p : more) {
    std::string name = p.sheet.empty() ? p.file : p.file + ':' + p.sheet;
    auto f = std::find_if(files.begin(), files.end(), [&](const auto& e) { return e.first == name; });
    if (f == files.end()) f = files.insert(files.end(), {name, {}});
    auto& runs = f->second;
    if (!runs.empty() && (p.line == runs.back().second || p.line == runs.back().second + 1)) runs.back().second = p.line;
    else runs.emplace_back(p.line, p.line);
  }
  std::string out = "[also on " + std::to_string(more.size()) + (more.size() == 1 ? " more line: " : " more lines: ");
  std::size_t shown = 0;
  bool cut = false;
  for (std::size_t i = 0; i < files.size() && !cut; ++i) {
    const auto& [name, runs] = files[i];
    if (shown == kMaxRuns) {
      out += ", ...";
      break;
    }
    bool sheet = name.find(".xlsx:") != std::string::npos;
    bool several = runs.size() > 1 || runs.front().first != runs.front().second;
    out += (i > 0 ? ", " : "") + name + (sheet ? (several ? " rows " : " row ") : (several ? " lines " : " line "));
    for (std::size_t r = 0; r < runs.size(); ++r) {
      if (shown == kMaxRuns) {
        out += ", ...";
        cut = true;
        break;
      }
      out += (r > 0 ? ", " : "") + std::to_string(runs[r].first);
      if (runs[r].second != runs[r].first) out += "-" + std::to_string(runs[r].second);
      ++shown;
    }
  }
  return out + "; fix this first]";
}

}  // namespace

void Diagnostics::warning(SourcePos pos, std::string message) {
  items_.push_back({Severity::kWarning, std::move(pos), std::move(message)});
}

std::vector<Diagnostic> Diagnostics::sorted() const {
  std::vector<Diagnostic> out = items_;
  for (const auto& [cause, fold] : folds_)
    if (!fold.second.empty()) out[fold.first].message += " " + also_on(fold.second);
  std::stable_sort(out.begin(), out.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.pos.file, a.pos.sheet, a.pos.line, a.pos.column) <
           std::tie(b.pos.file, b.pos.sheet, b.pos.line, b.pos.column);
  });
  return out;
}

namespace {
std::string plural(std::size_t n, const char* one, const char* many) {
  return std::to_string(n) + ' ' + (n == 1 ? one : many);
}
}  // namespace

void Diagnostics::print(std::ostream& out, std::size_t limit) const {
  std::size_t shown = 0;
  for (const Diagnostic& d : sorted()) {
    if (shown == limit) {
      out << "... " << items_.size() - limit << " more not shown\n";
      break;
    }
    out << format(d) << '\n';
    ++shown;
  }
  if (items_.empty()) return;
  out << "found " << plural(errors_, "error", "errors");
  if (warning_count() > 0) out << " and " << plural(warning_count(), "warning", "warnings");
  out << '\n';
}

}  // namespace duiding::diag
