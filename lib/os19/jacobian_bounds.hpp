// Constants of os19 Assumptions 1 and 2 for the GLM and the one-hidden-layer
// network, derived in closed form from the activation constants and the data
// matrix, valid on all of R^p (hence on every ball D):
//   alpha = gamma sigma_min(X),  beta = Gamma ||X||        (Sections 9.5, 9.7)
//   L     = M ||X||_{2,inf} ||X||                          (Section 9.7)
//   B     = Gamma ||X||_{2,inf}  (row bound of J, Theorem 3.1)
// Linear regression is the GLM with phi = identity (alpha = sigma_min(X),
// beta = ||X||, L = 0).
#pragma once

#include <string>

#include "thmcheck/engine/claim.hpp"
#include "thmcheck/numerics/scalar.hpp"
#include "thmcheck/os19/activation.hpp"

namespace thmcheck::os19 {

/// Singular-value facts of a data matrix, as certified enclosures: the
/// computed value shifted by an error bound so that
/// sigma_min_lower <= sigma_min(X) and ||X|| <= norm_upper.
template <class Scalar>
struct MatrixBounds {
  Scalar sigma_min_lower = 0;  ///< <= sigma_min(X) (0 when n > p)
  Scalar norm_upper = 0;       ///< >= ||X||
  Scalar row_norm_upper = 0;   ///< >= ||X||_{2,inf} (largest row norm)
  Scalar frobenius = 0;        ///< ||X||_F (computed)
  Scalar shift = 0;            ///< error bound used for the shifts
};

/// Computes MatrixBounds. Error model: by Weyl's inequality the singular values
/// of the matrix actually decomposed differ from X's by at most the backward
/// error of the method, c (n + p) u ||X||_F for the Jacobi SVD and for the Gram
/// eigensolver (Higham, Accuracy and Stability, Thm 3.5 and Ch. 19/20 bounds);
/// we take shift = 4 (n + p + 10) u ||X||_F, a safety factor 4 over the bound.
template <class Scalar>
MatrixBounds<Scalar> matrix_bounds(const Matrix<Scalar>& x);

/// Assumption 1/2 constants on a set D with their provenance.
template <class Scalar>
struct JacobianBounds {
  Scalar alpha = 0;      ///< sigma_min(J(theta)) >= alpha on D
  Scalar beta = 0;       ///< ||J(theta)|| <= beta on D
  Scalar lipschitz = 0;  ///< ||J(a) - J(b)|| <= L ||a - b|| on D
  Scalar row_bound = 0;  ///< max_i ||J_i(theta)|| <= B on D
  Evidence evidence = Evidence::kCertified;
  std::string derivation;  ///< how they were obtained (for hypothesis details)
};

/// GLM f = phi(X theta): alpha = gamma sigma_min(X), beta = Gamma ||X||,
/// L = M ||X||_{2,inf} ||X||, B = Gamma ||X||_{2,inf}; certified, on R^p.
/// Proof of L: ||(diag(phi'(X a)) - diag(phi'(X b))) X|| <= max_i |phi'(x_i a) -
/// phi'(x_i b)| ||X|| <= M max_i |x_i (a - b)| ||X|| <= M ||X||_{2,inf} ||X|| ||a - b||.
template <class Scalar>
JacobianBounds<Scalar> glm_bounds(const Matrix<Scalar>& x, const Activation<Scalar>& phi);
/// glm_bounds from X's MatrixBounds, already computed (one SVD fewer).
template <class Scalar>
JacobianBounds<Scalar> glm_bounds(const MatrixBounds<Scalar>& m, const Activation<Scalar>& phi);

/// Network v^T phi(W x): alpha = gamma sigma_min(X) ||v||, beta = Gamma ||X|| ||v||,
/// L = M ||X||_{2,inf} ||X|| ||v|| (Section 9.7 with general ||v||),
/// B = Gamma ||X||_{2,inf} ||v||; certified, on R^{kd}.
template <class Scalar>
JacobianBounds<Scalar> network_bounds(const Matrix<Scalar>& x, const Vector<Scalar>& v,
                                      const Activation<Scalar>& phi);

/// Estimated Assumption 1 constants at one point: sigma_min(J) and ||J|| of a
/// computed Jacobian (labelled estimated; used e.g. for Theorem 2.2's
/// conditions at theta0, with the same Weyl shift as matrix_bounds).
template <class Scalar>
MatrixBounds<Scalar> jacobian_at_point(const Matrix<Scalar>& j);

extern template MatrixBounds<double> matrix_bounds(const Matrix<double>&);
extern template MatrixBounds<Mp50> matrix_bounds(const Matrix<Mp50>&);
extern template MatrixBounds<Mp100> matrix_bounds(const Matrix<Mp100>&);
extern template JacobianBounds<double> glm_bounds(const Matrix<double>&, const Activation<double>&);
extern template JacobianBounds<double> glm_bounds(const MatrixBounds<double>&, const Activation<double>&);
extern template JacobianBounds<Mp50> glm_bounds(const MatrixBounds<Mp50>&, const Activation<Mp50>&);
extern template JacobianBounds<Mp100> glm_bounds(const MatrixBounds<Mp100>&, const Activation<Mp100>&);
extern template JacobianBounds<Mp50> glm_bounds(const Matrix<Mp50>&, const Activation<Mp50>&);
extern template JacobianBounds<Mp100> glm_bounds(const Matrix<Mp100>&, const Activation<Mp100>&);
extern template JacobianBounds<double> network_bounds(const Matrix<double>&, const Vector<double>&,
                                                      const Activation<double>&);
extern template JacobianBounds<Mp50> network_bounds(const Matrix<Mp50>&, const Vector<Mp50>&,
                                                    const Activation<Mp50>&);
extern template JacobianBounds<Mp100> network_bounds(const Matrix<Mp100>&, const Vector<Mp100>&,
                                                     const Activation<Mp100>&);

}  // namespace thmcheck::os19
