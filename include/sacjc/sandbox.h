// Confinement of the current process, for the child that runs an untrusted model: once
// confined it can compute and write to the file descriptors it already holds, and
// nothing else (no file written, no file read outside the system's libraries, no network, no
// exec, fork or ptrace). The kernel's own mechanisms do it: rlimits, no_new_privs, Landlock
// (src/sandbox_linux.cpp, with libseccomp for the system call filter).
#pragma once

namespace sacjc {

struct SandboxLimits {
  long long memory_bytes = 0;  // address-space limit (0: none; not applied under ASan)
};

// Confines the calling process for good; call it while the process has one thread (Landlock
// applies to the calling thread and the threads it starts later):
// - rlimits: no core files, no file growth, the address-space limit;
// - no new privileges;
// - Landlock: reads only below the library directories, no writes, no signals or abstract
//   sockets out of the sandbox (ABI 6);
// - seccomp, on all threads: no opening files for writing, no changes to the file system, no
//   sockets, exec, new processes (threads stay allowed), ptrace or namespace tricks.
// Returns the Landlock ABI applied, 0 if this kernel has none (reads are then not limited by
// path; everything else still holds). Throws an internal Error if a mechanism fails.
int confine(const SandboxLimits& limits);

// The Landlock ABI version of the running kernel, 0 without Landlock.
int landlock_abi();

}  // namespace sacjc
