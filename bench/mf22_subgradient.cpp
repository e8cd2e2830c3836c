// SubGM iterations per second on the Figure 1 setting of mf22 (d = 500,
// m = 300, N = 3), in double and at 50 digits, next to the two matrix-vector
// products each iteration must do (X theta and X^T s): compare the
// items_per_second of BM_SubGM<S> with BM_TwoMatVec<S> for the roofline ratio.
// BM_SubGM_Theorem3 is the setting of the Theorem 2/3 claims (d = 20,
// m = 200, N = 3: mf22.thm3.error runs 11 million such iterations a case).
#include <benchmark/benchmark.h>

#include <algorithm>

#include "thmcheck/generators/random_data.hpp"
#include "thmcheck/mf22/robust_regression.hpp"
#include "thmcheck/mf22/subgradient_method.hpp"

namespace {

using namespace thmcheck;

template <class S>
mf22::DiagonalNetworkProblem<S> figure1_problem(int d = 500, int m = 300) {
  mf22::RobustRegressionSpec spec;
  spec.dimension = d;
  spec.samples = m;
  spec.sparsity = std::min(10, d / 2);
  spec.corrupted = m / 10;
  spec.outliers = {mf22::OutlierKind::kGaussian, 10.0};
  spec.seed = 1;
  const mf22::RobustRegressionData data = mf22::draw_robust_regression(spec);
  return {data.x.cast<S>(), data.labels<S>()};
}

template <class S>
void BM_SubGM(benchmark::State& state) {
  const auto problem = figure1_problem<S>();
  mf22::SubgradientOptions<S> options;
  options.step = S(1) / 1000;
  options.max_iterations = state.range(0);
  for (auto _ : state) {
    auto r = mf22::subgradient_method<S>(problem, mf22::small_initialization<S>(500, 3, S(1) / 1000), options);
    benchmark::DoNotOptimize(r.w.data());
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}

template <class S>
void BM_TwoMatVec(benchmark::State& state) {
  const auto problem = figure1_problem<S>();
  Vector<S> theta = Vector<S>::Constant(500, S(1) / 100);
  for (auto _ : state) {
    for (long t = 0; t < state.range(0); ++t) {
      Vector<S> r = problem.x * theta - problem.y;
      Vector<S> g = problem.x.transpose() * r;
      benchmark::DoNotOptimize(g.data());
    }
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}

void BM_SubGM_Theorem3(benchmark::State& state) {
  const auto problem = figure1_problem<double>(20, 200);
  mf22::SubgradientOptions<double> options;
  options.step = 0.04 / 3;
  options.max_iterations = state.range(0);
  for (auto _ : state) {
    auto r = mf22::subgradient_method<double>(problem, mf22::small_initialization<double>(20, 3, 1e-10), options);
    benchmark::DoNotOptimize(r.w.data());
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}

BENCHMARK(BM_SubGM_Theorem3)->Arg(100000)->Unit(benchmark::kMillisecond);
BENCHMARK_TEMPLATE(BM_SubGM, double)->Arg(1000)->Unit(benchmark::kMillisecond);
BENCHMARK_TEMPLATE(BM_TwoMatVec, double)->Arg(1000)->Unit(benchmark::kMillisecond);
BENCHMARK_TEMPLATE(BM_SubGM, Mp50)->Arg(5)->Unit(benchmark::kMillisecond);
BENCHMARK_TEMPLATE(BM_TwoMatVec, Mp50)->Arg(5)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
