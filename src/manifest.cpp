#include "sacjc/manifest.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "sacjc/error.h"

namespace sacjc {
namespace {

std::vector<std::string> split_tabs(const std::string& line) {
  std::vector<std::string> fields;
  std::stringstream stream(line);
  std::string field;
  while (std::getline(stream, field, '\t')) fields.push_back(field);
  if (!line.empty() && line.back() == '\t') fields.emplace_back();
  return fields;
}

}  // namespace

std::vector<ZooEntry> read_manifest(const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (fs::is_directory(path, ec)) throw bad_input(path, "is a directory, not a manifest");
  std::ifstream in(path);
  if (!in) throw bad_input(path, "cannot open manifest");
  const fs::path base = fs::path(path).parent_path();
  std::string line;
  int number = 0;
  bool header_seen = false;
  std::vector<ZooEntry> entries;
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    auto fields = split_tabs(line);
    auto where = path + ":" + std::to_string(number);
    if (!header_seen) {
      if (fields.size() < 3 || fields[0] != "file" || fields[1] != "role" || fields[2] != "family")
        throw bad_input(where, "manifest header must be 'file<TAB>role<TAB>family[<TAB>baseline]'");
      header_seen = true;
      continue;
    }
    if (fields.size() < 3 || fields.size() > 4 || fields[0].empty())
      throw bad_input(where, "expected 3 or 4 tab-separated fields: file, role, family[, baseline]");
    const std::string& role = fields[1];
    if (role == "victim") continue;
    if (role != "stolen" && role != "independent")
      throw bad_input(where, "role must be victim, stolen or independent, got '" + role + "'");
    ZooEntry entry;
    entry.path = fs::path(fields[0]).is_absolute() ? fields[0] : (base / fields[0]).string();
    entry.role = role;
    entry.family = fields[2].empty() ? role : fields[2];
    if (role == "stolen") entry.baseline = fields.size() == 4 && !fields[3].empty() ? fields[3] : kDefaultBaseline;
    entries.push_back(entry);
  }
  if (!header_seen) throw bad_input(path, "empty manifest (no header line)");
  return entries;
}

}  // namespace sacjc
