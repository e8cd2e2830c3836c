// Compressed-sensing instances of cmr22 Section 1.2 (Corollary 1.3) and of
// the initialization sweeps (Remark 1.2, Matt & Stoeger 2025): A, a ground
// truth x* with y = A x*, the depth L and u0, v0 > 0; and the measured flow
// limit x~_inf (flow_limit.hpp) with an l1 error estimate.
#pragma once

#include <cstdint>
#include <string>
#include <tuple>

#include "thmcheck/cmr22/mirror_flow.hpp"
#include "thmcheck/engine/typed_instance.hpp"

namespace thmcheck::cmr22 {

/// Corollary 1.3: A (M x N), x* [N], y = A x* (computed at the working
/// precision), L, u0, v0 > 0 and the order s of the null space property.
struct RecoveryInstance {
  RealMatrix a;
  RealVector x_star;
  int depth = 2;
  RealVector u0, v0;
  int s = 1;
  static constexpr auto fields = std::make_tuple(
      field("A", &RecoveryInstance::a, "M x N, the measurement matrix"),
      field("x_star", &RecoveryInstance::x_star, "[N], the ground truth x_*; y = A x_*"),
      field("L", &RecoveryInstance::depth, "depth, integer in [2, 64]"),
      field("u0", &RecoveryInstance::u0, "[N] > 0, u(0)"), field("v0", &RecoveryInstance::v0, "[N] > 0, v(0)"),
      field("s", &RecoveryInstance::s, "order of the null space property, 1 <= s < N"));
  void check() const;
};

/// lim x~(t) with an estimated l1 error: 2 x the last checkpoint change + the
/// l1 distance sqrt(N) ||A x~ - y|| / sigma_min(A) to S + map_rounding (the
/// terms of l1_gap.hpp). ok false when the flow cannot be measured.
template <class S>
struct MeasuredLimit {
  bool ok = false;
  std::string message;
  Vector<S> product;
  S error = 0;
  long steps = 0;
};
template <class S>
MeasuredLimit<S> measured_flow_limit(const Matrix<S>& a, const Vector<S>& y, int depth, const Vector<S>& u0,
                                     const Vector<S>& v0);

/// l1 error of x* implied by rounding y = A x* at precision S: the computed y
/// is A x*' with ||x*' - x*||_1 <= sqrt(N) ||dy||_2 / sigma_min(A),
/// ||dy||_inf <= (N + 1) u max_m sum_n |A_mn x*_n| (Higham 2002, sec. 3.1).
template <class S>
S truth_shift(const Matrix<S>& a, const Vector<S>& x_star);

/// The drawn parameters of a recovery instance (generator of cmr22.cor1.3).
struct RecoveryParams {
  int n = 6;           ///< N in [5, 8]
  int matrix_kind = 0; ///< 0 Gaussian, M in [N/2 + 1, N - 1]; 1 one-dimensional kernel with a set rho; 2 Gaussian, M = N/2
  int s = 1;           ///< 1 or 2 (2 only for N >= 7)
  int rho_index = 0;   ///< kind 1: rho target in {0.5, 0.8, 0.95, 0.99, 0.999}
  int truth_kind = 0;  ///< 0 s-sparse, 1 s-sparse + 5% dense, 2 (kind 1) -c v_S, 3 (kind 1) -c (v_S + gamma v_Sc)
  int depth = 2;       ///< L in [2, 4]
  int init_exp = 4;    ///< alpha^L = 10^-init_exp, in [2, 8]
  int init_kind = 0;   ///< 0 identical alpha 1, 1 alpha U(0.5, 2)
  std::uint64_t seed = 0;
  bool wide_kernel = false;  ///< not drawn: kind 0 then takes M <= N - 2 (kernel dimension >= 2)
};
rc::Gen<RecoveryParams> recovery_params();
RecoveryInstance recovery_instance(const RecoveryParams& q);
std::string recovery_generator_info();

#define THMCHECK_CMR22_RECOVERY_EXTERN(S)                                                                     \
  extern template MeasuredLimit<S> measured_flow_limit<S>(const Matrix<S>&, const Vector<S>&, int,           \
                                                          const Vector<S>&, const Vector<S>&);               \
  extern template S truth_shift<S>(const Matrix<S>&, const Vector<S>&);
THMCHECK_CMR22_RECOVERY_EXTERN(double)
THMCHECK_CMR22_RECOVERY_EXTERN(Mp50)
THMCHECK_CMR22_RECOVERY_EXTERN(Mp100)
#undef THMCHECK_CMR22_RECOVERY_EXTERN

}  // namespace thmcheck::cmr22
