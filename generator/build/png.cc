#include "build/png.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <vector>

namespace duiding::build {
namespace fs = std::filesystem;

std::string find_rsvg_convert() {
  if (const char* env = std::getenv("DUIDING_RSVG_CONVERT"); env != nullptr && *env != 0)
    return fs::is_regular_file(env) ? env : "";
  return fs::is_regular_file("/usr/bin/rsvg-convert") ? "/usr/bin/rsvg-convert" : "";
}

std::string RsvgRasteriser::png(const std::string& svg) const {
  int in[2], out[2];
  if (pipe2(in, O_CLOEXEC) != 0) throw PngFailed("rsvg-convert: cannot make a pipe");
  if (pipe2(out, O_CLOEXEC) != 0) {
    close(in[0]), close(in[1]);
    throw PngFailed("rsvg-convert: cannot make a pipe");
  }
  pid_t pid = fork();
  if (pid < 0) {
    for (int fd : {in[0], in[1], out[0], out[1]}) close(fd);
    throw PngFailed("rsvg-convert: cannot start a process");
  }
  if (pid == 0) {
    dup2(in[0], 0);
    dup2(out[1], 1);
    if (int null = open("/dev/null", O_WRONLY); null >= 0) dup2(null, 2);
    // Input on stdin: relative links in the SVG resolve nowhere, so nothing is read.
    execl(program_.c_str(), program_.c_str(), "--format=png", nullptr);
    _exit(127);
  }
  close(in[0]), close(out[1]);
  // Write and read at the same time: a full pipe on either side must not stall both.
  signal(SIGPIPE, SIG_IGN);
  std::string png;
  std::size_t written = 0;
  int to = in[1], from = out[0];
  fcntl(to, F_SETFL, O_NONBLOCK);
  while (from >= 0) {
    pollfd fds[2] = {{from, POLLIN, 0}, {to, POLLOUT, 0}};
    if (poll(fds, to >= 0 ? 2 : 1, 60000) <= 0) break;
    if (to >= 0 && (fds[1].revents & (POLLOUT | POLLERR | POLLHUP))) {
      ssize_t n = write(to, svg.data() + written, svg.size() - written);
      if (n > 0) written += static_cast<std::size_t>(n);
      if (n < 0 || written == svg.size()) close(to), to = -1;
    }
    if (fds[0].revents & (POLLIN | POLLHUP | POLLERR)) {
      char buf[65536];
      ssize_t n = read(from, buf, sizeof buf);
      if (n > 0) png.append(buf, static_cast<std::size_t>(n));
      else close(from), from = -1;
    }
  }
  if (to >= 0) close(to);
  if (from >= 0) close(from), kill(pid, SIGKILL);
  int status = 0;
  waitpid(pid, &status, 0);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 || png.rfind("\x89PNG", 0) != 0)
    throw PngFailed("rsvg-convert (" + program_ + ") could not draw a chart as PNG" +
                    (WIFEXITED(status) ? " (exit status " + std::to_string(WEXITSTATUS(status)) + ")" : ""));
  return png;
}

}  // namespace duiding::build
