// mf22 Lemma 2 (residual dynamic; informal), eq. (8): if (5) holds for z =
// theta* - u(t) (.) v(t) and ||z|| >~ eta ||theta*||, then for every i = k+1..d
//   u_i(t+1)^2 + v_i(t+1)^2 <= (1 + O(eta delta)) (u_i(t)^2 + v_i(t)^2).
// The O(.) has no printed constant; the only formal version is Appendix D's
// (61) (and (66)), with 1 + 3 eta delta: that constant is checked, with the
// main text's (5) (mf22.lem2), the full version's (mf22.lem2.full-text) and the
// proof's (49)-(50) reading q = zhat + delta (mf22.lem2.as-proved).
#include "thmcheck/engine/registry.hpp"
#include "thmcheck/mf22/one_step_instance.hpp"

namespace thmcheck::checks {
namespace {

constexpr const char* kStatement =
    "Lemma 2: suppose (5) holds for z = theta* - u(t) (.) v(t) and ||theta* - u(t) (.) v(t)|| >~ eta ||theta*||. "
    "Then (u_i(t+1))^2 + (v_i(t+1))^2 <= (1 + O(eta delta)) ((u_i(t))^2 + (v_i(t))^2) for every i = k+1, ..., d; "
    "checked with the constant of (61): 1 + 3 eta delta.";

constexpr const char* kNotes =
    "The informal O(eta delta) is checked with (61)'s constant 3 (what the proof derives and Theorem 2's escape "
    "time (66)-(67) uses); a larger constant would only be weaker. delta per step: the smallest for which the "
    "hypothesis holds at z. '>~' of ||z|| >~ eta ||theta*|| read with constant 1. (61) drops the eta^2 q_i^2 term "
    "of (52); it is below eta delta when eta q_i^2 <= delta, i.e. unless delta is tiny against q_i^2 eta.";

Claim lem2() {
  return mf22::one_step_claim(
      {"mf22.lem2", "Lemma 2 (informal), eq. (8) with (61)'s constant, main text: (5) with ||.||_inf",
       "SubGM residual step: u_i^2 + v_i^2 grows at most by 1 + 3 eta delta off the support, given (5) at z",
       kStatement, kNotes},
      mf22::OneStepLemma::kResidual, mf22::OneStepDelta::kMainText, /*printed_ge=*/false);
}

Claim lem2_full_text() {
  return mf22::one_step_claim(
      {"mf22.lem2.full-text", "Lemma 2 (informal), eq. (8) with (61)'s constant, full version: (5) with ||.||",
       "as mf22.lem2 with the full version's (5) (2-norm)", kStatement, kNotes},
      mf22::OneStepLemma::kResidual, mf22::OneStepDelta::kFullText, /*printed_ge=*/false);
}

Claim lem2_as_proved() {
  return mf22::one_step_claim(
      {"mf22.lem2.as-proved", "Lemma 2 as proved: Appendix D, eqs. (52), (61)",
       "(61) with the delta of (49)-(50), q = zhat + delta_i (no psi)",
       "Appendix D (61): u_{i,t+1}^2 + v_{i,t+1}^2 <= (1 + 3 eta delta)(u_{i,t}^2 + v_{i,t}^2) for k+1 <= i <= d, "
       "with delta of (49)-(50).",
       "delta := ||q - zhat||_inf, the smallest for which (49)-(50) hold at z. Off the support zhat_i u_i v_i <= 0, "
       "so psi only helps; this differs from mf22.lem2 only in delta."},
      mf22::OneStepLemma::kResidual, mf22::OneStepDelta::kAsProved, /*printed_ge=*/false);
}

}  // namespace

THMCHECK_REGISTER(mf22_lem2) {
  registry.add(lem2());
  registry.add(lem2_full_text());
  registry.add(lem2_as_proved());
}

}  // namespace thmcheck::checks
