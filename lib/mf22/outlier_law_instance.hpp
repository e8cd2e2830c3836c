// The outlier-law fields every mf22 instance carries ({"law", "outlier_scale"})
// and the checks of Assumption 1 on them, shared by all mf22 claims; also the
// outlier-law and corruption-rate ranges the generators share.
#pragma once

#include <string>
#include <tuple>
#include <vector>

#include "thmcheck/engine/claim.hpp"
#include "thmcheck/engine/typed_instance.hpp"
#include "thmcheck/mf22/outlier_law.hpp"

namespace thmcheck::mf22 {

/// The outlier law P_o of Assumption 1 as instance fields: its name and its
/// scale (a base of every mf22 instance type; its `law_fields` are
/// concatenated into theirs).
struct OutlierLawFields {
  std::string law;
  Real outlier_scale;
  static constexpr auto law_fields = std::make_tuple(
      field("law", &OutlierLawFields::law, "P_o: gaussian, uniform, two_point, student_t3 or cauchy"),
      field("outlier_scale", &OutlierLawFields::outlier_scale, "the scale of P_o, > 0"));
  /// A known law and a positive scale; throws InputError naming the field.
  void check_law() const;
  /// P_o at precision S (after check_law).
  template <class S>
  OutlierLaw<S> outlier_law() const {
    return OutlierLaw<S>{parse_outlier_kind(law), outlier_scale.as<S>()};
  }
};

/// The outlier laws P_o the mf22 generators draw an index into: Gaussian,
/// uniform, two-point, Student-t3, Cauchy (in that order).
const std::vector<OutlierKind>& generated_laws();

/// The law fields of generated law `index` with scale text `scale`.
OutlierLawFields generated_law(int index, const std::string& scale);

/// The drawn outlier scales of the psi and deviation-sweep instances:
/// 10^(e/2), e in [kScaleHalfExpMin, kScaleHalfExpMax] (10^[-1, 2]).
constexpr int kScaleHalfExpMin = -2, kScaleHalfExpMax = 4;
/// Their drawn corruption rates p = permille/1000, permille in [0, 450].
constexpr int kPermilleMax = 450;

/// "10^[-1, 2]": the drawn outlier scales, for generator_info.
std::string drawn_scale_text();
/// "[0, 0.45]": the drawn corruption rates, for generator_info.
std::string drawn_rate_text();

/// Assumption 1 on P_o: E[zeta] = 0 (certified from the law's definition) and
/// P(|zeta| >= t0) >= p0 > 0 with t0 = scale/2 (closed form).
template <class S>
std::vector<HypothesisCheck> assumption1_checks(const OutlierLaw<S>& law);

/// The two hypotheses of Assumption 1 as printed: E_{P_o}[zeta] = 0 and
/// P(|zeta| >= t0) >= p0 > 0.
std::vector<HypothesisSpec> assumption1_hypotheses();

/// Corrupted count |S| = round(p m) for a corruption rate p = permille / 1000.
int corrupted_count(int m, int permille);

/// Throws InputError "field '<name>': <value> is outside [lo, hi]" unless
/// lo <= value <= hi (the integer ranges of the mf22 instance types).
void check_range(const char* name, long value, long lo, long hi);

#define THMCHECK_MF22_OUTLIER_LAW_INSTANCE_EXTERN(S) \
  extern template std::vector<HypothesisCheck> assumption1_checks<S>(const OutlierLaw<S>&);
THMCHECK_MF22_OUTLIER_LAW_INSTANCE_EXTERN(double)
THMCHECK_MF22_OUTLIER_LAW_INSTANCE_EXTERN(Mp50)
THMCHECK_MF22_OUTLIER_LAW_INSTANCE_EXTERN(Mp100)
#undef THMCHECK_MF22_OUTLIER_LAW_INSTANCE_EXTERN

}  // namespace thmcheck::mf22
