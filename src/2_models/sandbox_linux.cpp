// The confinement of a model child, with the kernel's mechanisms: rlimits, no_new_privs,
// Landlock through its system calls (linux/landlock.h, no library needed) and a seccomp
// filter through libseccomp. This is the only file that includes them.
//
// Landlock decides which files can be opened at all (reads below the library directories
// only, no writes anywhere); the seccomp filter refuses the same writes by open flags and
// system calls, so the guarantees that matter hold on a kernel without Landlock too. The
// filter is a deny list: LibTorch, OpenMP and oneDNN use a wide set of system calls that
// varies with the CPU, and a missing allow entry would kill honest models.
#include "sacjc/sandbox.h"

#include <fcntl.h>
#include <linux/landlock.h>
#include <sched.h>
#include <seccomp.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <string>

#include "sacjc/error.h"

namespace sacjc {

// AddressSanitizer reserves terabytes of address space for its shadow memory, so an
// address-space limit stops an instrumented child before it starts: not applied there.
#if defined(__SANITIZE_ADDRESS__)
constexpr bool kAddressLimitWorks = false;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool kAddressLimitWorks = false;
#else
constexpr bool kAddressLimitWorks = true;
#endif
#else
constexpr bool kAddressLimitWorks = true;
#endif

namespace {

// Rights newer than Debian 12's header (ABI 3: truncate, ABI 5: device ioctls).
constexpr std::uint64_t kAccessTruncate = 1ULL << 14;
constexpr std::uint64_t kAccessIoctlDev = 1ULL << 15;
constexpr std::uint64_t kFsRightsAbi1 = (1ULL << 13) - 1;  // EXECUTE .. MAKE_SYM
constexpr std::uint64_t kReadRights = LANDLOCK_ACCESS_FS_READ_FILE | LANDLOCK_ACCESS_FS_READ_DIR;

// The ruleset attribute of newer kernels (network rights from ABI 4, scopes from ABI 6).
struct RulesetAttr {
  std::uint64_t handled_access_fs;
  std::uint64_t handled_access_net;
  std::uint64_t scoped;
};
constexpr std::uint64_t kAccessNetBindTcp = 1ULL << 0, kAccessNetConnectTcp = 1ULL << 1;
constexpr std::uint64_t kScopeAbstractUnixSocket = 1ULL << 0, kScopeSignal = 1ULL << 1;

[[noreturn]] void fail(const std::string& what) {
  throw Error(ExitCode::kInternal, "cannot confine the model process: " + what + ": " + std::strerror(errno));
}

void set_limit(int resource, rlim_t value, const char* name) {
  rlimit limit{value, value};
  if (setrlimit(resource, &limit) != 0) fail(name);
}

// Read access below `path` (a directory or a file), if it exists.
void allow_reads(int ruleset, const char* path, std::uint64_t handled) {
  int fd = open(path, O_PATH | O_CLOEXEC);
  if (fd < 0) return;
  struct stat st {};
  fstat(fd, &st);
  landlock_path_beneath_attr rule{};
  rule.allowed_access = (S_ISDIR(st.st_mode) ? kReadRights : LANDLOCK_ACCESS_FS_READ_FILE) & handled;
  rule.parent_fd = fd;
  long done = syscall(__NR_landlock_add_rule, ruleset, LANDLOCK_RULE_PATH_BENEATH, &rule, 0);
  close(fd);
  if (done != 0) fail(std::string("Landlock rule for ") + path);
}

void apply_landlock(int abi) {
  std::uint64_t fs = kFsRightsAbi1;
  if (abi >= 2) fs |= LANDLOCK_ACCESS_FS_REFER;
  if (abi >= 3) fs |= kAccessTruncate;
  if (abi >= 5) fs |= kAccessIoctlDev;
  RulesetAttr attr{fs, abi >= 4 ? kAccessNetBindTcp | kAccessNetConnectTcp : 0,
                   abi >= 6 ? kScopeAbstractUnixSocket | kScopeSignal : 0};
  std::size_t size = abi >= 6 ? sizeof attr : abi >= 4 ? 2 * sizeof(std::uint64_t) : sizeof(std::uint64_t);
  int ruleset = static_cast<int>(syscall(__NR_landlock_create_ruleset, &attr, size, 0));
  if (ruleset < 0) fail("Landlock ruleset");
  // What LibTorch may still read after loading: shared libraries it opens late, CPU
  // topology. No rule gives any write, and the model's own bytes arrive as an open memfd.
  for (const char* path : {"/usr/lib", "/lib", "/lib64", "/usr/share/zoneinfo", "/etc/ld.so.cache",
                           "/sys/devices/system/cpu", "/sys/devices/system/node", "/proc/cpuinfo", "/proc/self"})
    allow_reads(ruleset, path, fs);
  long done = syscall(__NR_landlock_restrict_self, ruleset, 0);
  close(ruleset);
  if (done != 0) fail("Landlock restrict_self");
}

void deny(scmp_filter_ctx filter, int syscall_number, int error = EPERM) {
  if (syscall_number < 0) return;  // not on this architecture
  if (seccomp_rule_add(filter, SCMP_ACT_ERRNO(error), syscall_number, 0) != 0) {
    errno = EINVAL;
    fail("seccomp rule " + std::to_string(syscall_number));
  }
}

template <typename... Conditions>
void deny_if(scmp_filter_ctx filter, int syscall_number, Conditions... conditions) {
  if (seccomp_rule_add(filter, SCMP_ACT_ERRNO(EACCES), syscall_number, sizeof...(conditions), conditions...) != 0) {
    errno = EINVAL;
    fail("seccomp rule " + std::to_string(syscall_number));
  }
}

// open flags that write or create: refused whatever the path.
template <unsigned Arg>
void deny_writing_opens(scmp_filter_ctx filter, int syscall_number) {
  deny_if(filter, syscall_number, SCMP_CMP(Arg, SCMP_CMP_MASKED_EQ, O_ACCMODE, O_WRONLY));
  deny_if(filter, syscall_number, SCMP_CMP(Arg, SCMP_CMP_MASKED_EQ, O_ACCMODE, O_RDWR));
  for (int flag : {O_CREAT, O_TRUNC, O_APPEND, __O_TMPFILE})
    deny_if(filter, syscall_number,
            SCMP_CMP(Arg, SCMP_CMP_MASKED_EQ, static_cast<scmp_datum_t>(flag), static_cast<scmp_datum_t>(flag)));
}

}  // namespace

int landlock_abi() {
  long abi = syscall(__NR_landlock_create_ruleset, nullptr, 0, LANDLOCK_CREATE_RULESET_VERSION);
  return abi > 0 ? static_cast<int>(abi) : 0;
}

namespace {

int restrict_files(const SandboxLimits& limits) {
  set_limit(RLIMIT_CORE, 0, "RLIMIT_CORE");
  set_limit(RLIMIT_FSIZE, 0, "RLIMIT_FSIZE");
  if (limits.memory_bytes > 0 && kAddressLimitWorks)
    set_limit(RLIMIT_AS, static_cast<rlim_t>(limits.memory_bytes), "RLIMIT_AS");
  if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0) fail("no_new_privs");
  if (prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) != 0) fail("PR_SET_DUMPABLE");
  const int abi = landlock_abi();
  if (abi > 0) apply_landlock(abi);
  return abi;
}

void restrict_system_calls() {
  // No RLIMIT_NPROC: it counts threads too, and LibTorch starts threads lazily (oneDNN's
  // OpenMP teams in the first forward pass), so a limit of 0 kills honest models for any user
  // but root. New processes are refused by the filter instead, whoever the user is.
  scmp_filter_ctx filter = seccomp_init(SCMP_ACT_ALLOW);
  if (!filter) fail("seccomp_init");
  // All threads: the ones LibTorch started before this call get the same filter.
  seccomp_attr_set(filter, SCMP_FLTATR_CTL_TSYNC, 1);
  // Files: no opening for writing, no creating, removing, renaming, linking or changing.
  deny_writing_opens<1>(filter, SCMP_SYS(open));
  deny_writing_opens<2>(filter, SCMP_SYS(openat));
  deny(filter, SCMP_SYS(openat2), ENOSYS);  // its flags are behind a pointer; glibc falls back
  for (int call : {SCMP_SYS(creat),
                   SCMP_SYS(truncate),
                   SCMP_SYS(unlink),
                   SCMP_SYS(unlinkat),
                   SCMP_SYS(rename),
                   SCMP_SYS(renameat),
                   SCMP_SYS(renameat2),
                   SCMP_SYS(link),
                   SCMP_SYS(linkat),
                   SCMP_SYS(symlink),
                   SCMP_SYS(symlinkat),
                   SCMP_SYS(mkdir),
                   SCMP_SYS(mkdirat),
                   SCMP_SYS(rmdir),
                   SCMP_SYS(mknod),
                   SCMP_SYS(mknodat),
                   SCMP_SYS(chmod),
                   SCMP_SYS(fchmod),
                   SCMP_SYS(fchmodat),
                   SCMP_SYS(chown),
                   SCMP_SYS(fchown),
                   SCMP_SYS(lchown),
                   SCMP_SYS(fchownat),
                   SCMP_SYS(utime),
                   SCMP_SYS(utimes),
                   SCMP_SYS(utimensat),
                   SCMP_SYS(futimesat),
                   SCMP_SYS(setxattr),
                   SCMP_SYS(lsetxattr),
                   SCMP_SYS(fsetxattr),
                   SCMP_SYS(removexattr),
                   SCMP_SYS(lremovexattr),
                   SCMP_SYS(fremovexattr),
                   SCMP_SYS(name_to_handle_at),
                   SCMP_SYS(open_by_handle_at),
                   SCMP_SYS(mount),
                   SCMP_SYS(umount2),
                   SCMP_SYS(pivot_root),
                   SCMP_SYS(chroot),
                   SCMP_SYS(acct),
                   SCMP_SYS(swapon),
                   SCMP_SYS(swapoff)})
    deny(filter, call);
  // Network and other processes.
  for (int call : {SCMP_SYS(socket),
                   SCMP_SYS(socketpair),
                   SCMP_SYS(connect),
                   SCMP_SYS(bind),
                   SCMP_SYS(listen),
                   SCMP_SYS(accept),
                   SCMP_SYS(accept4),
                   SCMP_SYS(sendto),
                   SCMP_SYS(sendmsg),
                   SCMP_SYS(sendmmsg),
                   SCMP_SYS(execve),
                   SCMP_SYS(execveat),
                   SCMP_SYS(fork),
                   SCMP_SYS(vfork),
                   SCMP_SYS(ptrace),
                   SCMP_SYS(process_vm_readv),
                   SCMP_SYS(process_vm_writev),
                   SCMP_SYS(pidfd_open),
                   SCMP_SYS(pidfd_getfd),
                   SCMP_SYS(pidfd_send_signal),
                   SCMP_SYS(kill),
                   SCMP_SYS(setpgid),
                   SCMP_SYS(setsid),
                   SCMP_SYS(unshare),
                   SCMP_SYS(setns),
                   SCMP_SYS(bpf),
                   SCMP_SYS(perf_event_open),
                   SCMP_SYS(keyctl),
                   SCMP_SYS(add_key),
                   SCMP_SYS(request_key),
                   SCMP_SYS(io_uring_setup),
                   SCMP_SYS(io_uring_enter),
                   SCMP_SYS(io_uring_register),
                   SCMP_SYS(userfaultfd),
                   SCMP_SYS(init_module),
                   SCMP_SYS(finit_module),
                   SCMP_SYS(delete_module),
                   SCMP_SYS(kexec_load),
                   SCMP_SYS(kexec_file_load),
                   SCMP_SYS(reboot),
                   SCMP_SYS(personality),
                   SCMP_SYS(setuid),
                   SCMP_SYS(setgid),
                   SCMP_SYS(setreuid),
                   SCMP_SYS(setregid),
                   SCMP_SYS(setresuid),
                   SCMP_SYS(setresgid),
                   SCMP_SYS(setgroups),
                   SCMP_SYS(ioperm),
                   SCMP_SYS(iopl)})
    deny(filter, call);
  // New processes: clone only for threads; clone3's flags are behind a pointer, so it is
  // refused as unknown and glibc falls back to clone.
  deny_if(filter, SCMP_SYS(clone), SCMP_A0(SCMP_CMP_MASKED_EQ, CLONE_THREAD, 0));
  deny(filter, SCMP_SYS(clone3), ENOSYS);
  // The child must keep dying with its parent.
  deny_if(filter, SCMP_SYS(prctl), SCMP_A0(SCMP_CMP_EQ, PR_SET_PDEATHSIG));
  // Signals only to itself (raise and abort use tgkill on their own process).
  const auto self = static_cast<scmp_datum_t>(getpid());
  for (int call : {SCMP_SYS(tgkill), SCMP_SYS(rt_tgsigqueueinfo), SCMP_SYS(rt_sigqueueinfo)})
    deny_if(filter, call, SCMP_A0(SCMP_CMP_NE, self));
  deny(filter, SCMP_SYS(tkill));
  int loaded = seccomp_load(filter);
  seccomp_release(filter);
  if (loaded != 0) {
    errno = -loaded;
    fail("seccomp_load");
  }
}

}  // namespace

int confine(const SandboxLimits& limits) {
  const int abi = restrict_files(limits);
  restrict_system_calls();
  return abi;
}

}  // namespace sacjc
