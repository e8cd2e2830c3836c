// safe_evaluate and the ladder on double evaluations whose result is finite
// although a NaN or an overflow arose on the way (FloatingPointWatch): never
// judged in double, but recomputed at 50 digits.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "thmcheck/engine/runner.hpp"

namespace thmcheck {
namespace {

// "measured <= 1" where measured = min(1/2, f(S)) hides f's value.
template <class F>
Claim hiding_claim(F f) {
  Claim c;
  c.id = "toy.hidden";
  c.paper = "toy";
  c.evaluate = make_evaluator([f]<class S>(const Json&) {
    Outcome o;
    const S hidden = f.template operator()<S>();
    // std::min(1/2, NaN) is 1/2: the NaN does not reach the result.
    o.measured = widen(std::min(S(0.5), hidden));
    o.bound = 1;
    o.error = widen(unit_roundoff<S>());
    o.hypotheses = {{"always", true, Evidence::kCertified, ""}};
    return o;
  });
  return c;
}

volatile double minus_one = -1.0;  // not folded by the optimizer

TEST(SafeEvaluateTest, AHiddenNaNInDoubleIsJudgedAtFiftyDigits) {
  // x^2 - x^2 at x = 1e300 is inf - inf = NaN in double (an invalid
  // operation), hidden by min; at 50 digits it is 0 and the case is judged there.
  const Claim c = hiding_claim([]<class S>() {
    const S x = S(1e300) * S(-minus_one);
    return S(x * x - x * x);
  });
  const Outcome o = safe_evaluate(c, Json::object(), Precision::kDouble);
  EXPECT_FALSE(o.ok);
  EXPECT_NE(o.message.find("invalid operation (NaN) in double"), std::string::npos) << o.message;
  const CaseRecord r = judge_instance(c, Json::object(), Precision::kDouble, Ladder::kFull);
  EXPECT_EQ(r.status, CaseStatus::kPass);
  EXPECT_NE(r.precision, Precision::kDouble);
}

TEST(SafeEvaluateTest, AnOverflowInDoubleAloneIsJudgedAtFiftyDigits) {
  // exp(1000) overflows in double only; min(1/2, exp(1000)) = 1/2 everywhere.
  const Claim c = hiding_claim([]<class S>() {
    using std::exp;
    return exp(S(1000) * S(-minus_one));
  });
  const Outcome o = safe_evaluate(c, Json::object(), Precision::kDouble);
  EXPECT_FALSE(o.ok);
  EXPECT_NE(o.message.find("an overflow in double"), std::string::npos) << o.message;
  const CaseRecord r = judge_instance(c, Json::object(), Precision::kDouble, Ladder::kFull);
  EXPECT_EQ(r.status, CaseStatus::kPass);
  EXPECT_NE(r.precision, Precision::kDouble);
}

TEST(SafeEvaluateTest, AnOverflowInADoubleHeuristicAboveDoubleIsNotCounted) {
  // A 50-digit evaluation that warm-starts in double, where the double part
  // overflows without reaching the result.
  const Claim c = hiding_claim([]<class S>() {
    volatile double warm_start = 1e300 * -minus_one;
    warm_start = warm_start * warm_start;
    return S(2);
  });
  EXPECT_FALSE(safe_evaluate(c, Json::object(), Precision::kDouble).ok);
  const Outcome o = safe_evaluate(c, Json::object(), Precision::kMp50);
  EXPECT_TRUE(o.ok) << o.message;
}

TEST(SafeEvaluateTest, AnOrdinaryEvaluationIsUntouched) {
  const Claim c = hiding_claim([]<class S>() { return S(2); });
  const Outcome o = safe_evaluate(c, Json::object(), Precision::kDouble);
  EXPECT_TRUE(o.ok) << o.message;
  EXPECT_EQ(judge_instance(c, Json::object(), Precision::kDouble).status, CaseStatus::kPass);
}

}  // namespace
}  // namespace thmcheck
