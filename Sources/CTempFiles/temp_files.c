#define _GNU_SOURCE
#include "temp_files.h"
#include <signal.h>
#include <string.h>
#include <unistd.h>
#include <fcntl.h>
#include <stdio.h>
#include <errno.h>

enum { SLOTS = 64, CAPACITY = 4096 };
static char paths[SLOTS][CAPACITY];
static volatile sig_atomic_t used[SLOTS];   // 0 free, 1 being filled, 2 recorded
static volatile sig_atomic_t installed;

int tiemap_temp_register(const char *path) {
  size_t n = strlen(path);
  if (n >= CAPACITY) return -1;
  for (int i = 0; i < SLOTS; i++) {
    int expected = 0;
    if (__atomic_compare_exchange_n(&used[i], &expected, 1, 0, __ATOMIC_ACQ_REL, __ATOMIC_RELAXED)) {
      memcpy(paths[i], path, n + 1);
      __atomic_store_n(&used[i], 2, __ATOMIC_RELEASE);
      return i;
    }
  }
  return -1;
}

void tiemap_temp_release(int slot) {
  if (slot >= 0 && slot < SLOTS) __atomic_store_n(&used[slot], 0, __ATOMIC_RELEASE);
}

static void remove_and_reraise(int sig) {
  for (int i = 0; i < SLOTS; i++)
    if (__atomic_load_n(&used[i], __ATOMIC_ACQUIRE) == 2) unlink(paths[i]);
  signal(sig, SIG_DFL);
  raise(sig);
}

void tiemap_temp_install_handlers(void) {
  if (installed) return;
  installed = 1;
  const int signals[] = {SIGINT, SIGTERM, SIGHUP};
  for (unsigned k = 0; k < sizeof signals / sizeof signals[0]; k++) {
    struct sigaction old, sa;
    // A signal the caller ignores (nohup's SIGHUP, SIGINT in a background job) stays ignored.
    if (sigaction(signals[k], 0, &old) == 0 && old.sa_handler == SIG_IGN) continue;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = remove_and_reraise;
    sigfillset(&sa.sa_mask);   // one handler at a time
    sigaction(signals[k], &sa, 0);
  }
}

int tiemap_temp_open_unnamed(const char *dir, mode_t mode) {
#ifdef O_TMPFILE
  return open(dir, O_TMPFILE | O_WRONLY | O_CLOEXEC, mode);
#else
  errno = EOPNOTSUPP;
  return -1;
#endif
}

int tiemap_temp_link(int fd, const char *path) {
  char proc[64];
  snprintf(proc, sizeof proc, "/proc/self/fd/%d", fd);
  return linkat(AT_FDCWD, proc, AT_FDCWD, path, AT_SYMLINK_FOLLOW);
}
