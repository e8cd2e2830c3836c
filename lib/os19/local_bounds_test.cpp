// glm_loss_smoothness and glm_jacobian_deviation (local_bounds.hpp) against
// independent references: the spectral norm of the exact Hessian
// X^T diag(phi'^2 + r phi'') X at sampled points of the ball (never above the
// bound), the exact Hessian norm of linear least squares (equal up to the
// Weyl shift), and Jacobian differences at sampled pairs; double and 50 digits.
#include "thmcheck/os19/local_bounds.hpp"

#include <gtest/gtest.h>

#include "thmcheck/generators/random_data.hpp"
#include "thmcheck/numerics/linalg.hpp"
#include "thmcheck/os19/jacobian_bounds.hpp"
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

// slope_range against a dense grid (10^4 points) of phi' and |phi''| on
// intervals left of, around and right of 0: the closed forms enclose the grid
// and are attained up to the grid spacing (1e-3 relative).
template <class S>
void slope_range_matches_grid(ActivationKind kind, const char* param) {
  const Activation<S> phi{kind, parse_decimal<S>(param)};
  const double ends[][2] = {{-3, -0.2}, {-0.5, 2}, {0.1, 0.4}, {0.5, 5}, {-1e-3, 1e-3}};
  for (const auto& e : ends) {
    const S lo = S(e[0]), hi = S(e[1]);
    const SlopeRange<S> r = slope_range(phi, lo, hi);
    S smin = phi.derivative(lo), smax = smin, cmax = 0;
    for (int k = 0; k <= 10000; ++k) {
      const S z = lo + (hi - lo) * S(k) / S(10000);
      const S d = phi.derivative(z);
      using std::abs;
      smin = std::min(smin, d);
      smax = std::max(smax, d);
      cmax = std::max(cmax, S(abs(phi.second_derivative(z))));
    }
    EXPECT_LE(r.min_slope, smin);
    EXPECT_GE(r.max_slope, smax);
    EXPECT_GE(r.max_curvature, cmax);
    EXPECT_GT(r.min_slope, smin - S(1e-3));
    EXPECT_LT(r.max_slope, smax + S(1e-3));
    EXPECT_LT(r.max_curvature, cmax + S(1e-3));
  }
}
TEST(Os19LocalBounds, SlopeRangeMatchesGridTanhPlusDouble) { slope_range_matches_grid<double>(ActivationKind::kTanhPlus, "0.6"); }
TEST(Os19LocalBounds, SlopeRangeMatchesGridTanhPlusNegativeMp50) {
  slope_range_matches_grid<Mp50>(ActivationKind::kTanhPlus, "-0.3");
}
TEST(Os19LocalBounds, SlopeRangeMatchesGridSoftplusDouble) { slope_range_matches_grid<double>(ActivationKind::kLeakySoftplus, "0.2"); }

// The ball constants hold at sampled points of the ball (sigma_min and ||J||
// of the exact Jacobian) and never exceed the global constants of glm_bounds.
TEST(Os19LocalBounds, BallConstantsHoldOnTheBallAndImproveOnGlobal) {
  RandomSource rng(97);
  const Activation<double> phi{ActivationKind::kTanhPlus, 0.5};
  const Matrix<double> x = matrix_with_condition(3, 5, 3.0, rng);
  const Vector<double> theta0 = gaussian_vector(5, rng);
  const GlmModel<double> model(x, Vector<double>(Vector<double>::Zero(3)), phi);
  const JacobianBounds<double> global = glm_bounds(x, phi);
  for (double radius : {0.01, 0.3, 3.0}) {
    const BallConstants<double> b = glm_ball_constants(x, phi, theta0, radius);
    EXPECT_GE(b.alpha, global.alpha);
    EXPECT_LE(b.beta, global.beta);
    EXPECT_LE(b.lipschitz, global.lipschitz);
    for (int k = 0; k < 100; ++k) {
      const Vector<double> theta = theta0 + radius * rng.uniform() * random_unit_vector(5, rng);
      const Matrix<double> j = model.jacobian(theta);
      EXPECT_GE(smallest_singular_value(j), b.alpha);
      EXPECT_LE(spectral_norm(j), b.beta);
      EXPECT_LE(spectral_norm(Matrix<double>(j - model.jacobian(theta0))), b.deviation);
    }
  }
  // A small ball around theta0 gives a strictly better alpha than R^p.
  EXPECT_GT(glm_ball_constants(x, phi, theta0, 0.01).alpha, global.alpha * 1.001);
}

}  // namespace
}  // namespace thmcheck::os19
