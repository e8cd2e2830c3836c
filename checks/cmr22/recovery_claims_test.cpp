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

// Theorem 1.1 (11) with identical initialization at L = 3 (found by the
// cmr22.ms25.linear sweep, seed 1 case 1): A from the one-dimensional-kernel
// family with rho_1(A) = 0.999, y = A x*, x* = -c v_S (1-sparse), u0 = v0 =
// 1e-3 1 (alpha^L = 1e-9). The l1 slope along ker A on the flow's side is
// (1 - rho) ||v_Sc||_1, so the limit stays far from the minimizer until alpha^L
// is below ~(1 - rho)^{L/(L-2)}: gap 1.6e-3 against (9)'s 6.8e-8.
TEST(Cmr22RecoveryClaimsTest, Thm11FailsWithIdenticalInitAtL3NearRhoOne) {
  const Json j = parse_json_exact(R"({"A":[["2.0601574468399116e-02","-1.3256511109451924e-01","3.0903573853530475e-01","1.7044839877903603e-01","-2.5088629976034147e-02","1.5324343191182627e-01","-6.7283095095421197e-01"],["-1.3417878282263684e-01","1.1891829060945644e-01","9.2111864976521345e-03","-4.3864177701806055e-02","3.0361084637783098e-01","2.0083003506700439e-01","-5.7004660279735309e-01"],["-2.8845473306519021e-01","-1.3874487949910220e-02","-1.4261546797243316e-01","1.8621845721133834e-01","-1.4595503238717811e-01","8.3358714198186565e-02","-2.0403725970176034e+00"],["2.5015996889712278e-01","5.7508718386361742e-02","-1.7886172438213227e-01","2.2113836786843294e-01","3.5056702984741311e-02","1.3658966769485459e-01","1.4261473202269048e+00"],["-4.6737088116916591e-02","-1.2549427195524343e-01","-1.5028939694454100e-02","1.9234716242561117e-01","2.2184204175927935e-01","-2.4959228264109409e-01","-7.1829051465809257e-02"],["-1.6364521513241397e-02","3.4015148352726421e-01","1.3609620066565198e-01","1.2293502955628169e-01","-4.5955912341079694e-02","-1.2226485247110222e-01","5.7637737865454904e-02"]],"y":["0.16321600625639612934625613748","-1.0630316187846638053282494652","-2.2852830781876465906522972963","1.9818927485975509121737833034","-0.37027465440553594145230468673","-0.12964794752872537278606310491"],"L":3,"u0":["0.001","0.001","0.001","0.001","0.001","0.001","0.001"],"v0":["0.001","0.001","0.001","0.001","0.001","0.001","0.001"]})");
  const Outcome o = claim("cmr22.thm1.1").evaluate(j, Precision::kMp50);
  ASSERT_TRUE(o.ok) << o.message;
  EXPECT_LT(abs(o.bound - Mp100("6.825e-8")), Mp100("1e-40"));  // c_3 = 1.5 + 1.5^3, times 14e-9
  EXPECT_GT(o.measured, Mp100("1e-3"));
  EXPECT_LT(o.error, Mp100("1e-20"));
}

}  // namespace
}  // namespace thmcheck
