// Manifests are TSV with a header naming the columns, so columns can be added (and unknown
// ones are ignored) without breaking older files.
#include "sacjc/manifest.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "sacjc/csv.h"
#include "sacjc/error.h"

namespace sacjc {
namespace {

// The tab-separated fields of a line, as strings for the messages built from them.
std::vector<std::string> split_tabs(std::string_view line) {
  const std::vector<std::string_view> fields = split_fields(line, '\t');
  return {fields.begin(), fields.end()};
}

// Index of a header column, or -1.
int column(const std::vector<std::string>& header, const std::string& name) {
  auto it = std::find(header.begin(), header.end(), name);
  return it == header.end() ? -1 : static_cast<int>(it - header.begin());
}

}  // namespace

std::vector<ZooEntry> read_manifest(const std::string& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) throw bad_input(path, "is a directory, not a manifest");
  std::ifstream file(path);
  if (!file) throw bad_input(path, "cannot open manifest");
  std::stringstream text;
  text << file.rdbuf();
  return parse_manifest(text.str(), path);
}

std::vector<ZooEntry> parse_manifest(const std::string& text, const std::string& path) {
  namespace fs = std::filesystem;
  const fs::path base = fs::path(path).parent_path();
  int number = 0;
  std::vector<std::string> header;
  int file = -1, role = -1, family = -1, baseline = -1, arch = -1;
  std::vector<ZooEntry> entries;
  for (std::string_view line : split_lines(text)) {
    ++number;
    if (line.empty() || line[0] == '#') continue;
    auto fields = split_tabs(line);
    auto where = path + ":" + std::to_string(number);
    if (header.empty()) {
      header = fields;
      file = column(header, "file"), role = column(header, "role"), family = column(header, "family");
      baseline = column(header, "baseline"), arch = column(header, "arch");
      if (file < 0 || role < 0 || family < 0)
        throw bad_input(where,
                        "manifest header must name the tab-separated columns file, role and family "
                        "(optionally baseline and arch)");
      continue;
    }
    if (fields.size() != header.size())
      throw bad_input(where, "expected " + std::to_string(header.size()) + " tab-separated fields, got " +
                                 std::to_string(fields.size()));
    if (fields[role] == "victim") continue;
    if (fields[role] != "stolen" && fields[role] != "independent")
      throw bad_input(where, "role must be victim, stolen or independent, got '" + fields[role] + "'");
    if (fields[file].empty()) throw bad_input(where, "empty file name");
    ZooEntry entry;
    entry.path = fs::path(fields[file]).is_absolute() ? fields[file] : (base / fields[file]).string();
    entry.role = fields[role];
    entry.family = fields[family].empty() ? entry.role : fields[family];
    if (entry.role == "stolen")
      entry.baseline = baseline >= 0 && !fields[baseline].empty() ? fields[baseline] : kDefaultBaseline;
    if (arch >= 0) entry.arch = fields[arch];
    entries.push_back(entry);
  }
  if (header.empty()) throw bad_input(path, "empty manifest (no header line)");
  if (entries.empty()) throw bad_input(path, "no models listed (no stolen or independent rows)");
  return entries;
}

}  // namespace sacjc
