#include "thmcheck/mf22/q_coefficient.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "thmcheck/mf22/robust_regression.hpp"
#include "thmcheck/mf22/sign_gradient.hpp"

namespace thmcheck::mf22 {
namespace {

// Four rows, two strata, hand-computed: a = Sign(inner) proj = (1, -2, -3, 0);
// off S: mean -0.5, unbiased variance 4.5; on S: mean -1.5, variance 4.5; so
// mean = -4/4 and s.e. = sqrt(2 4.5 + 2 4.5) / 4. Exact in binary except the
// square root (1 ulp).
TEST(Mf22QCoefficient, StratifiedMeanAndStandardError) {
  Vector<double> proj(4), inner(4);
  proj << 1, -2, 3, 0.5;
  inner << 2, 1, -1, 0;  // Sign(0) = 0: the last term vanishes
  const QCoefficient c = q_coefficient(proj, inner, {0, 0, 1, 1});
  EXPECT_EQ(c.mean, -1.0);
  EXPECT_DOUBLE_EQ(c.standard_error, std::sqrt(18.0) / 4);
}

// A stratum of one row has no variance estimate and contributes none.
TEST(Mf22QCoefficient, SingleRowStratumAddsNoVariance) {
  Vector<double> proj(3), inner(3);
  proj << 1, 2, 5;
  inner << 1, -1, 1;
  const QCoefficient c = q_coefficient(proj, inner, {0, 0, 1});
  // Off S: a = (1, -2), mean -0.5, variance 4.5, times 2 rows.
  EXPECT_DOUBLE_EQ(c.mean, 4.0 / 3);
  EXPECT_DOUBLE_EQ(c.standard_error, std::sqrt(9.0) / 3);
}

// Without outliers E[Q(z)] = sqrt(2/pi) z/||z|| (Lemma 5 with p = 0): the
// Monte Carlo coefficient of m = 100000 rows is within 5 standard errors
// (a fixed seed: deterministic).
TEST(Mf22QCoefficient, MatchesPsiWithoutOutliers) {
  RobustRegressionSpec spec;
  spec.dimension = 3;
  spec.samples = 100000;
  spec.sparsity = 0;
  spec.corrupted = 0;
  spec.seed = 11;
  const RobustRegressionData data = draw_robust_regression(spec);
  Vector<double> z(3);
  z << 0.3, -1.2, 2.0;
  const Vector<double> u = z / z.norm();
  const Vector<double> proj = data.x * u;
  const Vector<double> inner = data.x * z + data.noise;
  const QCoefficient c = q_coefficient(proj, inner, std::vector<int>(spec.samples, 0));
  EXPECT_GT(c.standard_error, 0);
  EXPECT_NEAR(c.mean, std::sqrt(2 / M_PI), 5 * c.standard_error);
}

}  // namespace
}  // namespace thmcheck::mf22
