// Unit tests of cmr22.cor1.3 (+ .as-proved), cmr22.rem1.2.scale and
// cmr22.thm1.4 (+ .as-proved) on hand-made instances with closed-form
// references.
#include <gtest/gtest.h>

#include <string>

#include "thmcheck/engine/registry.hpp"

namespace thmcheck {
namespace {

const Claim& claim(const std::string& id) {
  const Claim* c = linked_registry().find(id);
  if (c == nullptr) throw std::runtime_error("no claim " + id);
  return *c;
}

// ker A = span(v), v = (0.8, 0.5, 1): rho_1(A) = 1 / 1.3 (S = {3}). x* = -e_3
// = -v_S is recovered by l1 (z = x* + t v has norm 1.3|t| + |1 - t|, minimal
// at t = 0), and the flow limit is x* + eps v with eps > 0, for which
// ||x~ - x*||_1 = 2.3 eps = (1 + rho)/(1 - rho) (||x~||_1 - ||x*||_1) exactly:
// [10, Thm 4.14] is an equality, so cor1.3.as-proved is tight and
// cor1.3's ratio is the l1 gap over c_L (||u0||^L + ||v0||^L) (Theorem 1.1's ratio).
constexpr const char* kKernelInstance =
    R"({"A": [[1, 0, "-0.8"], [0, 1, "-0.5"]], "x_star": [0, 0, -1], "L": 2,
        "u0": ["0.01", "0.01", "0.01"], "v0": ["0.01", "0.01", "0.01"], "s": 1})";

TEST(Cmr22RecoveryClaimsTest, Cor13AsProvedIsAnEqualityOnTheKernelFamily) {
  const Json j = parse_json_exact(kKernelInstance);
  const Claim& c = claim("cmr22.cor1.3.as-proved");
  ASSERT_NO_THROW(c.validate(j));
  const Outcome o = c.evaluate(j, Precision::kMp50);
  ASSERT_TRUE(o.ok) << o.message;
  for (const auto& h : o.hypotheses) EXPECT_TRUE(h.holds) << h.name << ": " << h.detail;
  EXPECT_GT(o.measured, Mp100("1e-6"));  // eps ~ 1e-3: the limit is not x*
  // Equality up to the limit's certificate (~1e-38 at 50 digits) and the rho bracket.
  EXPECT_LT(abs(o.measured - o.bound), Mp100("1e-25") + 2 * o.error) << o.measured << " vs " << o.bound;
  EXPECT_LT(o.error, Mp100("1e-20"));
}

TEST(Cmr22RecoveryClaimsTest, Cor13RatioIsTheorem11Ratio) {
  const Json j = parse_json_exact(kKernelInstance);
  const Outcome cor = claim("cmr22.cor1.3").evaluate(j, Precision::kMp50);
  ASSERT_TRUE(cor.ok) << cor.message;
  const Json g = parse_json_exact(
      R"({"A": [[1, 0, "-0.8"], [0, 1, "-0.5"]], "y": ["0.8", "0.5"], "L": 2,
          "u0": ["0.01", "0.01", "0.01"], "v0": ["0.01", "0.01", "0.01"]})");
  const Outcome thm = claim("cmr22.thm1.1").evaluate(g, Precision::kMp50);
  ASSERT_TRUE(thm.ok) << thm.message;
  const Mp100 cor_ratio = cor.measured / cor.bound, thm_ratio = thm.measured / thm.bound;
  EXPECT_LT(abs(cor_ratio - thm_ratio), Mp100("1e-20") * thm_ratio) << cor_ratio << " vs " << thm_ratio;
  // L = 2 with alpha^2 = 1e-4: Theorem 1.1 (9) fails here (gap ~ alpha^{2(1-rho')}), so does the corollary.
  EXPECT_GT(cor_ratio, 1);
}

TEST(Cmr22RecoveryClaimsTest, Rem12ScaleInvarianceHoldsToTheCertificate) {
  const Json j = parse_json_exact(std::string(R"({"data": )") + kKernelInstance + R"(, "lambda": "1e-2"})");
  const Claim& c = claim("cmr22.rem1.2.scale");
  ASSERT_NO_THROW(c.validate(j));
  const Outcome o = c.evaluate(j, Precision::kMp50);
  ASSERT_TRUE(o.ok) << o.message;
  EXPECT_LT(o.measured, Mp100("1e-25"));
  EXPECT_LE(o.measured, o.error);
}

// Theorem 1.4's printed noise term C' ||e||_2 ||x~ - x*||_1: along ||e|| = eta -> 0 the
// ratio R grows like 1/eta (4 decades of eta: more than 1e3), while the proof's
// C' ||e||_2 keeps it within a constant factor.
TEST(Cmr22RecoveryClaimsTest, Thm14PrintedRatioGrowsAsProvedStaysBounded) {
  const Json j = parse_json_exact(
      R"({"A": [[1, "0.5", 0, "-0.5"], [0, "0.8660254", 1, "0.8660254"]], "x_star": [1, 0, 0, 0],
          "e_dir": ["0.6", "0.8"], "etas": ["1e-1", "1e-2", "1e-3", "1e-4"], "L": 3, "s": 1})");
  const Outcome printed = claim("cmr22.thm1.4").evaluate(j, Precision::kDouble);
  const Outcome proved = claim("cmr22.thm1.4.as-proved").evaluate(j, Precision::kDouble);
  ASSERT_TRUE(printed.ok) << printed.message;
  ASSERT_TRUE(proved.ok) << proved.message;
  ASSERT_EQ(printed.points.size(), 4u);
  EXPECT_GT(printed.points[3].second / printed.points[0].second, Mp100(1000));
  const Mp100 spread = proved.points[3].second / proved.points[0].second;
  EXPECT_GT(spread, Mp100("0.3"));
  EXPECT_LT(spread, Mp100(3));
}

}  // namespace
}  // namespace thmcheck
