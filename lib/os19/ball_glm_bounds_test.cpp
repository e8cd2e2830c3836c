#include "thmcheck/os19/ball_glm_bounds.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "thmcheck/generators/random_data.hpp"
#include "thmcheck/numerics/linalg.hpp"
#include "thmcheck/os19/models.hpp"

namespace thmcheck::os19 {
namespace {

// The closed-form ranges against a dense grid of phi' and phi'' (an
// independent reference): the enclosure contains every sampled value, and the
// sampled extremes come within the grid's resolution (|phi''| max * h, and
// |phi'''| max h^2 / 8 at an interior extremum; 1e-4 covers both for h = 1e-4 and
// these parameters) of the ends.
TEST(Os19BallGlmBounds, SlopeRangeMatchesADenseGrid) {
  for (auto [kind, par, sharp] : {std::tuple{ActivationKind::kTanhPlus, 2.0, 1.0},
                                  std::tuple{ActivationKind::kTanhPlus, -0.6, 3.0},
                                  std::tuple{ActivationKind::kTanhPlus, -2.5, 1.0},
                                  std::tuple{ActivationKind::kLeakySoftplus, 0.1, 1.0},
                                  std::tuple{ActivationKind::kIdentity, 0.0, 1.0}}) {
    Activation<double> phi{kind, par, sharp};
    for (auto [lo, hi] : {std::pair{-0.3, 0.2}, std::pair{0.1, 0.4}, std::pair{-3.0, -0.05},
                          std::pair{-1.0, 2.5}, std::pair{0.7, 0.7}}) {
      const SlopeRange<double> r = slope_range(phi, lo, hi);
      double smin = 1e300, smax = -1e300, cmax = 0;
      const int steps = static_cast<int>(std::ceil((hi - lo) / 1e-4));
      for (int k = 0; k <= steps; ++k) {
        const double z = steps == 0 ? lo : lo + (hi - lo) * k / steps;
        smin = std::min(smin, phi.derivative(z));
        smax = std::max(smax, phi.derivative(z));
        cmax = std::max(cmax, std::abs(phi.second_derivative(z)));
      }
      EXPECT_LE(r.min_slope, smin) << phi.describe() << " on [" << lo << ", " << hi << "]";
      EXPECT_GE(r.max_slope, smax);
      EXPECT_GE(r.max_curvature, cmax);
      EXPECT_NEAR(r.min_slope, smin, 1e-4);
      EXPECT_NEAR(r.max_slope, smax, 1e-4);
      EXPECT_NEAR(r.max_curvature, cmax, 1e-4);
    }
  }
}

// The ball constants bound the Jacobian at random points of the ball (and at
// pairs of them), and are at least the global ones (a ball is a subset of R^p).
template <class S>
class Os19BallGlmBoundsTyped : public ::testing::Test {};
using Scalars = ::testing::Types<double, Mp50>;
TYPED_TEST_SUITE(Os19BallGlmBoundsTyped, Scalars);

TYPED_TEST(Os19BallGlmBoundsTyped, BoundsHoldAtSampledPointsOfTheBall) {
  using S = TypeParam;
  RandomSource rng(31);
  for (auto [kind, par] : {std::pair{ActivationKind::kTanhPlus, 2.0}, std::pair{ActivationKind::kTanhPlus, -0.8},
                           std::pair{ActivationKind::kTanhPlus, -2.0}, std::pair{ActivationKind::kLeakySoftplus, 0.2}}) {
    const Activation<S> phi{kind, S(par)};
    const Matrix<S> x = matrix_with_condition(4, 7, 5.0, rng).template cast<S>();
    const Vector<S> theta0 = (Vector<double>::Constant(7, 0.4) + 0.1 * gaussian_vector(7, rng)).template cast<S>();
    const GlmModel<S> m(x, Vector<S>::Zero(4), phi);
    const MatrixBounds<S> mb = matrix_bounds(x);
    const S radius = S(0.05);
    const BallGlmBounds<S> b = ball_glm_bounds(x, theta0, phi, radius, mb);
    if (phi.gamma() > 0) {
      const JacobianBounds<S> g = glm_bounds(x, phi);
      EXPECT_GE(b.alpha, g.alpha * (1 - 1e-12));
      EXPECT_LE(b.beta, g.beta * (1 + 1e-12));
      EXPECT_LE(b.lipschitz, g.lipschitz * (1 + 1e-12) + 1e-12);
    }
    // 1e-12 relative: the double SVD's backward error (Weyl), far above Mp50's.
    for (int s = 0; s < 40; ++s) {
      const Vector<S> a = theta0 + radius * rng.uniform(0, 1) * random_unit_vector(7, rng).template cast<S>();
      const Vector<S> c = theta0 + radius * rng.uniform(0, 1) * random_unit_vector(7, rng).template cast<S>();
      const Matrix<S> ja = m.jacobian(a);
      EXPECT_GE(smallest_singular_value(ja), b.alpha * (1 - 1e-12));
      EXPECT_LE(spectral_norm(ja), b.beta * (1 + 1e-12));
      for (Eigen::Index i = 0; i < ja.rows(); ++i) EXPECT_LE(ja.row(i).norm(), b.row_bound);
      const S dev = spectral_norm<S>(m.jacobian(c) - ja);
      EXPECT_LE(dev, b.lipschitz * (c - a).norm() * (1 + 1e-12) + 1e-13);
      EXPECT_LE(dev, b.deviation * (1 + 1e-12) + 1e-13);
    }
  }
}

// The self-consistent alpha is valid on its own ball, alpha <= alpha(B(theta0,
// c r0 / alpha)); for linear regression it is sigma_min(X) (no phi' to vary);
// a non-monotone phi whose phi' vanishes inside every ball around theta0 gets 0.
TYPED_TEST(Os19BallGlmBoundsTyped, SelfConsistentAlphaHoldsOnItsBall) {
  using S = TypeParam;
  RandomSource rng(32);
  const Matrix<S> x = matrix_with_condition(3, 5, 4.0, rng).template cast<S>();
  const MatrixBounds<S> mb = matrix_bounds(x);
  const Vector<S> theta0 = Vector<S>::Constant(5, S(0.3));
  for (const double c_r0 : {1e-3, 0.1, 1.0}) {
    const Activation<S> phi{ActivationKind::kTanhPlus, S(-0.9), S(2)};
    const BallGlmBounds<S> b = self_consistent_glm_bounds(x, theta0, phi, S(c_r0), mb);
    ASSERT_GT(b.alpha, 0) << c_r0;
    EXPECT_GE(ball_glm_bounds(x, theta0, phi, S(S(c_r0) / b.alpha), mb).alpha, b.alpha);
    EXPECT_GE(b.radius, S(c_r0) / b.alpha);
  }
  const BallGlmBounds<S> linear = self_consistent_glm_bounds(x, theta0, Activation<S>{}, S(1), mb);
  EXPECT_LE(abs(linear.alpha - mb.sigma_min_lower), 1e-12 * mb.sigma_min_lower);
  const Activation<S> bump{ActivationKind::kTanhPlus, S(-1.5)};  // phi' = 1 - 1.5 sech^2 vanishes at |z| = 0.66
  const BallGlmBounds<S> none = self_consistent_glm_bounds(x, Vector<S>(Vector<S>::Zero(5)), bump, S(1), mb);
  EXPECT_LE(none.alpha, 0);
}

}  // namespace
}  // namespace thmcheck::os19
