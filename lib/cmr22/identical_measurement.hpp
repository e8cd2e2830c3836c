// The trajectory measurements of cmr22 Lemma A.2 (identical initialization):
// the full L-factor flow (4) / gradient descent from x^(k)(0) = x0 for every
// k against the reduced flow / gradient descent on (6) from x0, the reduced
// run at time T / time_factor (step eta / time_factor): time_factor 1 for the
// printed dynamics x' = -grad L(x), L for the proof's x' = -[A^T r] (.) x^{L-1}.
#pragma once

#include <string>

#include "thmcheck/cmr22/factorized_loss.hpp"

namespace thmcheck::cmr22 {

/// Factor spread max_k ||x^(k) - x^(1)||_inf of theta = [x^(1); ...; x^(L)] (blocks of n).
template <class S>
S factor_spread(const Vector<S>& theta, Eigen::Index n, int depth);

/// The flows at one ODE tolerance (Odeint dopri5, atol = rtol = tolerance).
template <class S>
struct IdenticalFlowMeasurement {
  bool ok = false;
  std::string message;
  S spread = 0, deviation = 0;  ///< factor spread of the full flow at T; ||x^(1)(T) - x_reduced(T / time_factor)||_inf
  S local_error_bound = 0;      ///< accumulated local error tolerance, see the .cpp
};

/// Integrates the full flow of `over` from [x0; ...; x0] to t_end and the
/// reduced flow of `reduced` from x0 to t_end / time_factor, and measures
/// their factor spread, deviation and accumulated local error tolerance
/// (tol (steps (1 + max |theta|) + |theta(T) - theta(0)|) per flow; twice the
/// full flow's for the spread, the sum of both for the deviation).
template <class S>
IdenticalFlowMeasurement<S> measure_identical_flows(const OverLoss<S>& over, const ReducedLoss<S>& reduced,
                                                    const Vector<S>& x0, const S& t_end, const S& time_factor,
                                                    const S& tolerance);

/// Gradient descent, full against reduced, compared after `iterations` steps.
template <class S>
struct IdenticalGdMeasurement {
  bool ok = false;
  std::string message;   ///< the failing run's message when not ok
  long compared = 0;     ///< the step compared (iterations, or earlier, see measure_identical_gd)
  bool full_left = false, reduced_left = false;  ///< which run left ||theta||_inf <= 1e8
  S spread = 0, deviation = 0;  ///< factor spread of full GD; ||x^(1) - x_reduced||_inf
  S rounding = 0;               ///< 10 (k + 1) (N + M + L) u (1 + max ||theta||_inf)
};

/// Full L-factor GD on `over` with step eta = `step` from [x0; ...; x0]
/// against reduced GD on `reduced` with step eta / time_factor from x0, after
/// `iterations` steps; when either run leaves ||theta||_inf <= 1e8 at step j
/// both are compared at step j - 1 instead (the same box at every precision).
template <class S>
IdenticalGdMeasurement<S> measure_identical_gd(const OverLoss<S>& over, const ReducedLoss<S>& reduced,
                                               const Vector<S>& x0, const S& step, const S& time_factor,
                                               long iterations);

#define THMCHECK_CMR22_IDENTICAL_EXTERN(S)                                                                       \
  extern template S factor_spread<S>(const Vector<S>&, Eigen::Index, int);                                       \
  extern template struct IdenticalFlowMeasurement<S>;                                                            \
  extern template IdenticalFlowMeasurement<S> measure_identical_flows<S>(                                        \
      const OverLoss<S>&, const ReducedLoss<S>&, const Vector<S>&, const S&, const S&, const S&);               \
  extern template struct IdenticalGdMeasurement<S>;                                                              \
  extern template IdenticalGdMeasurement<S> measure_identical_gd<S>(const OverLoss<S>&, const ReducedLoss<S>&, \
                                                                    const Vector<S>&, const S&, const S&, long);
THMCHECK_CMR22_IDENTICAL_EXTERN(double)
THMCHECK_CMR22_IDENTICAL_EXTERN(Mp50)
THMCHECK_CMR22_IDENTICAL_EXTERN(Mp100)
#undef THMCHECK_CMR22_IDENTICAL_EXTERN

}  // namespace thmcheck::cmr22
