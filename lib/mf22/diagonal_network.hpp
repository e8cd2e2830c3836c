// The N-layer diagonal linear network of mf22 Section 2,
//   f_w(x) = <w_1 (.) ... (.) w_N, x>,
// with the l1 empirical risk (1) L(w) = (1/m) sum_i |<prod_j w_j, x_i> - y_i|
// and its sub-differential. Weights are a d x N matrix whose column j is w_j.
#pragma once

#include "thmcheck/numerics/scalar.hpp"

namespace thmcheck::mf22 {

/// Data (X, y) of the l1 regression problem (1).
template <class Scalar>
struct DiagonalNetworkProblem {
  Matrix<Scalar> x;  ///< m x d, rows x_i
  Vector<Scalar> y;  ///< m
};

/// prod_j w_j (Hadamard product of the columns of w).
template <class Scalar>
Vector<Scalar> layer_product(const Matrix<Scalar>& w);

/// (1/m) sum_i |<theta, x_i> - y_i|: the loss (1) as a function of theta = prod w.
template <class Scalar>
Scalar l1_loss_of_product(const DiagonalNetworkProblem<Scalar>& problem, const Vector<Scalar>& theta);

/// L(w), eq. (1).
template <class Scalar>
Scalar l1_loss(const DiagonalNetworkProblem<Scalar>& problem, const Matrix<Scalar>& w);

/// A sub-gradient of L at w (the chain rule through theta = prod w):
/// column i is (1/m) sum_j Sign(<prod w, x_j> - y_j) x_j (.) prod_{k != i} w_k,
/// with Sign(0) := 0. This is the element of the true sub-differential.
template <class Scalar>
Matrix<Scalar> l1_subgradient(const DiagonalNetworkProblem<Scalar>& problem, const Matrix<Scalar>& w);

/// Eq. (4) exactly as printed: (1/m) sum_j Sign(y_j - <prod w, x_j>) x_j (.)
/// prod_{k != i} w_k. Its sign is opposite to l1_subgradient (the printed
/// formula is the negative of the sub-gradient; Appendix D's updates (49)-(50)
/// use the correct descent direction).
template <class Scalar>
Matrix<Scalar> l1_subgradient_as_printed(const DiagonalNetworkProblem<Scalar>& problem,
                                         const Matrix<Scalar>& w);

/// Balancedness max_{i<j} ||w_i - w_j||_inf (Theorems 2 and 3); 0 for N = 1.
template <class Scalar>
Scalar balancedness(const Matrix<Scalar>& w);

/// The small initialization of Theorems 2-3: every w_j = alpha^{1/N} 1.
template <class Scalar>
Matrix<Scalar> small_initialization(Eigen::Index dimension, int layers, const Scalar& alpha);

/// The balanced true solution w* = (theta*^{1/N}, ..., theta*^{1/N}) (theta* >= 0).
template <class Scalar>
Matrix<Scalar> balanced_solution(const Vector<Scalar>& theta_star, int layers);

#define THMCHECK_MF22_DN_DECLARE(S)                                                           \
  extern template Vector<S> layer_product<S>(const Matrix<S>&);                               \
  extern template S l1_loss_of_product<S>(const DiagonalNetworkProblem<S>&, const Vector<S>&); \
  extern template S l1_loss<S>(const DiagonalNetworkProblem<S>&, const Matrix<S>&);           \
  extern template Matrix<S> l1_subgradient<S>(const DiagonalNetworkProblem<S>&, const Matrix<S>&); \
  extern template Matrix<S> l1_subgradient_as_printed<S>(const DiagonalNetworkProblem<S>&,    \
                                                         const Matrix<S>&);                   \
  extern template S balancedness<S>(const Matrix<S>&);                                        \
  extern template Matrix<S> small_initialization<S>(Eigen::Index, int, const S&);             \
  extern template Matrix<S> balanced_solution<S>(const Vector<S>&, int);
THMCHECK_MF22_DN_DECLARE(double)
THMCHECK_MF22_DN_DECLARE(Mp50)
THMCHECK_MF22_DN_DECLARE(Mp100)
#undef THMCHECK_MF22_DN_DECLARE

}  // namespace thmcheck::mf22
