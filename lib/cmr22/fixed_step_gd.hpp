// The gradient descent of cmr22 Section 4: fixed step eta on the reduced
// factorized losses (6) (positive) or (7) (signed), stopped by the residual
// ||A x~ - y|| instead of a fixed iteration count, plus the random
// compressed-sensing instances of Section 4.1.
//
// One gradient evaluation per iteration computes r = A x~ - y, the stopping
// test on ||r|| and the step, so the iteration count is the gradient count
// (lib/solvers/gradient_descent.hpp would need a second residual product in
// its observer).
#pragma once

#include <cstdint>
#include <string>

#include "thmcheck/cmr22/factorized_loss.hpp"
#include "thmcheck/numerics/scalar.hpp"

namespace thmcheck::cmr22 {

/// Why fixed_step_gd stopped.
enum class FixedStepGdStatus {
  kNotRun,         ///< fixed_step_gd was not called
  kConverged,      ///< ||A x~ - y||_2 <= residual_tolerance
  kMaxIterations,  ///< max_iterations steps without reaching the tolerance
  kDiverged,       ///< a non-finite iterate appeared
};
std::string to_string(FixedStepGdStatus s);

/// Options of fixed_step_gd.
template <class Scalar>
struct FixedStepGdOptions {
  Scalar step = Scalar(1) / 100;  ///< eta (cmr22 Section 4.1: 1e-2)
  long max_iterations = 1000000;
  Scalar residual_tolerance = Scalar(1) / Scalar(1e12);  ///< stop when ||A x~ - y||_2 <= this
};

/// What fixed_step_gd returns.
template <class Scalar>
struct FixedStepGdResult {
  FixedStepGdStatus status = FixedStepGdStatus::kNotRun;
  Vector<Scalar> u, v;      ///< final factors (v empty in the positive case)
  Vector<Scalar> product;   ///< x~ = u^{(.)L} (- v^{(.)L})
  Scalar residual_norm = -1;
  long iterations = -1;     ///< steps taken (= gradient evaluations - 1 when converged)
  long gradient_evaluations = -1;
  bool converged() const { return status == FixedStepGdStatus::kConverged; }
};

/// Gradient descent u <- u - eta L [A^T r] (.) u^{(.)(L-1)}, v <- v + eta L [A^T r] (.) v^{(.)(L-1)},
/// r = A(u^{(.)L} - v^{(.)L}) - y (cmr22 eqs. (18), (35) discretized); the
/// positive case (loss (6)) when v0 is empty.
template <class Scalar>
FixedStepGdResult<Scalar> fixed_step_gd(const Matrix<Scalar>& a, const Vector<Scalar>& y, int depth,
                                        const Vector<Scalar>& u0, const Vector<Scalar>& v0,
                                        const FixedStepGdOptions<Scalar>& options) {
  FixedStepGdResult<Scalar> out;
  const bool signed_case = v0.size() > 0;
  Vector<Scalar> u = u0, v = v0;
  const Scalar scaled_step = options.step * Scalar(depth);
  long evaluations = 0;
  for (long k = 0;; ++k) {
    Vector<Scalar> product = hadamard_power(u, depth);
    if (signed_case) product -= hadamard_power(v, depth);
    const Vector<Scalar> r = a * product - y;
    ++evaluations;
    const Scalar rn = r.norm();
    const bool finite = u.allFinite() && v.allFinite() && is_finite(rn);
    if (!finite || rn <= options.residual_tolerance || k == options.max_iterations) {
      out.status = !finite ? FixedStepGdStatus::kDiverged
                           : (rn <= options.residual_tolerance ? FixedStepGdStatus::kConverged
                                                              : FixedStepGdStatus::kMaxIterations);
      out.u = std::move(u);
      out.v = std::move(v);
      out.product = std::move(product);
      out.residual_norm = rn;
      out.iterations = k;
      out.gradient_evaluations = evaluations;
      return out;
    }
    const Vector<Scalar> back = scaled_step * (a.transpose() * r);
    u -= back.cwiseProduct(hadamard_power(u, depth - 1));
    if (signed_case) v += back.cwiseProduct(hadamard_power(v, depth - 1));
  }
}

inline std::string to_string(FixedStepGdStatus s) {
  switch (s) {
    case FixedStepGdStatus::kNotRun: return "not_run";
    case FixedStepGdStatus::kConverged: return "converged";
    case FixedStepGdStatus::kMaxIterations: return "max_iterations";
    case FixedStepGdStatus::kDiverged: return "diverged";
  }
  return "?";
}

/// Floor added to every entry of a positive x* (see draw_cs_instance).
inline constexpr double kPositiveFloor = 1e-10;

/// A compressed-sensing instance of cmr22 Section 4.1: A = W / sqrt(M) with W
/// standard Gaussian (M x N), x* = b_S / ||b_S|| (or |b_S| / ||b_S|| + 1e-10 when
/// positive: the floor keeps S+ non-empty after y is rounded) with S a uniformly
/// random s-subset and b_S standard Gaussian on S, y = A x* (rounded to double).
struct CsInstance {
  Matrix<double> a;
  Vector<double> truth;
  Vector<double> y;
};
/// positive_floor is added to every entry of a positive x* (0: exactly sparse).
CsInstance draw_cs_instance(Eigen::Index n, Eigen::Index m, Eigen::Index s, bool positive, std::uint64_t seed,
                            double positive_floor = kPositiveFloor);

}  // namespace thmcheck::cmr22
