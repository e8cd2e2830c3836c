// Instances and outcome of the one-step claims of mf22 Lemmas 1-3 (checks/
// mf22/lem1.cpp, lem2.cpp, lem3.cpp): a data set (N = 2), the step eta, the
// initialization scale alpha and how many SubGM iterations are scanned. The
// claim screens every step of the double run (lib/mf22/one_step_dynamics) and
// judges the most critical ones at the working precision.
#pragma once

#include <rapidcheck.h>

#include <array>

#include <string>
#include <tuple>
#include <vector>

#include "thmcheck/engine/claim.hpp"
#include "thmcheck/engine/typed_instance.hpp"
#include "thmcheck/mf22/convergence_instance.hpp"
#include "thmcheck/mf22/one_step_dynamics.hpp"

namespace thmcheck::mf22 {

/// A SubGM run of the depth-2 network from w_j = alpha^{1/2} 1 (times
/// 1 + init_spread U[-1, 1] per entry when perturb_init = 1: Theorem 2's
/// u_i, v_i = Theta(sqrt(alpha)) allows any constant) with constant step eta.
struct OneStepInstance : ConvergenceData {
  Real step;
  Real alpha;
  Real init_spread;
  int iterations = 0;
  static constexpr auto fields = std::tuple_cat(
      convergence_fields,
      std::make_tuple(field("step", &OneStepInstance::step, "the step eta, > 0"),
                      field("alpha", &OneStepInstance::alpha, "the initialization scale alpha, in (0, 1)"),
                      field("init_spread", &OneStepInstance::init_spread,
                            "s in [0, 1): entries alpha^{1/2} (1 + s U[-1, 1]) when perturb_init = 1"),
                      field("iterations", &OneStepInstance::iterations,
                            "SubGM iterations scanned at most, in [1, 200000]")));
  void check() const;
};

/// The drawn ranges: d in {5, 10, 20}, m = d x {10, 40, 100} capped at
/// kOneStepSamplesMax, k in [1, min(3, d - 1)], p in [0, 0.45], eta and alpha
/// from the lists below.
constexpr int kOneStepSamplesMax = 1000;
constexpr std::array<int, 3> kOneStepDimensions = {5, 10, 20};
constexpr std::array<int, 3> kOneStepRatios = {10, 40, 100};
constexpr std::array<const char*, 3> kOneStepSteps = {"0.02", "0.05", "0.1"};
constexpr std::array<const char*, 2> kOneStepAlphas = {"1e-2", "1e-4"};
constexpr std::array<const char*, 3> kOneStepSpreads = {"0.2", "0.5", "0.9"};
constexpr int kOneStepPercentMax = 45;
/// Steps judged at the working precision per case: the kept largest
/// required/delta ratios of the double screening (plus the step nearest the boundary).
constexpr int kOneStepKeep = 3;

/// The generator of every one-step claim (perturb_init = 1: identical
/// factors make Lemma 3 vacuous and Lemma 1 an identity).
rc::Gen<OneStepInstance> one_step_instances();

/// Half of the cases from one_step_instances(), half from Lemma 1's overshoot
/// corner: d = 20, m = 200, k = 1, eta = 0.02, alpha = 1e-2, s in {0.2, 0.5}
/// (p, law and seed drawn as above), where q_i < 0 on the support near
/// convergence with u_i != v_i (about one run in ten there).
rc::Gen<OneStepInstance> one_step_instances_with_overshoot_corner();
std::string one_step_generator_info();

/// The hypotheses of a one-step claim: Assumption 1, (5) (or (49)) at z and
/// ||z|| >~ eta ||theta*||.
std::vector<HypothesisSpec> one_step_hypotheses(OneStepDelta variant, bool printed_ge);

/// The outcome: measured = the delta the conclusion needs at the worst picked
/// step, bound = the delta the hypothesis gives there (<=), with the
/// hypotheses of that step.
template <class S>
Outcome one_step_outcome(const OneStepInstance& in, OneStepLemma lemma, OneStepDelta variant);

/// The measurement text shared by the one-step claims.
std::string one_step_measurement(OneStepLemma lemma);

/// What a one-step claim says (id, source, summary, statement, notes).
struct OneStepText {
  std::string id, source, summary, statement, notes;
  int default_cases = 8;
  bool overshoot_corner = false;  ///< draw from one_step_instances_with_overshoot_corner()
};

/// A one-step claim: explicit, judged per instance on one_step_instances()
/// with one_step_outcome(lemma, variant); `printed_ge`: the hypothesis on ||z||
/// is printed with >= (else >~, read with constant 1).
Claim one_step_claim(const OneStepText& text, OneStepLemma lemma, OneStepDelta variant, bool printed_ge);

extern template Outcome one_step_outcome<double>(const OneStepInstance&, OneStepLemma, OneStepDelta);
extern template Outcome one_step_outcome<Mp50>(const OneStepInstance&, OneStepLemma, OneStepDelta);
extern template Outcome one_step_outcome<Mp100>(const OneStepInstance&, OneStepLemma, OneStepDelta);

}  // namespace thmcheck::mf22
