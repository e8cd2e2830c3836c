// Tests of the os19 SGD lemma claims (Lemmas 9.8-9.12) on small linear
// instances whose one-step expectations are known in closed form.
#include <gtest/gtest.h>

#include <string>

#include "thmcheck/engine/registry.hpp"

namespace thmcheck {
namespace {

const Claim& claim(const char* id) {
  const Claim* c = linked_registry().find(id);
  if (c == nullptr) throw std::logic_error(std::string("missing claim ") + id);
  return *c;
}

bool all_hold(const Outcome& o) {
  for (const auto& h : o.hypotheses) {
    if (!h.holds) return false;
  }
  return true;
}

// Tolerance 1e-30: alpha = sigma_min(X) - shift with shift ~ 1e-48 at 50 digits.
const Wide kTol("1e-30");

// n = p = 1, X = 1, y = 0.1, theta = theta0 = 0: alpha = beta = B = 1, L = 0, so
// Lemma 9.8's limit is 1/2 and theta^+ = 0.05 for the only index: E||r^+|| = 0.05,
// E||r^+||^2 = 0.0025; (9.27) bound 0.1 - 0.5/4 * 0.01/0.1 = 0.0875, (9.28) bound
// 0.75 * 0.01 = 0.0075 and printed (9.31) the same 0.0075 for a norm: violated.
TEST(Os19SgdLemmas, Lemma98OnScalarProblemMatchesClosedForm) {
  const Json j = Json::parse(R"({"X": [["1"]], "y": ["0.1"], "phi": {"name": "identity"}, "theta0": ["0"],
      "nu": "3", "theta": ["0"], "anchors": [["0"]], "eta_fraction": "1"})");
  const Outcome a = claim("os19.lem9.8.eq9.27").evaluate(j, Precision::kMp50);
  ASSERT_TRUE(a.ok) << a.message;
  EXPECT_TRUE(all_hold(a));
  EXPECT_LT(abs(a.measured - Wide("0.05")), kTol);
  EXPECT_LT(abs(a.bound - Wide("0.0875")), kTol);
  const Outcome b = claim("os19.lem9.8.eq9.28").evaluate(j, Precision::kMp50);
  EXPECT_LT(abs(b.measured - Wide("0.0025")), kTol);
  EXPECT_LT(abs(b.bound - Wide("0.0075")), kTol);
  const Outcome c = claim("os19.lem9.8.eq9.31").evaluate(j, Precision::kMp50);
  EXPECT_TRUE(all_hold(c));
  EXPECT_LT(abs(c.measured - Wide("0.05")), kTol);
  EXPECT_LT(c.margin(), Wide("-0.04"));  // 0.0075 - 0.05
}

// X = 2, y = 3, theta0 = 0, nu = 6: r0 = 3, alpha = B = 2, eps = 3/2; theta = 4.4
// has r = 5.8 <= (nu/3) r0 = 6 and distance 4.4 <= (nu/2) eps = 4.5. With eta =
// 3/(nu B^2) = 1/8: eta B^2 r^2 = 16.82 against 2 (2 * 5.8)(eps/2) = 17.4.
TEST(Os19SgdLemmas, Lemma910AsProvedIsNearlyTightOnScalarProblem) {
  const Json j = Json::parse(R"({"X": [["2"]], "y": ["3"], "phi": {"name": "identity"}, "theta0": ["0"],
      "nu": "6", "theta": ["4.4"], "anchors": [["0"]], "eta_fraction": "1"})");
  const Outcome o = claim("os19.lem9.10.as-proved").evaluate(j, Precision::kMp50);
  ASSERT_TRUE(o.ok) << o.message;
  EXPECT_TRUE(all_hold(o));
  EXPECT_LT(abs(o.measured - Wide("16.82")), kTol);
  EXPECT_LT(abs(o.bound - Wide("17.4")), kTol);
}

// X = [1 0], y = 1, theta0 = 0: r0 = 1, alpha = beta = B = 1, eps = 1; nu = 12.
// theta = (0, 6.1) leaves B(nu/2) by distance (6.1 > 6) with r = 1, and with the
// anchors theta0 and (1.2, 0) (K = 2 >= sqrt(n beta/alpha), 1 up to the enclosure
// of alpha and beta; pairwise 1.2 >= eps; within R_p >= 1.25), V = 12 + (6.1 +
// sqrt(1.44 + 37.21))/2 = 18.16 < 4 nu r0 = 48: the proof's exit step fails.
TEST(Os19SgdLemmas, Lemma912ExitStepFailsWhenLeavingByDistance) {
  const Json j = Json::parse(R"({"X": [["1", "0"]], "y": ["1"], "phi": {"name": "identity"},
      "theta0": ["0", "0"], "nu": "12", "theta": ["0", "6.1"], "anchors": [["0", "0"], ["1.2", "0"]], "eta_fraction": "1"})");
  const Outcome o = claim("os19.lem9.12.proof-exit").evaluate(j, Precision::kMp50);
  ASSERT_TRUE(o.ok) << o.message;
  EXPECT_TRUE(all_hold(o));
  EXPECT_LT(abs(o.measured - Wide(48)), kTol);
  EXPECT_LT(abs(o.bound - (12 + (Wide("6.1") + sqrt(Wide("38.65"))) / 2)), kTol);
  // The same point as a supermartingale step of the stopped process (V < 48):
  // theta^+ = theta - eta r x with r = -1 moves theta toward (1, 6.1) by eta.
  const Outcome s = claim("os19.lem9.12.stopped").evaluate(j, Precision::kMp50);
  ASSERT_TRUE(s.ok) << s.message;
  EXPECT_TRUE(all_hold(s));
  EXPECT_LE(s.measured, s.bound);
}

}  // namespace
}  // namespace thmcheck
