// The N-layer ReLU network of mf22 Section 5 ("Deep ReLU Network on Synthetic
// Dataset"),
//   f_W(x) = W_N sigma(W_{N-1} ... sigma(W_1 x) ...),  sigma(z) = max{0, z},
// W_1 in R^{h x d}, W_2..W_{N-1} in R^{h x h}, W_N in R^{1 x h} (the paper's
// width is m), with the l1 empirical risk L(W) = (1/m) sum_i |y_i - f_W(x_i)|
// and one element of its sub-differential by back-propagation. Everything is
// computed for the whole batch at once: column i of X is x_i, so the forward
// pass is Z_1 = W_1 X, H_1 = sigma(Z_1), Z_j = W_j H_{j-1}, ..., f = W_N H_{N-1}.
#pragma once

#include <string>
#include <vector>

#include "thmcheck/numerics/scalar.hpp"

namespace thmcheck::mf22 {

/// Data of the l1 regression problem of Section 5: inputs as columns.
template <class Scalar>
struct ReluNetworkProblem {
  Matrix<Scalar> x;  ///< d x m, column i is x_i
  Vector<Scalar> y;  ///< m labels y_i
};

/// The weights W_1, ..., W_N (N >= 2) of an N-layer ReLU network.
template <class Scalar>
using ReluWeights = std::vector<Matrix<Scalar>>;

/// Empty when the weights form an N-layer network (N >= 2) on inputs of
/// dimension `input_dimension` with a scalar output, else the first problem.
template <class Scalar>
std::string relu_weights_problem(const ReluWeights<Scalar>& w, Eigen::Index input_dimension);

/// Buffers of one forward/backward pass (pre-activations Z_j, activations H_j
/// and the back-propagated signal), kept between calls so that a SubGM loop
/// does not allocate.
template <class Scalar>
struct ReluWorkspace {
  std::vector<Matrix<Scalar>> z, h;
  Matrix<Scalar> delta, back;
  Vector<Scalar> output, sign;
};

/// f_W(x_i) for every column x_i of x (a vector of x.cols() outputs).
/// Throws std::invalid_argument when relu_weights_problem is not empty.
template <class Scalar>
Vector<Scalar> relu_network_output(const ReluWeights<Scalar>& w, const Matrix<Scalar>& x);

/// L(W) = (1/m) sum_i |y_i - f_W(x_i)|, mf22 Section 5.
template <class Scalar>
Scalar relu_l1_loss(const ReluNetworkProblem<Scalar>& problem, const ReluWeights<Scalar>& w);

/// L(W) and, in `gradient` (resized to the shapes of w), the sub-gradient of
/// the chain rule with Sign(0) := 0 and sigma'(0) := 0: with s_i = Sign(f_W(x_i)
/// - y_i) / m, G_N = s H_{N-1}^T, Delta_{N-1} = (W_N^T s) .* [Z_{N-1} > 0],
/// G_j = Delta_j H_{j-1}^T (H_0 = X), Delta_{j-1} = (W_j^T Delta_j) .* [Z_{j-1} > 0].
/// Where no pre-activation and no residual is zero, L is differentiable and
/// this is its gradient.
template <class Scalar>
Scalar relu_l1_subgradient(const ReluNetworkProblem<Scalar>& problem, const ReluWeights<Scalar>& w,
                           ReluWeights<Scalar>& gradient, ReluWorkspace<Scalar>& workspace);

/// Smallest |pre-activation| over all hidden units and samples, and smallest
/// |residual f_W(x_i) - y_i|: how far W is from the kinks of L (the finite
/// difference test needs both well away from 0).
template <class Scalar>
struct ReluKinkDistance {
  Scalar pre_activation = 0;
  Scalar residual = 0;
};
template <class Scalar>
ReluKinkDistance<Scalar> relu_kink_distance(const ReluNetworkProblem<Scalar>& problem, const ReluWeights<Scalar>& w);

#define THMCHECK_MF22_RELU_DECLARE(S)                                                                    \
  extern template std::string relu_weights_problem<S>(const ReluWeights<S>&, Eigen::Index);            \
  extern template Vector<S> relu_network_output<S>(const ReluWeights<S>&, const Matrix<S>&);           \
  extern template S relu_l1_loss<S>(const ReluNetworkProblem<S>&, const ReluWeights<S>&);              \
  extern template S relu_l1_subgradient<S>(const ReluNetworkProblem<S>&, const ReluWeights<S>&,        \
                                           ReluWeights<S>&, ReluWorkspace<S>&);                        \
  extern template ReluKinkDistance<S> relu_kink_distance<S>(const ReluNetworkProblem<S>&, const ReluWeights<S>&);
THMCHECK_MF22_RELU_DECLARE(double)
THMCHECK_MF22_RELU_DECLARE(Mp50)
#undef THMCHECK_MF22_RELU_DECLARE

}  // namespace thmcheck::mf22
