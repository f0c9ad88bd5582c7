// Model-zoo manifests: which models are stolen copies of the victim and which are independent.
#pragma once

#include <string>
#include <vector>

namespace sacjc {

struct ZooEntry {
  std::string path;      // resolved against the manifest's directory
  std::string role;      // "stolen" or "independent"
  std::string family;    // attack family for stolen models; group name for independent ones
  std::string baseline;  // stolen only: the independent group it is measured against
  std::string arch;      // architecture, if the manifest says
};

// The independent group a stolen family is compared with when the manifest does not say.
constexpr const char* kDefaultBaseline = "independent";

// Reads a TSV whose header names the columns: file, role and family, optionally baseline and
// arch, in any order (other columns are ignored). Files are relative to the manifest's
// directory. Rows with role `victim` are skipped; blank lines and lines starting with '#' are
// ignored. Throws a bad-input Error naming the file (and line) for anything else it cannot use,
// and for a manifest that lists no stolen or independent model.
std::vector<ZooEntry> read_manifest(const std::string& path);

// The same from the manifest's text; `path` names it in errors and is the base of relative files.
std::vector<ZooEntry> parse_manifest(const std::string& text, const std::string& path);

}  // namespace sacjc
