// Strictly increasing activations phi with known derivative bounds
// 0 < gamma <= phi'(z) <= Gamma and |phi''(z)| <= M for all z (os19 Sections
// 4.1 and 4.3). The constants are closed-form in the family parameter, so they
// are certified (no sampling).
#pragma once

#include <optional>
#include <string>
#include <tuple>

#include "thmcheck/engine/typed_instance.hpp"
#include "thmcheck/numerics/scalar.hpp"

namespace thmcheck::os19 {

/// Members of the activation family.
enum class ActivationKind {
  kIdentity,       ///< phi(z) = z (linear regression): gamma = Gamma = 1, M = 0
  kTanhPlus,       ///< phi(z) = z + c tanh(s z)/s, sharpness s > 0 (default 1); increasing iff c > -1
  kLeakySoftplus,  ///< phi(z) = a z + (1 - a) log(1 + e^z), 0 < a <= 1
};

/// An activation of the family with its parameter (c for tanh_plus, a for
/// leaky_softplus; unused for identity).
template <class Scalar>
struct Activation {
  ActivationKind kind = ActivationKind::kIdentity;
  Scalar parameter = 0;
  /// tanh_plus only: s in z + c tanh(s z)/s. Leaves gamma, Gamma unchanged and
  /// scales M by s, so it separates the roles of the slope and curvature bounds.
  Scalar sharpness = 1;

  /// phi(z).
  Scalar value(const Scalar& z) const;
  /// phi'(z).
  Scalar derivative(const Scalar& z) const;
  /// phi''(z).
  Scalar second_derivative(const Scalar& z) const;
  /// gamma = inf phi': 1 (identity); min(1, 1 + c) (tanh_plus; <= 0 when c <= -1); a (leaky_softplus).
  Scalar gamma() const;
  /// Gamma = sup |phi'|: 1; max(1, |1 + c|); 1 (= sup phi' when phi is increasing).
  Scalar big_gamma() const;
  /// M = sup |phi''|: 0; |c| s 4/(3 sqrt 3) (max of 2 |tanh| sech^2 at tanh^2 = 1/3);
  /// (1 - a)/4 (max of sigma (1 - sigma)).
  Scalar curvature() const;
  /// "identity", "tanh_plus(c=...)", "leaky_softplus(a=...)".
  std::string describe() const;
};

/// Result of inverting phi at one point.
template <class Scalar>
struct InverseResult {
  bool ok = false;
  Scalar z = 0;          ///< phi^{-1}(y) approximately
  Scalar error_bound = 0;  ///< |z - phi^{-1}(y)| <= |phi(z) - y| / gamma (mean value theorem)
  int iterations = 0;
};

/// Solves phi(z) = y by safeguarded Newton inside the bracket
/// [(y - phi(0))/Gamma, (y - phi(0))/gamma] (ordered), which contains the root
/// because gamma <= phi' <= Gamma. The error bound is a posteriori.
template <class Scalar>
InverseResult<Scalar> invert(const Activation<Scalar>& phi, const Scalar& y);

/// An activation as an instance file gives it (a nested object of the GLM,
/// SGD and network instances): {"name": "identity"}, {"name": "tanh_plus",
/// "c": c, "s": s} or {"name": "leaky_softplus", "a": a}.
struct ActivationSpec {
  std::string name;
  std::optional<Real> c, s, a;
  static constexpr auto fields = std::make_tuple(
      field("name", &ActivationSpec::name,
            "\"identity\", \"tanh_plus\" (phi = z + c tanh(s z)/s) or \"leaky_softplus\" "
            "(phi = a z + (1-a) log(1+e^z))"),
      field("c", &ActivationSpec::c, "tanh_plus (required): c real; c > -1 strictly increasing, c <= -1 not monotone (phi' = 1 + c sech^2 changes sign)"),
      field("s", &ActivationSpec::s, "tanh_plus: sharpness s > 0, default 1"),
      field("a", &ActivationSpec::a, "leaky_softplus (required): 0 < a <= 1"));
  /// A known name with its parameters in range; throws InputError naming the field.
  void check() const;
  /// The activation at precision S (sharpness s.value_or(1)).
  template <class S>
  Activation<S> at() const;
};

/// The spec of phi (the generators' inverse of ActivationSpec::at): the
/// parameters as the given decimal texts.
ActivationSpec identity_spec();
ActivationSpec tanh_plus_spec(const std::string& c, const std::optional<std::string>& s = std::nullopt);
ActivationSpec leaky_softplus_spec(const std::string& a);

extern template struct Activation<double>;
extern template struct Activation<Mp50>;
extern template struct Activation<Mp100>;
extern template InverseResult<double> invert(const Activation<double>&, const double&);
extern template InverseResult<Mp50> invert(const Activation<Mp50>&, const Mp50&);
extern template InverseResult<Mp100> invert(const Activation<Mp100>&, const Mp100&);
extern template Activation<double> ActivationSpec::at<double>() const;
extern template Activation<Mp50> ActivationSpec::at<Mp50>() const;
extern template Activation<Mp100> ActivationSpec::at<Mp100>() const;

}  // namespace thmcheck::os19
