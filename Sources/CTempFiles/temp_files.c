#define _GNU_SOURCE
#include "temp_files.h"
#include <signal.h>
#include <string.h>
#include <unistd.h>
#include <fcntl.h>
#include <stdio.h>
#include <errno.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

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

// Mapped input files and the SIGBUS handler (see temp_files.h). The handler only reads the tables and calls
// write, unlink, signal, raise and _exit, which are async-signal-safe.
enum { MAPPED = 16 };
static char mapped_paths[MAPPED][CAPACITY];
static const char *volatile mapped_base[MAPPED];
static volatile size_t mapped_length[MAPPED];
static volatile sig_atomic_t mapped_used[MAPPED];   // 0 free, 1 being filled, 2 recorded
static volatile sig_atomic_t bus_installed;

static void write_all(const char *s, size_t n) {
  while (n > 0) {
    ssize_t w = write(STDERR_FILENO, s, n);
    if (w <= 0) return;
    s += w; n -= (size_t)w;
  }
}

static void on_bus(int sig, siginfo_t *info, void *context) {
  (void)context;
  const char *at = (const char *)info->si_addr;
  for (int i = 0; i < MAPPED; i++) {
    if (__atomic_load_n(&mapped_used[i], __ATOMIC_ACQUIRE) != 2) continue;
    const char *base = mapped_base[i];
    if (at < base || at >= base + mapped_length[i]) continue;
    static const char head[] = "tiemap: error: ";
    static const char tail[] = ": the file shrank while it was being read (another program rewrote it?); nothing was written\n";
    write_all(head, sizeof head - 1);
    write_all(mapped_paths[i], strlen(mapped_paths[i]));
    write_all(tail, sizeof tail - 1);
    for (int j = 0; j < SLOTS; j++)
      if (__atomic_load_n(&used[j], __ATOMIC_ACQUIRE) == 2) unlink(paths[j]);
    _exit(1);
  }
  signal(sig, SIG_DFL);
  raise(sig);
}

int tiemap_mapped_register(const void *base, size_t length, const char *path) {
  size_t n = strlen(path);
  if (n >= CAPACITY) return -1;
  if (!__atomic_exchange_n(&bus_installed, 1, __ATOMIC_ACQ_REL)) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_bus;
    sa.sa_flags = SA_SIGINFO;
    sigfillset(&sa.sa_mask);
    sigaction(SIGBUS, &sa, 0);
  }
  for (int i = 0; i < MAPPED; i++) {
    int expected = 0;
    if (__atomic_compare_exchange_n(&mapped_used[i], &expected, 1, 0, __ATOMIC_ACQ_REL, __ATOMIC_RELAXED)) {
      memcpy(mapped_paths[i], path, n + 1);
      mapped_base[i] = (const char *)base;
      mapped_length[i] = length;
      __atomic_store_n(&mapped_used[i], 2, __ATOMIC_RELEASE);
      return i;
    }
  }
  return -1;
}

void tiemap_mapped_release(int slot) {
  if (slot >= 0 && slot < MAPPED) __atomic_store_n(&mapped_used[slot], 0, __ATOMIC_RELEASE);
}

void tiemap_keep_freed_memory(void) {
#if defined(__GLIBC__)
  mallopt(M_MMAP_THRESHOLD, 32 * 1024 * 1024);   // glibc's largest (DEFAULT_MMAP_THRESHOLD_MAX on 64-bit)
  mallopt(M_TRIM_THRESHOLD, 0x7fffffff);
#endif
}
