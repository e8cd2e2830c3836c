// Tests of lib/os19/sgd_step.hpp and sgd_step_instance.hpp against independent
// references: the closed form of E||r(theta^+)||^2 for linear regression, dense
// sampling of phi' on an interval, sigma_min / ||J|| / row norms of J at points
// sampled in the ball, and known anchor distances; in double and at 50 digits.
#include "thmcheck/os19/sgd_step.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "thmcheck/generators/random_data.hpp"
#include "thmcheck/numerics/linalg.hpp"
#include "thmcheck/os19/sgd_step_instance.hpp"

namespace thmcheck::os19 {
namespace {

template <class S>
class Os19SgdStepTyped : public ::testing::Test {};
using Scalars = ::testing::Types<double, Mp50>;
TYPED_TEST_SUITE(Os19SgdStepTyped, Scalars);

template <class S>
Matrix<S> random_x(int n, int p, std::uint64_t seed) {
  RandomSource rng(seed);
  return matrix_with_condition(n, p, 10.0, rng).template cast<S>();
}

// Linear regression: r(theta - eta r_i x_i) = r - eta r_i X x_i, so
// E||r^+||^2 = ||r||^2 - (2 eta/n) ||X^T r||^2 + (eta^2/n) sum_i r_i^2 ||X x_i||^2.
// Tolerance 1e3 u times the scale ||r||^2 (a few hundred roundings).
TYPED_TEST(Os19SgdStepTyped, LinearRegressionSecondMomentMatchesClosedForm) {
  using S = TypeParam;
  const Matrix<S> x = random_x<S>(4, 7, 11);
  RandomSource rng(12);
  const Vector<S> y = gaussian_vector(4, rng).template cast<S>();
  const Vector<S> theta = gaussian_vector(7, rng).template cast<S>();
  const GlmModel<S> model(x, y, Activation<S>{});
  const S eta = S(3) / 10;
  const SgdStep<S> s = sgd_step(model, theta, eta);
  ASSERT_EQ(s.next.size(), 4u);
  const Vector<S> r = x * theta - y;
  S expected = r.squaredNorm() - 2 * eta / 4 * (x.transpose() * r).squaredNorm();
  S mean_r = 0;
  for (int i = 0; i < 4; ++i) {
    const Vector<S> xi = x.row(i).transpose();
    expected += eta * eta / 4 * r(i) * r(i) * (x * xi).squaredNorm();
    mean_r += (r - eta * r(i) * (x * xi)).norm() / 4;
  }
  const S tol = 1000 * unit_roundoff<S>() * r.squaredNorm();
  EXPECT_LT(abs(s.mean_r2 - expected), tol);
  EXPECT_LT(abs(s.mean_r - mean_r), tol);
  EXPECT_LT(abs(s.jtr - (x.transpose() * r).norm()), tol);
  EXPECT_GT(s.error, S(0));
  EXPECT_LT(s.error, S(1e-10));
}

// phi' sampled on 2001 points of [lo, hi] stays inside the range, and the range
// is attained up to the sampling step times sup |phi''| (<= 2 here).
TYPED_TEST(Os19SgdStepTyped, PhiPrimeRangeEnclosesAndAttainsSampledValues) {
  using S = TypeParam;
  const Activation<S> acts[] = {{ActivationKind::kTanhPlus, S(1) / 2},
                                {ActivationKind::kTanhPlus, -S(1) / 2},
                                {ActivationKind::kLeakySoftplus, S(1) / 5}};
  const double intervals[][2] = {{-3, 2}, {0.5, 4}, {-5, -1}};
  for (const auto& phi : acts) {
    for (const auto& iv : intervals) {
      const S lo = S(iv[0]), hi = S(iv[1]);
      const PhiPrimeRange<S> g = phi_prime_range(phi, lo, hi);
      S smin = 10, smax = -10;
      for (int k = 0; k <= 2000; ++k) {
        const S z = lo + (hi - lo) * S(k) / 2000;
        const S d = phi.derivative(z);
        EXPECT_GE(d, g.lower);
        EXPECT_LE(d, g.upper);
        smin = std::min(smin, d);
        smax = std::max(smax, d);
      }
      const S step = (hi - lo) / 2000 * 2;
      EXPECT_LE(g.lower, smin);
      EXPECT_GE(g.lower, smin - step);
      EXPECT_LE(g.upper, smax + step);
    }
  }
}

// At 200 points drawn in B(theta0, nu r0 / alpha): sigma_min(J) >= alpha,
// ||J|| <= beta, max_i ||J_i|| <= B (certified; no tolerance beyond the
// enclosure), and the local alpha is at least the global gamma sigma_min(X).
TYPED_TEST(Os19SgdStepTyped, BallBoundsHoldAtSampledPointsAndImproveOnGlobal) {
  using S = TypeParam;
  const Matrix<S> x = random_x<S>(3, 6, 21);
  RandomSource rng(22);
  const Vector<S> theta0 = gaussian_vector(6, rng).template cast<S>();
  const Activation<S> phi{ActivationKind::kLeakySoftplus, S(1) / 10};
  // y near f(theta0): a small r0, hence a small ball on which phi' varies little.
  const Vector<S> f0 = GlmModel<S>(x, Vector<S>::Zero(3), phi).predict(theta0);
  const Vector<S> y = f0 + gaussian_vector(3, rng).template cast<S>() / 1000;
  const GlmModel<S> model(x, y, phi);
  const S r0 = model.residual(theta0).norm(), nu = 3;
  const JacobianBounds<S> b = glm_sgd_ball_bounds(x, phi, theta0, nu, r0);
  const JacobianBounds<S> global = glm_bounds(x, phi);
  EXPECT_GE(b.alpha, global.alpha);
  EXPECT_GT(b.alpha, global.alpha * S(1.01));  // phi' varies, so the ball helps
  EXPECT_LE(b.beta, global.beta);
  const S radius = nu * r0 / b.alpha;
  for (int k = 0; k < (std::is_same_v<S, double> ? 200 : 20); ++k) {
    const double s = k == 0 ? 1.0 : rng.uniform();
    const Vector<S> theta = theta0 + (S(s) * radius) * random_unit_vector(6, rng).template cast<S>();
    const Matrix<S> j = model.jacobian(theta);
    EXPECT_GE(smallest_singular_value(j), b.alpha);
    EXPECT_LE(spectral_norm(j), b.beta);
    for (int i = 0; i < 3; ++i) EXPECT_LE(j.row(i).norm(), b.row_bound);
  }
}

// d_P of 0 to {e_1, -e_1, 2 e_2} is (1 + 1 + 2)/3; after a step with n = 1 and
// theta^+ computed exactly, E d_P is d_P(theta^+).
TYPED_TEST(Os19SgdStepTyped, AnchorDistancesMatchKnownValues) {
  using S = TypeParam;
  std::vector<Vector<S>> anchors(3, Vector<S>::Zero(2));
  anchors[0](0) = 1;
  anchors[1](0) = -1;
  anchors[2](1) = 2;
  EXPECT_LT(abs(anchor_distance(Vector<S>(Vector<S>::Zero(2)), anchors) - S(4) / 3), S(1e-14));
  Matrix<S> x(1, 2);
  x << 1, 0;
  Vector<S> y(1);
  y << 1;
  const GlmModel<S> model(x, y, Activation<S>{});
  // theta = 0: r = -1, G = r x = (-1, 0), theta^+ = eta (1, 0) with eta = 1/2.
  const SgdStep<S> s = sgd_step(model, Vector<S>(Vector<S>::Zero(2)), S(1) / 2);
  const S expected = (S(1) / 2 + S(3) / 2 + sqrt(S(1) / 4 + 4)) / 3;
  EXPECT_LT(abs(mean_anchor_distance(s, anchors) - expected), S(1e-14));
  EXPECT_LT(abs(s.mean_r - S(1) / 2), S(1e-14));
}

// Generated instances validate; inside focus: most points lie in B(nu/2) and
// carry a valid packing; outside focus: most points lie outside B(nu/2).
TEST(Os19SgdStepInstance, GeneratedInstancesReachTheirSets) {
  int inside = 0, packed = 0, outside = 0;
  const int count = 60;
  for (int s = 0; s < count; ++s) {
    const SgdStepInstance a = sgd_step_generator(SgdStepFocus::kInside)(rc::Random(700 + s), 10).value();
    ASSERT_NO_THROW(a.check());
    const SgdStepProblem<double> g(a);
    inside += g.in_half_ball().holds ? 1 : 0;
    packed += g.packing().holds ? 1 : 0;
    const SgdStepInstance b = sgd_step_generator(SgdStepFocus::kOutside)(rc::Random(900 + s), 10).value();
    ASSERT_NO_THROW(b.check());
    outside += SgdStepProblem<double>(b).in_half_ball().holds ? 0 : 1;
  }
  EXPECT_GE(inside, count / 2);
  EXPECT_GE(packed, count * 3 / 4);
  EXPECT_GE(outside, count * 3 / 4);
}

}  // namespace
}  // namespace thmcheck::os19
