// The stable null space property constant of cmr22 Section 1.2 (Foucart &
// Rauhut 2013, Def. 4.1): the smallest rho with ||v_S||_1 <= rho ||v_{S^c}||_1
// for all v in ker(A) and all S of cardinality at most s,
//   rho_s(A) = max_{|S| = s} max_{sigma in {+-1}^S} max { sigma^T v_S : A v = 0, ||v_{S^c}||_1 <= 1 }
// (|S| = s suffices: enlarging S raises ||v_S||_1 and lowers ||v_{S^c}||_1).
// Each inner maximum is an LP whose dual is
//   min { ||A_{S^c}^T mu||_inf : A_S^T mu = sigma }
// (sigma^T v_S = mu^T A_S v_S = -mu^T A_{S^c} v_{S^c} <= ||A_{S^c}^T mu||_inf ||v_{S^c}||_1).
// Every (S, sigma) is solved by GLPK (the dual LP, in double); its active set
// then gives mu and the primal vertex v again at the working precision, so
// rho_s(A) is bracketed: below by the ratio of an explicit kernel vector,
// above by the dual value of an explicit mu (corrected for the residual of
// A_S^T mu = sigma, see upper).
#pragma once

#include <string>
#include <vector>

#include "thmcheck/numerics/scalar.hpp"

namespace thmcheck::cmr22 {

template <class Scalar>
struct NullSpaceConstant {
  bool ok = false;
  std::string message = "null_space_constant was not called";
  /// False when some ker(A) \ {0} has a vector supported on s entries (rho = infinity).
  bool bounded = true;
  /// max over the LPs of the primal vertex's ratio ||v_S||_1 / ||v_{S^c}||_1,
  /// v projected onto ker(A) at Scalar precision (a kernel vector up to rounding).
  Scalar lower = 0;
  /// max over the LPs of ||A_{S^c}^T mu||_inf / (1 - ||A_S^T mu - sigma||_inf):
  /// a valid NSP constant whenever the residual is < 1 (exact up to the
  /// rounding of the products, ~N u ||A|| ||mu||).
  Scalar upper = 0;
  Vector<Scalar> extremal;  ///< the kernel vector attaining lower (or one supported on s entries)
  std::vector<int> support; ///< its S (0-based)
  long lps = 0;             ///< LPs solved
};

/// rho_s(A) for A (M x N, M < N or any), 1 <= s < N, by enumerating the
/// C(N, s) 2^(s-1) sign-reduced LPs (sigma and -sigma give the same value).
/// Meant for small N (C(12, 3) 4 = 880 LPs).
template <class Scalar>
NullSpaceConstant<Scalar> null_space_constant(const Matrix<Scalar>& a, int s);

/// sigma_s(x)_1: the l1 norm of x without its s largest-magnitude entries.
template <class Scalar>
Scalar best_s_term_error(const Vector<Scalar>& x, int s);

#define THMCHECK_CMR22_NSP_EXTERN(S)                                                 \
  extern template NullSpaceConstant<S> null_space_constant<S>(const Matrix<S>&, int); \
  extern template S best_s_term_error<S>(const Vector<S>&, int);
THMCHECK_CMR22_NSP_EXTERN(double)
THMCHECK_CMR22_NSP_EXTERN(Mp50)
THMCHECK_CMR22_NSP_EXTERN(Mp100)
#undef THMCHECK_CMR22_NSP_EXTERN

}  // namespace thmcheck::cmr22
