#include "thmcheck/os19/closest_optimum.hpp"

#include <Eigen/Dense>

namespace thmcheck::os19 {

std::string to_string(ClosestOptimumStatus s) {
  switch (s) {
    case ClosestOptimumStatus::kNotRun: return "not_run";
    case ClosestOptimumStatus::kSolved: return "solved";
    case ClosestOptimumStatus::kRankDeficient: return "rank_deficient";
    case ClosestOptimumStatus::kInversionFailed: return "inversion_failed";
  }
  return "?";
}

template <class S>
ClosestOptimumResult<S> closest_glm_optimum(const Matrix<S>& x, const Vector<S>& y,
                                            const Activation<S>& phi, const Vector<S>& theta0) {
  ClosestOptimumResult<S> out;
  const Eigen::Index n = x.rows();
  Vector<S> z(n);
  S inversion_error = 0;
  for (Eigen::Index i = 0; i < n; ++i) {
    InverseResult<S> inv = invert(phi, y(i));
    if (!inv.ok) {
      out.status = ClosestOptimumStatus::kInversionFailed;
      out.message = "phi^{-1}(y_" + std::to_string(i) + ") did not converge";
      return out;
    }
    z(i) = inv.z;
    inversion_error += inv.error_bound * inv.error_bound;
  }
  using std::sqrt;
  inversion_error = sqrt(inversion_error);
  if (x.rows() > x.cols()) {
    out.status = ClosestOptimumStatus::kRankDeficient;
    out.message = "n > p: X X^T is singular";
    return out;
  }
  const Matrix<S> gram = x * x.transpose();
  Eigen::LLT<Matrix<S>> llt(gram);
  if (llt.info() != Eigen::Success) {
    out.status = ClosestOptimumStatus::kRankDeficient;
    out.message = "X X^T not positive definite at this precision";
    return out;
  }
  const Vector<S> rhs = z - x * theta0;
  Vector<S> c = llt.solve(rhs);
  c += llt.solve(Vector<S>(rhs - gram * c));  // one step of iterative refinement
  const Vector<S> delta = x.transpose() * c;
  out.theta_star = theta0 + delta;
  out.distance = delta.norm();
  out.residual_bound = (x * out.theta_star - z).norm() + inversion_error;
  if (!is_finite(out.distance)) {
    out.status = ClosestOptimumStatus::kRankDeficient;
    out.message = "non-finite solution";
    return out;
  }
  out.status = ClosestOptimumStatus::kSolved;
  out.message = "solved";
  return out;
}

template ClosestOptimumResult<double> closest_glm_optimum(const Matrix<double>&,
                                                          const Vector<double>&,
                                                          const Activation<double>&,
                                                          const Vector<double>&);
template ClosestOptimumResult<Mp50> closest_glm_optimum(const Matrix<Mp50>&, const Vector<Mp50>&,
                                                        const Activation<Mp50>&,
                                                        const Vector<Mp50>&);
template ClosestOptimumResult<Mp100> closest_glm_optimum(const Matrix<Mp100>&,
                                                         const Vector<Mp100>&,
                                                         const Activation<Mp100>&,
                                                         const Vector<Mp100>&);

}  // namespace thmcheck::os19
