// Micro-benchmarks of the pieces of a check (Google Benchmark): probe generation, correlation
// plus distance, fingerprint files, SHA-256. scripts/bench.sh times whole processes; this says where
// the time inside goes.
#include <benchmark/benchmark.h>

#include "sacjc/correlation.h"
#include "sacjc/fingerprint_file.h"
#include "sacjc/probes.h"
#include "sacjc/score.h"
#include "sacjc/sha256.h"

namespace sacjc {
namespace {

// The built-in seeds to 224 x 224 probes (resize, JPEG encode and decode, tensor), on all cores.
void BM_ProbeGeneration(benchmark::State& state) {
  const std::vector<Seed> seeds = builtin_seeds(128);
  ProbeOptions options;
  for (auto _ : state) benchmark::DoNotOptimize(probes_from_seeds(seeds, options));
  state.SetItemsProcessed(state.iterations() * seeds.size());
}
BENCHMARK(BM_ProbeGeneration)->Unit(benchmark::kMillisecond)->UseRealTime();

// One probe on one core.
void BM_OneProbe(benchmark::State& state) {
  const std::vector<Seed> seeds = builtin_seeds(1);
  ProbeOptions options;
  for (auto _ : state) benchmark::DoNotOptimize(make_probe(seeds[0].image, options));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_OneProbe)->Unit(benchmark::kMicrosecond);

// One correlation matrix: n probes x d outputs.
void BM_CorrelationMatrix(benchmark::State& state) {
  const Outputs features = Outputs::Random(state.range(0), state.range(1));
  for (auto _ : state) benchmark::DoNotOptimize(correlation_matrix(features));
}
BENCHMARK(BM_CorrelationMatrix)
    ->ArgsProduct({{100, 800, 3000}, {1000}})
    ->ArgNames({"n", "d"})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

// Features of n probes x d outputs to both matrices and the distance between them.
void BM_CorrelationAndDistance(benchmark::State& state) {
  const Outputs victim = Outputs::Random(state.range(0), state.range(1));
  const Outputs suspect = Outputs::Random(state.range(0), state.range(1));
  const Metric metric = static_cast<Metric>(state.range(2));
  for (auto _ : state)
    benchmark::DoNotOptimize(compare(measurement_of(victim), measurement_of(suspect), metric, "v", "s"));
}
BENCHMARK(BM_CorrelationAndDistance)
    ->ArgsProduct({{100, 800, 3000}, {10, 512, 1000}, {static_cast<int>(Metric::kRsa)}})
    ->ArgNames({"n", "d", "metric"})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK(BM_CorrelationAndDistance)
    ->ArgsProduct({{800}, {1000}, {static_cast<int>(Metric::kMad), static_cast<int>(Metric::kCka)}})
    ->ArgNames({"n", "d", "metric"})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

Fingerprint sample_fingerprint(int n) {
  ProbeOptions options;
  ProbeSet probes = probes_from_seeds(builtin_seeds(n), options);
  Fingerprint fp;
  fp.probe_options = options;
  fp.probe_sha256 = probes.sha256;
  fp.probe_names = probes.names;
  fp.probe_jpegs = probes.jpegs;
  fp.features = Outputs::Random(n, 1000);
  fp.matrix = correlation_matrix(fp.features);
  return fp;
}

void BM_FingerprintWrite(benchmark::State& state) {
  const Fingerprint fp = sample_fingerprint(256);
  for (auto _ : state) benchmark::DoNotOptimize(serialize_fingerprint(fp));
}
BENCHMARK(BM_FingerprintWrite)->Unit(benchmark::kMillisecond);

// Parsing (checksum, sections) and rebuilding the probes from their JPEG files.
void BM_FingerprintRead(benchmark::State& state) {
  const std::string text = serialize_fingerprint(sample_fingerprint(256));
  const std::vector<std::uint8_t> bytes(text.begin(), text.end());
  for (auto _ : state) {
    Fingerprint fp = parse_fingerprint(bytes, "bench.sacfp");
    benchmark::DoNotOptimize(fingerprint_probes(fp, "bench.sacfp"));
  }
}
BENCHMARK(BM_FingerprintRead)->Unit(benchmark::kMillisecond);

// SHA-256 of `range(0)` bytes: one probe's pixels (224 x 224 x 3) and a 64 MiB model file.
void BM_Sha256(benchmark::State& state) {
  const std::string bytes(static_cast<std::size_t>(state.range(0)), 'x');
  for (auto _ : state) {
    Sha256 hash;
    hash.update(bytes);
    benchmark::DoNotOptimize(hash.hex_digest());
  }
  state.SetBytesProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_Sha256)->Arg(224 * 224 * 3)->Arg(64 << 20)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace sacjc

BENCHMARK_MAIN();
