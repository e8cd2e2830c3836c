#include "thmcheck/os19/activation.hpp"

#include <fmt/format.h>

#include <algorithm>

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
    case ActivationKind::kTanhPlus: return parameter > 0 ? S(1) + parameter : S(1);
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

template <class S>
Activation<S> read_activation(const Json& obj, std::string_view key) {
  if (!has_field(obj, key) || !obj.at(std::string(key)).is_object()) {
    throw InputError(fmt::format("field '{}': must be an object {}", key, kActivationSchema));
  }
  const Json& a = obj.at(std::string(key));
  const std::string name = read_string(a, "name");
  Activation<S> phi;
  if (name == "identity") {
    phi.kind = ActivationKind::kIdentity;
  } else if (name == "tanh_plus") {
    phi.kind = ActivationKind::kTanhPlus;
    phi.parameter = read_real<S>(a, "c");
    if (!(phi.parameter > -1)) throw InputError(fmt::format("field '{}.c': must be > -1", key));
    if (has_field(a, "s")) {
      phi.sharpness = read_real<S>(a, "s");
      if (!(phi.sharpness > 0)) throw InputError(fmt::format("field '{}.s': must be > 0", key));
    }
  } else if (name == "leaky_softplus") {
    phi.kind = ActivationKind::kLeakySoftplus;
    phi.parameter = read_real<S>(a, "a");
    if (!(phi.parameter > 0 && phi.parameter <= 1)) {
      throw InputError(fmt::format("field '{}.a': must be in (0, 1]", key));
    }
  } else {
    throw InputError(fmt::format("field '{}.name': unknown activation '{}' (expected identity, "
                                 "tanh_plus, leaky_softplus)", key, name));
  }
  return phi;
}

template struct Activation<double>;
template struct Activation<Mp50>;
template struct Activation<Mp100>;
template InverseResult<double> invert(const Activation<double>&, const double&);
template InverseResult<Mp50> invert(const Activation<Mp50>&, const Mp50&);
template InverseResult<Mp100> invert(const Activation<Mp100>&, const Mp100&);
template Activation<double> read_activation<double>(const Json&, std::string_view);
template Activation<Mp50> read_activation<Mp50>(const Json&, std::string_view);
template Activation<Mp100> read_activation<Mp100>(const Json&, std::string_view);

}  // namespace thmcheck::os19
