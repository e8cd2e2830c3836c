// One SGD step of os19 eq. (3.1) on a GLM f(theta) = phi(X theta), with every
// expectation over the index gamma (uniform on {1, ..., n}) computed EXACTLY as
// the average over the n possible next iterates theta^+_i = theta - eta G(theta; i)
// (Section 9.4, Lemmas 9.8-9.12), and the Assumption 1 constants of a GLM over
// a ball, certified from local bounds of phi' on the ball.
#pragma once

#include <string>
#include <vector>

#include "thmcheck/numerics/scalar.hpp"
#include "thmcheck/os19/activation.hpp"
#include "thmcheck/os19/jacobian_bounds.hpp"
#include "thmcheck/os19/models.hpp"

namespace thmcheck::os19 {

/// Certified enclosure lower <= phi'(z) <= upper for all z in [lo, hi]: the
/// slope range of lib/os19/ball_glm_bounds.hpp clipped to the global [gamma, Gamma].
template <class S>
struct PhiPrimeRange {
  S lower = 0;
  S upper = 0;
};
template <class S>
PhiPrimeRange<S> phi_prime_range(const Activation<S>& phi, const S& lo, const S& hi);

/// Assumption 1 / row-bound constants of the GLM over D = B(theta0, nu r0 / alpha)
/// (Theorem 3.1, Lemmas 9.8, 9.11), certified: with the global alpha_g = gamma
/// sigma_min(X), the ball B(theta0, R_g = nu r0 / alpha_g) contains D for every
/// alpha >= alpha_g; on B(theta0, R_g) each x_i^T theta lies in x_i^T theta0 +-
/// R_g ||x_i||, so with phi' in [g_i, G_i] there (phi_prime_range):
///   alpha = min_i g_i sigma_min(X) (>= alpha_g), beta = max_i G_i ||X||,
///   B = max_i G_i ||x_i||, L = M ||X||_2,inf ||X|| (global M).
/// These hold on B(theta0, nu r0 / alpha) because it lies inside B(theta0, R_g).
template <class S>
JacobianBounds<S> glm_sgd_ball_bounds(const Matrix<S>& x, const Activation<S>& phi, const Vector<S>& theta0,
                                      const S& nu, const S& r0);

/// The n equally likely outcomes of one SGD step from theta and what the
/// lemmas average over them.
template <class S>
struct SgdStep {
  S r = 0;                     ///< ||r(theta)||
  S jtr = 0;                   ///< ||J(theta)^T r(theta)||
  std::vector<Vector<S>> next; ///< theta^+_i = theta - eta r_i phi'(x_i^T theta) x_i, i = 1..n
  S mean_r = 0;                ///< E ||r(theta^+)|| = (1/n) sum_i ||r(theta^+_i)||
  S mean_r2 = 0;               ///< E ||r(theta^+)||^2
  S max_r = 0;                 ///< max_i ||r(theta^+_i)||
  /// Rounding bound of each norm above: 16 (n + p + 10) u times the scale
  /// ||y|| + max ||f|| + ||X||_F max_i ||theta^+_i|| Gamma (dot-product and
  /// phi evaluation errors, Higham 2002 sec. 3.1, factor 16 of safety).
  S error = 0;
};
template <class S>
SgdStep<S> sgd_step(const GlmModel<S>& model, const Vector<S>& theta, const S& eta);

/// d_P(theta) = (1/K) sum_l ||theta - p_l|| (eq. (9.40)).
template <class S>
S anchor_distance(const Vector<S>& theta, const std::vector<Vector<S>>& anchors);
/// E d_P(theta^+) = (1/n) sum_i d_P(theta^+_i).
template <class S>
S mean_anchor_distance(const SgdStep<S>& step, const std::vector<Vector<S>>& anchors);

#define THMCHECK_OS19_SGD_STEP_EXTERN(S)                                                                   \
  extern template PhiPrimeRange<S> phi_prime_range(const Activation<S>&, const S&, const S&);                     \
  extern template JacobianBounds<S> glm_sgd_ball_bounds(const Matrix<S>&, const Activation<S>&,            \
                                                        const Vector<S>&, const S&, const S&);             \
  extern template SgdStep<S> sgd_step(const GlmModel<S>&, const Vector<S>&, const S&);                     \
  extern template S anchor_distance(const Vector<S>&, const std::vector<Vector<S>>&);                      \
  extern template S mean_anchor_distance(const SgdStep<S>&, const std::vector<Vector<S>>&);
THMCHECK_OS19_SGD_STEP_EXTERN(double)
THMCHECK_OS19_SGD_STEP_EXTERN(Mp50)
THMCHECK_OS19_SGD_STEP_EXTERN(Mp100)
#undef THMCHECK_OS19_SGD_STEP_EXTERN

}  // namespace thmcheck::os19
