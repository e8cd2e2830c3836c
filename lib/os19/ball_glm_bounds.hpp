// Constants of os19 Assumptions 1 and 2 for the GLM f(theta) = phi(X theta)
// over a ball B(theta0, R) rather than all of R^p: on the ball, x_i^T theta
// ranges over I_i = [x_i^T theta0 - ||x_i|| R, x_i^T theta0 + ||x_i|| R], so
// with J(theta) = diag(phi'(X theta)) X,
//   alpha = min_i inf_{I_i} |phi'| sigma_min(X)   (sigma_min(D X) >= min |d_i| sigma_min(X), n <= p)
//   beta  = max_i sup_{I_i} |phi'| ||X||
//   L     = max_i sup_{I_i} |phi''| ||X||_{2,inf} ||X||            (Assumption 2 (b))
//   dev   = min(max_i (sup_{I_i} phi' - inf_{I_i} phi') ||X||, 2 R L) (Assumption 2 (a)'s sup of
//           ||J(theta2) - J(theta1)|| over the ball)
//   B     = max_i sup_{I_i} |phi'| ||x_i||                       (Theorem 3.1's row bound)
// all certified (the range of phi' and |phi''| on an interval is closed-form for
// every activation of lib/os19/activation.hpp). Theorem 2.1 needs Assumption 1
// over the ball of radius 4 ||r0|| / alpha, which depends on alpha itself:
// self_consistent_glm_bounds finds an alpha with alpha <= alpha(B(theta0, c ||r0|| / alpha)).
#pragma once

#include <string>

#include "thmcheck/numerics/scalar.hpp"
#include "thmcheck/os19/activation.hpp"
#include "thmcheck/os19/jacobian_bounds.hpp"

namespace thmcheck::os19 {

/// The range of phi' and the largest |phi''| over an interval [lo, hi]
/// (enclosures: min_slope <= phi' <= max_slope and |phi''| <= max_curvature there).
template <class S>
struct SlopeRange {
  S min_slope = 0, max_slope = 0, max_curvature = 0;
};

/// SlopeRange of phi on [lo, hi] (lo <= hi), widened by the rounding of the
/// closed forms (16 u relative, an over-estimate of a few ulps per tanh/exp).
template <class S>
SlopeRange<S> slope_range(const Activation<S>& phi, const S& lo, const S& hi);

/// Assumptions 1 and 2 constants of the GLM over B(theta0, radius).
template <class S>
struct BallGlmBounds {
  S radius = 0;
  S alpha = 0;      ///< sigma_min(J) >= alpha on the ball (0: phi' may vanish there)
  S beta = 0;       ///< ||J|| <= beta on the ball
  S lipschitz = 0;  ///< ||J(a) - J(b)|| <= L ||a - b|| on the ball (Assumption 2 (b))
  S deviation = 0;  ///< ||J(a) - J(b)|| <= deviation on the ball (Assumption 2 (a))
  S row_bound = 0;  ///< max_i ||J_i|| = max_i |phi'(x_i^T theta)| ||x_i|| <= row_bound on the ball (Theorem 3.1's B)
  std::string derivation;
};

/// BallGlmBounds over B(theta0, radius), with the certified singular-value
/// enclosures `mb` of X. The intervals I_i are widened by the rounding of
/// x_i^T theta0 and ||x_i|| R: 2 (p + 4) u (|x_i|^T |theta0| + ||x_i|| R).
template <class S>
BallGlmBounds<S> ball_glm_bounds(const Matrix<S>& x, const Vector<S>& theta0, const Activation<S>& phi,
                                 const S& radius, const MatrixBounds<S>& mb);

/// The largest alpha this search finds with alpha <= alpha(B(theta0, c r0 / alpha)):
/// the decreasing iteration alpha_{k+1} = alpha(B(theta0, c r0 / alpha_k)) from
/// alpha_0 = alpha(B(theta0, 0)) approaches the largest such alpha from above;
/// below its limit a valid alpha is found by halving and refined by bisection
/// (40 steps), in double for every S, the candidate re-checked at precision S (and
/// searched for at S when that check fails), so the constants of the three
/// precisions differ by rounding only. Returns the bounds of that alpha's ball, whose own alpha is
/// then valid too; alpha = 0 when none is found (Assumption 1 not
/// established on any ball of that form).
template <class S>
BallGlmBounds<S> self_consistent_glm_bounds(const Matrix<S>& x, const Vector<S>& theta0,
                                            const Activation<S>& phi, const S& c_r0, const MatrixBounds<S>& mb);

#define THMCHECK_OS19_BALL_EXTERN(S)                                                                         \
  extern template SlopeRange<S> slope_range(const Activation<S>&, const S&, const S&);                        \
  extern template BallGlmBounds<S> ball_glm_bounds(const Matrix<S>&, const Vector<S>&, const Activation<S>&, \
                                                   const S&, const MatrixBounds<S>&);                         \
  extern template BallGlmBounds<S> self_consistent_glm_bounds(const Matrix<S>&, const Vector<S>&,             \
                                                              const Activation<S>&, const S&, const MatrixBounds<S>&);
THMCHECK_OS19_BALL_EXTERN(double)
THMCHECK_OS19_BALL_EXTERN(Mp50)
THMCHECK_OS19_BALL_EXTERN(Mp100)
#undef THMCHECK_OS19_BALL_EXTERN

}  // namespace thmcheck::os19
