#include "thmcheck/os19/closest_optimum.hpp"

#include <gtest/gtest.h>

#include <Eigen/Dense>

#include "thmcheck/generators/random_data.hpp"
#include "thmcheck/models/linear_regression.hpp"
#include "thmcheck/os19/models.hpp"
#include "thmcheck/solvers/gradient_descent.hpp"

namespace thmcheck::os19 {
namespace {

template <class To>
Matrix<To> cast_matrix(const Matrix<double>& m) {
  return m.unaryExpr([](double v) { return To(v); });
}
template <class To>
Vector<To> cast_vector(const Vector<double>& m) {
  return m.unaryExpr([](double v) { return To(v); });
}

// theta* interpolates, theta* - theta0 is in the row space of X (so no other
// interpolant is closer: the interpolants differ by null-space vectors).
TEST(Os19ClosestOptimum, InterpolatesAndDiffersFromTheta0InRowSpace) {
  RandomSource rng(31);
  Activation<Mp50> phi{ActivationKind::kTanhPlus, parse_decimal<Mp50>("1.5")};
  const Matrix<Mp50> x = cast_matrix<Mp50>(matrix_with_condition(6, 10, 100.0, rng));
  const Vector<Mp50> y = cast_vector<Mp50>(gaussian_vector(6, rng));
  const Vector<Mp50> theta0 = cast_vector<Mp50>(gaussian_vector(10, rng));
  auto r = closest_glm_optimum(x, y, phi, theta0);
  ASSERT_TRUE(r.ok()) << r.message;
  GlmModel<Mp50> m(x, y, phi);
  EXPECT_LT(m.residual(r.theta_star).norm(), Mp50("1e-40"));
  // Row-space test: projecting onto the null space leaves nothing.
  const Vector<Mp50> d = r.theta_star - theta0;
  Eigen::LLT<Matrix<Mp50>> llt(Matrix<Mp50>(x * x.transpose()));
  const Vector<Mp50> row_part = x.transpose() * llt.solve(Vector<Mp50>(x * d));
  EXPECT_LT((d - row_part).norm(), Mp50("1e-40"));
  EXPECT_LT(r.residual_bound, Mp50("1e-40"));
}

// Independent reference for the linear case: gradient descent converges to
// the closest interpolant (os19 Section 1.2), here run to 1e-30 at 50 digits.
TEST(Os19ClosestOptimum, LinearMatchesGradientDescentLimit) {
  RandomSource rng(32);
  const Matrix<Mp50> x = cast_matrix<Mp50>(matrix_with_condition(3, 5, 3.0, rng));
  const Vector<Mp50> y = cast_vector<Mp50>(gaussian_vector(3, rng));
  const Vector<Mp50> theta0 = cast_vector<Mp50>(gaussian_vector(5, rng));
  auto r = closest_glm_optimum(x, y, Activation<Mp50>{}, theta0);
  ASSERT_TRUE(r.ok());
  LinearRegression<Mp50> lin(x, y);
  GradientDescentOptions<Mp50> opt;
  opt.step = Mp50("0.5");  // ||X|| = 1, so eta ||X||^2 = 0.5; contraction 1 - 0.5/9 per step
  opt.max_iterations = 2000;
  auto gd = gradient_descent<Mp50>(lin, theta0, opt);
  ASSERT_TRUE(gd.ok()) << gd.message;
  EXPECT_LT((gd.theta - r.theta_star).norm(), Mp50("1e-30"));
}

TEST(Os19ClosestOptimum, ReportsRankDeficiency) {
  RandomSource rng(33);
  const Matrix<double> x = gaussian_matrix(4, 3, rng);
  auto r = closest_glm_optimum<double>(x, gaussian_vector(4, rng), Activation<double>{},
                                       gaussian_vector(3, rng));
  EXPECT_EQ(r.status, ClosestOptimumStatus::kRankDeficient);
}

}  // namespace
}  // namespace thmcheck::os19
