// One gradient-descent run on a GLM instance under a theorem's step rule, with
// every iterate recorded (lib/os19/trajectory.hpp): the shared part of the
// os19 GD claims (Theorems 2.1, 2.2, 4.1, 5.2, 9.3, Corollaries 2.3, 5.3).
// A claim file takes the run, offers each iterate's inequality to a Worst<S>
// (lib/os19/worst_iterate.hpp) and turns the worst into its Outcome with
// glm_gd_outcome.
#pragma once

#include <functional>
#include <optional>
#include <utility>

#include "thmcheck/engine/claim.hpp"
#include "thmcheck/engine/typed_instance.hpp"
#include "thmcheck/os19/closest_optimum.hpp"
#include "thmcheck/os19/glm_gd_instance.hpp"
#include "thmcheck/os19/glm_gd_step_rules.hpp"
#include "thmcheck/os19/trajectory.hpp"
#include "thmcheck/os19/worst_iterate.hpp"

namespace thmcheck::os19 {

/// The recorded quantities of iterate t and their error estimates.
template <class S>
struct GdIterate {
  S residual, residual_error;          ///< ||r_t|| = ||f(theta_t) - y||
  S distance, distance_error;          ///< d_t = ||theta_t - theta0||
  S path, path_error;                  ///< P_t = sum_{s < t} ||theta_{s+1} - theta_s||
  S to_optimum = 0, optimum_error = 0;  ///< h_t = ||theta_t - theta*|| (runs with theta*)
};

/// A GD run on a GLM instance: the theorem's constants, the step, the closest
/// optimum theta* (when asked for) and the recorded trajectory.
template <class S>
struct GlmGdRun {
  /// Set when there is nothing to measure: the theorem allows no step on the
  /// instance, or the closest optimum or gradient descent failed.
  std::optional<Outcome> failure;
  Eigen::Index n = 0, p = 0;
  Activation<S> phi;
  MatrixBounds<S> matrix;
  /// The theorem's constants and step limit; hypotheses end with "step".
  GdConstants<S> c;
  S u = 0;    ///< unit roundoff
  S eta = 0;  ///< the step
  S r0 = 0;   ///< ||f(theta0) - y||
  S dr0 = 0;  ///< its error estimate
  ClosestOptimumResult<S> star;  ///< theta* (status kNotRun unless asked for)
  S dstar = 0, dstar_err = 0;    ///< ||theta* - theta0|| and its error
  Trajectory<S> trajectory;
  long T = 0;  ///< iterates 0..T recorded
  /// zeta = (lambda - eta beta^2/2) alpha, the coefficient Theorem 9.3 proves.
  S zeta = 0;
  /// Relative enclosure width of the constants: 8 shift / sigma_min(X) + 64 u.
  S crel = 0;

  /// The recorded quantities of iterate t (0 <= t <= T).
  GdIterate<S> at(long t) const;
  /// Worst<S>::extra for a claim whose bound has the rate q_claim^t (1: none)
  /// and whose inequality is divided by `normaliser` (1, or ||r_0|| for
  /// Theorem 2.2's normalised conclusions). Refers to this run.
  std::function<S(long, const S&, const S&)> constants_error(const S& q_claim,
                                                             const S& normaliser = S(1)) const;
};

/// On a GLM instance, applies `rule` (the theorem's constants and step
/// limit), checks the step, computes theta* when `needs_optimum`, and records
/// T GD steps from theta0.
template <class S>
GlmGdRun<S> run_glm_gd(const GlmGdInstance& in, GdStepRule<S> rule, bool needs_optimum);

/// The Outcome of a GLM GD claim from its worst iterate: measured <= bound
/// with the run's hypotheses and details (n, p, phi, constants, eta, worst
/// iteration, tightness, ...).
template <class S>
Outcome glm_gd_outcome(const GlmGdRun<S>& run, const Worst<S>& w);

/// Offers every iterate t = 1..T of `run` to a Worst<S> as `offer(w, t,
/// run.at(t))` (with the constants' rounding as extra error, for a bound with
/// rate q_claim^t; q_claim = 1 when there is none) and returns the Outcome of
/// the worst.
template <class S, class Offer>
Outcome judge_iterates(const GlmGdRun<S>& run, const S& q_claim, const S& normaliser, Offer&& offer) {
  Worst<S> w;
  w.extra = run.constants_error(q_claim, normaliser);
  for (long t = 1; t <= run.T; ++t) offer(w, t, run.at(t));
  return glm_gd_outcome(run, w);
}

/// judge_iterates with normaliser 1.
template <class S, class Offer>
Outcome judge_iterates(const GlmGdRun<S>& run, const S& q_claim, Offer&& offer) {
  return judge_iterates(run, q_claim, S(1), std::forward<Offer>(offer));
}

/// The words of one GLM GD claim (the rest is shared by the family).
struct GlmGdClaimText {
  const char* id;
  const char* source;
  const char* summary;
  const char* statement;
  const char* measurement;  ///< what is compared; prefixed by the run's description
  const char* notes = "";
};

/// A GLM GD claim: the text, the hypotheses (Assumption 1, Assumption 2 (b),
/// the rule's step and extra hypotheses), 100 default cases and the GLM
/// instance family (GlmGdInstance: generator, validator, schema) measured by
/// `measure`, a generic `[]<class S>(const GlmGdInstance&) -> Outcome`.
ClaimInfo glm_gd_claim_info(const GlmGdClaimText& text, const GdStepRuleText& rule);
template <class Measure>
Claim glm_gd_claim(const GlmGdClaimText& text, const GdStepRuleText& rule, Measure measure) {
  return typed_claim<GlmGdInstance>(glm_gd_claim_info(text, rule),
                                    glm_gd_generator(rule.with_lambda, rule.ball_constants),
                                    std::move(measure));
}

#define THMCHECK_OS19_GD_RUN_EXTERN(S)                                               \
  extern template struct GlmGdRun<S>;                                                \
  extern template GlmGdRun<S> run_glm_gd(const GlmGdInstance&, GdStepRule<S>, bool); \
  extern template Outcome glm_gd_outcome(const GlmGdRun<S>&, const Worst<S>&);
THMCHECK_OS19_GD_RUN_EXTERN(double)
THMCHECK_OS19_GD_RUN_EXTERN(Mp50)
THMCHECK_OS19_GD_RUN_EXTERN(Mp100)
#undef THMCHECK_OS19_GD_RUN_EXTERN

}  // namespace thmcheck::os19
