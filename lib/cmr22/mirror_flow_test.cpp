#include "thmcheck/cmr22/mirror_flow.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "thmcheck/generators/random_data.hpp"

namespace thmcheck::cmr22 {
namespace {

MirrorMap<double> positive_map(const Vector<double>& x0, int depth) {
  MirrorMap<double> map;
  map.depth = depth;
  map.u0_power = hadamard_power(x0, depth);
  return map;
}

// The change of variables against direct integration of x' = -grad L(x) (18)
// at fixed times. Both integrators run at local tolerance 1e-12; ROS2 is
// second order; at local tolerance 1e-10 its global error on these O(1)
// problems over t <= 3 is ~1e-8 (measured 1e-9..1e-8); we allow 1e-6.
TEST(Cmr22MirrorFlowTest, PositiveCaseMatchesDirectIntegration) {
  RandomSource rng(3);
  Matrix<double> a = gaussian_matrix(2, 5, rng);
  Vector<double> y = a * Vector<double>::Constant(5, 0.4);
  for (int depth : {2, 3, 4}) {
    Vector<double> x0(5);
    for (int i = 0; i < 5; ++i) x0(i) = rng.uniform(0.2, 0.8);
    for (double t_end : {0.5, 3.0}) {
      GradientFlowOptions<double> direct_options;
      direct_options.absolute_tolerance = direct_options.relative_tolerance = 1e-12;
      direct_options.stop_time = t_end;
      auto direct = gradient_flow<double>(ReducedLoss<double>{a, y, depth}, x0, direct_options);
      ASSERT_EQ(direct.status, FlowStatus::kReachedTime);
      MirrorFlowOptions<double> options;
      options.absolute_tolerance = options.relative_tolerance = 1e-10;
      options.max_steps = 2000000;
      options.stop_time = t_end;
      auto mirror = mirror_flow<double>(a, y, positive_map(x0, depth), options);
      ASSERT_EQ(mirror.status, FlowStatus::kReachedTime) << mirror.message;
      EXPECT_LT((mirror.product - direct.product).norm(), 1e-6 * (1 + direct.product.norm()))
          << "L = " << depth << ", t = " << t_end;
    }
  }
}

// Signed case: the (u, v) flow (35) and the full 2L-factor flow (5) with
// identical factors (run to time L T, see gradient_flow_test) against lambda.
TEST(Cmr22MirrorFlowTest, SignedCaseMatchesUvFlowAndFullFactorFlow) {
  RandomSource rng(5);
  Matrix<double> a = gaussian_matrix(2, 4, rng);
  Vector<double> y = gaussian_vector(2, rng);
  for (int depth : {2, 3}) {
    Vector<double> u0(4), v0(4);
    for (int i = 0; i < 4; ++i) {
      u0(i) = rng.uniform(0.2, 0.8);
      v0(i) = rng.uniform(0.2, 0.8);
    }
    Vector<double> theta0(8);
    theta0 << u0, v0;
    const double t_end = 1.5;
    GradientFlowOptions<double> direct_options;
    direct_options.absolute_tolerance = direct_options.relative_tolerance = 1e-12;
    direct_options.stop_time = t_end;
    auto uv = gradient_flow<double>(ReducedLossPm<double>{a, y, depth}, theta0, direct_options);
    ASSERT_EQ(uv.status, FlowStatus::kReachedTime);
    Vector<double> full0(2 * depth * 4);
    full0 << replicate_factors(u0, depth), replicate_factors(v0, depth);
    direct_options.stop_time = depth * t_end;
    auto full = gradient_flow<double>(OverLossPm<double>{a, y, depth}, full0, direct_options);
    ASSERT_EQ(full.status, FlowStatus::kReachedTime);
    MirrorMap<double> map;
    map.depth = depth;
    map.u0_power = hadamard_power(u0, depth);
    map.v0_power = hadamard_power(v0, depth);
    MirrorFlowOptions<double> options;
    options.absolute_tolerance = options.relative_tolerance = 1e-10;
    options.max_steps = 2000000;
    options.stop_time = t_end;
    auto mirror = mirror_flow<double>(a, y, map, options);
    ASSERT_EQ(mirror.status, FlowStatus::kReachedTime) << mirror.message;
    EXPECT_LT((mirror.product - uv.product).norm(), 1e-6 * (1 + uv.product.norm())) << "L = " << depth;
    EXPECT_LT((mirror.product - full.product).norm(), 1e-6 * (1 + uv.product.norm())) << "L = " << depth;
  }
}

// A = [1 1], y = 1: w_1 = w_2 = lambda, so for L = 2 the limit is
// x~0 / (x~0_1 + x~0_2) (from x~_n = x~0_n exp(-4 lambda) and x~_1 + x~_2 = 1).
// Exact up to rounding; at 50 digits we ask for 1e-40 (certificate
// tolerances are 1e-44).
TEST(Cmr22MirrorFlowTest, TwoCoordinateLimitClosedFormMp50) {
  Matrix<Mp50> a(1, 2);
  a << Mp50(1), Mp50(1);
  Vector<Mp50> y(1);
  y << Mp50(1);
  MirrorMap<Mp50> map;
  map.depth = 2;
  map.u0_power.resize(2);
  map.u0_power << Mp50("1e-20"), Mp50("3e-20");
  MirrorFlowOptions<Mp50> options;
  // Path errors do not move the limit (it is the unique minimizer of the convex
  // Psi, see the header), so a loose local tolerance suffices.
  options.absolute_tolerance = options.relative_tolerance = Mp50("1e-8");
  options.residual_tolerance = options.change_tolerance = Mp50("1e-44");
  auto result = mirror_flow<Mp50>(a, y, map, options);
  ASSERT_EQ(result.status, FlowStatus::kConverged) << result.message;
  EXPECT_LT(abs(result.product(0) - Mp50("0.25")), Mp50("1e-40"));
  EXPECT_LT(abs(result.product(1) - Mp50("0.75")), Mp50("1e-40"));
}

// Tiny initialization, L = 3 (x~0 = 1e-24, so the plateau lasts t ~ 1e8): the
// stiff Rosenbrock integration reaches the certificate in few steps. The
// limit for A = [1 2], y = 1: with b_n = x~0_n^{-1/3}, x~_n = (b_n + 3 w_n)^{-3}
// and w = (lambda, 2 lambda). Here b_1 = b_2 = 1e8, and the l1-minimal solution
// is (0, 1/2); the limit satisfies (b + 3l)^{-3} + 2 (b + 6l)^{-3} = 1, which
// we solve by bisection at 50 digits as the reference.
TEST(Cmr22MirrorFlowTest, StiffTinyInitializationReachesLimitMp50) {
  Matrix<Mp50> a(1, 2);
  a << Mp50(1), Mp50(2);
  Vector<Mp50> y(1);
  y << Mp50(1);
  MirrorMap<Mp50> map;
  map.depth = 3;
  map.u0_power = Vector<Mp50>::Constant(2, Mp50("1e-24"));
  MirrorFlowOptions<Mp50> options;
  options.absolute_tolerance = options.relative_tolerance = Mp50("1e-12");
  // Rounding floor: the base b + 3 w cancels 1e8 against ~5e7, losing 8 of the
  // 50 digits, so the residual cannot go below ~1e-42; ask for 1e-40.
  options.residual_tolerance = options.change_tolerance = Mp50("1e-40");
  auto result = mirror_flow<Mp50>(a, y, map, options);
  ASSERT_EQ(result.status, FlowStatus::kConverged) << result.message;
  EXPECT_LT(result.steps, 5000);
  // Reference: bisection on lambda in (-b/6, large).
  const Mp50 b("1e8");
  auto sum = [&](const Mp50& l) { return pow(b + 3 * l, -3) + 2 * pow(b + 6 * l, -3); };
  Mp50 lo = -b / 6 + Mp50("1e-30"), hi = Mp50(0);
  for (int i = 0; i < 400; ++i) {
    Mp50 mid = (lo + hi) / 2;
    if (sum(mid) > 1) lo = mid; else hi = mid;
  }
  const Mp50 z1 = pow(b + 3 * lo, -3), z2 = pow(b + 6 * lo, -3);
  EXPECT_LT(abs(result.product(0) - z1), Mp50("1e-38"));
  EXPECT_LT(abs(result.product(1) - z2), Mp50("1e-38"));
  // Sanity of the reference: close to the l1 minimizer (0, 1/2).
  EXPECT_LT(abs(z2 - Mp50("0.5")), Mp50("1e-3"));
}

}  // namespace
}  // namespace thmcheck::cmr22
