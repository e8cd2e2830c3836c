// mf22 Theorem 3 (SubGM on deeper diagonal networks, N >= 3), from
// w_j = alpha^{1/N} 1 with step eta:
//   - convergence guarantee: after (1/(N eta)) alpha^{-(N-2)/N} <~ T-bar <~
//     (k^{3/2}/(N eta)) alpha^{-(N-2)/N} iterations, ||prod w_i - theta*|| <~
//     N eta theta*_max v sqrt(d^2 m) alpha;
//   - balanced property: |w_il - w_jl| = O(alpha^{1/N}) off supp(theta*) for
//     t <= T-bar (O~(theta*_l^{1/N} sqrt(k^3/m)) on the support);
//   - long escape time: the error stays <~ N eta theta*_max v sqrt(d^2 m alpha)
//     for T-bar <= t <= sqrt(m (1-p)^2 / k) T-bar.
//
// Every bullet is "<~" with unstated constants, so each is checked as a scaling
// law (lib/mf22/convergence_sweeps): T against alpha^{-(N-2)/N}/(N eta)
// (mf22.thm3), the off-support spread against alpha^{1/N} (.balanced, exponent
// >= 1), and the max error over the window against N eta theta*_max at N = 3
// and alpha = 1e-10 (.error, exponent >= 1); the on-support spread relative to
// theta*_l^{1/N} against alpha^{1/N} (.balanced.support, exponent >= 0: its
// bound O~(theta*_l^{1/N} sqrt(k^3/m)) does not depend on alpha;
// lib/mf22/support_balance); the "furthermore" clause (m >~ d^{(2N-2)/N}
// log(m)/(1-p)^2: for every t > T-bar the error stays <~ N eta theta*_max v a
// decaying curve) as the max error over T-bar <= t <= 3x the escape window's
// end against N eta theta*_max at N = 3, alpha = 1e-6 (.no-escape, exponent
// >= 1; lib/mf22/no_escape). The alpha and theta*-scale dependences and the
// "furthermore" curve at T-bar (mf22.thm3.alpha*, .error.theta*, .decay.tbar*)
// are in checks/mf22/thm3_scaling.cpp.
#include <fmt/format.h>

#include <string>

#include "thmcheck/engine/registry.hpp"
#include "thmcheck/engine/typed_instance.hpp"
#include "thmcheck/mf22/convergence_instance.hpp"
#include "thmcheck/mf22/convergence_sweeps.hpp"
#include "thmcheck/mf22/no_escape.hpp"
#include "thmcheck/mf22/support_balance.hpp"

namespace thmcheck::checks {
namespace {

/// What every Theorem 3 claim shares.
Claim theorem3_claim_common() {
  Claim c;
  c.paper = "mf22";
  c.kind = ClaimKind::kScaling;
  c.error_is_rounding = false;
  c.hypotheses = mf22::convergence_hypotheses();
  c.default_cases = 12;
  return c;
}


Claim thm3() {
  Claim c = theorem3_claim_common();
  c.id = "mf22.thm3";
  c.source = "Theorem 3, convergence guarantee (T-bar window)";
  c.summary = "N >= 3: SubGM's convergence time T scales like alpha^{-(N-2)/N} / (N eta)";
  c.statement = "Theorem 3: after (1/(N eta)) alpha^{-(N-2)/N} <~ T-bar <~ (k^{3/2}/(N eta)) "
                "alpha^{-(N-2)/N} iterations, ||prod w_i - theta*|| <~ N eta theta*_max v sqrt(d^2 m) alpha.";
  c.measurement = mf22::subgm_measurement() + ", step eta = 0.01/N.";
  c.notes = "Only alpha is swept; N eta = 0.01 is fixed, so the 1/(N eta) factor is not tested."
            " The single-coordinate dynamics give T/x ~ N/(N-2) (3, 2, 1.67 for N = 3, 4, 5), and larger "
            "N also has larger x: a pooled fit over N = 3..5 is pulled to ~0.88 by that alone.";
  c.predicted_exponent = 1;
  c.exponent_tolerance = 0.15;
  c.x_label = "α^(−(N−2)/N) / (N η)";
  c.y_label = "T (iterations)";
  c.generator_info = mf22::alpha_sweep_generator_info(/*deep=*/true);
  set_instances<mf22::AlphaSweepInstance>(
      c, mf22::alpha_sweep_instances(/*deep=*/true),
      []<class S>(const mf22::AlphaSweepInstance& in) { return mf22::convergence_time_outcome<S>(in); });
  return c;
}

Claim thm3_balanced() {
  Claim c = theorem3_claim_common();
  c.id = "mf22.thm3.balanced";
  c.source = "Theorem 3, balanced property (off-support coordinates)";
  c.summary = "N >= 3: for t <= T-bar, |w_il - w_jl| = O(alpha^{1/N}) for l off supp(theta*)";
  c.statement = "Theorem 3: for every 0 <= t <= T-bar, |w_il^(t) - w_jl^(t)| = O(alpha^{1/N}) for "
                "1 <= i < j <= N, l : theta*_l = 0 (and O~(theta*_l^{1/N} sqrt(k^3/m)) on the support).";
  c.measurement = mf22::balance_measurement(
      "over l off supp(theta*) (the on-support spread relative to theta*_l^{1/N} is recorded in the details)");
  c.notes = mf22::balance_notes();
  c.predicted_exponent = 1;
  c.exponent_at_least = true;
  c.exponent_tolerance = 0.1;
  c.x_label = "α^(1/N)";
  c.y_label = "max over t ≤ T-bar of the off-support spread";
  c.generator_info = mf22::alpha_sweep_generator_info(/*deep=*/true);
  set_instances<mf22::BalanceInstance>(
      c, mf22::balance_instances(/*deep=*/true),
      []<class S>(const mf22::BalanceInstance& in) { return mf22::balance_outcome<S>(in); });
  return c;
}

Claim thm3_error() {
  Claim c = theorem3_claim_common();
  c.id = "mf22.thm3.error";
  c.source = "Theorem 3, convergence guarantee and long escape time";
  c.summary = "N = 3: for T-bar <= t <= sqrt(m(1-p)^2/k) T-bar, ||prod w - theta*|| <~ N eta theta*_max "
              "v sqrt(d^2 m alpha)";
  c.statement = "Theorem 3: ||prod w_i^(T-bar) - theta*|| <~ N eta theta*_max v sqrt(d^2 m) alpha, and for "
                "every T-bar <= t <= sqrt(m (1-p)^2 / k) T-bar, ||prod w_i^(t) - theta*|| <~ N eta "
                "theta*_max v sqrt(d^2 m alpha).";
  c.measurement = mf22::escape_measurement("sqrt(m (1-p)^2 / k)");
  c.notes = mf22::escape_notes(mf22::escape_claim_alpha(3)) +
            " Only N = 3: N = 4, 5 need alpha^{-(N-2)/N} >= 1e6 iterations at this alpha (minutes per "
            "case).";
  c.predicted_exponent = 1;
  c.exponent_at_least = true;
  c.exponent_tolerance = 0.1;
  c.default_cases = 8;
  c.slow = true;  // its registry tests took 646 s (one core, seed 1): label `slow`
  c.x_label = "N eta theta*_max";
  c.y_label = "max error over the escape window";
  c.generator_info = mf22::step_sweep_generator_info(/*deep=*/true);
  set_instances<mf22::StepSweepInstance>(
      c, mf22::step_sweep_instances(/*deep=*/true),
      []<class S>(const mf22::StepSweepInstance& in) { return mf22::escape_error_outcome<S>(in, 2); });
  return c;
}

Claim thm3_balanced_support() {
  Claim c = theorem3_claim_common();
  c.id = "mf22.thm3.balanced.support";
  c.slow = true;  // its 100-case registry test (GeneratedCasesEvaluateWithoutSolverError) takes 35-120 s
  c.source = "Theorem 3, balanced property (on-support coordinates; full version sqrt[N]{theta*_l}, main text "
             "prints sqrt[2]{theta*_l})";
  c.summary = "N >= 3: for t <= T-bar, |w_il - w_jl| = O~(theta*_l^{1/N} sqrt(k^3/m)) for l in supp(theta*), "
              "uniformly in alpha";
  c.statement = "Theorem 3: for every 0 <= t <= T-bar, |w_il^(t) - w_jl^(t)| = O~(sqrt[N]{theta*_l} "
                "sqrt(k^3/m)) for 1 <= i < j <= N, l : theta*_l != 0 (main text: sqrt[2]{theta*_l} sqrt(k^3/m)).";
  c.measurement = mf22::balance_measurement(
      "over l in supp(theta*), divided by theta*_l^{1/N}, against alpha^{1/N} (one data set per case, so the "
      "normalization by theta*_l^{1/N} or theta*_l^{1/2} is a constant per case and does not change the slope)");
  c.notes = "The bound O~(theta*_l^{1/N} sqrt(k^3/m)) has no alpha in it, so on one data set the on-support "
            "spread must stay bounded as alpha -> 0: a one-sided slope >= 0 - 0.1 against alpha^{1/N}. It can "
            "fail only if the spread grows polynomially as alpha -> 0 (O~ hides polylogs, which the tolerance "
            "0.1 absorbs over alpha in 1e-3..1e-5). Weak: neither the theta*_l^{1/N} factor (theta* is not "
            "rescaled) nor the sqrt(k^3/m) factor (m = 200 fixed, k <= 3) is tested, and the constant hidden "
            "in O~ is not given, so the absolute size (details: 'sqrt(k^3/m)') is recorded, not judged. By the "
            "proof (appendix, 'w_il and w_jl increase or decrease simultaneously') the spread at T-bar is set "
            "by the step, not by alpha; the initial spread (<= 0.4 alpha^{1/N}) is negligible against "
            "theta*_l^{1/N}. The fit pools N = 3..5, and N = 5 has both larger x = alpha^{1/N} and a larger "
            "spread (~0.03-0.07 against ~0.001-0.03 at N = 3 at seed 1), which tilts the pooled slope up, in "
            "the claim's favour; within one case the spread falls or stays flat as alpha -> 0 (one N = 3 case "
            "rises 0.0038 -> 0.0070 from alpha 1e-4 to 1e-5). Same kind of runs as mf22.thm3.balanced.";
  // Six cases (18 points): ~5 s at one core; the shared 12 of mf22.thm3.balanced would double that.
  c.default_cases = 6;
  c.predicted_exponent = 0;
  c.exponent_at_least = true;
  c.exponent_tolerance = 0.1;
  c.x_label = "α^(1/N)";
  c.y_label = "max over t ≤ T-bar of the on-support spread / θ*_l^(1/N)";
  c.generator_info = mf22::alpha_sweep_generator_info(/*deep=*/true);
  set_instances<mf22::BalanceInstance>(
      c, mf22::balance_instances(/*deep=*/true),
      []<class S>(const mf22::BalanceInstance& in) { return mf22::support_balance_outcome<S>(in); });
  return c;
}

/// The "furthermore" clause at N = 3: no escape for every t > T-bar once m >~ d^{(2N-2)/N} log(m)/(1-p)^2.
Claim thm3_no_escape() {
  Claim c = theorem3_claim_common();
  c.id = "mf22.thm3.no-escape";
  c.source = "Theorem 3, 'furthermore' clause (main text: curve in sqrt(d^2 m alpha); full version: sqrt(d^2 m) "
             "alpha)";
  c.summary = "N = 3, m >~ d^{(2N-2)/N} log(m)/(1-p)^2: for every t > T-bar, ||prod w - theta*|| <~ N eta "
              "theta*_max v (A / (A N eta d^{-(N-1)/N} (t - T-bar) + 1))^{N/(N-2)}";
  c.statement = "Theorem 3: Furthermore, if m >~ d^{(2N-2)/N} log(m)/(1-p)^2, w.p. >= 1 - C e^{-Omega~(k)} and for "
                "every t > T-bar, ||prod w_i^(t) - theta*|| <~ N eta theta*_max v (A / (A N eta d^{-(N-1)/N} (t - "
                "T-bar) + 1))^{N/(N-2)} with A = sqrt(d^2 m alpha) (main text) or sqrt(d^2 m) alpha (full version).";
  c.measurement = mf22::subgm_measurement() + fmt::format(
      ", at alpha = {} and three steps a factor 2 apart. Measured: max over T-bar <= t <= {:g} sqrt(m (1-p)^2 / "
      "k) T-bar of ||prod w - theta*|| ('every t > T-bar' cut at this horizon), against N eta theta*_max.",
      mf22::kDeepNoEscapeAlpha, mf22::kNoEscapeHorizon);
  c.notes = "The curve only decays (from A^{N/(N-2)} at T-bar: 0.023 in the main text's form, 2e-11 in the full "
            "version's, details of each case), so over any horizon the bound is c (N eta theta*_max v "
            "A^{N/(N-2)}) and at alpha = 1e-6 the eta term is the larger (N eta theta*_max >= 0.04): the error "
            "must fall at least linearly in N eta over the whole horizon, and a late escape would flatten the "
            "slope. The curve itself is not tested: by T-bar the error already sits at its eta floor, so the "
            "curve is below what can be measured (testing it needs N eta theta*_max << A^{N/(N-2)}, i.e. a much "
            "smaller step and ~1e6+ iterations). The clause's hypothesis has no constant: its constant-1 ratio "
            "m (1-p)^2/(d^{4/3} log m) is 0.69 (1-p)^2 < 1 at d = 20, m = 200 (details), reported unchecked, so "
            "with a constant near 1 these cases would be outside it. Only N = 3 (N = 4, 5 need alpha^{-(N-2)/N} "
            "much larger). Finite horizon: a later escape is not seen. Slow: T-bar is 25k-40k iterations at the "
            "smallest step and the horizon ~25 T-bar, ~3 s per case (17 s for the 6 default cases at one core).";
  c.hypotheses.push_back({"m.furthermore", "m >~ d^{(2N-2)/N} log(m)/(1-p)^2 (constant not given)"});
  c.predicted_exponent = 1;
  c.exponent_at_least = true;
  c.exponent_tolerance = 0.1;
  c.default_cases = 6;
  c.slow = true;  // 17 s at one core (seed 1): label `slow`
  c.x_label = "N eta theta*_max";
  c.y_label = "max error over T-bar ≤ t ≤ horizon";
  c.generator_info = mf22::deep_no_escape_generator_info();
  set_instances<mf22::StepSweepInstance>(
      c, mf22::deep_no_escape_instances(),
      []<class S>(const mf22::StepSweepInstance& in) { return mf22::no_escape_outcome<S>(in); });
  return c;
}

}  // namespace

THMCHECK_REGISTER(mf22_thm3) {
  registry.add(thm3());
  registry.add(thm3_balanced());
  registry.add(thm3_error());
  registry.add(thm3_balanced_support());
  registry.add(thm3_no_escape());
}

}  // namespace thmcheck::checks
