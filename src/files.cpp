// Whole-file reads and atomic writes. Reads go through POSIX calls rather than iostreams so
// that every failure (a directory, a permission, an I/O error) is a bad-input Error naming
// the path: libstdc++'s filebuf throws its own exception when read(2) fails mid-stream.
#include "sacjc/files.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <fstream>
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

void write_file_atomically(const std::string& path, const std::string& contents) {
  std::string temporary = path + ".tmp-" + std::to_string(getpid());
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out << contents;
    out.flush();
    if (!out) {
      std::remove(temporary.c_str());
      throw bad_input(path, "cannot write file (check the directory exists and is writable)");
    }
  }
  if (std::rename(temporary.c_str(), path.c_str()) != 0) {
    std::remove(temporary.c_str());
    throw bad_input(path, "cannot write file");
  }
}

}  // namespace sacjc
