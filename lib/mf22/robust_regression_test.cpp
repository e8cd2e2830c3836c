#include "thmcheck/mf22/robust_regression.hpp"

#include <gtest/gtest.h>

#include <set>

namespace thmcheck::mf22 {
namespace {

RobustRegressionSpec spec() {
  RobustRegressionSpec s;
  s.dimension = 30;
  s.samples = 40;
  s.sparsity = 4;
  s.corrupted = 10;
  s.outliers = {OutlierKind::kGaussian, 10.0};
  s.seed = 7;
  return s;
}

TEST(Mf22RobustRegression, ShapesSupportAndCorruptionSet) {
  const RobustRegressionData data = draw_robust_regression(spec());
  ASSERT_EQ(data.x.rows(), 40);
  ASSERT_EQ(data.x.cols(), 30);
  ASSERT_EQ(data.support.size(), 4u);
  ASSERT_EQ(data.corrupted.size(), 10u);
  EXPECT_DOUBLE_EQ(data.corruption_rate(), 0.25);
  std::set<int> supp(data.support.begin(), data.support.end());
  for (int j = 0; j < 30; ++j) {
    if (supp.count(j)) {
      EXPECT_GE(data.theta_star(j), 1.0);
      EXPECT_LE(data.theta_star(j), 2.0);
    } else {
      EXPECT_EQ(data.theta_star(j), 0.0);
    }
  }
  std::set<int> s(data.corrupted.begin(), data.corrupted.end());
  for (int i = 0; i < 40; ++i) {
    if (!s.count(i)) EXPECT_EQ(data.noise(i), 0.0);
    else EXPECT_NE(data.noise(i), 0.0);  // Gaussian: nonzero almost surely
  }
  // Labels: y - X theta* = eps exactly up to rounding of the dot products
  // (|X theta*| <= 4 * 2 * max|x| ~ 40, so 1e-12 is ~ 100 ulps).
  const Vector<double> y = data.labels<double>();
  EXPECT_LT((y - data.x * data.theta_star - data.noise).lpNorm<Eigen::Infinity>(), 1e-12);
}

TEST(Mf22RobustRegression, DeterministicFromSeed) {
  const RobustRegressionData a = draw_robust_regression(spec());
  const RobustRegressionData b = draw_robust_regression(spec());
  EXPECT_EQ(a.x, b.x);
  EXPECT_EQ(a.noise, b.noise);
  EXPECT_EQ(a.theta_star, b.theta_star);
  RobustRegressionSpec other = spec();
  other.seed = 8;
  EXPECT_NE(draw_robust_regression(other).x, a.x);
}

// The corruption set is uniform: each index is in S with probability |S|/m.
// Over 4000 draws the count of index 0 is Binomial(4000, 1/4): sd 27; 5 sd.
TEST(Mf22RobustRegression, CorruptionSetIsUniform) {
  RandomSource rng(3);
  int hits0 = 0, hits39 = 0;
  for (int t = 0; t < 4000; ++t) {
    const auto s = random_subset(40, 10, rng);
    ASSERT_EQ(s.size(), 10u);
    hits0 += s.front() == 0;
    hits39 += s.back() == 39;
  }
  EXPECT_NEAR(hits0, 1000, 5 * 27.4);
  EXPECT_NEAR(hits39, 1000, 5 * 27.4);
}

TEST(Mf22RobustRegression, RejectsInvalidSpec) {
  RobustRegressionSpec s = spec();
  s.corrupted = 41;
  EXPECT_THROW(draw_robust_regression(s), std::invalid_argument);
}

}  // namespace
}  // namespace thmcheck::mf22
