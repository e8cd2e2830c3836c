// The log-coordinate flow (log_flow.hpp) against two independent integrations
// of the same flow (18): the x-coordinate dopri5 flow (gradient_flow with
// ReducedLossWithDissipation) on O(1) problems, and the dual-coordinate
// Rosenbrock flow (mirror_flow) from tiny initializations to long times,
// where the x-coordinate flow is not accurate.
#include "thmcheck/cmr22/log_flow.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <type_traits>

#include "thmcheck/cmr22/mirror_flow.hpp"
#include "thmcheck/generators/random_data.hpp"

namespace thmcheck::cmr22 {
namespace {

template <class S>
struct Cmr22LogFlowTyped : ::testing::Test {};
using Scalars = ::testing::Types<double, Mp50>;
TYPED_TEST_SUITE(Cmr22LogFlowTyped, Scalars);

// Both runs at local tolerance tol (1e-12 in double, 1e-16 at 50 digits); the
// global error of these short non-stiff runs (Lipschitz constant ~ L^2 ||A||^2
// <= 40, t <= 3) stays within ~1e3 tol (as gradient_flow_test's logistic
// check); we allow 1e4 tol relative to 1 + the state.
TYPED_TEST(Cmr22LogFlowTyped, MatchesTheXCoordinateFlow) {
  using S = TypeParam;
  using std::abs;
  using std::log;
  const S tol = std::is_same_v<S, double> ? S(1e-12) : S(1) / S(1e16);
  RandomSource rng(7);
  const Matrix<S> a = gaussian_matrix(2, 5, rng).template cast<S>();
  const Vector<S> y = a * Vector<S>::Constant(5, S(0.4));
  for (int depth : {2, 3, 4}) {
    for (double scale : {0.5, 0.02}) {
      Vector<S> x0(5);
      for (int i = 0; i < 5; ++i) x0(i) = S(scale * rng.uniform(0.5, 1.5));
      for (double t_end : {0.5, 3.0}) {
        GradientFlowOptions<S> options;
        options.absolute_tolerance = options.relative_tolerance = tol;
        options.stop_time = S(t_end);
        options.max_steps = 10000000;
        Vector<S> linear0(6), log0(6);
        linear0 << x0, S(0);
        log0 << x0.unaryExpr([](const S& v) { return S(log(v)); }), S(0);
        const auto linear = gradient_flow<S>(ReducedLossWithDissipation<S>{a, y, depth}, linear0, options);
        const auto logs = gradient_flow<S>(LogReducedLossWithDissipation<S>{a, y, depth}, log0, options);
        ASSERT_EQ(linear.status, FlowStatus::kReachedTime) << linear.message;
        ASSERT_EQ(logs.status, FlowStatus::kReachedTime) << logs.message;
        const Vector<S> x_linear = hadamard_power<S>(Vector<S>(linear.theta.head(5)), depth);
        const Vector<S> x_log = logs.product;
        EXPECT_LT((x_log - x_linear).norm(), 1e4 * tol * (1 + x_linear.norm()))
            << "L = " << depth << ", x0 ~ " << scale << ", t = " << t_end;
        EXPECT_LT(abs(S(logs.theta(5) - linear.theta(5))), 1e4 * tol * (1 + abs(linear.theta(5))));
      }
    }
  }
}

// Tiny initialization and long times against mirror_flow (ROS2, second order,
// L-stable; x~ = phi(A^T lambda) with the initialization entering phi
// exactly). ROS2 at local tolerance 1e-10 is within 1e-9..1e-8 of dopri5 at
// 1e-12 on O(1) problems (measured in mirror_flow_test); we allow 1e-6
// (1 + ||x~||), as mirror_flow_test does.
TEST(Cmr22LogFlowTest, TinyInitializationMatchesTheMirrorFlow) {
  using std::log;
  RandomSource rng(11);
  const Matrix<double> a = gaussian_matrix(3, 8, rng) / std::sqrt(3.0);
  Vector<double> z = Vector<double>::Zero(8);
  z(1) = 0.7;
  z(5) = 0.4;
  const Vector<double> y = a * z;
  struct Case {
    int depth;
    double x0, t_end;
  };
  for (const Case& c : {Case{2, 1e-8, 30.0}, Case{2, 1e-8, 1000.0}, Case{3, 1e-3, 100.0}, Case{3, 1e-3, 3000.0},
                        Case{4, 1e-2, 3000.0}}) {
    Vector<double> x0(8);
    for (int i = 0; i < 8; ++i) x0(i) = c.x0 * rng.uniform(0.5, 1.5);
    GradientFlowOptions<double> options;
    options.absolute_tolerance = options.relative_tolerance = 1e-12;
    options.stop_time = c.t_end;
    options.max_steps = 10000000;
    Vector<double> log0(9);
    log0 << x0.array().log().matrix(), 0.0;
    const auto logs = gradient_flow<double>(LogReducedLossWithDissipation<double>{a, y, c.depth}, log0, options);
    ASSERT_EQ(logs.status, FlowStatus::kReachedTime) << logs.message;
    MirrorMap<double> map;
    map.depth = c.depth;
    map.u0_power = hadamard_power(x0, c.depth);
    MirrorFlowOptions<double> mopt;
    mopt.absolute_tolerance = mopt.relative_tolerance = 1e-10;
    mopt.max_steps = 2000000;
    mopt.stop_time = c.t_end;
    const auto mirror = mirror_flow<double>(a, y, map, mopt);
    ASSERT_EQ(mirror.status, FlowStatus::kReachedTime) << mirror.message;
    EXPECT_LT((logs.product - mirror.product).norm(), 1e-6 * (1 + mirror.product.norm()))
        << "L = " << c.depth << ", x0 = " << c.x0 << ", T = " << c.t_end << ": residual "
        << logs.residual_norm << ", steps " << logs.steps;
  }
}

}  // namespace
}  // namespace thmcheck::cmr22
