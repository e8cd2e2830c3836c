// Options of mirror_flow for computing the flow's limit to its certificate.
#pragma once

#include <type_traits>

#include "thmcheck/cmr22/mirror_flow.hpp"

namespace thmcheck::cmr22 {

/// mirror_flow options for the limit: a loose local tolerance 1e-2 and the
/// certificate at u^{3/4} (1 + ||y||_1) — 1.7e-12 in double, 1e-38 at 50
/// digits, 1e-75 at 100 digits, times the data scale (also the argmin's
/// tolerance in checks/cmr22/thm2_2.cpp).
///
/// Why the local tolerance can be loose: lambda(T) is a stationary point of
/// the flow for the data y' = A x~(T) = y + r, so x~(T) is the exact limit of
/// the flow for y' whatever path led there; the certificate (residual and
/// change at T) bounds the error of the limit, the path does not enter. The
/// local tolerance only steers the step size: 1e-2 takes 160 steps where 1e-6
/// took 16280 (N = 200, M = 30, L = 3, alpha^L = 1e-6) and reaches the same
/// limit (flow_limit_test.cpp checks 1e-2 against 1e-8 at 50 digits).
template <class S>
MirrorFlowOptions<S> limit_flow_options(const Vector<S>& y) {
  using std::pow;
  MirrorFlowOptions<S> options;
  options.absolute_tolerance = options.relative_tolerance = S(1) / S(100);
  const S tol = pow(unit_roundoff<S>(), S(3) / 4) * (1 + y.template lpNorm<1>());
  options.residual_tolerance = tol;
  options.change_tolerance = tol;
  options.max_steps = 50000;
  // Near-dependent rows of A leave a slow direction that can need t >> 1e200,
  // which MPFR's exponent range allows.
  options.max_time = std::is_same_v<S, double> ? S(1e300) : S(pow(S(10), S(100000)));
  return options;
}

}  // namespace thmcheck::cmr22
