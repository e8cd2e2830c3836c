// Cost of the certification ladder: one evaluation of os19.thm2.4 on the same
// generated instance in double, at 50 and at 100 digits. The interesting
// numbers are the ratios (time at 50 or 100 digits / time in double), which
// say what recomputing a borderline case costs.
//
//   ./build/precision_ladder_bench --benchmark_counters_tabular=true
#include <benchmark/benchmark.h>
#include <rapidcheck.h>

#include "thmcheck/engine/registry.hpp"

namespace {

using thmcheck::Json;
using thmcheck::Precision;

// A generated instance of the given shape class (by trying seeds until n and p
// are in range), so the benchmark uses the claim's own generator.
Json instance_with(long min_p, long max_p) {
  const thmcheck::Claim& claim = *thmcheck::linked_registry().find("os19.thm2.4");
  for (std::uint64_t seed = 1;; ++seed) {
    Json j = claim.generator(rc::Random(seed), 100).value();
    auto [n, p] = thmcheck::matrix_shape(j, "X");
    if (p >= min_p && p <= max_p && n >= 10) return j;
  }
}

void BM_Evaluate(benchmark::State& state) {
  const thmcheck::Claim& claim = *thmcheck::linked_registry().find("os19.thm2.4");
  static const Json small = instance_with(20, 60);
  static const Json large = instance_with(300, 500);
  const Json& instance = state.range(1) == 0 ? small : large;
  const auto precision = static_cast<Precision>(state.range(0));
  for (auto _ : state) {
    thmcheck::Outcome o = claim.evaluate(instance, precision);
    benchmark::DoNotOptimize(o.measured);
  }
  auto [n, p] = thmcheck::matrix_shape(instance, "X");
  state.counters["n"] = static_cast<double>(n);
  state.counters["p"] = static_cast<double>(p);
  state.SetLabel(thmcheck::to_string(precision));
}

BENCHMARK(BM_Evaluate)
    ->ArgsProduct({{0, 1, 2}, {0, 1}})
    ->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
