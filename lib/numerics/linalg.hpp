// Small dense linear-algebra helpers, generic in the scalar type.
#pragma once

#include <Eigen/Dense>

#include "thmcheck/numerics/scalar.hpp"

namespace thmcheck {

/// Spectral norm ||A|| = sigma_max(A), from the largest eigenvalue of the
/// smaller Gram matrix (A A^T or A^T A) by Eigen's SelfAdjointEigenSolver.
/// Absolute error about c (rows + cols) u ||A||_F^2 / ||A|| (Gram formation,
/// Higham Thm 3.5, plus a backward-stable symmetric eigensolver).
template <class Scalar>
Scalar spectral_norm(const Matrix<Scalar>& a);

/// Smallest singular value sigma_min(A) over min(rows, cols) singular values,
/// by Eigen's JacobiSVD (accurate to about u ||A||).
template <class Scalar>
Scalar smallest_singular_value(const Matrix<Scalar>& a);

/// The Householder reflection H = I - 2 v v^T / (v^T v) (symmetric,
/// orthogonal), computed at the precision of Scalar. With integer v its
/// entries are rationals, so the same instance means the same matrix at every
/// precision up to rounding.
template <class Scalar>
Matrix<Scalar> householder_reflection(const Vector<Scalar>& v);

extern template double spectral_norm<double>(const Matrix<double>&);
extern template Mp50 spectral_norm<Mp50>(const Matrix<Mp50>&);
extern template Mp100 spectral_norm<Mp100>(const Matrix<Mp100>&);
extern template double smallest_singular_value<double>(const Matrix<double>&);
extern template Mp50 smallest_singular_value<Mp50>(const Matrix<Mp50>&);
extern template Mp100 smallest_singular_value<Mp100>(const Matrix<Mp100>&);

template <class Scalar>
Matrix<Scalar> householder_reflection(const Vector<Scalar>& v) {
  const Eigen::Index p = v.size();
  Matrix<Scalar> h = Matrix<Scalar>::Identity(p, p);
  const Scalar vv = v.squaredNorm();
  if (vv == 0) return h;
  h.noalias() -= (Scalar(2) / vv) * (v * v.transpose());
  return h;
}

}  // namespace thmcheck
