#include "serve/serve.h"

#include <httplib.h>
#include <signal.h>
#ifndef _WIN32
#include <pthread.h>
#endif

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <csignal>
#include <fstream>
#include <mutex>
#include <ostream>
#include <sstream>
#include <thread>

#include "serve/preview.h"

namespace duiding::serve {
namespace fs = std::filesystem;

namespace {

#ifdef _WIN32
// Windows has no sigwait: the console's Ctrl-C handler only sets a flag the loop reads.
std::atomic<bool> g_interrupted = false;
extern "C" void on_interrupt(int) { g_interrupted = true; }
#endif

// The site's own policy (site-templates/layout.html), also sent as a header: the preview
// shows whether the site works under it.
constexpr const char* kPolicy =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'";

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) throw CannotServe("cannot read " + p.string() + "; is duiding installed completely?");
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// The newest build, shared between the watching loop and the server's threads.
class Current {
 public:
  std::shared_ptr<const Snapshot> get() const {
    std::lock_guard lock(mutex_);
    return snapshot_;
  }
  void set(Snapshot s) {
    {
      std::lock_guard lock(mutex_);
      snapshot_ = std::make_shared<const Snapshot>(std::move(s));
    }
    changed_.notify_all();
  }
  /// The number of the newest build once it differs from `seen`, or `seen` after `limit`
  /// or when the preview stops.
  unsigned wait_for_other(unsigned seen, std::chrono::seconds limit, const std::atomic<bool>& stopping) {
    std::unique_lock lock(mutex_);
    changed_.wait_for(lock, limit, [&] { return stopping || snapshot_->number != seen; });
    return snapshot_->number;
  }
  void wake() { changed_.notify_all(); }

 private:
  mutable std::mutex mutex_;
  std::condition_variable changed_;
  std::shared_ptr<const Snapshot> snapshot_;
};

void answer(const Current& current, const std::map<std::string, std::string>& own, const httplib::Request& req,
            httplib::Response& res) {
  res.set_header("Content-Security-Policy", kPolicy);
  res.set_header("Cache-Control", "no-store");
  if (auto it = own.find(req.path); it != own.end()) {
    res.set_content(it->second, content_type(req.path).c_str());
    return;
  }
  auto path = site_path(req.path);
  if (!path) {
    res.status = 404;
    return;
  }
  auto snap = current.get();
  bool page = path->size() >= 5 && path->compare(path->size() - 5, 5, ".html") == 0;
  if (!snap->good() && page) {
    res.status = 500;
    res.set_content(error_page(*snap), "text/html; charset=utf-8");
    return;
  }
  auto it = snap->files.find(*path);
  if (it == snap->files.end()) {
    // A folder asked for without its slash: send the browser to it, so relative links work.
    if (snap->files.count(*path + "/index.html") > 0) {
      res.set_redirect(req.path + "/");
      return;
    }
    res.status = 404;
    res.set_content("niet gevonden: " + req.path + "\n", "text/plain; charset=utf-8");
    return;
  }
  if (page) res.set_content(with_reload_script(it->second, snap->number), content_type(*path).c_str());
  else res.set_content(it->second, content_type(*path).c_str());
}

void report(const Snapshot& s, std::ostream& out, std::ostream& err) {
  if (s.good()) {
    out << "duiding: build " << s.number << ": " << s.files.size() << " files; the open pages reload\n";
  } else {
    for (const auto& e : s.errors) err << e << "\n";
    err << "duiding: build " << s.number << " failed; the preview shows the errors until they are fixed\n";
  }
  out.flush();
  err.flush();
}

}  // namespace

std::string fingerprint(const fs::path& source) {
  std::vector<std::string> entries;
  for (const char* dir : {"data", "indicators"}) {
    std::error_code ec;
    fs::recursive_directory_iterator it(source / dir, fs::directory_options::skip_permission_denied, ec), end;
    for (; !ec && it != end; it.increment(ec)) {
      std::error_code e;
      auto status = it->symlink_status(e);
      auto time = fs::last_write_time(it->path(), e).time_since_epoch().count();
      auto size = fs::is_regular_file(status) ? fs::file_size(it->path(), e) : 0;
      entries.push_back(it->path().string() + '\0' + std::to_string(time) + '\0' + std::to_string(size));
    }
    entries.push_back(std::string(dir) + (ec ? " unreadable" : " read"));
  }
  std::sort(entries.begin(), entries.end());
  std::string out;
  for (const auto& e : entries) out += e + '\n';
  return out;
}

void run(const ServeOptions& options, std::ostream& out, std::ostream& err) {
  // Ctrl-C and SIGTERM are taken by one thread with sigwait(); every other thread
  // (including the server's) has them blocked, so a stop is always handled the same way.
#ifndef _WIN32
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
#else
  std::signal(SIGINT, on_interrupt);
  std::signal(SIGTERM, on_interrupt);
#endif

  std::map<std::string, std::string> own = {
      {kReloadScript, read_file(options.home / "site-templates" / "serve" / "duiding-serve.js")},
      {kErrorStyle, read_file(options.home / "site-templates" / "serve" / "duiding-serve.css")}};

  Current current;
  std::atomic<bool> stopping = false;
  httplib::Server server;
  server.Get(kWaitPath, [&](const httplib::Request& req, httplib::Response& res) {
    unsigned asked = 0;
    try {
      asked = static_cast<unsigned>(std::stoul(req.get_param_value("build")));
    } catch (const std::exception&) {
    }
    unsigned now = current.wait_for_other(asked, std::chrono::seconds(kWaitSeconds), stopping);
    res.set_header("Cache-Control", "no-store");
    res.set_content(std::to_string(now), "text/plain; charset=utf-8");
  });
  server.Get(".*", [&](const httplib::Request& req, httplib::Response& res) { answer(current, own, req, res); });
  // Only this computer: the preview shows unpublished figures.
  if (!server.bind_to_port("127.0.0.1", options.port))
    throw CannotServe("cannot listen on 127.0.0.1:" + std::to_string(options.port) +
                      " (is another program using the port?); choose another with --port");
  // The port is taken before the first build, so a port in use is said at once; requests
  // are answered only after it (listen_after_bind below).
  std::string seen = fingerprint(options.source);
  current.set(build_snapshot(options.source, options.home, nullptr, 1));
  report(*current.get(), out, err);
  std::thread listener([&] { server.listen_after_bind(); });
#ifndef _WIN32
  std::thread signals([&] {
    int sig = 0;
    sigwait(&stop_signals, &sig);
    stopping = true;
    current.wake();
  });
#endif
  out << "duiding: preview of " << fs::absolute(options.source).lexically_normal().string() << " at http://127.0.0.1:"
      << options.port << "/ (Ctrl-C stops it)\n";
  out.flush();

  auto poll = std::chrono::milliseconds(static_cast<int>(options.poll_seconds * 1000));
  unsigned number = 1;
  while (!stopping) {
    std::this_thread::sleep_for(poll);
#ifdef _WIN32
    if (g_interrupted) {
      stopping = true;
      current.wake();
      break;
    }
#endif
    std::string now = fingerprint(options.source);
    if (now == seen) continue;
    // An editor or Excel may write a file in steps: wait until it has stood still once.
    std::this_thread::sleep_for(poll);
    if (std::string again = fingerprint(options.source); again != now) continue;
    seen = now;
    auto previous = current.get();
    current.set(build_snapshot(options.source, options.home, previous.get(), ++number));
    report(*current.get(), out, err);
  }
  server.stop();
  listener.join();
#ifndef _WIN32
  // The signal thread has returned once `stopping` is set.
  signals.join();
#endif
  out << "duiding: preview stopped\n";
}

}  // namespace duiding::serve
