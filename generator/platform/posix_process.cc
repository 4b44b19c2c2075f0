// Linux side of platform.h: starting other programs (Chromium).
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

}  // namespace duiding::platform
