// Whole-file reads and atomic writes, through POSIX calls rather than iostreams: every failure
// (a directory, a permission, an I/O error) is a bad-input Error naming the path (libstdc++'s
// filebuf throws its own exception when read(2) fails mid-stream), and a write can say how the
// temporary file is opened and when it reaches the disk.
#include "sacjc/files.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <system_error>

#include "sacjc/error.h"

namespace sacjc {
namespace {

std::string last_error() { return std::generic_category().message(errno); }

// Closes a file descriptor when it goes out of scope.
struct FileDescriptor {
  int fd;
  ~FileDescriptor() {
    if (fd >= 0) close(fd);
  }
};

// Writes all of `contents`, through short writes and interruptions.
bool write_all(int fd, const std::string& contents) {
  std::size_t done = 0;
  while (done < contents.size()) {
    ssize_t wrote = write(fd, contents.data() + done, contents.size() - done);
    if (wrote < 0 && errno == EINTR) continue;
    if (wrote <= 0) return false;
    done += static_cast<std::size_t>(wrote);
  }
  return true;
}

// Syncs the directory holding `path`, so a rename into it survives a crash. A directory that
// cannot be opened for reading (mode -wx) or a file system without directory fsync (EINVAL)
// is left as it is: the file is already complete under its name.
void sync_directory_of(const std::string& path) {
  const std::size_t slash = path.find_last_of('/');
  const std::string directory = slash == std::string::npos ? "." : slash == 0 ? "/" : path.substr(0, slash);
  FileDescriptor dir{open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC)};
  if (dir.fd >= 0 && fsync(dir.fd) != 0 && errno != EINVAL)
    throw bad_input(path, "cannot sync the directory after writing (" + last_error() + ")");
}

}  // namespace

std::vector<std::uint8_t> read_file(const std::string& path) {
  FileDescriptor file{open(path.c_str(), O_RDONLY | O_CLOEXEC)};
  if (file.fd < 0) throw bad_input(path, "cannot open file (" + last_error() + ")");
  struct stat info {};
  if (fstat(file.fd, &info) != 0) throw bad_input(path, "cannot read file (" + last_error() + ")");
  if (S_ISDIR(info.st_mode)) throw bad_input(path, "is a directory, not a file");
  std::vector<std::uint8_t> bytes;
  if (S_ISREG(info.st_mode)) bytes.reserve(static_cast<std::size_t>(info.st_size));
  std::uint8_t buffer[1 << 16];
  for (;;) {
    ssize_t got = read(file.fd, buffer, sizeof buffer);
    if (got == 0) return bytes;
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) throw bad_input(path, "cannot read file (" + last_error() + ")");
    bytes.insert(bytes.end(), buffer, buffer + got);
  }
}

void write_file_atomically(const std::string& path, const std::string& contents, FileAccess access) {
  // O_EXCL and O_NOFOLLOW: whatever already lies at the temporary name (a symbolic link planted
  // in a shared directory above all) is never written through.
  const std::string temporary = path + ".tmp-" + std::to_string(getpid());
  const int flags = O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC;
  const mode_t mode = access == FileAccess::kOwnerOnly ? 0600 : 0666;  // 0666: less the umask
  FileDescriptor file{open(temporary.c_str(), flags, mode)};
  if (file.fd < 0 && errno == EEXIST) {  // left by a killed run with this process id: removed, not reused
    unlink(temporary.c_str());
    file.fd = open(temporary.c_str(), flags, mode);
  }
  if (file.fd < 0)
    throw bad_input(path, "cannot write file (" + last_error() + "; check the directory exists and is writable)");
  auto fail = [&](const std::string& what) {
    const std::string reason = last_error();
    unlink(temporary.c_str());
    return bad_input(path, what + " (" + reason + ")");
  };
  if (access == FileAccess::kOwnerOnly && fchmod(file.fd, 0600) != 0) throw fail("cannot set the file mode");
  if (!write_all(file.fd, contents) || fsync(file.fd) != 0) throw fail("cannot write file");
  const int closed = close(file.fd);
  file.fd = -1;
  if (closed != 0) throw fail("cannot write file");
  if (std::rename(temporary.c_str(), path.c_str()) != 0) throw fail("cannot write file");
  sync_directory_of(path);
}

std::string base_name(const std::string& path) {
  std::string trimmed = path;
  while (trimmed.size() > 1 && trimmed.back() == '/') trimmed.pop_back();
  const std::size_t slash = trimmed.find_last_of('/');
  return slash == std::string::npos || trimmed.size() == 1 ? trimmed : trimmed.substr(slash + 1);
}

}  // namespace sacjc
