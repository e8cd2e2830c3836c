#include <gtest/gtest.h>

#include "thmcheck/proof/enclosure.hpp"

namespace thmcheck::proof {
namespace {

using nlohmann::json;

const ProofMethod& method() {
  const ProofMethod* m = find_method("cmr22.one-row-limit-intervals");
  EXPECT_NE(m, nullptr);
  return *m;
}

/// [x - tol, x + tol].
Interval around(const Interval& x, const char* tol) { return x + hull_of(Interval(-1), Interval(1)) * exact_decimal(tol); }

TEST(Cmr22LimitProofTest, PositiveDepthTwoLimitMatchesItsClosedForm) {
  // a = (1, 2), x0 = (0.3, 0.1), L = 2, y = 1: x~_n = u_n s^{a_n} with s = exp(-4 lambda*),
  // u = x0^2, and u1 s + 2 u2 s^2 = y gives s = (-u1 + sqrt(u1^2 + 8 u2 y)) / (4 u2).
  WorkingDigits working(60);
  const json in = json::parse(R"({"A": [["1", "2"]], "y": ["1"], "L": 2, "x0": ["0.3", "0.1"]})");
  const Enclosure e = method().enclose("cmr22.thm2.1", in, nullptr);
  ASSERT_TRUE(e.ok) << e.message;
  const Interval u1 = exact_decimal("0.09"), u2 = exact_decimal("0.01"), y = 1;
  const Interval s = (-u1 + sqrt(u1 * u1 + 8 * u2 * y)) / (4 * u2);
  const Interval gap = u1 * s + u2 * s * s - y / 2;  // ||x~||_1 - min over S+ (= y / max a_n)
  EXPECT_TRUE(contained_in(e.measured, around(gap, "1e-50")));
  EXPECT_LT(relative_width(e.measured), 1e-40);
  // bound = c_2 ||x0||_2^2 = (1 + e) 0.1.
  EXPECT_TRUE(contained_in(e.bound, around((1 + exp(Interval(1))) * exact_decimal("0.1"), "1e-55")));
  // The witness re-verifies, and gives the same enclosure.
  const Enclosure again = method().enclose("cmr22.thm2.1", in, &e.witnesses);
  ASSERT_TRUE(again.ok) << again.message;
  EXPECT_TRUE(contained_in(again.margin, around(e.margin, "1e-55")));
}

TEST(Cmr22LimitProofTest, SignedDepthTwoOneEntryLimitIsYOverA) {
  // N = 1: the limit solves a x~ = y, so x~ = y / a and the gap is 0.
  WorkingDigits working(40);
  const json in = json::parse(R"({"A": [["-2.5"]], "y": ["0.7"], "L": 2, "u0": ["0.01"], "v0": ["0.02"]})");
  const Enclosure e = method().enclose("cmr22.thm1.1", in, nullptr);
  ASSERT_TRUE(e.ok) << e.message;
  EXPECT_TRUE(contained_in(Interval(0), e.measured));
  EXPECT_LT(boost::multiprecision::width(e.measured).convert_to<double>(), 1e-30);
  EXPECT_FALSE(e.violation_proved());  // gap 0 <= bound > 0
}

TEST(Cmr22LimitProofTest, DeeperFlowStaysInItsDomainAndSolvesTheConstraint) {
  // L = 3, positive, a = (1, 1), y = 2: x~ = (1/x0 + 3 lambda)^{-3} needs 1/x0 + 3 lambda > 0.
  WorkingDigits working(40);
  const json in = json::parse(R"({"A": [["1", "1"]], "y": ["2"], "L": 3, "x0": ["0.5", "0.25"]})");
  const Enclosure e = method().enclose("cmr22.thm2.1", in, nullptr);
  ASSERT_TRUE(e.ok) << e.message;
  // min over S+ = 2 and a = (1, 1): ||x~||_1 = a.x~ = y, so the gap is 0.
  EXPECT_TRUE(contained_in(Interval(0), e.measured));
  EXPECT_LT(boost::multiprecision::width(e.measured).convert_to<double>(), 1e-30);
}

TEST(Cmr22LimitProofTest, DepthTwoArgminOfGEqualsTheLimit) {
  // For L = 2 the printed g and D_F share their argmin, and it is the flow's
  // limit (both are x~0 exp(-c a)): the distance encloses 0 and nothing is proved.
  WorkingDigits working(40);
  const json in = json::parse(R"({"A": [["1.5", "-0.5", "2"]], "y": ["1"], "L": 2, "x0": ["0.1", "0.2", "0.05"]})");
  const Enclosure e = method().enclose("cmr22.thm2.2", in, nullptr);
  ASSERT_TRUE(e.ok) << e.message;
  EXPECT_TRUE(contained_in(Interval(0), e.measured));
  EXPECT_FALSE(e.violation_proved());
}

TEST(Cmr22LimitProofTest, OutsideTheMethodItSaysWhy) {
  WorkingDigits working(30);
  const json two_rows = json::parse(R"({"A": [["1", "0"], ["0", "1"]], "y": ["1", "1"], "L": 2, "x0": ["0.1", "0.1"]})");
  const Enclosure e = method().enclose("cmr22.thm2.1", two_rows, nullptr);
  EXPECT_FALSE(e.ok);
  EXPECT_NE(e.message.find("M = 2"), std::string::npos) << e.message;
  const json empty = json::parse(R"({"A": [["-1", "-2"]], "y": ["1"], "L": 2, "x0": ["0.1", "0.1"]})");
  const Enclosure f = method().enclose("cmr22.thm2.1", empty, nullptr);
  EXPECT_FALSE(f.ok);
  EXPECT_NE(f.message.find("empty"), std::string::npos) << f.message;
  const json bad = json::parse(R"({"A": [["1", "x"]], "y": ["1"], "L": 2, "x0": ["0.1", "0.1"]})");
  EXPECT_THROW(method().enclose("cmr22.thm2.1", bad, nullptr), ProofInputError);
}

}  // namespace
}  // namespace thmcheck::proof
