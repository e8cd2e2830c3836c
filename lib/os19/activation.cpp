#include "thmcheck/os19/activation.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace thmcheck::os19 {

namespace {
/// log(1 + e^z) without overflow: max(z, 0) + log(1 + e^{-|z|}).
template <class S>
S softplus(const S& z) {
  using std::abs;
  using std::exp;
  using std::log;
  const S m = z > 0 ? z : S(0);
  return m + log(S(1) + exp(-abs(z)));
}
/// Logistic sigma(z) = 1 / (1 + e^{-z}), evaluated on the stable side.
template <class S>
S logistic(const S& z) {
  using std::exp;
  if (z >= 0) return S(1) / (S(1) + exp(-z));
  const S e = exp(z);
  return e / (S(1) + e);
}
}  // namespace

template <class S>
S Activation<S>::value(const S& z) const {
  using std::tanh;
  switch (kind) {
    case ActivationKind::kIdentity: return z;
    case ActivationKind::kTanhPlus: return z + parameter * tanh(sharpness * z) / sharpness;
    case ActivationKind::kLeakySoftplus: return parameter * z + (S(1) - parameter) * softplus(z);
  }
  return z;
}

template <class S>
S Activation<S>::derivative(const S& z) const {
  using std::tanh;
  switch (kind) {
    case ActivationKind::kIdentity: return S(1);
    case ActivationKind::kTanhPlus: {
      const S t = tanh(sharpness * z);
      return S(1) + parameter * (S(1) - t * t);
    }
    case ActivationKind::kLeakySoftplus: return parameter + (S(1) - parameter) * logistic(z);
  }
  return S(1);
}

template <class S>
S Activation<S>::second_derivative(const S& z) const {
  using std::tanh;
  switch (kind) {
    case ActivationKind::kIdentity: return S(0);
    case ActivationKind::kTanhPlus: {
      const S t = tanh(sharpness * z);
      return S(-2) * parameter * sharpness * t * (S(1) - t * t);
    }
    case ActivationKind::kLeakySoftplus: {
      const S s = logistic(z);
      return (S(1) - parameter) * s * (S(1) - s);
    }
  }
  return S(0);
}

template <class S>
S Activation<S>::gamma() const {
  switch (kind) {
    case ActivationKind::kIdentity: return S(1);
    case ActivationKind::kTanhPlus: return parameter < 0 ? S(1) + parameter : S(1);
    case ActivationKind::kLeakySoftplus: return parameter;
  }
  return S(1);
}

template <class S>
S Activation<S>::big_gamma() const {
  switch (kind) {
    case ActivationKind::kIdentity: return S(1);
    case ActivationKind::kTanhPlus:
      // sup |phi'| = max(1, |1 + c|): phi' ranges over [1 + c, 1] or [1, 1 + c].
      return parameter > 0 ? S(1) + parameter : std::max(S(1), S(-1 - parameter));
    case ActivationKind::kLeakySoftplus: return S(1);
  }
  return S(1);
}

template <class S>
S Activation<S>::curvature() const {
  using std::abs;
  using std::sqrt;
  switch (kind) {
    case ActivationKind::kIdentity: return S(0);
    case ActivationKind::kTanhPlus: return abs(parameter) * sharpness * S(4) / (S(3) * sqrt(S(3)));
    case ActivationKind::kLeakySoftplus: return (S(1) - parameter) / S(4);
  }
  return S(0);
}

template <class S>
std::string Activation<S>::describe() const {
  switch (kind) {
    case ActivationKind::kIdentity: return "identity";
    case ActivationKind::kTanhPlus:
      return fmt::format("tanh_plus(c={}, s={})", to_decimal(parameter, 8), to_decimal(sharpness, 6));
    case ActivationKind::kLeakySoftplus:
      return fmt::format("leaky_softplus(a={})", to_decimal(parameter, 8));
  }
  return "?";
}

template <class S>
InverseResult<S> invert(const Activation<S>& phi, const S& y) {
  using std::abs;
  InverseResult<S> out;
  const S g = phi.gamma(), G = phi.big_gamma();
  if (!(g > 0)) return out;  // phi not strictly increasing: no bracketed inverse
  const S shift = y - phi.value(S(0));
  S lo = std::min(shift / g, shift / G), hi = std::max(shift / g, shift / G);
  S z = (lo + hi) / 2;
  const S u = unit_roundoff<S>();
  const S target = S(8) * u * (abs(y) + S(1));
  for (int it = 0; it < 400; ++it) {
    out.iterations = it + 1;
    const S f = phi.value(z) - y;
    if (abs(f) <= target) break;
    if (f > 0) hi = z; else lo = z;
    S next = z - f / phi.derivative(z);
    if (!(next > lo && next < hi)) next = (lo + hi) / 2;
    if (next == z) break;
    z = next;
  }
  out.z = z;
  out.error_bound = abs(phi.value(z) - y) / g;
  out.ok = is_finite(z) && out.error_bound <= S(1000) * u * (abs(z) + abs(y) + S(1));
  return out;
}

void ActivationSpec::check() const {
  auto require = [&](const std::optional<Real>& v, const char* key) {
    if (!v) throw InputError(fmt::format("missing field '{}' ({} needs it)", key, name));
    return v->as<double>();
  };
  if (name == "identity") return;
  if (name == "tanh_plus") {
    // c <= -1 is a non-monotone phi (phi' = 1 + c sech^2 changes sign): only
    // constants over a ball (os19 Theorem 2.1) can hold for it; the global
    // constants of the other claims see gamma <= 0 and leave it outside.
    const double cv = require(c, "c");
    if (!std::isfinite(cv)) throw InputError("field 'c': must be finite");
    if (s && !(s->as<double>() > 0)) throw InputError("field 's': must be > 0");
    return;
  }
  if (name == "leaky_softplus") {
    const double v = require(a, "a");
    if (!(v > 0 && v <= 1)) throw InputError("field 'a': must be in (0, 1]");
    return;
  }
  throw InputError(
      fmt::format("field 'name': unknown activation '{}' (expected identity, tanh_plus, leaky_softplus)", name));
}

template <class S>
Activation<S> ActivationSpec::at() const {
  Activation<S> phi;
  if (name == "tanh_plus") {
    phi.kind = ActivationKind::kTanhPlus;
    phi.parameter = c->as<S>();
    if (s) phi.sharpness = s->as<S>();
  } else if (name == "leaky_softplus") {
    phi.kind = ActivationKind::kLeakySoftplus;
    phi.parameter = a->as<S>();
  }
  return phi;
}

ActivationSpec identity_spec() { return {"identity", {}, {}, {}}; }

ActivationSpec tanh_plus_spec(const std::string& c, const std::optional<std::string>& s) {
  ActivationSpec spec{"tanh_plus", Real::parse(c), {}, {}};
  if (s) spec.s = Real::parse(*s);
  return spec;
}

ActivationSpec leaky_softplus_spec(const std::string& a) { return {"leaky_softplus", {}, {}, Real::parse(a)}; }

template struct Activation<double>;
template struct Activation<Mp50>;
template struct Activation<Mp100>;
template InverseResult<double> invert(const Activation<double>&, const double&);
template InverseResult<Mp50> invert(const Activation<Mp50>&, const Mp50&);
template InverseResult<Mp100> invert(const Activation<Mp100>&, const Mp100&);
template Activation<double> ActivationSpec::at<double>() const;
template Activation<Mp50> ActivationSpec::at<Mp50>() const;
template Activation<Mp100> ActivationSpec::at<Mp100>() const;

}  // namespace thmcheck::os19
