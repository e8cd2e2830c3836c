#include "thmcheck/mf22/outlier_law_instance.hpp"

#include <fmt/format.h>

#include <cmath>
#include <stdexcept>
#include <string>

namespace thmcheck::mf22 {

void OutlierLawFields::check_law() const {
  try {
    (void)parse_outlier_kind(law);
  } catch (const std::invalid_argument& e) {
    throw InputError(std::string("field 'law': ") + e.what());
  }
  if (!(outlier_scale.as<double>() > 0)) throw InputError("field 'outlier_scale': must be positive");
}

const std::vector<OutlierKind>& generated_laws() {
  static const std::vector<OutlierKind> laws = {OutlierKind::kGaussian, OutlierKind::kUniform,
                                                OutlierKind::kTwoPoint, OutlierKind::kStudentT3,
                                                OutlierKind::kCauchy};
  return laws;
}

OutlierLawFields generated_law(int index, const std::string& scale) {
  return {to_string(generated_laws()[index]), Real::parse(scale)};
}

std::string drawn_scale_text() {
  return fmt::format("10^[{:g}, {:g}]", kScaleHalfExpMin / 2.0, kScaleHalfExpMax / 2.0);
}

std::string drawn_rate_text() { return fmt::format("[0, {:g}]", kPermilleMax / 1000.0); }

template <class S>
std::vector<HypothesisCheck> assumption1_checks(const OutlierLaw<S>& law) {
  HypothesisCheck mean{"assumption1.mean", law.satisfies_mean_assumption(), Evidence::kCertified,
                       law.satisfies_mean_assumption()
                           ? to_string(law.kind) + " is symmetric with a finite mean: E[zeta] = 0"
                           : "Cauchy outliers have no mean: E[zeta] = 0 fails (out of hypothesis)"};
  const S t0 = law.scale / 2;
  const S p0 = law.tail_probability(t0);
  HypothesisCheck tail{"assumption1.tail", p0 > 0, Evidence::kCertified,
                       fmt::format("P(|zeta| >= t0) = {} with t0 = {} (closed form)",
                                   to_decimal(p0, 6), to_decimal(t0, 6))};
  return {mean, tail};
}

std::vector<HypothesisSpec> assumption1_hypotheses() {
  return {{"assumption1.mean", "E_{P_o}[zeta] = 0 (Assumption 1)"},
          {"assumption1.tail", "P(|zeta| >= t0) >= p0 > 0 (Assumption 1)"}};
}

int corrupted_count(int m, int permille) {
  return static_cast<int>(std::lround(m * permille / 1000.0));
}

void check_range(const char* name, long value, long lo, long hi) {
  if (value < lo || value > hi) throw InputError(fmt::format("field '{}': {} is outside [{}, {}]", name, value, lo, hi));
}

#define THMCHECK_MF22_OUTLIER_LAW_INSTANCE_INSTANTIATE(S) \
  template std::vector<HypothesisCheck> assumption1_checks<S>(const OutlierLaw<S>&);
THMCHECK_MF22_OUTLIER_LAW_INSTANCE_INSTANTIATE(double)
THMCHECK_MF22_OUTLIER_LAW_INSTANCE_INSTANTIATE(Mp50)
THMCHECK_MF22_OUTLIER_LAW_INSTANCE_INSTANTIATE(Mp100)

}  // namespace thmcheck::mf22
