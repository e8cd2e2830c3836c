// Direct evaluations of the one-step claims of mf22 Lemmas 1-3 and of Lemma 7
// (checks/mf22/lem{1,2,3,7}.cpp) on fixed instances.
#include <gtest/gtest.h>

#include <cmath>

#include "thmcheck/engine/registry.hpp"
#include "thmcheck/engine/typed_instance.hpp"
#include "thmcheck/mf22/one_step_instance.hpp"

namespace thmcheck {
namespace {

const Claim& claim(const std::string& id) {
  const Claim* c = linked_registry().find(id);
  if (c == nullptr) throw std::runtime_error("no claim " + id);
  return *c;
}

/// d = 5, m = 1000, k = 1, p = 0: (5)'s delta is small (~0.05) while
/// 1 - psi = 1 - sqrt(2/pi) ~ 0.2.
Json large_sample_instance() {
  mf22::OneStepInstance in;
  in.dimension = 5;
  in.samples = 1000;
  in.sparsity = 1;
  in.corrupted = 0;
  in.theta_min = Real::parse("1");
  in.theta_max = Real::parse("2");
  in.law = "gaussian";
  in.outlier_scale = Real::parse("10");
  in.layers = 2;
  in.perturb_init = 1;
  in.seed = 7;
  in.step = Real::parse("0.05");
  in.alpha = Real::parse("1e-2");
  in.init_spread = Real::parse("0.2");
  in.iterations = 600;
  return instance_to_json(in);
}

// Lemma 3 with the main text's (5): the forced |delta_i| = |q_i - zhat_i|
// exceeds (5)'s delta by more than the rounding error at an in-hypothesis
// step, at double and at 50 digits (the finding); the proof's (68) with its
// own delta holds with equality up to the stated rounding error.
TEST(Mf22Lemmas, Lemma3PrintedFailsWhereTheProofsIdentityHolds) {
  const Json j = large_sample_instance();
  for (Precision p : {Precision::kDouble, Precision::kMp50}) {
    const Outcome printed = claim("mf22.lem3").evaluate(j, p);
    ASSERT_TRUE(printed.ok) << printed.message;
    for (const auto& h : printed.hypotheses) EXPECT_TRUE(h.holds) << h.name << ": " << h.detail;
    EXPECT_LT(printed.margin(), -printed.error);
    EXPECT_GT(printed.measured, 2 * printed.bound);  // (1 - psi) zhat_i ~ 0.2 against delta ~ 0.05
    const Outcome proved = claim("mf22.lem3.as-proved").evaluate(j, p);
    ASSERT_TRUE(proved.ok) << proved.message;
    EXPECT_LE(abs(proved.margin()), proved.error);
  }
}

// Lemma 1 as proved, (53) with (49)'s delta, fails early in a small-m run:
// at t = 96 the signal coordinate has q_i < 0 and u_i != v_i, and the margin
// (-8.8e-3) is far beyond the rounding error, at double and at 50 digits.
TEST(Mf22Lemmas, Lemma1AsProvedFailsWhereQIsNegativeOnTheSupport) {
  Json j = large_sample_instance();
  j["samples"] = 50;
  j["sparsity"] = 3;
  j["step"] = "0.02";
  j["seed"] = 784478382376868329ULL;
  j["iterations"] = 4089;
  for (Precision p : {Precision::kDouble, Precision::kMp50}) {
    const Outcome o = claim("mf22.lem1.as-proved").evaluate(j, p);
    ASSERT_TRUE(o.ok) << o.message;
    for (const auto& h : o.hypotheses) EXPECT_TRUE(h.holds) << h.name << ": " << h.detail;
    EXPECT_LT(o.margin(), -1e-3);
    EXPECT_GT(o.error, 0);
    EXPECT_LT(o.error, 1e-6);
  }
}

// Lemma 2 holds with (61)'s constant on the same run: off the support the
// growth needs at most 2/3 of delta (4 eta q_i u_i v_i <= 2 eta delta (u_i^2 + v_i^2)).
TEST(Mf22Lemmas, Lemma2HoldsWithTheProofsConstant) {
  const Outcome o = claim("mf22.lem2").evaluate(large_sample_instance(), Precision::kDouble);
  ASSERT_TRUE(o.ok) << o.message;
  EXPECT_GT(o.margin(), o.error);
  EXPECT_LT(o.measured, o.bound * 0.7);
}

// Lemma 7: a flat a reaches equality (|margin| within the rounding bound); a
// spread one leaves room.
TEST(Mf22Lemmas, Lemma7EqualityWhenAIsFlat) {
  Json flat;
  flat["a"] = {"1", "-1", "1"};
  flat["b"] = {"3", "0.5", "-7"};
  const Outcome eq = claim("mf22.lem7").evaluate(flat, Precision::kMp50);
  EXPECT_LE(abs(eq.margin()), eq.error);
  Json spread;
  spread["a"] = {"2", "-1"};
  spread["b"] = {"1", "1"};
  const Outcome lt = claim("mf22.lem7").evaluate(spread, Precision::kDouble);
  // ||a (.) b|| = sqrt(5), bound 2 sqrt(2).
  EXPECT_NEAR(lt.margin().convert_to<double>(), 2 * std::sqrt(2.0) - std::sqrt(5.0), 1e-15);
}

}  // namespace
}  // namespace thmcheck
