// Rounding bound of D_F(p, q) of cmr22 (20)-(21) (lib/cmr22/bregman_divergence.hpp)
// as computed there, for the claims that evaluate D_F in closed form
// (checks/cmr22/lem2_4.cpp, lem2_5.cpp).
#pragma once

#include "thmcheck/numerics/scalar.hpp"

namespace thmcheck::cmr22 {

/// sum_n |F_n(p)| + |F_n(q)| + |grad F(q)_n| (|p_n| + |q_n|): the terms D_F
/// adds; D_F computed at unit roundoff u errs by at most (3N + 10) u times
/// this (each term one log or pow and a few products of inputs rounded from
/// decimals, then 3N additions; Higham 2002 sec. 3.1). q > 0, p >= 0.
template <class S>
S bregman_magnitude(const Vector<S>& p, const Vector<S>& q, int depth);

/// (3N + 10) u bregman_magnitude(p, q).
template <class S>
S bregman_rounding(const Vector<S>& p, const Vector<S>& q, int depth);

#define THMCHECK_CMR22_BREGMAN_ROUNDING_EXTERN(S)                                  \
  extern template S bregman_magnitude<S>(const Vector<S>&, const Vector<S>&, int); \
  extern template S bregman_rounding<S>(const Vector<S>&, const Vector<S>&, int);
THMCHECK_CMR22_BREGMAN_ROUNDING_EXTERN(double)
THMCHECK_CMR22_BREGMAN_ROUNDING_EXTERN(Mp50)
THMCHECK_CMR22_BREGMAN_ROUNDING_EXTERN(Mp100)
#undef THMCHECK_CMR22_BREGMAN_ROUNDING_EXTERN

}  // namespace thmcheck::cmr22
