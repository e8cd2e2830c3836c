// Linear regression f(theta) = X theta (os19 Sections 2 and 4.1): the
// least-squares model with constant Jacobian J = X.
#pragma once

#include "thmcheck/numerics/scalar.hpp"

namespace thmcheck {

/// Linear model f(theta) = X theta with loss L(theta) = 1/2 ||f(theta) - y||^2
/// (os19 eq. (1.1) with f linear). X is n x p, y in R^n.
template <class Scalar>
class LinearRegression {
 public:
  LinearRegression(Matrix<Scalar> x, Vector<Scalar> y) : x_(std::move(x)), y_(std::move(y)) {}

  Eigen::Index samples() const { return x_.rows(); }     ///< n
  Eigen::Index parameters() const { return x_.cols(); }  ///< p
  const Matrix<Scalar>& features() const { return x_; }  ///< X
  const Vector<Scalar>& labels() const { return y_; }    ///< y

  /// f(theta) = X theta.
  Vector<Scalar> predict(const Vector<Scalar>& theta) const { return x_ * theta; }
  /// Residual r(theta) = f(theta) - y.
  Vector<Scalar> residual(const Vector<Scalar>& theta) const { return x_ * theta - y_; }
  /// Jacobian J(theta) = X (constant).
  const Matrix<Scalar>& jacobian(const Vector<Scalar>&) const { return x_; }
  /// L(theta) = 1/2 ||X theta - y||^2.
  Scalar loss(const Vector<Scalar>& theta) const { return residual(theta).squaredNorm() / 2; }
  /// grad L(theta) = X^T (X theta - y).
  Vector<Scalar> gradient(const Vector<Scalar>& theta) const {
    return x_.transpose() * residual(theta);
  }

 private:
  Matrix<Scalar> x_;
  Vector<Scalar> y_;
};

}  // namespace thmcheck
