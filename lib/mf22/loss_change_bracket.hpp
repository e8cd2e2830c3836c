// Certified brackets of the loss change within the ell_inf ball of radius
// gamma around a true solution w* (mf22 Theorems 1 and 4): the landscape probe
// (lib/mf22/landscape_probe) runs in double, its points and its dual bound are
// re-evaluated at precision S.
#pragma once

#include <cstdint>
#include <string>

#include "thmcheck/mf22/robust_regression.hpp"
#include "thmcheck/numerics/scalar.hpp"

namespace thmcheck::mf22 {

/// A true solution w* (prod w* = theta*) in double (for the probe) and at
/// precision S (for the certified numbers).
template <class S>
struct ProbeCenter {
  Matrix<double> w_double;  ///< w* in double
  Matrix<S> w;              ///< the same w* at precision S
};

/// The balanced true solution w* = (theta*^{1/N}, ..., theta*^{1/N}) of
/// Theorem 4.
template <class S>
ProbeCenter<S> balanced_center(const Vector<double>& theta_star, int layers);

/// The true solution (theta*, 1, ..., 1) used in Appendix C.1 (Theorem 1).
template <class S>
ProbeCenter<S> first_layer_center(const Vector<double>& theta_star, int layers);

/// Certified numbers of one probe of B = {w : ||w - w*||_inf <= gamma} at precision S.
template <class S>
struct LossChangeBracket {
  S decrease_lower;  ///< L(w*) - L(w) at a point w of B (attained)
  S decrease_upper;  ///< L(w*) - (certified lower bound on min over B)
  S family_decrease_lower;  ///< same, off-support product family only
  S increase_lower;  ///< L(w) - L(w*) at the best box vertex found (attained)
  bool increase_exact = false;  ///< the increase is the exact max (all vertices enumerated)
  S rounding;        ///< absolute rounding error of these differences
  /// min over Delta supported on supp(theta*), ||Delta||_inf <= 1, of the
  /// directional derivative of L(theta) at theta0 (double LP): >= 0 is what
  /// the proof's (39)-(40) derive from m >~ k log d / (1-2p)^2.
  double support_derivative = 0;
};

/// Probes B around `center` (radius gamma; `gamma_double` for the double
/// probe, 4 starts of 100 steps, `seed`) and brackets the largest decrease
/// sup_B {L(w*) - L(w)} between a realized point (lower) and the weak-duality
/// bound of the linearized LP (upper, using |r + a| - |r| >= sign(r) a, or
/// >= |a| - 2|r| for residuals treated as zero); the largest increase is the
/// best box vertex found. Rounding: gamma_{d+m} (sum |x||theta| + |y|)/m, times 4.
/// Throws std::runtime_error when the probe fails.
template <class S>
LossChangeBracket<S> bracket_loss_change(const RobustRegressionData& data, const ProbeCenter<S>& center,
                                         double gamma_double, const S& gamma, std::uint64_t seed);

/// What the probe measures, in words (appended to the claims' measurement text).
std::string loss_change_bracket_measurement();

#define THMCHECK_MF22_LOSS_CHANGE_BRACKET_EXTERN(S)                                             \
  extern template ProbeCenter<S> balanced_center<S>(const Vector<double>&, int);                \
  extern template ProbeCenter<S> first_layer_center<S>(const Vector<double>&, int);             \
  extern template LossChangeBracket<S> bracket_loss_change<S>(const RobustRegressionData&,      \
                                                              const ProbeCenter<S>&, double,    \
                                                              const S&, std::uint64_t);
THMCHECK_MF22_LOSS_CHANGE_BRACKET_EXTERN(double)
THMCHECK_MF22_LOSS_CHANGE_BRACKET_EXTERN(Mp50)
THMCHECK_MF22_LOSS_CHANGE_BRACKET_EXTERN(Mp100)
#undef THMCHECK_MF22_LOSS_CHANGE_BRACKET_EXTERN

}  // namespace thmcheck::mf22
