#include "thmcheck/mf22/landscape_hypotheses.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "thmcheck/mf22/outlier_law_instance.hpp"

namespace thmcheck::mf22 {

std::vector<HypothesisSpec> theorem4_hypotheses() {
  std::vector<HypothesisSpec> h = assumption1_hypotheses();
  h.push_back({"m.le.0.1d", "m <= 0.1 d"});
  h.push_back({"p.lt.half", "p < 1/2"});
  h.push_back({"m.ge.klogd", "k log(d) / (1-2p)^2 <~ m"});
  h.push_back({"gamma.small", "gamma <= t0/sqrt(d) ^ 1"});
  h.push_back({"N.ge.2", "N >= 2"});
  h.push_back({"support.nondescent", "(40): inf over Theta_1 of the loss change is >= 0, the "
                                     "instance-level form of m >~ k log d/(1-2p)^2 used by the proof"});
  return h;
}

std::vector<HypothesisSpec> theorem1_over_hypotheses() {
  std::vector<HypothesisSpec> h = assumption1_hypotheses();
  h.push_back({"m.le.0.1d", "m <= 0.1 d"});
  h.push_back(p_range_hypothesis());
  h.push_back({"gamma.le.t0", "gamma <~ t0"});
  return h;
}

HypothesisSpec p_range_hypothesis() { return {"p.range", "0 < p < 1/2 (\"for any N >= 1 and 0 < p < 1/2\")"}; }

HypothesisCheck p_range_check(const RobustRegressionSpec& spec) {
  // p = |S|/m exactly: 0 < p < 1/2 is 0 < |S| and 2 |S| < m in integers.
  return {"p.range", spec.corrupted > 0 && 2L * spec.corrupted < spec.samples, Evidence::kCertified,
          fmt::format("|S| = {}, m = {}", spec.corrupted, spec.samples)};
}

template <class S>
std::vector<HypothesisCheck> theorem4_checks(const RobustRegressionSpec& spec, int layers,
                                             const OutlierLaw<S>& law, const S& gamma_max) {
  using std::log;
  using std::sqrt;
  std::vector<HypothesisCheck> h = assumption1_checks(law);
  const double p = static_cast<double>(spec.corrupted) / spec.samples;
  h.push_back({"m.le.0.1d", spec.samples <= 0.1 * spec.dimension, Evidence::kCertified,
               fmt::format("m = {}, d = {}", spec.samples, spec.dimension)});
  h.push_back({"p.lt.half", p < 0.5, Evidence::kCertified, fmt::format("p = {}", p)});
  h.push_back({"m.ge.klogd", true, Evidence::kUnchecked,
               fmt::format("m (1-2p)^2 / (k log d) = {:.3g} (the constant of >~ is not given)",
                           spec.samples * (1 - 2 * p) * (1 - 2 * p) /
                               std::max(1.0, spec.sparsity * std::log(double(spec.dimension))))});
  const S t0 = law.scale / 2;
  const S limit = std::min(S(1), S(t0 / sqrt(S(spec.dimension))));
  h.push_back({"gamma.small", gamma_max <= limit, Evidence::kCertified,
               fmt::format("max gamma = {} vs t0/sqrt(d) ^ 1 = {} (t0 = scale/2)",
                           to_decimal(gamma_max, 4), to_decimal(limit, 4))});
  h.push_back({"N.ge.2", layers >= 2, Evidence::kCertified, fmt::format("N = {}", layers)});
  return h;
}

HypothesisCheck support_check(double worst) {
  return {"support.nondescent", worst >= -1e-9, Evidence::kEstimated,
          fmt::format("min directional derivative over supp(theta*) directions (inf-ball) = {:.3g} "
                      "(>= 0 is (40), the proof's use of m >~ k log d/(1-2p)^2)", worst)};
}

template <class S>
std::vector<HypothesisCheck> theorem1_over_checks(const RobustRegressionSpec& spec, const OutlierLaw<S>& law) {
  std::vector<HypothesisCheck> h = assumption1_checks(law);
  h.push_back({"m.le.0.1d", spec.samples <= 0.1 * spec.dimension, Evidence::kCertified,
               fmt::format("m = {}, d = {}", spec.samples, spec.dimension)});
  h.push_back(p_range_check(spec));
  return h;
}

#define THMCHECK_MF22_LANDSCAPE_HYPOTHESES_INSTANTIATE(S)                                              \
  template std::vector<HypothesisCheck> theorem4_checks<S>(const RobustRegressionSpec&, int,           \
                                                           const OutlierLaw<S>&, const S&);            \
  template std::vector<HypothesisCheck> theorem1_over_checks<S>(const RobustRegressionSpec&,           \
                                                                const OutlierLaw<S>&);
THMCHECK_MF22_LANDSCAPE_HYPOTHESES_INSTANTIATE(double)
THMCHECK_MF22_LANDSCAPE_HYPOTHESES_INSTANTIATE(Mp50)
THMCHECK_MF22_LANDSCAPE_HYPOTHESES_INSTANTIATE(Mp100)

}  // namespace thmcheck::mf22
