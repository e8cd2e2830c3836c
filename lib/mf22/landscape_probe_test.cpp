#include "thmcheck/mf22/landscape_probe.hpp"

#include <gtest/gtest.h>

#include "thmcheck/generators/random_data.hpp"
#include "thmcheck/mf22/robust_regression.hpp"

namespace thmcheck::mf22 {
namespace {

// Tiny robust-regression instance: d = 3 (one zero row), m = 4, N = 2.
struct Tiny {
  DiagonalNetworkProblem<double> problem;
  Matrix<double> w0;
};

Tiny tiny(std::uint64_t seed) {
  RobustRegressionSpec s;
  s.dimension = 3;
  s.samples = 4;
  s.sparsity = 2;
  s.corrupted = 2;
  s.outliers = {OutlierKind::kGaussian, 1.0};
  s.seed = seed;
  const RobustRegressionData data = draw_robust_regression(s);
  return {{data.x, data.labels<double>()}, balanced_solution(data.theta_star, 2)};
}

TEST(Mf22LandscapeProbe, ProductBoxHandValues) {
  Matrix<double> w(3, 2);
  w << 0, 0, 1, 1, 0.25, 0.25;
  Vector<double> lo, hi;
  product_box<double>(w, 0.5, lo, hi);
  // Zero row: [-g^2, g^2]; a = 1 >= g: [(a-g)^2, (a+g)^2]; a = 0.25 < g:
  // [(a-g)(a+g), (a+g)^2].
  EXPECT_DOUBLE_EQ(lo(0), -0.25);
  EXPECT_DOUBLE_EQ(hi(0), 0.25);
  EXPECT_DOUBLE_EQ(lo(1), 0.25);
  EXPECT_DOUBLE_EQ(hi(1), 2.25);
  EXPECT_DOUBLE_EQ(lo(2), -0.25 * 0.75);
  EXPECT_DOUBLE_EQ(hi(2), 0.5625);
  // realize_row hits interior targets within the box.
  for (double target : {-0.1, 0.0, 0.3, 0.5}) {
    const Vector<double> row = w.row(2).transpose();
    const Vector<double> delta = realize_row(row, 0.5, target);
    EXPECT_LE(delta.cwiseAbs().maxCoeff(), 0.5);
    EXPECT_NEAR((row + delta).prod(), target, 1e-15);
  }
}

// Enumeration: an 11^6 grid of the w-ball (d = 3, N = 2). The linearized LP
// gives a lower bound on the minimum over the ball (so <= every grid value);
// the realized point is in the ball; the grid minimum exceeds the true
// minimum by at most the loss change to the nearest grid point (each
// coordinate within g/10: |L(w) - L(w')| <= N max_i ||x_i||_1 (max|w| + g)^{N-1}
// g/10 with N = 2). With large outliers and small gamma no corrupted residual
// can change sign, the linearization is exact and all numbers must agree;
// with gamma = 0.3 and unit outliers they bracket the grid minimum. The
// box-vertex maximum equals the grid maximum (the grid contains all vertices).
void check_against_grid(double outlier_scale, double gamma, bool linear_regime) {
  for (std::uint64_t seed : {1, 2, 3}) {
    RobustRegressionSpec s;
    s.dimension = 3;
    s.samples = 4;
    s.sparsity = 2;
    s.corrupted = 2;
    s.outliers = {OutlierKind::kTwoPoint, outlier_scale};
    s.seed = seed;
    const RobustRegressionData data = draw_robust_regression(s);
    const Tiny t{{data.x, data.labels<double>()}, balanced_solution(data.theta_star, 2)};
    LandscapeProbeOptions o;
    o.gamma = gamma;
    const LandscapeProbeResult r = probe_landscape(t.problem, t.w0, o);
    ASSERT_TRUE(r.ok) << r.message;
    double grid_min = 1e300, grid_max = -1e300;
    const int steps = 10;
    Matrix<double> w(3, 2);
    for (int code = 0; code < 1771561; ++code) {  // 11^6
      int c = code;
      for (int e = 0; e < 6; ++e) {
        w(e / 2, e % 2) = t.w0(e / 2, e % 2) + o.gamma * (2.0 * (c % 11) / steps - 1);
        c /= 11;
      }
      const double v = l1_loss(t.problem, w);
      grid_min = std::min(grid_min, v);
      grid_max = std::max(grid_max, v);
    }
    const double lip = 2 * t.problem.x.cwiseAbs().rowwise().sum().maxCoeff() *
                       (t.w0.cwiseAbs().maxCoeff() + o.gamma);
    const double certified_min = r.base_loss + r.lp_linearized_change;
    EXPECT_LE(certified_min, grid_min + 1e-12);
    EXPECT_LE((r.lp_w - t.w0).cwiseAbs().maxCoeff(), o.gamma * (1 + 1e-15));
    EXPECT_NEAR(l1_loss(t.problem, r.lp_w), r.lp_objective, 1e-14);
    EXPECT_GE(r.lp_objective, certified_min - 1e-12);
    EXPECT_GE(r.search_min_loss, certified_min - 1e-12);
    EXPECT_GE(r.family_linearized_change, r.lp_linearized_change - 1e-12);
    Vector<double> lo, hi;
    product_box<double>(t.w0, o.gamma, lo, hi);
    const Vector<double> theta0 = layer_product(t.w0);
    const double dual = linearized_change_dual_bound<double>(t.problem.x, Vector<double>(lo - theta0),
                                                             Vector<double>(hi - theta0), r.lp_dual);
    EXPECT_LE(dual, r.lp_linearized_change + 1e-12);
    EXPECT_NEAR(dual, r.lp_linearized_change, 1e-9);
    if (linear_regime) {
      EXPECT_NEAR(r.lp_objective, certified_min, 1e-12);
      EXPECT_GE(r.lp_objective, grid_min - lip * o.gamma / steps);
    }
    ASSERT_TRUE(r.increase_enumerated);
    EXPECT_NEAR(r.increase_max_loss, grid_max, 1e-12);
    EXPECT_NEAR(l1_loss(t.problem, r.increase_w), r.increase_max_loss, 1e-12);
  }
}

TEST(Mf22LandscapeProbe, AgreesWithGridEnumerationLinearRegime) { check_against_grid(100.0, 0.01, true); }
TEST(Mf22LandscapeProbe, BracketsGridEnumerationLargeBall) { check_against_grid(1.0, 0.3, false); }

// The LP solves plain least absolute deviations: with y = X theta exactly and
// m > d, theta is the unique minimizer (value 0).
TEST(Mf22LandscapeProbe, LpRecoversCleanLeastAbsoluteDeviations) {
  RandomSource rng(8);
  const Matrix<double> x = gaussian_matrix(30, 4, rng);
  Vector<double> theta(4);
  theta << 1, -2, 0.5, 0;
  const double inf = std::numeric_limits<double>::infinity();
  const BoxL1Result r = l1_regression_over_box(x, x * theta, Vector<double>::Constant(4, -inf),
                                               Vector<double>::Constant(4, inf), Vector<double>::Zero(4));
  ASSERT_TRUE(r.ok) << r.message;
  EXPECT_NEAR(r.objective, 0, 1e-12);
  EXPECT_LT((r.theta - theta).cwiseAbs().maxCoeff(), 1e-10);
}

}  // namespace
}  // namespace thmcheck::mf22
