// One gradient step theta+ = theta - eta grad L(theta) of a GLM least-squares
// loss and the objects os19 Lemmas 9.5 and 9.7 speak about: the potential of
// Definition 9.4, the average Jacobian of Definition 9.1 and the smallest
// generalized eigenvalue that decides C(theta) >= lambda J J^T.
#pragma once

#include "thmcheck/numerics/scalar.hpp"
#include "thmcheck/os19/activation.hpp"
#include "thmcheck/os19/models.hpp"

namespace thmcheck::os19 {

/// The slopes a_i of the average Jacobian J(theta+, theta) = diag(a) X of a GLM
/// (Definition 9.1): a_i = int_0^1 phi'(z_i + t (w_i - z_i)) dt with z = X theta,
/// w = X theta+, i.e. the divided difference (phi(w_i) - phi(z_i))/(w_i - z_i).
/// When |w_i - z_i| < sqrt(u) (1 + |z_i|) the midpoint slope phi'((z_i + w_i)/2)
/// is used instead (|error| <= M |w_i - z_i|/4 by |phi''| <= M).
template <class Scalar>
struct AverageSlopes {
  Vector<Scalar> a;
  /// max_i of the error bound of a_i: for the divided difference, the
  /// rounding of phi at both ends, 8 u (|z| + |w| + |phi(z)| + |phi(w)| + 2),
  /// over |w - z|; for the midpoint, M |w - z|/4 + 8 u (1 + |z|) (Gamma + M).
  Scalar error = 0;
};
template <class Scalar>
AverageSlopes<Scalar> glm_average_slopes(const Activation<Scalar>& phi, const Vector<Scalar>& z,
                                         const Vector<Scalar>& w);

/// min over x != 0 of x^T A x / x^T G x for symmetric A and positive definite G:
/// the smallest eigenvalue of L^{-1} A L^{-T}, G = L L^T (Cholesky). `ok` is
/// false when the Cholesky factorisation fails (G not positive definite at
/// this precision).
template <class Scalar>
struct GeneralizedMin {
  bool ok = false;
  Scalar value = 0;
};
template <class Scalar>
GeneralizedMin<Scalar> generalized_min_eigenvalue(const Matrix<Scalar>& a, const Matrix<Scalar>& g);

/// Potential of Definition 9.4: ||theta - theta0|| + ||f(theta) - y|| / zeta.
template <class Scalar>
Scalar potential(const GlmModel<Scalar>& model, const Vector<Scalar>& theta0, const Vector<Scalar>& theta,
                 const Scalar& zeta);

/// For generators: the largest t in [0, R / ||d||] found by bisection with
/// potential(theta0 + t d) <= ||f(theta0) - y|| / zeta, assuming the potential
/// minus R crosses zero once on (0, R/||d||] (it is 0 at t = 0); 0 when the
/// potential increases along d.
double potential_boundary(const GlmModel<double>& model, const Vector<double>& theta0, const Vector<double>& d,
                          double zeta);

extern template AverageSlopes<double> glm_average_slopes(const Activation<double>&, const Vector<double>&,
                                                         const Vector<double>&);
extern template AverageSlopes<Mp50> glm_average_slopes(const Activation<Mp50>&, const Vector<Mp50>&,
                                                       const Vector<Mp50>&);
extern template AverageSlopes<Mp100> glm_average_slopes(const Activation<Mp100>&, const Vector<Mp100>&,
                                                        const Vector<Mp100>&);
extern template GeneralizedMin<double> generalized_min_eigenvalue(const Matrix<double>&, const Matrix<double>&);
extern template GeneralizedMin<Mp50> generalized_min_eigenvalue(const Matrix<Mp50>&, const Matrix<Mp50>&);
extern template GeneralizedMin<Mp100> generalized_min_eigenvalue(const Matrix<Mp100>&, const Matrix<Mp100>&);
extern template double potential(const GlmModel<double>&, const Vector<double>&, const Vector<double>&,
                                 const double&);
extern template Mp50 potential(const GlmModel<Mp50>&, const Vector<Mp50>&, const Vector<Mp50>&, const Mp50&);
extern template Mp100 potential(const GlmModel<Mp100>&, const Vector<Mp100>&, const Vector<Mp100>&,
                                const Mp100&);

}  // namespace thmcheck::os19
