// Linux side of platform.h: starting other programs (Chromium, rsvg-convert).
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

#include "platform/platform.h"

namespace duiding::platform {

int run_program(const std::vector<std::string>& args, int timeout_s) {
  std::vector<char*> argv;
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  pid_t pid = fork();
  if (pid < 0) return -1;
  if (pid == 0) {
    setpgid(0, 0);
    if (FILE* null = std::freopen("/dev/null", "w", stdout)) (void)null;
    if (FILE* null = std::freopen("/dev/null", "w", stderr)) (void)null;
    execv(argv[0], argv.data());
    _exit(127);
  }
  // Its own process group: Chromium runs a group of processes, all killed on a time-out.
  setpgid(pid, pid);
  int status = 0;
  for (long waited_ms = 0;; waited_ms += 50) {
    pid_t done = waitpid(pid, &status, WNOHANG);
    if (done == pid) break;
    if (done < 0) return -1;
    if (waited_ms >= timeout_s * 1000L) {
      kill(-pid, SIGKILL);
      waitpid(pid, &status, 0);
      return kTimedOut;
    }
    usleep(50 * 1000);
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

FilterResult run_filter(const std::string& program, const std::vector<std::string>& args, std::string_view input) {
  FilterResult r;
  std::vector<char*> argv{const_cast<char*>(program.c_str())};
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  int in[2], out[2];
  if (pipe2(in, O_CLOEXEC) != 0) return r;
  if (pipe2(out, O_CLOEXEC) != 0) {
    close(in[0]), close(in[1]);
    return r;
  }
  pid_t pid = fork();
  if (pid < 0) {
    for (int fd : {in[0], in[1], out[0], out[1]}) close(fd);
    return r;
  }
  if (pid == 0) {
    dup2(in[0], 0);
    dup2(out[1], 1);
    if (int null = open("/dev/null", O_WRONLY); null >= 0) dup2(null, 2);
    execv(argv[0], argv.data());
    _exit(127);
  }
  close(in[0]), close(out[1]);
  // Write and read at the same time: a full pipe on either side must not stall both.
  signal(SIGPIPE, SIG_IGN);
  std::size_t written = 0;
  int to = in[1], from = out[0];
  fcntl(to, F_SETFL, O_NONBLOCK);
  while (from >= 0) {
    pollfd fds[2] = {{from, POLLIN, 0}, {to, POLLOUT, 0}};
    if (poll(fds, to >= 0 ? 2 : 1, 60000) <= 0) break;
    if (to >= 0 && (fds[1].revents & (POLLOUT | POLLERR | POLLHUP))) {
      ssize_t n = write(to, input.data() + written, input.size() - written);
      if (n > 0) written += static_cast<std::size_t>(n);
      if (n < 0 || written == input.size()) close(to), to = -1;
    }
    if (fds[0].revents & (POLLIN | POLLHUP | POLLERR)) {
      char buf[65536];
      ssize_t n = read(from, buf, sizeof buf);
      if (n > 0) r.out.append(buf, static_cast<std::size_t>(n));
      else close(from), from = -1;
    }
  }
  if (to >= 0) close(to);
  if (from >= 0) close(from), kill(pid, SIGKILL);
  int status = 0;
  waitpid(pid, &status, 0);
  r.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

}  // namespace duiding::platform
