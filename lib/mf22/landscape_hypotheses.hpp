// The hypotheses of mf22 Theorems 1 (over-parameterized regime) and 4, as
// printed (HypothesisSpec lists) and as checked on an instance.
#pragma once

#include <vector>

#include "thmcheck/engine/claim.hpp"
#include "thmcheck/mf22/outlier_law.hpp"
#include "thmcheck/mf22/robust_regression.hpp"

namespace thmcheck::mf22 {

/// Theorem 4's hypotheses: Assumption 1, m <= 0.1 d, p < 1/2, k log(d) /
/// (1-2p)^2 <~ m, gamma <= t0/sqrt(d) ^ 1, N >= 2, and the proof's (40).
std::vector<HypothesisSpec> theorem4_hypotheses();

/// Theorem 1's hypotheses in the over-parameterized regime: Assumption 1,
/// m <= 0.1 d, 0 < p < 1/2, gamma <~ t0.
std::vector<HypothesisSpec> theorem1_over_hypotheses();

/// Theorem 4's hypotheses on an instance with N = `layers` and largest radius
/// `gamma_max` (t0 = scale/2): Assumption 1, m <= 0.1 d, p < 1/2 and
/// gamma_max <= min(1, t0/sqrt(d)) certified, N >= 2; m >~ k log d unchecked
/// (its constant is not given; the ratio is reported).
template <class S>
std::vector<HypothesisCheck> theorem4_checks(const RobustRegressionSpec& spec, int layers,
                                             const OutlierLaw<S>& law, const S& gamma_max);

/// The proof's (40): no first-order descent along directions supported on
/// supp(theta*) (what Appendix C.2 derives from m >~ k log d/(1-2p)^2, whose
/// constant is not given), given the smallest directional derivative found.
/// Estimated: a double-precision LP.
HypothesisCheck support_check(double worst);

/// Theorem 1's "0 < p < 1/2" (main text, Theorem 1: "for any N >= 1 and
/// 0 < p < 1/2"), shared by both regimes.
HypothesisSpec p_range_hypothesis();
/// 0 < p < 1/2 on an instance, exactly: 0 < |S| and 2 |S| < m (certified).
HypothesisCheck p_range_check(const RobustRegressionSpec& spec);

/// Theorem 1's data hypotheses (over-parameterized regime): Assumption 1,
/// m <= 0.1 d and 0 < p < 1/2 (p.range), certified. The caller adds gamma <~ t0.
template <class S>
std::vector<HypothesisCheck> theorem1_over_checks(const RobustRegressionSpec& spec, const OutlierLaw<S>& law);

#define THMCHECK_MF22_LANDSCAPE_HYPOTHESES_EXTERN(S)                                                          \
  extern template std::vector<HypothesisCheck> theorem4_checks<S>(const RobustRegressionSpec&, int,           \
                                                                  const OutlierLaw<S>&, const S&);            \
  extern template std::vector<HypothesisCheck> theorem1_over_checks<S>(const RobustRegressionSpec&,           \
                                                                       const OutlierLaw<S>&);
THMCHECK_MF22_LANDSCAPE_HYPOTHESES_EXTERN(double)
THMCHECK_MF22_LANDSCAPE_HYPOTHESES_EXTERN(Mp50)
THMCHECK_MF22_LANDSCAPE_HYPOTHESES_EXTERN(Mp100)
#undef THMCHECK_MF22_LANDSCAPE_HYPOTHESES_EXTERN

}  // namespace thmcheck::mf22
