// Factorized square losses of Chou, Maly & Rauhut (2022), "More is less:
// inducing sparsity via overparameterization" (cmr22), and their gradients.
//
// Every model works on one stacked parameter vector theta so that generic
// solvers (gradient_descent, gradient_flow) can run on it:
//   ReducedLoss         theta = x                      (N),    eq. (6)
//   ReducedLossPm       theta = [u; v]                 (2N),   eq. (7)
//   OverLoss            theta = [x^(1); ...; x^(L)]    (LN),   eq. (4)
//   OverLossPm          theta = [u^(1..L); v^(1..L)]   (2LN),  eq. (5)
// Each model has loss(theta), gradient(theta) and product(theta) = x~, the
// vector the paper calls x~ (the Hadamard product, or its +- difference).
#pragma once

#include <string>

#include "thmcheck/numerics/scalar.hpp"

namespace thmcheck::cmr22 {

/// z^{(.)L}, the L-th Hadamard power (cmr22 Section 1.5).
template <class Scalar>
Vector<Scalar> hadamard_power(const Vector<Scalar>& z, int power);

/// Reduced factorized loss, cmr22 eq. (6): L(x) = 1/2 ||A x^{(.)L} - y||^2, with
/// gradient L [A^T (A x^{(.)L} - y)] (.) x^{(.)(L-1)} (eq. (18)).
template <class Scalar>
struct ReducedLoss {
  Matrix<Scalar> a;
  Vector<Scalar> y;
  int depth = 2;  ///< L >= 2
  Eigen::Index dimension() const { return a.cols(); }
  Eigen::Index parameters() const { return a.cols(); }
  /// x~ = x^{(.)L}.
  Vector<Scalar> product(const Vector<Scalar>& theta) const;
  Scalar loss(const Vector<Scalar>& theta) const;
  Vector<Scalar> gradient(const Vector<Scalar>& theta) const;
};

/// Reduced signed loss, cmr22 eq. (7): L+-(u, v) = 1/2 ||A(u^{(.)L} - v^{(.)L}) - y||^2,
/// gradients per Appendix A.1: grad_u = L [A^T r] (.) u^{(.)(L-1)},
/// grad_v = -L [A^T r] (.) v^{(.)(L-1)}, r = A(u^L - v^L) - y. theta = [u; v].
template <class Scalar>
struct ReducedLossPm {
  Matrix<Scalar> a;
  Vector<Scalar> y;
  int depth = 2;
  Eigen::Index dimension() const { return a.cols(); }
  Eigen::Index parameters() const { return 2 * a.cols(); }
  /// x~ = u^{(.)L} - v^{(.)L}.
  Vector<Scalar> product(const Vector<Scalar>& theta) const;
  Scalar loss(const Vector<Scalar>& theta) const;
  Vector<Scalar> gradient(const Vector<Scalar>& theta) const;
};

/// Overparameterized loss, cmr22 eq. (4): 1/2 ||A (x^(1) (.) ... (.) x^(L)) - y||^2,
/// gradient per Lemma A.1, eq. (39): grad_{x^(k)} = [A^T (A x~ - y)] (.) x~_{k^c}.
/// theta = [x^(1); ...; x^(L)].
template <class Scalar>
struct OverLoss {
  Matrix<Scalar> a;
  Vector<Scalar> y;
  int depth = 2;
  Eigen::Index dimension() const { return a.cols(); }
  Eigen::Index parameters() const { return depth * a.cols(); }
  /// x~ = x^(1) (.) ... (.) x^(L).
  Vector<Scalar> product(const Vector<Scalar>& theta) const;
  Scalar loss(const Vector<Scalar>& theta) const;
  Vector<Scalar> gradient(const Vector<Scalar>& theta) const;
};

/// Overparameterized signed loss, cmr22 eq. (5):
/// 1/2 ||A (prod_k u^(k) - prod_k v^(k)) - y||^2; gradients by Lemma A.1:
/// grad_{u^(k)} = [A^T r] (.) u~_{k^c}, grad_{v^(k)} = -[A^T r] (.) v~_{k^c}.
/// theta = [u^(1); ...; u^(L); v^(1); ...; v^(L)].
template <class Scalar>
struct OverLossPm {
  Matrix<Scalar> a;
  Vector<Scalar> y;
  int depth = 2;
  Eigen::Index dimension() const { return a.cols(); }
  Eigen::Index parameters() const { return 2 * depth * a.cols(); }
  /// x~ = prod_k u^(k) - prod_k v^(k).
  Vector<Scalar> product(const Vector<Scalar>& theta) const;
  Scalar loss(const Vector<Scalar>& theta) const;
  Vector<Scalar> gradient(const Vector<Scalar>& theta) const;
};

/// [x0; ...; x0] (L copies): identical initialization of all factors (Lemma A.2).
template <class Scalar>
Vector<Scalar> replicate_factors(const Vector<Scalar>& x0, int depth);

#define THMCHECK_CMR22_LOSS_EXTERN(S)                                          \
  extern template Vector<S> hadamard_power<S>(const Vector<S>&, int);          \
  extern template struct ReducedLoss<S>;                                       \
  extern template struct ReducedLossPm<S>;                                     \
  extern template struct OverLoss<S>;                                          \
  extern template struct OverLossPm<S>;                                        \
  extern template Vector<S> replicate_factors<S>(const Vector<S>&, int);
THMCHECK_CMR22_LOSS_EXTERN(double)
THMCHECK_CMR22_LOSS_EXTERN(Mp50)
THMCHECK_CMR22_LOSS_EXTERN(Mp100)
#undef THMCHECK_CMR22_LOSS_EXTERN

}  // namespace thmcheck::cmr22
