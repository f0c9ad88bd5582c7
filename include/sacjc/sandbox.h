// Confinement of the current process, for the child that runs an untrusted model: once both
// steps are done it can compute and write to the file descriptors it already holds, and
// nothing else (no file written, no file read outside the system's libraries, no network, no
// exec, fork or ptrace). The kernel's own mechanisms do it: rlimits, no_new_privs, Landlock
// (src/sandbox_linux.cpp, with libseccomp for the system call filter).
#pragma once

namespace sacjc {

struct SandboxLimits {
  long long memory_bytes = 0;  // address-space limit (0: none; not applied under ASan)
};

// Step 1, while the process has one thread (Landlock applies to the calling thread and the
// threads it starts later): no core files, no file growth, the memory limit, no new
// privileges, and Landlock's file rules (reads only below the library directories, no writes).
// Returns the Landlock ABI applied, 0 if this kernel has none (reads are then not limited by
// path; everything else still holds). Throws an internal Error if a mechanism fails.
int restrict_files(const SandboxLimits& limits);

// Step 2, once every thread the process needs is started: no new processes or threads
// (RLIMIT_NPROC 0), and a seccomp filter on all threads that refuses opening files for
// writing, changing the file system, sockets, exec, fork, ptrace and namespace tricks.
void restrict_system_calls();

// The Landlock ABI version of the running kernel, 0 without Landlock.
int landlock_abi();

}  // namespace sacjc
