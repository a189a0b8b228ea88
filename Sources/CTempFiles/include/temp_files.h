// Temporary files that a signal must not leave behind (AtomicFile's named temporaries, between their creation
// and the rename over the destination). The table is fixed and the handler only calls unlink, signal and raise,
// which are async-signal-safe (POSIX.1-2017, signal-safety(7)).
#ifndef TIEMAP_TEMP_FILES_H
#define TIEMAP_TEMP_FILES_H

/// Records `path` (absolute or relative to the working directory, which the command never changes) for removal
/// if SIGINT, SIGTERM or SIGHUP arrives. Returns the slot to release, or -1 when the path is too long or the
/// table is full (the file is then only removed by the sweep of a later run).
int tiemap_temp_register(const char *path);

/// Forgets a slot from tiemap_temp_register (after the rename, or after the file was removed).
void tiemap_temp_release(int slot);

/// Installs the handler for SIGINT, SIGTERM and SIGHUP: it removes every recorded file, then re-raises the signal
/// with its default action, so the exit status is still "killed by SIGINT" (130 in a shell). Idempotent.
void tiemap_temp_install_handlers(void);

#include <sys/types.h>

/// An unnamed file in directory `dir` (Linux O_TMPFILE): it has no name until tiemap_temp_link gives it one, and
/// the kernel frees it if the process dies first, even by SIGKILL. -1 with errno set where the file system has no
/// unnamed files (EOPNOTSUPP, EISDIR, EINVAL): write a named temporary instead.
int tiemap_temp_open_unnamed(const char *dir, mode_t mode);

/// Gives the unnamed file open on `fd` the name `path` (linkat through /proc/self/fd, as open(2) describes).
/// -1 with errno set (EEXIST when the name is taken).
int tiemap_temp_link(int fd, const char *path);

/// Input files mapped into memory (`InputBytes`): if one shrinks while it is mapped (another program rewrites it),
/// touching a page past its new end raises SIGBUS. tiemap_mapped_register records the range [base, base + length)
/// as the bytes of `path`; the SIGBUS handler (installed by the first registration) then writes
/// "tiemap: error: PATH: the file shrank while it was being read …" on stderr, removes the recorded temporary
/// files and exits with status 1 — nothing is written. A SIGBUS elsewhere keeps its default action. Returns the
/// slot to release (tiemap_mapped_release, before unmapping), or -1 when the table is full or the path too long
/// (then map nothing: read the file instead).
int tiemap_mapped_register(const void *base, size_t length, const char *path);

/// Forgets a slot from tiemap_mapped_register.
void tiemap_mapped_release(int slot);

/// Makes glibc's malloc keep the memory a run frees for its next allocations instead of returning it to the system
/// (allocations below 32 MB come from the heap; the heap is never trimmed): a batch run allocates and frees each
/// account's scratch thousands of times, and memory taken anew from the system is zeroed page by page on first
/// touch. Elsewhere than glibc, nothing. Call it once, first thing.
void tiemap_keep_freed_memory(void);

#endif
