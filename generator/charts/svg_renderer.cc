#include "charts/svg_renderer.h"

#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <set>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace duiding::charts {
namespace {

constexpr const char* kSetupHint = "run scripts/setup.sh";

std::string os_error(const std::string& what) { return what + ": " + std::strerror(errno); }

// Writes all of `data` to `fd`. A process that has gone away must show as an error, not as
// SIGPIPE ending duiding: the signal is blocked for this thread while writing, and one
// raised by the write is taken back before the mask is restored.
bool write_all(int fd, const std::string& data) {
  sigset_t pipe_only, old;
  sigemptyset(&pipe_only);
  sigaddset(&pipe_only, SIGPIPE);
  pthread_sigmask(SIG_BLOCK, &pipe_only, &old);
  bool ok = true;
  for (std::size_t done = 0; done < data.size();) {
    ssize_t n = ::write(fd, data.data() + done, data.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      ok = false;
      break;
    }
    done += static_cast<std::size_t>(n);
  }
  if (!ok && errno == EPIPE) {
    const timespec now{0, 0};
    while (sigtimedwait(&pipe_only, nullptr, &now) == SIGPIPE) {
    }
  }
  pthread_sigmask(SIG_SETMASK, &old, nullptr);
  return ok;
}

void close_fd(int& fd) {
  if (fd >= 0) ::close(fd);
  fd = -1;
}

}  // namespace

NodeSvgRenderer::NodeSvgRenderer(const std::filesystem::path& script) {
  if (!std::filesystem::is_regular_file(script))
    throw SvgRendererUnavailable("missing " + script.string() + "; " + kSetupHint);
  int in[2], out[2];
  if (::pipe2(in, O_CLOEXEC) != 0) throw std::runtime_error(os_error("cannot create a pipe"));
  if (::pipe2(out, O_CLOEXEC) != 0) {
    ::close(in[0]);
    ::close(in[1]);
    throw std::runtime_error(os_error("cannot create a pipe"));
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, in[0], STDIN_FILENO);
  posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
  std::string program = "node";
  std::string path = script.string();
  char* argv[] = {program.data(), path.data(), nullptr};
  int failed = posix_spawnp(&pid_, "node", &actions, nullptr, argv, environ);
  posix_spawn_file_actions_destroy(&actions);
  ::close(in[0]);
  ::close(out[1]);
  to_node_ = in[1];
  from_node_ = out[0];
  if (failed != 0) {
    pid_ = -1;
    close_fd(to_node_);
    close_fd(from_node_);
    throw SvgRendererUnavailable(std::string("cannot start node (") + std::strerror(failed) +
                                 ") to draw the charts as SVG; Node.js is needed at build time: " + kSetupHint);
  }
  nlohmann::json hello;
  try {
    hello = receive();
  } catch (const std::runtime_error& e) {
    stop();
    throw SvgRendererUnavailable(std::string(e.what()) + "; " + kSetupHint);
  }
  if (!hello.value("ready", false)) {
    stop();
    throw SvgRendererUnavailable("node " + path + ": " + hello.value("error", hello.dump()));
  }
  versions_ = "vega " + hello.value("vega", "?") + ", vega-lite " + hello.value("vega-lite", "?");
}

NodeSvgRenderer::~NodeSvgRenderer() { stop(); }

void NodeSvgRenderer::stop() {
  close_fd(to_node_);  // end of input: the script's loop ends and node exits
  close_fd(from_node_);
  if (pid_ > 0) {
    int status = 0;
    while (::waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
    }
    pid_ = -1;
  }
}

void NodeSvgRenderer::send(const std::string& line) {
  if (to_node_ < 0 || !write_all(to_node_, line)) throw std::runtime_error("the node process drawing SVG has stopped");
}

nlohmann::json NodeSvgRenderer::receive() {
  std::size_t end;
  char buffer[65536];
  while ((end = pending_.find('\n')) == std::string::npos) {
    ssize_t n = ::read(from_node_, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) throw std::runtime_error(os_error("cannot read from the node process drawing SVG"));
    if (n == 0) throw std::runtime_error("the node process drawing SVG ended without an answer");
    pending_.append(buffer, static_cast<std::size_t>(n));
  }
  std::string line = pending_.substr(0, end);
  pending_.erase(0, end + 1);
  auto answer = nlohmann::json::parse(line, nullptr, false);
  if (answer.is_discarded() || !answer.is_object())
    throw std::runtime_error("the node process drawing SVG answered something else than JSON: " + line.substr(0, 200));
  return answer;
}

std::string NodeSvgRenderer::render(const nlohmann::json& spec) {
  send(nlohmann::json{{"spec", spec}}.dump() + "\n");
  nlohmann::json answer = receive();
  if (answer.contains("svg") && answer["svg"].is_string()) return answer["svg"].get<std::string>();
  throw std::runtime_error("Vega could not draw a chart as SVG: " + answer.value("error", answer.dump()));
}

}  // namespace duiding::charts
