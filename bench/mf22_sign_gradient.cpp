// Throughput of the batched sign sub-gradient Q(Z) (mf22 issue 7 setting:
// m = 1e5, d = 500, batches of 64 z) against the two matrix products it must
// do (X Z and X^T S): the ratio Q time / product time is reported as the
// counter "ratio_to_products" (1 = the loop costs only its products).
#include <benchmark/benchmark.h>

#include "thmcheck/generators/random_data.hpp"
#include "thmcheck/mf22/sign_gradient.hpp"

namespace {

using thmcheck::Matrix;
using thmcheck::Vector;

struct Data {
  Matrix<double> x, z;
  Vector<double> eps;
  Data(int m, int d, int b) {
    thmcheck::RandomSource rng(1);
    x = thmcheck::gaussian_matrix(m, d, rng);
    z = thmcheck::gaussian_matrix(d, b, rng);
    eps = thmcheck::gaussian_vector(m, rng);
  }
};

void BM_SignGradientBatch(benchmark::State& state) {
  const int m = static_cast<int>(state.range(0)), d = 500, b = 64;
  Data data(m, d, b);
  for (auto _ : state) {
    Matrix<double> q = thmcheck::mf22::sign_gradient_batch(data.x, data.eps, data.z);
    benchmark::DoNotOptimize(q.data());
  }
  state.counters["z_per_second"] = benchmark::Counter(static_cast<double>(b) * state.iterations(),
                                                      benchmark::Counter::kIsRate);
}

void BM_TwoProducts(benchmark::State& state) {
  const int m = static_cast<int>(state.range(0)), d = 500, b = 64;
  Data data(m, d, b);
  for (auto _ : state) {
    Matrix<double> s = data.x * data.z;
    Matrix<double> q = data.x.transpose() * s;
    benchmark::DoNotOptimize(q.data());
  }
  state.counters["z_per_second"] = benchmark::Counter(static_cast<double>(b) * state.iterations(),
                                                      benchmark::Counter::kIsRate);
}

BENCHMARK(BM_SignGradientBatch)->Arg(100000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_TwoProducts)->Arg(100000)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
