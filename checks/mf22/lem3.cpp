// mf22 Lemma 3 (difference dynamic; informal), eq. (9): if (5) holds for z =
// theta* - u(t) (.) v(t) and ||z|| >~ eta ||theta*|| (main text; the full
// version prints >=), then for every i = 1..d
//   u_i(t+1) - v_i(t+1) = (u_i(t) - v_i(t)) (1 - eta zhat_i + eta delta_i), |delta_i| <= delta.
// SubGM gives u' - v' = (u - v)(1 - eta q_i) exactly, so (9) says |q_i - zhat_i|
// <= delta wherever u_i != v_i, while (5) bounds |q_i - psi zhat_i|. Appendix
// D's (68) is (9) with (49)-(50)'s delta (q = zhat + delta, psi dropped):
// mf22.lem3.as-proved; its consequence (69), |u' - v'| <= (1 + eta delta)|u - v|
// on the support while theta*_i >= u_i v_i: mf22.lem3.eq69.
#include "thmcheck/engine/registry.hpp"
#include "thmcheck/mf22/one_step_instance.hpp"

namespace thmcheck::checks {
namespace {

std::string statement(const char* relation) {
  return std::string("Lemma 3: suppose (5) holds for z = theta* - u(t) (.) v(t) and ||theta* - u(t) (.) v(t)|| ") +
         relation +
         " eta ||theta*||. Then u_i(t+1) - v_i(t+1) = (u_i(t) - v_i(t)) (1 - eta (theta*_i - u_i(t) v_i(t))/"
         "||u(t) (.) v(t) - theta*|| + eta delta_i) for some |delta_i| <= delta and every i = 1, ..., d.";
}

constexpr const char* kNotes =
    "(9) is an equality with an existential delta_i: the measured value is the |delta_i| it forces, |q_i - "
    "zhat_i| up to rounding (SubGM gives u' - v' = (u - v)(1 - eta q_i)), over i with u_i != v_i; delta per "
    "step is the smallest for which (5) holds at z. (5) centres q at psi(z) zhat, psi < 1, so (9) needs "
    "delta >= (1 - psi)|zhat_i| - (the deviation); the proof's (49) drops psi (mf22.lem3.as-proved).";

Claim lem3() {
  return mf22::one_step_claim(
      {"mf22.lem3", "Lemma 3 (informal), eq. (9), main text: (5) with ||.||_inf, ||z|| >~ eta ||theta*||",
       "SubGM difference step: u_i - v_i scales by 1 - eta zhat_i + eta delta_i, given (5) at z",
       statement(">~"), std::string(kNotes) + " '>~' read with constant 1."},
      mf22::OneStepLemma::kDifference, mf22::OneStepDelta::kMainText, /*printed_ge=*/false);
}

Claim lem3_full_text() {
  return mf22::one_step_claim(
      {"mf22.lem3.full-text", "Lemma 3 (informal), eq. (9), full version: (5) with ||.||, ||z|| >= eta ||theta*||",
       "as mf22.lem3 with the full version's (5) (2-norm) and its '>='", statement(">="), kNotes},
      mf22::OneStepLemma::kDifference, mf22::OneStepDelta::kFullText, /*printed_ge=*/true);
}

Claim lem3_as_proved() {
  return mf22::one_step_claim(
      {"mf22.lem3.as-proved", "Lemma 3 as proved: Appendix D, eq. (68)",
       "(68): u' - v' = (u - v)(1 - eta zhat_i - eta delta_i) with the delta of (49)-(50)",
       "Appendix D (68): u_{i,t+1} - v_{i,t+1} = (u_{i,t} - v_{i,t})(1 - eta (theta*_i - u_{i,t} v_{i,t})/"
       "||u_t (.) v_t - theta*|| - eta delta_i), |delta_i| <= delta of (49)-(50).",
       "delta := ||q - zhat||_inf, the smallest for which (49)-(50) hold at z; (68) then holds with delta_i = q_i - "
       "zhat_i, an identity: equality is reached at the coordinate attaining delta, so this claim is tight up to "
       "rounding by construction (a check of the algebra and of the step, not of a bound)."},
      mf22::OneStepLemma::kDifference, mf22::OneStepDelta::kAsProved, /*printed_ge=*/true);
}

Claim lem3_eq69() {
  return mf22::one_step_claim(
      {"mf22.lem3.eq69", "Lemma 3 as used: Appendix D, eq. (69) (balanced property)",
       "(69): |u_i' - v_i'| <= (1 + eta delta)|u_i - v_i| on the support while theta*_i >= u_i v_i",
       "Appendix D (69): since theta*_i - u_{i,t} v_{i,t} >= 0, |u_{i,t+1} - v_{i,t+1}| <= |u_{i,t} - v_{i,t}| "
       "(1 + eta delta) for 0 <= i <= k, with delta of (49)-(50).",
       "delta := ||q - zhat||_inf ((49)-(50)). Coordinates with theta*_i < u_i v_i are left out ((69)'s premise). "
       "The main text's version, |u' - v'| <= (1 + O(eta delta))|u - v| ('Balanced property', Section 4.1), has "
       "no constant; (69)'s 1 is checked."},
      mf22::OneStepLemma::kDifferenceUsed, mf22::OneStepDelta::kAsProved, /*printed_ge=*/true);
}

}  // namespace

THMCHECK_REGISTER(mf22_lem3) {
  registry.add(lem3());
  registry.add(lem3_full_text());
  registry.add(lem3_as_proved());
  registry.add(lem3_eq69());
}

}  // namespace thmcheck::checks
