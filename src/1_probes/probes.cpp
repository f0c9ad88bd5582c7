// The probe pipeline of docs/method.md steps 1-3: seeds -> resize -> JPEG round trip -> (transpose)
// -> channel order, [0,1] scaling, mean/std. The SHA-256 is taken over the 8-bit images after
// the round trip, so two runs that report the same hash fed the models the same pixels.
#include "sacjc/probes.h"

#include <algorithm>
#include <exception>
#include <filesystem>

#include <unistd.h>

#include "sacjc/error.h"
#include "sacjc/files.h"
#include "sacjc/jpeg.h"
#include "sacjc/sha256.h"

namespace sacjc {
namespace fs = std::filesystem;
namespace {

bool is_image_file(const fs::path& path) {
  std::string ext = path.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  return ext == ".jpg" || ext == ".jpeg" || ext == ".png" || ext == ".bmp";
}

Image transposed(const Image& image) {
  Image out{image.width, image.height, std::vector<std::uint8_t>(image.rgb.size())};
  for (int y = 0; y < image.height; ++y)
    for (int x = 0; x < image.width; ++x)
      std::copy_n(&image.rgb[(static_cast<std::size_t>(y) * image.width + x) * 3], 3,
                  &out.rgb[(static_cast<std::size_t>(x) * image.height + y) * 3]);
  return out;
}

// Per-channel value: mean/std lists hold 0 values (identity), 1 (shared) or one per channel.
float pick(const std::vector<float>& values, int channel, float fallback) {
  if (values.empty()) return fallback;
  return values.size() == 1 ? values[0] : values[channel];
}

void check_options(const ProbeOptions& options) {
  if (options.height < 1 || options.width < 1) throw Error(ExitCode::kUsage, "input size must be positive");
  if (static_cast<long>(options.height) * options.width > 16384L * 16384L)
    throw Error(ExitCode::kUsage, "input size is too large (at most 16384x16384 pixels)");
  if (options.quality < 1 || options.quality > 100)
    throw Error(ExitCode::kUsage, "JPEG quality must be 1..100, got " + std::to_string(options.quality));
  int channels = options.channels == Channels::kGray ? 1 : 3;
  for (const auto* list : {&options.mean, &options.std})
    if (list->size() > 1 && static_cast<int>(list->size()) != channels)
      throw Error(ExitCode::kUsage, "--mean and --std take 1 or " + std::to_string(channels) + " values for " +
                                        to_string(options.channels) + " input");
  for (float s : options.std)
    if (!(s > 0)) throw Error(ExitCode::kUsage, "--std values must be positive");
}

// Writes one probe image into its slot of the NCHW tensor, in the requested channel order and
// scaling; every 8-bit value maps through a table, (v / 255 - mean) / std.
void write_tensor(const Image& image, const ProbeOptions& options, float* out) {
  const std::size_t plane = static_cast<std::size_t>(image.height) * image.width;
  const std::uint8_t* px = image.rgb.data();
  if (options.channels == Channels::kGray) {
    float mean = pick(options.mean, 0, 0.f), std = pick(options.std, 0, 1.f);
    for (std::size_t i = 0; i < plane; ++i) {
      float luma = (0.299f * px[3 * i] + 0.587f * px[3 * i + 1] + 0.114f * px[3 * i + 2]) / 255.f;
      out[i] = (luma - mean) / std;
    }
    return;
  }
  for (int c = 0; c < 3; ++c) {
    int source = options.channels == Channels::kBgr ? 2 - c : c;
    float mean = pick(options.mean, c, 0.f), std = pick(options.std, c, 1.f);
    float table[256];
    for (int v = 0; v < 256; ++v) table[v] = (v / 255.f - mean) / std;
    float* channel = out + c * plane;
    for (std::size_t i = 0; i < plane; ++i) channel[i] = table[px[3 * i + source]];
  }
}

// Refuses probes whose tensor and correlation matrices would need more than half of the
// machine's memory: a clear error with the number rather than the kernel's out-of-memory
// killer. Per probe pair: two float matrices, one temporary and the comparison's doubles.
void check_memory(std::size_t count, const ProbeOptions& options) {
  double tensor = 4.0 * count * (options.channels == Channels::kGray ? 1 : 3) * options.height * options.width;
  double matrices = 24.0 * count * count;
  double physical = static_cast<double>(sysconf(_SC_PHYS_PAGES)) * sysconf(_SC_PAGE_SIZE);
  if (physical > 0 && tensor + matrices > physical / 2)
    throw Error(ExitCode::kUsage, std::to_string(count) + " probes would need " +
                                      std::to_string(static_cast<long>((tensor + matrices) / 1e9) + 1) +
                                      " GB (probe tensor and n x n matrices), more than half of this machine's " +
                                      std::to_string(static_cast<long>(physical / 1e9)) +
                                      " GB; lower -n or --input-size");
}

// Probes to tensor, each probe on its own core. The hash covers the exact 8-bit images (a hash
// per image, then a hash of those), so equal hashes mean the models were fed the same pixels,
// whichever way the probes were made.
ProbeSet assemble(const std::vector<std::string>& names, std::vector<Probe>& probes, const ProbeOptions& options,
                  const std::string& source) {
  ProbeSet set;
  set.count = static_cast<int>(probes.size());
  set.channels = options.channels == Channels::kGray ? 1 : 3;
  set.height = options.height;
  set.width = options.width;
  set.source = source;
  set.names = names;
  const std::size_t per_probe = static_cast<std::size_t>(set.channels) * set.height * set.width;
  set.values.resize(per_probe * set.count);
  std::vector<std::string> digests(set.count);
  parallel_for(set.count, [&](int i) {
    write_tensor(probes[i].image, options, set.values.data() + i * per_probe);
    Sha256 hash;
    hash.update(probes[i].image.rgb.data(), probes[i].image.rgb.size());
    digests[i] = hash.hex_digest();
  });
  Sha256 hash;
  hash.update("sacjc-probes-v2 " + std::to_string(set.count) + " " + std::to_string(set.height) + "x" +
              std::to_string(set.width) + "\n");
  for (int i = 0; i < set.count; ++i) {
    hash.update(digests[i]);
    set.jpegs.push_back(std::move(probes[i].jpeg));
  }
  set.sha256 = hash.hex_digest();
  return set;
}

}  // namespace

std::vector<std::string> seed_file_names(const std::string& directory) {
  std::error_code ec;
  if (!fs::is_directory(directory, ec))
    throw bad_input(directory, fs::exists(directory, ec) ? "not a directory" : "no such directory");
  std::vector<std::string> names;
  try {
    for (const auto& entry : fs::directory_iterator(directory))
      if (entry.is_regular_file() && is_image_file(entry.path())) names.push_back(entry.path().filename().string());
  } catch (const fs::filesystem_error& e) {
    throw bad_input(directory, std::string("cannot list directory: ") + e.code().message());
  }
  if (names.empty()) throw bad_input(directory, "no JPEG, PNG or BMP images in the probe directory");
  std::sort(names.begin(), names.end());
  return names;
}

namespace {

// The largest seed image sacjc decodes: 50 megapixels (a 50 MP camera's full frame, 8660 x 5773,
// or a 7071 x 7071 square). Decoding takes 3 to 4 bytes per pixel and a small file can declare
// 65500 x 65500 (12.9 GB), so a seed above this is refused from its header, before anything is
// allocated; at the limit a decode needs about 200 MB per thread.
constexpr std::int64_t kMaxSeedPixels = 50'000'000;

// A seed cropped and resized to what is compressed: with --transpose the model sees width x
// height, so the transposed shape.
Image fit_seed(const Image& seed, const ProbeOptions& options) {
  return options.transpose ? fit_to_size(seed, options.width, options.height)
                           : fit_to_size(seed, options.height, options.width);
}

void check_seed_size(ImageSize size, const std::string& name) {
  if (static_cast<std::int64_t>(size.width) * size.height > kMaxSeedPixels)
    throw bad_input(name, std::to_string(size.width) + "x" + std::to_string(size.height) + " pixels is more than the " +
                              std::to_string(kMaxSeedPixels / 1'000'000) + "-megapixel limit for a seed image");
}

// read_seed_directory; with `fit`, each seed is cropped and resized to the probe size right after
// decoding, so a directory of large photos is never held at full size. make_probe then finds
// the seed at its size and leaves it unchanged, so the probes are the same pixels either way.
std::vector<Seed> read_seeds(const std::string& directory, int count, const ProbeOptions* fit) {
  std::vector<std::string> names = seed_file_names(directory);
  if (count > static_cast<int>(names.size()))
    throw bad_input(directory, "holds " + std::to_string(names.size()) + " images but " + std::to_string(count) +
                                   " probes were requested (-n)");
  if (count > 0) names.resize(count);
  std::vector<Seed> seeds(names.size());
  parallel_for(static_cast<int>(names.size()), [&](int i) {
    const std::string path = (fs::path(directory) / names[i]).string();
    Image image = decode_seed(read_file(path), path);
    seeds[i] = {names[i], fit ? fit_seed(image, *fit) : std::move(image)};
  });
  return seeds;
}

}  // namespace

std::vector<Seed> read_seed_directory(const std::string& directory, int count) {
  return read_seeds(directory, count, nullptr);
}

Image decode_seed(const std::vector<std::uint8_t>& bytes, const std::string& name) {
  if (bytes.empty()) throw bad_input(name, "empty image file");
  const bool jpeg = looks_like_jpeg(bytes);
  check_seed_size(jpeg ? jpeg_size(bytes, name) : check_png_or_bmp(bytes.data(), bytes.size(), name), name);
  if (jpeg) check_jpeg_integrity(bytes, name);
  return decode_image(bytes.data(), bytes.size(), name);
}

Probe make_probe(const Image& seed, const ProbeOptions& options) {
  Probe probe;
  probe.jpeg = encode_jpeg(fit_seed(seed, options), options.quality);
  probe.image = probe_image(probe.jpeg, options, "probe");
  return probe;
}

Image probe_image(const std::vector<std::uint8_t>& jpeg, const ProbeOptions& options, const std::string& name) {
  Image image = decode_jpeg(jpeg, name);
  return options.transpose ? transposed(image) : image;
}

std::vector<Seed> load_seeds(const ProbeOptions& options) {
  check_options(options);
  return options.directory.empty() ? builtin_seeds(options.count)
                                   : read_seeds(options.directory, options.count, &options);
}

ProbeSet make_probes(const ProbeOptions& options) { return probes_from_seeds(load_seeds(options), options); }

ProbeSet probes_from_seeds(const std::vector<Seed>& seeds, const ProbeOptions& options) {
  check_options(options);
  check_memory(seeds.size(), options);
  std::vector<Probe> probes(seeds.size());
  parallel_for(static_cast<int>(seeds.size()), [&](int i) { probes[i] = make_probe(seeds[i].image, options); });
  std::vector<std::string> names;
  for (const Seed& seed : seeds) names.push_back(seed.name);
  return assemble(names, probes, options, options.directory.empty() ? "built-in" : options.directory);
}

ProbeSet probes_from_jpegs(const std::vector<std::string>& names, const std::vector<std::vector<std::uint8_t>>& jpegs,
                           const ProbeOptions& options, const std::string& source) {
  check_options(options);
  check_memory(jpegs.size(), options);
  std::vector<Probe> probes(jpegs.size());
  parallel_for(static_cast<int>(jpegs.size()), [&](int i) {
    probes[i] = {jpegs[i], probe_image(jpegs[i], options, source + " probe " + std::to_string(i + 1))};
    if (probes[i].image.height != options.height || probes[i].image.width != options.width)
      throw bad_input(source, "probe " + std::to_string(i + 1) + " is not " + std::to_string(options.height) + "x" +
                                  std::to_string(options.width));
  });
  return assemble(names, probes, options, source);
}

void attach_references(ProbeSet& probes, ProbeSet references) {
  Sha256 hash;
  hash.update(probes.sha256 + " references " + references.sha256);
  probes.sha256 = hash.hex_digest();
  probes.references = std::make_shared<const ProbeSet>(std::move(references));
}

Channels parse_channels(const std::string& text) {
  if (text == "rgb") return Channels::kRgb;
  if (text == "bgr") return Channels::kBgr;
  if (text == "gray" || text == "grey") return Channels::kGray;
  throw Error(ExitCode::kUsage, "--channels must be rgb, bgr or gray, got '" + text + "'");
}

std::string to_string(Channels channels) {
  switch (channels) {
    case Channels::kRgb:
      return "rgb";
    case Channels::kBgr:
      return "bgr";
    case Channels::kGray:
      return "gray";
  }
  return "rgb";
}

}  // namespace sacjc
