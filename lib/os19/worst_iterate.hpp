// The worst iterate of a gradient-descent run checked iterate by iterate
// ("every iterate is checked, the worst reported"), and the per-iterate error
// terms the os19 GD claims share: the rate check ||r_t||^2 <= q^t ||r_0||^2,
// the slack of a potential inequality, and the effect of rounding the
// constants (alpha, beta, L) between precisions.
#pragma once

#include <functional>

#include "thmcheck/numerics/scalar.hpp"
#include "thmcheck/os19/trajectory.hpp"

namespace thmcheck::os19 {

/// Worst iterate of "lhs_t <= bound_t" over t = 1..T (t = 0 is equality or
/// trivial). Priority: a clear violation (lhs - err > bound; the largest
/// lhs/bound), else an iterate undecided at this precision (|lhs - bound| <=
/// err, so the engine climbs the precision ladder), else the clear pass with
/// the largest lhs/bound.
template <class S>
struct Worst {
  S measured = 0, bound = 0, error = 0, ratio = -1;
  long iteration = -1;
  int category = -1;  // 2 violation, 1 undecided, 0 pass
  /// Claim-specific slack, max over decided iterates (1 = attained): for rates
  /// log(q^t)/log(lhs_t/lhs_0) (promised over achieved exponent); for
  /// potentials c d_t / (||r_0|| - ||r_t||) (share of the residual decrease spent
  /// on distance); otherwise lhs/bound.
  S tightness = 0;
  /// Optional extra error term of an iterate (e.g. the sensitivity of the
  /// margin to the rounding of the constants alpha, beta, L, which differ
  /// between precisions by up to their enclosure width).
  std::function<S(long, const S&, const S&)> extra;
  /// Offers iterate t: lhs <= rhs with error err_in (plus extra), and the
  /// claim's slack (negative: use lhs/rhs).
  void offer(long t, const S& lhs, const S& rhs, const S& err_in, const S& slack = S(-1));
};

/// Offers the rate check of iterate k, ||r_k||^2 <= q^k ||r_0||^2 (os19 (2.3),
/// (9.2), (5.1), and (4.7) via Theorem 2.1): q_power = q^k (may underflow to 0),
/// error ((||r_k|| + e_k)^2 - ||r_k||^2) + q^k ||r_0||^2 (2 e_0/||r_0|| + 4 (k + 1) u),
/// slack log(q^k) / log(||r_k||^2/||r_0||^2).
template <class S>
void offer_squared_rate(Worst<S>& w, long k, const S& q_power, const S& r0, const S& dr0, const S& rk,
                        const S& drk);

/// Slack of a potential inequality c d_t + ||r_t|| <= ||r_0||: the share
/// c d_t / (||r_0|| - ||r_t||) of the residual decrease spent on distance (0
/// unless the residual decreased).
template <class S>
S potential_slack(const S& coefficient, const S& dk, const S& r0, const S& rk);

/// Worst<S>::extra for a run whose constants (alpha, beta, step) are computed
/// at this precision and so differ from the exact ones by their enclosure
/// width (relative crel): that moves bounds (by crel per constant, and by t
/// crel (1 - q)/q for a rate q^t, q = q_claim; 1 when there is none) and,
/// through eta = fraction * limit, the iterates (a relative change of eta
/// moves theta_t by at most that times the path length, and r_t by beta times
/// that), relative to `denominator` (||r_0||, or ||r_0||^2 for normalised
/// claims). Refers to `t`, which must outlive the returned function.
template <class S>
std::function<S(long, const S&, const S&)> constants_rounding_error(const S& crel, const S& alpha,
                                                                    const S& beta, const S& r0,
                                                                    const S& denominator, const S& q_claim,
                                                                    const Trajectory<S>& t);

#define THMCHECK_OS19_WORST_EXTERN(S)                                                                \
  extern template struct Worst<S>;                                                                   \
  extern template void offer_squared_rate(Worst<S>&, long, const S&, const S&, const S&, const S&,   \
                                          const S&);                                                 \
  extern template S potential_slack(const S&, const S&, const S&, const S&);                         \
  extern template std::function<S(long, const S&, const S&)> constants_rounding_error(              \
      const S&, const S&, const S&, const S&, const S&, const S&, const Trajectory<S>&);
THMCHECK_OS19_WORST_EXTERN(double)
THMCHECK_OS19_WORST_EXTERN(Mp50)
THMCHECK_OS19_WORST_EXTERN(Mp100)
#undef THMCHECK_OS19_WORST_EXTERN

}  // namespace thmcheck::os19
