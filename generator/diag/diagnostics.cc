#include "diag/diagnostics.h"
#include "diag/messages.h"

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

namespace {

// "[ook op nog 3 regels: a.csv regels 3-4, b.csv regel 7; los dit eerst op]": the places
// of the later errors of one cause, as runs of lines per file in the order they were found.
msg::Text also_on(const std::vector<SourcePos>& more) {
  constexpr std::size_t kMaxRuns = 12;
  std::vector<std::pair<std::string, std::vector<std::pair<int, int>>>> files;  // name -> runs of lines
  std::vector<bool> sheets;
  for (const SourcePos& p : more) {
    std::string name = p.sheet.empty() ? p.file : p.file + ':' + p.sheet;
    auto f = std::find_if(files.begin(), files.end(), [&](const auto& e) { return e.first == name; });
    if (f == files.end()) {
      f = files.insert(files.end(), {name, {}});
      sheets.push_back(!p.sheet.empty());
    }
    auto& runs = f->second;
    if (!runs.empty() && (p.line == runs.back().second || p.line == runs.back().second + 1)) runs.back().second = p.line;
    else runs.emplace_back(p.line, p.line);
  }
  std::vector<msg::Text> parts;
  std::size_t shown = 0;
  bool cut = false;
  for (std::size_t i = 0; i < files.size() && !cut; ++i) {
    const auto& [name, runs] = files[i];
    if (shown == kMaxRuns) {
      cut = true;
      break;
    }
    std::string list;
    for (std::size_t r = 0; r < runs.size(); ++r) {
      if (shown == kMaxRuns) {
        cut = true;
        break;
      }
      list += (r > 0 ? ", " : "") + std::to_string(runs[r].first);
      if (runs[r].second != runs[r].first) list += "-" + std::to_string(runs[r].second);
      ++shown;
    }
    bool several = runs.size() > 1 || runs.front().first != runs.front().second;
    msg::Text lines = sheets[i] ? msg::rijen_in(name, several ? 2 : 1, list) : msg::regels_in(name, several ? 2 : 1, list);
    parts.push_back(i == 0 ? lines : msg::lijst_verder(parts.back(), lines));
  }
  msg::Text all = parts.back();
  if (cut) all = msg::lijst_afgebroken(all);
  return msg::ook_op(static_cast<long long>(more.size()), all);
}

}  // namespace

std::string format(const Diagnostic& d, msg::Lang lang) {
  std::string out = where(d.pos);
  out += ": ";
  out += (d.severity == Severity::kError ? msg::ernst_fout() : msg::ernst_waarschuwing()).render(lang);
  out += ": ";
  out += d.message.render(lang);
  if (!d.also.empty()) out += " " + also_on(d.also).render(lang);
  return out;
}

msg::Text found(std::size_t errors, std::size_t warnings) {
  msg::Text e = msg::fouten(static_cast<long long>(errors));
  if (warnings == 0) return msg::gevonden(e);
  return msg::gevonden_met_waarschuwingen(e, msg::waarschuwingen(static_cast<long long>(warnings)));
}

void Diagnostics::error(SourcePos pos, msg::Text message) {
  items_.push_back({Severity::kError, std::move(pos), std::move(message), {}});
  ++errors_;
}

void Diagnostics::folded_error(const std::string& cause, SourcePos pos, msg::Text message) {
  auto it = folds_.find(cause);
  if (it == folds_.end()) {
    folds_.emplace(cause, std::make_pair(items_.size(), std::vector<SourcePos>{}));
    error(std::move(pos), std::move(message));
    return;
  }
  it->second.second.push_back(std::move(pos));
}

void Diagnostics::warning(SourcePos pos, msg::Text message) {
  items_.push_back({Severity::kWarning, std::move(pos), std::move(message), {}});
}

std::vector<Diagnostic> Diagnostics::sorted() const {
  std::vector<Diagnostic> out = items_;
  for (const auto& [cause, fold] : folds_) out[fold.first].also = fold.second;
  std::stable_sort(out.begin(), out.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.pos.file, a.pos.sheet, a.pos.line, a.pos.column) <
           std::tie(b.pos.file, b.pos.sheet, b.pos.line, b.pos.column);
  });
  return out;
}

void Diagnostics::print(std::ostream& out, msg::Lang lang, std::size_t limit) const {
  std::size_t shown = 0;
  for (const Diagnostic& d : sorted()) {
    if (shown == limit) {
      out << msg::meer_niet_getoond(static_cast<long long>(items_.size() - limit)).render(lang) << '\n';
      break;
    }
    out << format(d, lang) << '\n';
    ++shown;
  }
  if (items_.empty()) return;
  out << found(errors_, warning_count()).render(lang) << '\n';
}

}  // namespace duiding::diag
