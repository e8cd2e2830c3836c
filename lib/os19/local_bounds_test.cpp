// glm_loss_smoothness and glm_jacobian_deviation (local_bounds.hpp) against
// independent references: the spectral norm of the exact Hessian
// X^T diag(phi'^2 + r phi'') X at sampled points of the ball (never above the
// bound), the exact Hessian norm of linear least squares (equal up to the
// Weyl shift), and Jacobian differences at sampled pairs; double and 50 digits.
#include "thmcheck/os19/local_bounds.hpp"

#include <gtest/gtest.h>

#include "thmcheck/generators/random_data.hpp"
#include "thmcheck/numerics/linalg.hpp"
#include "thmcheck/os19/models.hpp"

namespace thmcheck::os19 {
namespace {

template <class S>
Matrix<S> cast_m(const Matrix<double>& m) {
  return m.unaryExpr([](double v) { return S(v); });
}
template <class S>
Vector<S> cast_v(const Vector<double>& m) {
  return m.unaryExpr([](double v) { return S(v); });
}

template <class S>
S hessian_norm(const GlmModel<S>& model, const Vector<S>& theta) {
  const Vector<S> z = model.features() * theta;
  const Vector<S> r = model.residual(theta);
  Vector<S> w(z.size());
  for (Eigen::Index i = 0; i < z.size(); ++i) {
    const S d = model.activation().derivative(z(i));
    w(i) = d * d + r(i) * model.activation().second_derivative(z(i));
  }
  const Matrix<S> h = model.features().transpose() * w.asDiagonal() * model.features();
  Eigen::SelfAdjointEigenSolver<Matrix<S>> es(h, Eigen::EigenvaluesOnly);
  using std::abs;
  using std::max;
  return max(S(abs(es.eigenvalues()(0))), S(abs(es.eigenvalues()(h.rows() - 1))));
}

template <class S>
void smoothness_dominates_sampled_hessians(ActivationKind kind, const char* param) {
  RandomSource rng(91);
  const Activation<S> phi{kind, parse_decimal<S>(param)};
  for (int trial = 0; trial < 10; ++trial) {
    const Matrix<S> x = cast_m<S>(matrix_with_condition(4, 6, 10.0, rng) * 2.0);
    const Vector<S> y = cast_v<S>(gaussian_vector(4, rng));
    const Vector<S> theta0 = cast_v<S>(gaussian_vector(6, rng));
    const S radius = S(0.1 + trial * 0.3);
    const GlmModel<S> model(x, y, phi);
    const S bound = glm_loss_smoothness(x, y, phi, theta0, radius).value;
    S worst = 0;
    for (int k = 0; k < 200; ++k) {
      // Points on the sphere and inside it.
      const S scale = k % 2 == 0 ? radius : S(radius * rng.uniform());
      const Vector<S> theta = theta0 + scale * cast_v<S>(random_unit_vector(6, rng));
      worst = std::max(worst, hessian_norm(model, theta));
    }
    EXPECT_LE(worst, bound) << "trial " << trial;
    EXPECT_GT(worst, S(0));
  }
}

TEST(Os19LocalBounds, SmoothnessDominatesSampledHessiansTanhPlusDouble) {
  smoothness_dominates_sampled_hessians<double>(ActivationKind::kTanhPlus, "0.8");
}
TEST(Os19LocalBounds, SmoothnessDominatesSampledHessiansSoftplusMp50) {
  smoothness_dominates_sampled_hessians<Mp50>(ActivationKind::kLeakySoftplus, "0.3");
}

// Linear least squares: the Hessian is X^T X, its norm ||X||^2 everywhere; the
// bound exceeds it by the Weyl shift and the rounding factor only (relative
// 1e-12 in double, 1e-45 at 50 digits).
template <class S>
void linear_smoothness_is_exact(const S& tolerance) {
  RandomSource rng(92);
  const Matrix<S> x = cast_m<S>(matrix_with_condition(3, 5, 4.0, rng) * 3.0);
  const Vector<S> y = cast_v<S>(gaussian_vector(3, rng));
  const Vector<S> theta0 = cast_v<S>(gaussian_vector(5, rng));
  const S bound = glm_loss_smoothness(x, y, Activation<S>{}, theta0, S(7)).value;
  const S exact = spectral_norm(x) * spectral_norm(x);
  EXPECT_GE(bound, exact);
  EXPECT_LT((bound - exact) / exact, tolerance);
}
TEST(Os19LocalBounds, LinearSmoothnessIsTheHessianNormDouble) { linear_smoothness_is_exact<double>(1e-12); }
TEST(Os19LocalBounds, LinearSmoothnessIsTheHessianNormMp50) { linear_smoothness_is_exact<Mp50>(Mp50("1e-45")); }

// The radius matters: a larger ball gives a larger residual range, hence a larger L.
TEST(Os19LocalBounds, SmoothnessGrowsWithTheRadius) {
  RandomSource rng(93);
  const Activation<double> phi{ActivationKind::kTanhPlus, 1.0};
  const Matrix<double> x = matrix_with_condition(3, 4, 2.0, rng);
  const Vector<double> y = gaussian_vector(3, rng), theta0 = gaussian_vector(4, rng);
  EXPECT_LT(glm_loss_smoothness(x, y, phi, theta0, 0.1).value, glm_loss_smoothness(x, y, phi, theta0, 10.0).value);
}

template <class S>
void deviation_dominates_sampled_differences() {
  RandomSource rng(94);
  const Activation<S> phi{ActivationKind::kTanhPlus, parse_decimal<S>("-0.4")};
  const Matrix<S> x = cast_m<S>(matrix_with_condition(3, 5, 5.0, rng));
  const GlmModel<S> model(x, Vector<S>(Vector<S>::Zero(3)), phi);
  const S bound = glm_jacobian_deviation(x, phi).value;
  S worst = 0;
  for (int k = 0; k < 300; ++k) {
    const Vector<S> a = cast_v<S>(gaussian_vector(5, rng) * 3.0), b = cast_v<S>(gaussian_vector(5, rng) * 3.0);
    worst = std::max(worst, spectral_norm(Matrix<S>(model.jacobian(a) - model.jacobian(b))));
  }
  EXPECT_LE(worst, bound);
  EXPECT_GT(worst, bound / 20);  // the bound is not vacuous on spread-out points
}
TEST(Os19LocalBounds, DeviationDominatesSampledJacobianDifferencesDouble) { deviation_dominates_sampled_differences<double>(); }
TEST(Os19LocalBounds, DeviationDominatesSampledJacobianDifferencesMp50) { deviation_dominates_sampled_differences<Mp50>(); }

}  // namespace
}  // namespace thmcheck::os19
