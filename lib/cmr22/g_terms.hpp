// The one-dimensional g functions of cmr22 eq. (28) (Chou, Maly & Rauhut 2022,
// "More is less"), g_a(w) = w (log w - 1 - log a) (L = 2) or
// 2 w - L w^{2/L} a^{1-2/L} (L > 2), a = (x~0)_n, and the quantities of
// Lemma 2.7 for them: the positive zero c (30), the minimum g_min (proof of
// Theorem 2.1) and the slope g'(c) (31). For a > 0 each is strictly convex on
// R+ with g(0) = 0. Used by checks/cmr22/lem2_7.cpp.
#pragma once

#include "thmcheck/numerics/scalar.hpp"

namespace thmcheck::cmr22 {

/// g_a(w) of (28) for w >= 0 (0 log 0 = 0); a > 0.
template <class S>
S g_term(const S& w, const S& a, int depth);
/// |terms| of g_a(w): the scale of its rounding error (w (|log w| + 1 + |log a|)
/// for L = 2, 2 w + L w^{2/L} a^{1-2/L} for L > 2).
template <class S>
S g_term_magnitude(const S& w, const S& a, int depth);
/// g_a'(w) for w > 0: log w - log a (L = 2), 2 - 2 w^{2/L-1} a^{1-2/L} (L > 2).
template <class S>
S g_derivative(const S& w, const S& a, int depth);
/// The positive zero of g_a, (30): e a (L = 2), (L/2)^{L/(L-2)} a (L > 2).
template <class S>
S g_zero(const S& a, int depth);
/// The minimum of g_a, attained at w = a: -a (L = 2), -(L - 2) a (L > 2).
template <class S>
S g_minimum(const S& a, int depth);
/// g_a'(c) at the zero c of (30), (31): 1 (L = 2), 2 (L - 2) / L (L > 2).
template <class S>
S g_slope_at_zero(int depth);

#define THMCHECK_CMR22_G_TERMS_EXTERN(S)                            \
  extern template S g_term<S>(const S&, const S&, int);             \
  extern template S g_term_magnitude<S>(const S&, const S&, int);   \
  extern template S g_derivative<S>(const S&, const S&, int);       \
  extern template S g_zero<S>(const S&, int);                       \
  extern template S g_minimum<S>(const S&, int);                    \
  extern template S g_slope_at_zero<S>(int);
THMCHECK_CMR22_G_TERMS_EXTERN(double)
THMCHECK_CMR22_G_TERMS_EXTERN(Mp50)
THMCHECK_CMR22_G_TERMS_EXTERN(Mp100)
#undef THMCHECK_CMR22_G_TERMS_EXTERN

}  // namespace thmcheck::cmr22
