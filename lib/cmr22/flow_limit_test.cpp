#include "thmcheck/cmr22/flow_limit.hpp"

#include <gtest/gtest.h>

#include <ostream>
#include <string>

#include "thmcheck/cmr22/fixed_step_gd.hpp"
#include "thmcheck/generators/random_data.hpp"
#include "thmcheck/numerics/linalg.hpp"

namespace thmcheck::cmr22 {
namespace {

// The warm start (double, then continued at 50 digits; both at the loose local
// tolerance 1e-2) against a cold start at 50 digits that follows the path at
// local tolerance 1e-6, on the kinds of instances the claims draw: positive and
// signed, L = 2..5, uneven small initializations, and a near-dependent pair of
// rows. Both runs end on the 50-digit certificate: residual and checkpoint
// change <= u^{3/4}(1 + ||y||_1) ~ 1e-37 (1 + ||y||_1). The distance of each
// end point to the limit is at most 2 x change + sqrt(N) ||r|| / sigma_min(A)
// (the error term the claims use); the two limits must agree within the sum of
// both bounds, which is ~1e-35 on these instances, far below double's 1e-16:
// a warm start that kept any trace of its double starting point would fail.
struct Case {
  Eigen::Index n, m;
  int depth;
  bool positive;
  int exponent;  // u~0 = 10^-exponent x U(0.5, 2)
  bool near_dependent;
};

// gtest prints the parameter beside each test name (and ctest lists it):
// without this it prints the struct's bytes.
void PrintTo(const Case& c, std::ostream* os) {
  *os << "N = " << c.n << ", M = " << c.m << ", L = " << c.depth << (c.positive ? ", positive" : ", signed")
      << ", u~0 ~ 1e-" << c.exponent << (c.near_dependent ? ", near-dependent rows" : "");
}

// Readable test names: "N12_M6_L2_positive_u1em8" (u~0 ~ 1e-8) instead of gtest's byte dump.
std::string case_name(const ::testing::TestParamInfo<Case>& info) {
  const Case& c = info.param;
  return "N" + std::to_string(c.n) + "_M" + std::to_string(c.m) + "_L" + std::to_string(c.depth) +
         (c.positive ? "_positive" : "_signed") + "_u1em" + std::to_string(c.exponent) +
         (c.near_dependent ? "_nearDependentRows" : "");
}

class WarmStartTest : public ::testing::TestWithParam<Case> {};

TEST_P(WarmStartTest, WarmStartedLimitEqualsCloselyFollowedColdLimitAt50Digits) {
  const Case c = GetParam();
  const CsInstance inst = draw_cs_instance(c.n, c.m, 2, c.positive, 17 + c.n + c.depth, 0.0);
  Matrix<Mp50> a = inst.a.cast<Mp50>();
  if (c.near_dependent) a.row(1) = a.row(0) + Mp50(1e-6) * a.row(1);
  const Vector<Mp50> y = a * inst.truth.cast<Mp50>();
  RandomSource rng(c.n * 7 + c.depth);
  MirrorMap<Mp50> map;
  map.depth = c.depth;
  map.u0_power.resize(c.n);
  for (Eigen::Index i = 0; i < c.n; ++i) map.u0_power(i) = Mp50(rng.uniform(0.5, 2.0)) * pow(Mp50(10), -c.exponent);
  if (!c.positive) {
    map.v0_power.resize(c.n);
    for (Eigen::Index i = 0; i < c.n; ++i) map.v0_power(i) = Mp50(rng.uniform(0.5, 2.0)) * pow(Mp50(10), -c.exponent);
  }
  const MirrorFlowResult<Mp50> warm = certified_flow_limit<Mp50>(a, y, map);
  // The reference: a cold start at 50 digits with a local tolerance of 1e-6
  // instead of limit_flow_options' 1e-2 (a path followed 10^4 times more
  // closely). Its end point is judged by its own certificate, not by the path
  // tolerance. 1e-8 took 12 times as long (73 s against 6 s for the
  // near-dependent case under the sanitizers); at 1e-6 the six bounds were
  // 1.7e-42 to 1.9e-36 and the limits differed by at most 6.2e-41.
  MirrorFlowOptions<Mp50> tight = limit_flow_options<Mp50>(y);
  tight.absolute_tolerance = tight.relative_tolerance = Mp50(1e-6);
  tight.max_steps = 400000;
  const MirrorFlowResult<Mp50> cold = mirror_flow<Mp50>(a, y, map, tight);
  ASSERT_EQ(warm.status, FlowStatus::kConverged) << warm.message;
  ASSERT_EQ(cold.status, FlowStatus::kConverged) << cold.message;
  EXPECT_GT(warm.warm_start_steps, 0) << warm.message;
  const Mp50 sigma = smallest_singular_value<Mp50>(a);
  const Mp50 root_n = sqrt(Mp50(c.n));
  const Mp50 bound = 2 * (warm.change + cold.change) + root_n * (warm.residual_norm + cold.residual_norm) / sigma;
  const Mp50 diff = (warm.product - cold.product).lpNorm<1>();
  EXPECT_LE(diff, bound) << "N = " << c.n << ", L = " << c.depth << ": |warm - cold|_1 = " << diff.str(3)
                         << ", bound " << bound.str(3);
  EXPECT_LT(bound, Mp50(1e-30));
}

INSTANTIATE_TEST_SUITE_P(Cmr22FlowLimit, WarmStartTest,
                         ::testing::Values(Case{12, 6, 2, true, 8, false}, Case{12, 6, 3, false, 12, false},
                                           Case{10, 5, 4, true, 20, false}, Case{8, 4, 5, false, 16, false},
                                           Case{10, 5, 3, false, 6, true}, Case{2, 1, 2, false, 4, false}),
                         case_name);

}  // namespace
}  // namespace thmcheck::cmr22
