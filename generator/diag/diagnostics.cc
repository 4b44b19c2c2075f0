#include "diag/diagnostics.h"

#include <algorithm>
#include <ostream>
#include <tuple>

namespace duiding::diag {

std::string format(const Diagnostic& d) {
  std::string out = d.pos.file;
  if (d.pos.line > 0) {
    out += ':' + std::to_string(d.pos.line);
    if (d.pos.column > 0) out += ':' + std::to_string(d.pos.column);
  }
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
    folds_.emplace(cause, std::make_pair(items_.size(), std::size_t{0}));
    error(std::move(pos), std::move(message));
    return;
  }
  std::size_t more = ++it->second.second;
  Diagnostic& first = items_[it->second.first];
  std::string::size_type note = first.message.find(" [and ");
  if (note != std::string::npos) first.message.erase(note);
  first.message += " [and " + std::to_string(more) + (more == 1 ? " more line" : " more lines") +
                   " with the same problem; fix this first]";
}

void Diagnostics::warning(SourcePos pos, std::string message) {
  items_.push_back({Severity::kWarning, std::move(pos), std::move(message)});
}

std::vector<Diagnostic> Diagnostics::sorted() const {
  std::vector<Diagnostic> out = items_;
  std::stable_sort(out.begin(), out.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.pos.file, a.pos.line, a.pos.column) <
           std::tie(b.pos.file, b.pos.line, b.pos.column);
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
