// Nonlinear least-squares models of os19 Section 4 with their Jacobians:
// L(theta) = 1/2 ||f(theta) - y||^2, grad L = J^T (f - y) (eq. (2.2)).
// Every model exposes predict / residual / jacobian / loss / gradient, so the
// generic gradient_descent of lib/solvers applies.
#pragma once

#include <vector>

#include "thmcheck/numerics/scalar.hpp"
#include "thmcheck/os19/activation.hpp"

namespace thmcheck::os19 {

/// Generalized linear model f(theta) = phi(X theta) (os19 eq. (4.1)); X is
/// n x p. With phi = identity this is linear regression.
template <class Scalar>
class GlmModel {
 public:
  GlmModel(Matrix<Scalar> x, Vector<Scalar> y, Activation<Scalar> phi)
      : x_(std::move(x)), y_(std::move(y)), phi_(phi) {}
  Eigen::Index samples() const { return x_.rows(); }
  Eigen::Index parameters() const { return x_.cols(); }
  const Matrix<Scalar>& features() const { return x_; }
  const Vector<Scalar>& labels() const { return y_; }
  const Activation<Scalar>& activation() const { return phi_; }

  /// f(theta) = phi(X theta), entrywise.
  Vector<Scalar> predict(const Vector<Scalar>& theta) const;
  /// r(theta) = f(theta) - y.
  Vector<Scalar> residual(const Vector<Scalar>& theta) const;
  /// J(theta) = diag(phi'(X theta)) X (n x p).
  Matrix<Scalar> jacobian(const Vector<Scalar>& theta) const;
  /// L(theta) = 1/2 ||r(theta)||^2.
  Scalar loss(const Vector<Scalar>& theta) const;
  /// grad L = X^T diag(phi'(X theta)) r(theta) (eq. (9.51)).
  Vector<Scalar> gradient(const Vector<Scalar>& theta) const;
  /// Per-sample gradient G(theta; i) = r_i grad f_i = r_i phi'(x_i^T theta) x_i (eq. (3.1)).
  Vector<Scalar> sample_gradient(const Vector<Scalar>& theta, Eigen::Index i) const;

 private:
  Matrix<Scalar> x_;
  Vector<Scalar> y_;
  Activation<Scalar> phi_;
};

/// One-hidden-layer network x -> v^T phi(W x) trained over W with v fixed
/// (os19 eqs. (4.5), (4.6)). X is n x d (rows x_i), W is k x d, and
/// theta = vec(W) row by row: theta[l d + j] = W(l, j).
template <class Scalar>
class NetworkModel {
 public:
  NetworkModel(Matrix<Scalar> x, Vector<Scalar> y, Vector<Scalar> v, Activation<Scalar> phi)
      : x_(std::move(x)), y_(std::move(y)), v_(std::move(v)), phi_(phi) {}
  Eigen::Index samples() const { return x_.rows(); }
  Eigen::Index hidden() const { return v_.size(); }                 ///< k
  Eigen::Index parameters() const { return v_.size() * x_.cols(); }  ///< k d
  const Matrix<Scalar>& features() const { return x_; }
  const Vector<Scalar>& labels() const { return y_; }
  const Vector<Scalar>& output_weights() const { return v_; }
  const Activation<Scalar>& activation() const { return phi_; }

  /// W from theta (k x d).
  Matrix<Scalar> weights(const Vector<Scalar>& theta) const;
  /// f_i = sum_l v_l phi(<w_l, x_i>).
  Vector<Scalar> predict(const Vector<Scalar>& theta) const;
  Vector<Scalar> residual(const Vector<Scalar>& theta) const;
  /// J = [v_1 diag(phi'(X w_1)) X, ..., v_k diag(phi'(X w_k)) X] (Section 9.7), n x kd.
  Matrix<Scalar> jacobian(const Vector<Scalar>& theta) const;
  Scalar loss(const Vector<Scalar>& theta) const;
  Vector<Scalar> gradient(const Vector<Scalar>& theta) const;

 private:
  Matrix<Scalar> x_;
  Vector<Scalar> y_;
  Vector<Scalar> v_;
  Activation<Scalar> phi_;
};

/// Low-rank (Burer-Monteiro) regression f_i(Theta) = <X_i, Theta Theta^T> =
/// trace(Theta^T X_i Theta) with Theta in R^{d x r} (os19 Section 4.2, eq. (4.4)),
/// theta = vec(Theta) column-major.
///
/// The Jacobian row is vec((X_i + X_i^T) Theta)^T. Section 9.6 prints
/// vec(X_i Theta)^T, which is the derivative only up to the symmetrisation
/// (exact for symmetric X_i up to the factor 2).
template <class Scalar>
class LowRankModel {
 public:
  LowRankModel(std::vector<Matrix<Scalar>> x, Vector<Scalar> y, Eigen::Index rank)
      : x_(std::move(x)), y_(std::move(y)), rank_(rank) {}
  Eigen::Index samples() const { return static_cast<Eigen::Index>(x_.size()); }
  Eigen::Index dimension() const { return x_.empty() ? 0 : x_[0].rows(); }  ///< d
  Eigen::Index rank() const { return rank_; }                                ///< r
  Eigen::Index parameters() const { return dimension() * rank_; }
  const Vector<Scalar>& labels() const { return y_; }

  /// Theta (d x r) from theta.
  Matrix<Scalar> factor(const Vector<Scalar>& theta) const;
  Vector<Scalar> predict(const Vector<Scalar>& theta) const;
  Vector<Scalar> residual(const Vector<Scalar>& theta) const;
  /// Row i: vec((X_i + X_i^T) Theta)^T.
  Matrix<Scalar> jacobian(const Vector<Scalar>& theta) const;
  Scalar loss(const Vector<Scalar>& theta) const;
  Vector<Scalar> gradient(const Vector<Scalar>& theta) const;

 private:
  std::vector<Matrix<Scalar>> x_;
  Vector<Scalar> y_;
  Eigen::Index rank_;
};

extern template class GlmModel<double>;
extern template class GlmModel<Mp50>;
extern template class GlmModel<Mp100>;
extern template class NetworkModel<double>;
extern template class NetworkModel<Mp50>;
extern template class NetworkModel<Mp100>;
extern template class LowRankModel<double>;
extern template class LowRankModel<Mp50>;
extern template class LowRankModel<Mp100>;

}  // namespace thmcheck::os19
