#include "thmcheck/mf22/subgm_trajectory.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace thmcheck::mf22 {
namespace {

// The cap is 20 k^{3/2} x + 1000 with x = log(1/alpha)/(N eta) (N = 2) or
// alpha^{-(N-2)/N}/(N eta) (N >= 3), truncated.
TEST(Mf22SubgmTrajectory, HitCapFormula) {
  EXPECT_EQ(hit_cap(1, 2, 1e-4, 0.005), static_cast<long>(20 * std::log(1e4) / 0.01) + 1000);
  EXPECT_EQ(hit_cap(4, 3, 1e-3, 0.01), static_cast<long>(20 * 8 * 10.0 / 0.03) + 1000);
}

// Unperturbed: every entry alpha^{1/N}; perturbed: within a factor 1 +- 0.2.
TEST(Mf22SubgmTrajectory, Initialization) {
  RandomSource rng(3);
  const Matrix<double> w = convergence_initialization(5, 3, 1e-6, false, rng);
  EXPECT_NEAR((w.array() - 1e-2).abs().maxCoeff(), 0, 1e-17);
  const Matrix<double> p = convergence_initialization(5, 3, 1e-6, true, rng);
  EXPECT_LE((p.array() / 1e-2 - 1).abs().maxCoeff(), 0.2);
  EXPECT_GT((p.array() / 1e-2 - 1).abs().maxCoeff(), 0);
}

// A well-posed instance (m = 200 >> d = 5, no outliers): SubGM reaches
// ||prod w - theta*|| <= 0.1 ||theta*||, then runs to T-bar = 2T and through
// the window; the spread starts at 0 (identical layers) and stays 0.
TEST(Mf22SubgmTrajectory, ReachesTargetAndMeasuresWindow) {
  RobustRegressionSpec spec;
  spec.dimension = 5;
  spec.samples = 200;
  spec.sparsity = 2;
  spec.corrupted = 0;
  spec.seed = 7;
  const RobustRegressionData data = draw_robust_regression(spec);
  const DiagonalNetworkProblem<double> problem{data.x, data.labels<double>()};
  RandomSource rng(1);
  const Matrix<double> w0 = convergence_initialization(5, 2, 1e-4, false, rng);
  const TrajectoryMeasurement r = measure_trajectory(problem, data, w0, 0.005, hit_cap(2, 2, 1e-4, 0.005), 2);
  ASSERT_TRUE(r.failure.empty()) << r.failure;
  EXPECT_GT(r.hit, 0);
  EXPECT_GE(r.window_end, 4 * r.hit);
  EXPECT_EQ(r.imbalance, 0);
  EXPECT_GE(r.window_max, r.error_at_bar);
}

}  // namespace
}  // namespace thmcheck::mf22
