// Outlier laws P_o of mf22 Assumption 1 ("Noise Model", Section 2): for i in
// the corruption set S the noise eps_i is drawn from P_o, with E[zeta] = 0 and
// P(|zeta| >= t0) >= p0. Each law exposes its mean, tail probability, CDF and
// the Gaussian damping E[exp(-zeta^2 / (2 s2))] that appears in psi(z) of
// Proposition 1 (eq. (5)) and Lemma 5 (Appendix E).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "thmcheck/generators/random_data.hpp"
#include "thmcheck/numerics/scalar.hpp"

namespace thmcheck::mf22 {

/// The outlier families. New values are appended.
enum class OutlierKind {
  kGaussian,   ///< N(0, scale^2)
  kUniform,    ///< Uniform[-scale, scale]
  kTwoPoint,   ///< +-scale with probability 1/2 each
  kStudentT3,  ///< scale * T, T Student-t with 3 degrees of freedom (mean 0, heavy tails)
  kCauchy,     ///< scale * Cauchy: no mean, so E[zeta] = 0 fails (OUT of Assumption 1)
};

std::string to_string(OutlierKind k);
/// Parses "gaussian", "uniform", "two_point", "student_t3", "cauchy"; throws
/// std::invalid_argument otherwise.
OutlierKind parse_outlier_kind(std::string_view text);

/// An outlier law with its scale parameter.
template <class Scalar>
struct OutlierLaw {
  OutlierKind kind = OutlierKind::kGaussian;
  Scalar scale = 1;

  /// True when the law satisfies E[zeta] = 0 of Assumption 1 (all but Cauchy).
  bool satisfies_mean_assumption() const { return kind != OutlierKind::kCauchy; }
  /// E[zeta] when it exists (0 for the symmetric laws with a mean), else nullopt.
  std::optional<Scalar> mean() const;
  /// P(zeta <= t), closed form for every kind.
  Scalar cdf(const Scalar& t) const;
  /// P(|zeta| >= t0) (the p0 of Assumption 1 for a given t0), closed form.
  Scalar tail_probability(const Scalar& t0) const;
  /// E[exp(-zeta^2 / (2 s2))] for s2 > 0, closed form:
  /// Gaussian sqrt(s2/(s2+c^2)); uniform sqrt(pi s2/2) erf(c/sqrt(2 s2))/c;
  /// two-point exp(-c^2/(2 s2)); Cauchy erfcx(c/sqrt(2 s2)) with
  /// erfcx(x) = exp(x^2) erfc(x); Student-t3 (derived by partial fractions):
  /// with b = 3c^2/(2 s2), (2/sqrt(pi)) sqrt(b) + (1 - 2b) erfcx(sqrt(b)).
  Scalar gaussian_damping(const Scalar& s2) const;
  /// One draw (double precision; the data model is generated in double).
  double sample(RandomSource& rng) const;
};

/// E[exp(-zeta^2 / (2 s2))] by numerical quadrature of the density (Boost.Math
/// exp-sinh on [0, inf), Gauss-Kronrod on [0, c] for the uniform law); the
/// two-point law is a finite sum. Independent reference for
/// OutlierLaw::gaussian_damping. Instantiated for double and Mp50.
template <class Scalar>
Scalar gaussian_damping_quadrature(const OutlierLaw<Scalar>& law, const Scalar& s2);

/// exp(x^2) erfc(x) for x >= 0, without overflow in double (asymptotic series
/// beyond x = 26, where the first omitted term is below 1e-17 relative).
template <class Scalar>
Scalar erfcx(const Scalar& x);

extern template struct OutlierLaw<double>;
extern template struct OutlierLaw<Mp50>;
extern template struct OutlierLaw<Mp100>;
extern template double erfcx<double>(const double&);
extern template Mp50 erfcx<Mp50>(const Mp50&);
extern template Mp100 erfcx<Mp100>(const Mp100&);
extern template double gaussian_damping_quadrature<double>(const OutlierLaw<double>&, const double&);
extern template Mp50 gaussian_damping_quadrature<Mp50>(const OutlierLaw<Mp50>&, const Mp50&);

}  // namespace thmcheck::mf22
