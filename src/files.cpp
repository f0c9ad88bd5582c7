#include "sacjc/files.h"

#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <iterator>

#include "sacjc/error.h"

namespace sacjc {

std::vector<std::uint8_t> read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw bad_input(path, "cannot open file");
  std::vector<std::uint8_t> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) throw bad_input(path, "read error");
  return bytes;
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
