// The built-in probe seeds: the JPEGs of data/default_probes, embedded by
// cmake/EmbedProbes.cmake and decoded on demand. See data/default_probes/README.md for sources.
#include <algorithm>
#include <iterator>

#include "sacjc/error.h"
#include "sacjc/probes.h"

namespace sacjc {
namespace {

struct EmbeddedFile {
  const char* name;
  const unsigned char* begin;
  const unsigned char* end;
};

#include "default_probes_table.inc"

}  // namespace

int builtin_seed_count() { return static_cast<int>(std::size(kEmbeddedProbes)); }

std::vector<Seed> builtin_seeds(int count) {
  if (count > builtin_seed_count())
    throw Error(ExitCode::kUsage, std::to_string(count) + " probes requested (-n) but the built-in set has " +
                                      std::to_string(builtin_seed_count()) + "; bring more with --probes DIR");
  int n = count > 0 ? count : builtin_seed_count();
  std::vector<Seed> seeds(n);
  parallel_for(n, [&](int i) {
    const EmbeddedFile& file = kEmbeddedProbes[i];
    std::string name = std::string("built-in:") + file.name;
    seeds[i] = {name, decode_image(file.begin, file.end - file.begin, name)};
  });
  return seeds;
}

}  // namespace sacjc
