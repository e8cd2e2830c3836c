// Zero initialization entries (cmr22 Theorems 2.2 and 3.1 allow x(0) >= 0):
// the dual-coordinate flow limit (lib/cmr22/flow_limit.hpp, mirror_flow.hpp)
// keeps such a coordinate at exactly 0, and otherwise reaches the limit of the
// flow without that column. References: a closed form by symmetry, and a
// direct dopri5 integration of x' = -grad L(x) (lib/cmr22/gradient_flow.hpp).
#include <gtest/gtest.h>

#include "thmcheck/cmr22/factorized_loss.hpp"
#include "thmcheck/cmr22/flow_limit.hpp"
#include "thmcheck/cmr22/gradient_flow.hpp"
#include "thmcheck/cmr22/limit_error.hpp"
#include "thmcheck/cmr22/mirror_flow.hpp"

namespace thmcheck::cmr22 {
namespace {

template <class S>
class Cmr22ZeroInitTest : public ::testing::Test {};
using Scalars = ::testing::Types<double, Mp50>;
TYPED_TEST_SUITE(Cmr22ZeroInitTest, Scalars);

// A = [1 2 1], y = 1, x0 = (0.1, 0, 0.1): x_2 stays 0, and columns 1 and 3
// are equal with equal starts, so x~_1 = x~_3 and the limit is (1/2, 0, 1/2).
// Tolerance: the flow's certificate (residual and change ~ 1e-10 in double,
// ~1e-37 at 50 digits), bounded by 1e3 times the unit roundoff^{1/2}.
TYPED_TEST(Cmr22ZeroInitTest, ZeroCoordinateStaysZeroPositive) {
  using S = TypeParam;
  Matrix<S> a(1, 3);
  a << 1, 2, 1;
  const Vector<S> y = Vector<S>::Ones(1);
  for (int depth = 2; depth <= 4; ++depth) {
    MirrorMap<S> map;
    map.depth = depth;
    Vector<S> x0(3);
    x0 << S(1) / 10, 0, S(1) / 10;
    map.u0_power = hadamard_power<S>(x0, depth);
    const auto flow = certified_flow_limit<S>(a, y, map);
    ASSERT_TRUE(measurable(flow)) << to_string(flow.status) << " " << flow.message << " L = " << depth;
    EXPECT_EQ(flow.product(1), S(0)) << "L = " << depth;
    const S tol = 1000 * sqrt(unit_roundoff<S>());
    EXPECT_LT(abs(flow.product(0) - S(1) / 2), tol) << "L = " << depth;
    EXPECT_LT(abs(flow.product(2) - S(1) / 2), tol) << "L = " << depth;
    EXPECT_TRUE(is_finite(map_rounding<S>(map, Vector<S>(a.transpose() * flow.lambda))));
  }
}

// Signed: u0 = (0.1, 0), v0 = (0, 0.1), A = [1 1], y = 1: u_2 and v_1 stay 0,
// so x~ = (u~_1, -v~_2) with u~_1 - v~_2 = 1; at L = 2, u~_1 = 0.01 e^{-4w},
// v~_2 = 0.01 e^{4w}: e^{-4w} = 50 (1 + sqrt(1 + 4e-4)) and v~_2 = 1e-4 / u~_1.
TYPED_TEST(Cmr22ZeroInitTest, ZeroCoordinatesStayZeroSigned) {
  using S = TypeParam;
  Matrix<S> a(1, 2);
  a << 1, 1;
  const Vector<S> y = Vector<S>::Ones(1);
  MirrorMap<S> map;
  map.depth = 2;
  map.u0_power.resize(2);
  map.v0_power.resize(2);
  map.u0_power << S(1) / 100, 0;
  map.v0_power << 0, S(1) / 100;
  const auto flow = certified_flow_limit<S>(a, y, map);
  ASSERT_TRUE(measurable(flow)) << to_string(flow.status) << " " << flow.message;
  EXPECT_EQ(flow.u_power(1), S(0));
  EXPECT_EQ(flow.v_power(0), S(0));
  // u~_1 - 1e-4 / u~_1 = 1: u~_1 = (1 + sqrt(1 + 4e-4)) / 2.
  const S u1 = (1 + sqrt(S(1) + S(4) / 10000)) / 2;
  EXPECT_LT(abs(flow.u_power(0) - u1), 1000 * sqrt(unit_roundoff<S>()));
}

// The same positive instance by direct integration of x' = -grad L(x) in
// double (an independent route): coordinate 2 stays exactly 0 and the limit
// agrees with the dual route to the ODE tolerance (1e-8).
TEST(Cmr22ZeroInitDirectTest, DirectFlowAgrees) {
  Matrix<double> a(1, 3);
  a << 1, 2, 1;
  const Vector<double> y = Vector<double>::Ones(1);
  Vector<double> x0(3);
  x0 << 0.1, 0, 0.1;
  GradientFlowOptions<double> options;
  options.absolute_tolerance = options.relative_tolerance = 1e-12;
  options.residual_tolerance = options.change_tolerance = 1e-11;
  const auto direct = gradient_flow<double>(ReducedLoss<double>{a, y, 3}, x0, options);
  ASSERT_EQ(direct.status, FlowStatus::kConverged) << direct.message;
  EXPECT_EQ(direct.product(1), 0.0);
  MirrorMap<double> map;
  map.depth = 3;
  map.u0_power = hadamard_power<double>(x0, 3);
  const auto dual = certified_flow_limit<double>(a, y, map);
  ASSERT_TRUE(measurable(dual));
  EXPECT_LT((direct.product - dual.product).lpNorm<1>(), 1e-8);
}

}  // namespace
}  // namespace thmcheck::cmr22
