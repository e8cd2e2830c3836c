// support_balance_outcome (mf22.thm3.balanced.support): identical layers stay
// identical, so the on-support spread is exactly 0 (Algorithm 1 applies the
// same arithmetic to every layer); with a perturbed start the maximum over
// 0 <= t <= T-bar includes t = 0, so it is at least the initial on-support
// spread divided by theta*_l^{1/N}, recomputed here from the initialization
// drawn independently with the same seed; x is alpha^{1/N}.
#include "thmcheck/mf22/support_balance.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "thmcheck/engine/typed_instance_testing.hpp"
#include "thmcheck/mf22/subgm_trajectory.hpp"

namespace thmcheck::mf22 {
namespace {

/// A drawn N = 3 sweep cut to alpha in {1e-2, 1e-3} (a fraction of a second).
BalanceInstance small_sweep(int k) {
  BalanceInstance in = test_draw(balance_instances(/*deep=*/true), 12000, k);
  in.layers = 3;
  in.alpha_grid = {Real::parse("1e-2"), Real::parse("1e-3")};
  return in;
}

TEST(Mf22SupportBalance, IdenticalLayersHaveZeroSpreadAndXIsTheNthRoot) {
  BalanceInstance in = small_sweep(0);
  in.perturb_init = 0;
  const Outcome o = support_balance_outcome<double>(in);
  ASSERT_TRUE(o.ok) << o.message;
  ASSERT_EQ(o.points.size(), 2u);
  for (std::size_t g = 0; g < 2; ++g) {
    // Exactly 0 by symmetry (same operations on equal numbers), not a tolerance.
    EXPECT_EQ(static_cast<double>(o.points[g].second), 0.0);
    const double root = std::cbrt(in.alpha_grid[g].as<double>());
    EXPECT_NEAR(static_cast<double>(o.points[g].first), root, 1e-15 * root);  // double rounding of pow
  }
}

TEST(Mf22SupportBalance, SpreadIsAtLeastTheInitialOnSupportSpread) {
  for (int k = 0; k < 3; ++k) {
    const BalanceInstance in = small_sweep(k);
    ASSERT_EQ(in.perturb_init, 1);
    const Outcome o = support_balance_outcome<double>(in);
    ASSERT_TRUE(o.ok) << o.message;
    const RobustRegressionData data = draw_robust_regression(in.spec());
    RandomSource rng(in.spec().seed ^ 0xabcdefULL);
    for (std::size_t g = 0; g < in.alpha_grid.size(); ++g) {
      const Matrix<double> w0 =
          convergence_initialization(in.dimension, in.layers, in.alpha_grid[g].as<double>(), true, rng);
      double initial = 0;
      for (const int l : data.support)
        initial = std::max(initial, (w0.row(l).maxCoeff() - w0.row(l).minCoeff()) / std::cbrt(data.theta_star(l)));
      EXPECT_GT(initial, 0.0);
      // The measured maximum includes t = 0; 1e-12 relative covers the order of the division.
      EXPECT_GE(static_cast<double>(o.points[g].second), initial * (1 - 1e-12)) << "k = " << k << ", g = " << g;
    }
  }
}

}  // namespace
}  // namespace thmcheck::mf22
