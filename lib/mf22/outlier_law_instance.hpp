// The outlier-law fields every mf22 instance carries ({"law", "outlier_scale"})
// and the checks of Assumption 1 on them, shared by all mf22 claims.
#pragma once

#include <vector>

#include "thmcheck/engine/claim.hpp"
#include "thmcheck/mf22/outlier_law.hpp"

namespace thmcheck::mf22 {

/// The outlier laws P_o the mf22 generators draw an index into: Gaussian,
/// uniform, two-point, Student-t3, Cauchy (in that order).
const std::vector<OutlierKind>& generated_laws();

/// The outlier law P_o read from {"law": name, "outlier_scale": decimal} at
/// precision S; throws InputError for an unknown law or a scale <= 0.
template <class S>
OutlierLaw<S> read_law(const Json& j);

/// Assumption 1 on P_o: E[zeta] = 0 (certified from the law's definition) and
/// P(|zeta| >= t0) >= p0 > 0 with t0 = scale/2 (closed form).
template <class S>
std::vector<HypothesisCheck> assumption1_checks(const OutlierLaw<S>& law);

/// The two hypotheses of Assumption 1 as printed: E_{P_o}[zeta] = 0 and
/// P(|zeta| >= t0) >= p0 > 0.
std::vector<HypothesisSpec> assumption1_hypotheses();

/// Corrupted count |S| = round(p m) for a corruption rate p = permille / 1000.
int corrupted_count(int m, int permille);

#define THMCHECK_MF22_OUTLIER_LAW_INSTANCE_EXTERN(S)      \
  extern template OutlierLaw<S> read_law<S>(const Json&); \
  extern template std::vector<HypothesisCheck> assumption1_checks<S>(const OutlierLaw<S>&);
THMCHECK_MF22_OUTLIER_LAW_INSTANCE_EXTERN(double)
THMCHECK_MF22_OUTLIER_LAW_INSTANCE_EXTERN(Mp50)
THMCHECK_MF22_OUTLIER_LAW_INSTANCE_EXTERN(Mp100)
#undef THMCHECK_MF22_OUTLIER_LAW_INSTANCE_EXTERN

}  // namespace thmcheck::mf22
