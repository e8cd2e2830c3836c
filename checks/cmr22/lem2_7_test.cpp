// cmr22 Lemma 2.7 and the proof's case 2 (checks/cmr22/lem2_7.cpp) on
// hand-made instances, against sums computed here at 100 digits.
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

bool all_hold(const Outcome& o) {
  for (const auto& h : o.hypotheses) {
    if (!h.holds) return false;
  }
  return true;
}

// L = 2, x0 = (1e-10, 1), z = (1, 0), x~ = (1e-10, 13): coordinate 1 is in case
// 2 (c_1 = e 1e-10 < z_1 = 1, x~_1 = argmin of g_1) and frees a budget
// g_1(1) - g_1(1e-10) = log(1e10) - 1 + 1e-10 = 22.03 for coordinate 2, whose
// g_2(13) = 13 (log 13 - 1) = 20.34. (25) holds, yet sum x~ - z = 12 while the
// bound (26) is (e + 1)(1 + 1e-10) = 3.72: the lemma fails.
TEST(Cmr22Lemma27Test, FailsWhenACaseTwoCoordinatePaysForAnother) {
  const Json j = parse_json_exact(R"({"L": 2, "x0": ["1e-10", 1], "z": [1, 0], "x_tilde": ["1e-10", 13]})");
  const Claim& c = claim("cmr22.lem2.7");
  ASSERT_NO_THROW(c.validate(j));
  const Outcome o = c.evaluate(j, Precision::kMp50);
  ASSERT_TRUE(o.ok) << o.message;
  EXPECT_TRUE(all_hold(o));
  const Mp100 e = exp(Mp100(1));
  EXPECT_LT(abs(o.measured - Mp100("12.0000000001")), Mp100("1e-45"));
  EXPECT_LT(abs(o.bound - (e + 1) * Mp100("1.0000000001")), Mp100("1e-45"));
  EXPECT_LT(o.margin(), Mp100(-8));
  EXPECT_LT(o.error, Mp100("1e-40"));
  // (42) at coordinate 1: x~ - z = 1e-10 - 1 but (g(x~) - g(z)) / g'(c) = -1e-10 - (log(1e10) - 1).
  const Outcome o42 = claim("cmr22.lem2.7.eq42").evaluate(j, Precision::kMp50);
  ASSERT_TRUE(o42.ok);
  EXPECT_TRUE(all_hold(o42));
  EXPECT_LT(abs(o42.bound - (Mp100("-1e-10") - log(Mp100("1e10")) + 1)), Mp100("1e-40"));
  EXPECT_LT(o42.margin(), Mp100(-20));
}

// Case 1 only: x0 = (1, 1), z = (1, 2), x~ = (1, 1): (25) is -2 <= -1 + 2 (log 2 - 1);
// sum x~ - z = -1 <= 2 (e + 1). No coordinate has c < z, so (42) is vacuous.
TEST(Cmr22Lemma27Test, HoldsInCaseOne) {
  const Json j = parse_json_exact(R"({"L": 3, "x0": [1, 1], "z": [1, 2], "x_tilde": [1, 1]})");
  const Outcome o = claim("cmr22.lem2.7").evaluate(j, Precision::kDouble);
  ASSERT_TRUE(o.ok);
  EXPECT_TRUE(all_hold(o));
  EXPECT_GT(o.margin(), Wide(1));
  EXPECT_FALSE(all_hold(claim("cmr22.lem2.7.eq42").evaluate(j, Precision::kDouble)));
}

// x0_n = 0: g_n has no negative minimum (L > 2: g = 2w) or is +inf (L = 2):
// outside the hypotheses, never inside.
TEST(Cmr22Lemma27Test, ZeroInitializationIsOutside) {
  for (const char* text : {R"({"L": 2, "x0": [0, 1], "z": [0, 1], "x_tilde": [0, 1]})",
                           R"({"L": 4, "x0": [0, 1], "z": [1, 0], "x_tilde": [0, 5]})"}) {
    const Json j = parse_json_exact(text);
    const Outcome o = claim("cmr22.lem2.7").evaluate(j, Precision::kDouble);
    ASSERT_TRUE(o.ok);
    EXPECT_FALSE(all_hold(o)) << text;
  }
}

TEST(Cmr22Lemma27Test, ValidatorNamesTheProblem) {
  const Claim& c = claim("cmr22.lem2.7");
  EXPECT_THROW(c.validate(parse_json_exact(R"({"L": 2, "x0": [1], "z": [-1], "x_tilde": [0]})")), InputError);
  EXPECT_THROW(c.validate(parse_json_exact(R"({"L": 2, "x0": [1, 2], "z": [1], "x_tilde": [0, 1]})")), InputError);
  EXPECT_THROW(c.validate(parse_json_exact(R"({"L": 1, "x0": [1], "z": [1], "x_tilde": [0]})")), InputError);
}

}  // namespace
}  // namespace thmcheck
