// The global optimum of the GLM loss closest to theta0 (os19 Section 9.5):
// with X of full row rank, G = {theta : X theta = phi^{-1}(y)} and the closest
// point is theta* = theta0 + X^T (X X^T)^{-1} (phi^{-1}(y) - X theta0).
#pragma once

#include <string>

#include "thmcheck/numerics/scalar.hpp"
#include "thmcheck/os19/activation.hpp"

namespace thmcheck::os19 {

/// Why closest_glm_optimum stopped.
enum class ClosestOptimumStatus {
  kNotRun,         ///< not called
  kSolved,         ///< theta* computed; residual_bound is its certificate
  kRankDeficient,  ///< X X^T not positive definite at this precision (n > p or singular)
  kInversionFailed,  ///< phi^{-1}(y_i) could not be computed
};
std::string to_string(ClosestOptimumStatus s);

/// Result of closest_glm_optimum.
template <class Scalar>
struct ClosestOptimumResult {
  ClosestOptimumStatus status = ClosestOptimumStatus::kNotRun;
  std::string message = "closest_glm_optimum was not called";
  Vector<Scalar> theta_star;
  Scalar distance = 0;  ///< ||theta* - theta0||
  /// A posteriori: ||X theta* - phi^{-1}(y)|| computed + inversion error; since
  /// theta* - theta0 lies in the row space, |distance - true distance| <=
  /// residual_bound / sigma_min(X).
  Scalar residual_bound = 0;
  bool ok() const { return status == ClosestOptimumStatus::kSolved; }
};

/// Computes theta* by a Cholesky solve of X X^T, one step of iterative
/// refinement, and phi^{-1} by safeguarded Newton.
template <class Scalar>
ClosestOptimumResult<Scalar> closest_glm_optimum(const Matrix<Scalar>& x, const Vector<Scalar>& y,
                                                 const Activation<Scalar>& phi,
                                                 const Vector<Scalar>& theta0);

extern template ClosestOptimumResult<double> closest_glm_optimum(
    const Matrix<double>&, const Vector<double>&, const Activation<double>&, const Vector<double>&);
extern template ClosestOptimumResult<Mp50> closest_glm_optimum(
    const Matrix<Mp50>&, const Vector<Mp50>&, const Activation<Mp50>&, const Vector<Mp50>&);
extern template ClosestOptimumResult<Mp100> closest_glm_optimum(
    const Matrix<Mp100>&, const Vector<Mp100>&, const Activation<Mp100>&, const Vector<Mp100>&);

}  // namespace thmcheck::os19
