#include "thmcheck/os19/jacobian_bounds.hpp"

#include <fmt/format.h>

#include "thmcheck/numerics/linalg.hpp"

namespace thmcheck::os19 {

template <class S>
MatrixBounds<S> matrix_bounds(const Matrix<S>& x) {
  MatrixBounds<S> b;
  const Eigen::Index n = x.rows(), p = x.cols();
  b.frobenius = x.norm();
  b.shift = S(4) * S(static_cast<double>(n + p + 10)) * unit_roundoff<S>() * b.frobenius;
  b.norm_upper = spectral_norm(x) + b.shift;
  const S smin = n <= p ? smallest_singular_value(x) : S(0);
  b.sigma_min_lower = smin > b.shift ? S(smin - b.shift) : S(0);
  S rmax = 0;
  for (Eigen::Index i = 0; i < n; ++i) rmax = std::max(rmax, S(x.row(i).norm()));
  // A row norm is a length-p dot product: relative error gamma_{p+2}.
  b.row_norm_upper = rmax * (S(1) + S(static_cast<double>(p + 2)) * unit_roundoff<S>());
  return b;
}

template <class S>
MatrixBounds<S> jacobian_at_point(const Matrix<S>& j) {
  return matrix_bounds(j);
}

template <class S>
JacobianBounds<S> glm_bounds(const Matrix<S>& x, const Activation<S>& phi) {
  return glm_bounds(matrix_bounds(x), phi);
}

template <class S>
JacobianBounds<S> glm_bounds(const MatrixBounds<S>& m, const Activation<S>& phi) {
  JacobianBounds<S> b;
  b.alpha = phi.gamma() * m.sigma_min_lower;
  b.beta = phi.big_gamma() * m.norm_upper;
  b.lipschitz = phi.curvature() * m.row_norm_upper * m.norm_upper;
  b.row_bound = phi.big_gamma() * m.row_norm_upper;
  b.evidence = Evidence::kCertified;
  b.derivation = fmt::format(
      "{}: gamma = {}, Gamma = {}, M = {}; sigma_min(X) >= {}, ||X|| <= {}, ||X||_2,inf <= {} "
      "(Weyl-shifted SVD); alpha = gamma sigma_min(X), beta = Gamma ||X||, L = M ||X||_2,inf ||X|| "
      "hold on all of R^p",
      phi.describe(), to_decimal(phi.gamma(), 6), to_decimal(phi.big_gamma(), 6),
      to_decimal(phi.curvature(), 6), to_decimal(m.sigma_min_lower, 8), to_decimal(m.norm_upper, 8),
      to_decimal(m.row_norm_upper, 8));
  return b;
}

template <class S>
JacobianBounds<S> network_bounds(const Matrix<S>& x, const Vector<S>& v, const Activation<S>& phi) {
  const MatrixBounds<S> m = matrix_bounds(x);
  const S vn = v.norm() * (S(1) + S(static_cast<double>(v.size() + 2)) * unit_roundoff<S>());
  const S vn_low = v.norm() * (S(1) - S(static_cast<double>(v.size() + 2)) * unit_roundoff<S>());
  JacobianBounds<S> b;
  b.alpha = phi.gamma() * m.sigma_min_lower * vn_low;
  b.beta = phi.big_gamma() * m.norm_upper * vn;
  b.lipschitz = phi.curvature() * m.row_norm_upper * m.norm_upper * vn;
  b.row_bound = phi.big_gamma() * m.row_norm_upper * vn;
  b.evidence = Evidence::kCertified;
  b.derivation = fmt::format(
      "network, {}: alpha = gamma sigma_min(X) ||v|| = {}, beta = Gamma ||X|| ||v|| = {}, "
      "L = M ||X||_2,inf ||X|| ||v|| = {} (Section 9.7), on all of R^(kd)",
      phi.describe(), to_decimal(b.alpha, 8), to_decimal(b.beta, 8), to_decimal(b.lipschitz, 8));
  return b;
}

template MatrixBounds<double> matrix_bounds(const Matrix<double>&);
template MatrixBounds<Mp50> matrix_bounds(const Matrix<Mp50>&);
template MatrixBounds<Mp100> matrix_bounds(const Matrix<Mp100>&);
template MatrixBounds<double> jacobian_at_point(const Matrix<double>&);
template MatrixBounds<Mp50> jacobian_at_point(const Matrix<Mp50>&);
template MatrixBounds<Mp100> jacobian_at_point(const Matrix<Mp100>&);
template JacobianBounds<double> glm_bounds(const Matrix<double>&, const Activation<double>&);
template JacobianBounds<double> glm_bounds(const MatrixBounds<double>&, const Activation<double>&);
template JacobianBounds<Mp50> glm_bounds(const MatrixBounds<Mp50>&, const Activation<Mp50>&);
template JacobianBounds<Mp100> glm_bounds(const MatrixBounds<Mp100>&, const Activation<Mp100>&);
template JacobianBounds<Mp50> glm_bounds(const Matrix<Mp50>&, const Activation<Mp50>&);
template JacobianBounds<Mp100> glm_bounds(const Matrix<Mp100>&, const Activation<Mp100>&);
template JacobianBounds<double> network_bounds(const Matrix<double>&, const Vector<double>&,
                                               const Activation<double>&);
template JacobianBounds<Mp50> network_bounds(const Matrix<Mp50>&, const Vector<Mp50>&,
                                             const Activation<Mp50>&);
template JacobianBounds<Mp100> network_bounds(const Matrix<Mp100>&, const Vector<Mp100>&,
                                              const Activation<Mp100>&);

}  // namespace thmcheck::os19
