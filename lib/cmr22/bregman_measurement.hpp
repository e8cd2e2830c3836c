// The integrated Bregman identity of cmr22 Lemma 2.6 along one direct
// integration of the positive flow (18): D_F(z, x~(T)) - D_F(z, x~(0)) against
// -L int_0^T ||A x~ - y||^2, for several z in S+.
#pragma once

#include <string>
#include <vector>

#include "thmcheck/numerics/scalar.hpp"

namespace thmcheck::cmr22 {

/// What measure_bregman measures on [0, T] at one ODE tolerance.
template <class S>
struct BregmanMeasurement {
  bool ok = false;
  std::string message;
  S deviation = 0;       // max_z |Delta_z + L q(T)|
  S spread = 0;          // max_z |Delta_z - Delta_z0|
  S dissipation = 0;     // L q(T)
  S local_error_bound = 0;  // accumulated local error tolerance, see measure_bregman
  S final_residual = -1;    // ||A x~(T) - y||
  long steps = 0;
};

/// The coordinates the flow is integrated in: x itself, or w = log x
/// (lib/cmr22/log_flow.hpp; relative accuracy in every entry of x).
enum class BregmanCoordinates { kLinear, kLog };

/// Integrates x' = -grad L(x) (18) from x0 together with q' = ||A x^L - y||^2
/// (ReducedLossWithDissipation, Odeint dopri5 at atol = rtol = tolerance) to
/// T = t_end, and measures, with Delta_z = D_F(z, x~(T)) - D_F(z, x~(0)) (F of
/// (21)), the deviation max_z |Delta_z + L q(T)| from (22) integrated, the
/// spread max_z |Delta_z - Delta_{z_0}| over the points zs, L q(T), and the
/// accumulated local error tolerance of the integration (an estimate: steps x
/// tol x the deviation's sensitivity to x and q, see the .cpp). Not ok when
/// the flow fails. With kLog the same flow is integrated in w = log x
/// (LogReducedLossWithDissipation) and the local error tolerance is that of w.
template <class S>
BregmanMeasurement<S> measure_bregman(const Matrix<S>& a, const Vector<S>& y, int depth,
                                      const Vector<S>& x0, const std::vector<Vector<S>>& zs,
                                      const S& t_end, const S& tolerance,
                                      BregmanCoordinates coordinates = BregmanCoordinates::kLinear);

#define THMCHECK_CMR22_BREGMAN_MEASUREMENT_EXTERN(S)                                                    \
  extern template struct BregmanMeasurement<S>;                                                         \
  extern template BregmanMeasurement<S> measure_bregman<S>(const Matrix<S>&, const Vector<S>&, int,   \
                                                           const Vector<S>&, const std::vector<Vector<S>>&, \
                                                           const S&, const S&, BregmanCoordinates);
THMCHECK_CMR22_BREGMAN_MEASUREMENT_EXTERN(double)
THMCHECK_CMR22_BREGMAN_MEASUREMENT_EXTERN(Mp50)
THMCHECK_CMR22_BREGMAN_MEASUREMENT_EXTERN(Mp100)
#undef THMCHECK_CMR22_BREGMAN_MEASUREMENT_EXTERN

}  // namespace thmcheck::cmr22
