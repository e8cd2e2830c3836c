// The Bregman divergence of cmr22 Lemma 2.6: F of eq. (21), its gradient, and
// D_F of eq. (20), with the convention z log z = 0 at z = 0.
#pragma once

#include "thmcheck/numerics/scalar.hpp"

namespace thmcheck::cmr22 {

/// F of cmr22 (21): L = 2: 1/2 sum (x log x - x) (0 log 0 = 0);
/// L > 2: L / (2 (2 - L)) sum x^{2/L}.
template <class S>
S bregman_f(const Vector<S>& x, int depth);

/// grad F of (21): L = 2: log(x) / 2; L > 2: x^{2/L - 1} / (2 - L).
template <class S>
Vector<S> bregman_grad(const Vector<S>& x, int depth);

/// D_F(p, q) = F(p) - F(q) - <grad F(q), p - q>, eq. (20).
template <class S>
S bregman_divergence(const Vector<S>& p, const Vector<S>& q, int depth);

#define THMCHECK_CMR22_BREGMAN_DIVERGENCE_EXTERN(S)                    \
  extern template S bregman_f<S>(const Vector<S>&, int);               \
  extern template Vector<S> bregman_grad<S>(const Vector<S>&, int);    \
  extern template S bregman_divergence<S>(const Vector<S>&, const Vector<S>&, int);
THMCHECK_CMR22_BREGMAN_DIVERGENCE_EXTERN(double)
THMCHECK_CMR22_BREGMAN_DIVERGENCE_EXTERN(Mp50)
THMCHECK_CMR22_BREGMAN_DIVERGENCE_EXTERN(Mp100)
#undef THMCHECK_CMR22_BREGMAN_DIVERGENCE_EXTERN

}  // namespace thmcheck::cmr22
