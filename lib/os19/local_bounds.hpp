// Certified constants of a GLM f(theta) = phi(X theta) over a ball
// B(theta0, R) (os19 Theorem 5.4's L-smoothness, Lemmas 9.5/9.7's Assumption
// 2(a) deviation). Over the ball every x_i^T theta lies in the interval
// I_i = [x_i^T theta0 - ||x_i|| R, x_i^T theta0 + ||x_i|| R] (Cauchy-Schwarz),
// and phi is increasing, so |phi(z) - y_i| on I_i is largest at an end of I_i.
#pragma once


#include <string>

#include "thmcheck/numerics/scalar.hpp"
#include "thmcheck/os19/activation.hpp"
#include "thmcheck/os19/ball_glm_bounds.hpp"

namespace thmcheck::os19 {

/// A certified constant with how it was obtained.
template <class Scalar>
struct CertifiedConstant {
  Scalar value = 0;
  std::string derivation;
};

/// L with ||grad L(a) - grad L(b)|| <= L ||a - b|| on B(theta0, R) for the
/// loss 1/2 ||phi(X theta) - y||^2. The Hessian is X^T diag(phi'(z)^2 +
/// r_i phi''(z)) X (z = X theta, r = phi(z) - y), so on the (convex) ball
///   L = ||X||^2 (Gamma^2 + M max_i max_{z in I_i} |phi(z) - y_i|)
/// with Gamma = sup phi', M = sup |phi''| (activation.hpp). ||X|| and the row
/// norms are the Weyl-shifted upper bounds of matrix_bounds; the interval ends
/// are widened by 8 (p + 2) u (|x_i^T theta0| + ||x_i|| R) for rounding, and the
/// result by the factor 1 + 16 (n + p + 10) u.
template <class Scalar>
CertifiedConstant<Scalar> glm_loss_smoothness(const Matrix<Scalar>& x, const Vector<Scalar>& y,
                                              const Activation<Scalar>& phi, const Vector<Scalar>& theta0,
                                              const Scalar& radius);

/// A bound on ||J(a) - J(b)|| for all a, b in R^p, J = diag(phi'(X theta)) X:
/// ||diag(phi'(X a) - phi'(X b)) X|| <= (Gamma - gamma) ||X|| (Assumption 2(a)).
template <class Scalar>
CertifiedConstant<Scalar> glm_jacobian_deviation(const Matrix<Scalar>& x, const Activation<Scalar>& phi);

/// Assumption 1/2 constants of a GLM over D = B(theta0, R), from the slope
/// ranges on the intervals I_i (J = diag(phi'(X theta)) X; ball_glm_bounds,
/// clipped to the global constants when phi is increasing):
///   alpha = min_i min phi'(I_i) sigma_min(X),  beta = max_i max phi'(I_i) ||X||,
///   deviation (2(a)) = max_i (max - min phi'(I_i)) ||X||,
///   L (2(b)) = max_i max |phi''(I_i)| ||X||_{2,inf} ||X||;
/// certified (Weyl-shifted singular values, widened intervals). Never worse
/// than glm_bounds / glm_jacobian_deviation, which hold on all of R^p.
template <class Scalar>
struct BallConstants {
  Scalar alpha = 0, beta = 0, deviation = 0, lipschitz = 0;
  std::string derivation;
};
template <class Scalar>
BallConstants<Scalar> glm_ball_constants(const Matrix<Scalar>& x, const Activation<Scalar>& phi,
                                         const Vector<Scalar>& theta0, const Scalar& radius);

extern template CertifiedConstant<double> glm_loss_smoothness(const Matrix<double>&, const Vector<double>&,
                                                              const Activation<double>&, const Vector<double>&,
                                                              const double&);
extern template CertifiedConstant<Mp50> glm_loss_smoothness(const Matrix<Mp50>&, const Vector<Mp50>&,
                                                            const Activation<Mp50>&, const Vector<Mp50>&,
                                                            const Mp50&);
extern template CertifiedConstant<Mp100> glm_loss_smoothness(const Matrix<Mp100>&, const Vector<Mp100>&,
                                                             const Activation<Mp100>&, const Vector<Mp100>&,
                                                             const Mp100&);
extern template CertifiedConstant<double> glm_jacobian_deviation(const Matrix<double>&, const Activation<double>&);
extern template CertifiedConstant<Mp50> glm_jacobian_deviation(const Matrix<Mp50>&, const Activation<Mp50>&);
extern template CertifiedConstant<Mp100> glm_jacobian_deviation(const Matrix<Mp100>&, const Activation<Mp100>&);
extern template BallConstants<double> glm_ball_constants(const Matrix<double>&, const Activation<double>&,
                                                         const Vector<double>&, const double&);
extern template BallConstants<Mp50> glm_ball_constants(const Matrix<Mp50>&, const Activation<Mp50>&,
                                                       const Vector<Mp50>&, const Mp50&);
extern template BallConstants<Mp100> glm_ball_constants(const Matrix<Mp100>&, const Activation<Mp100>&,
                                                        const Vector<Mp100>&, const Mp100&);

}  // namespace thmcheck::os19
