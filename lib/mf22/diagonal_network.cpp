#include "thmcheck/mf22/diagonal_network.hpp"

#include <cmath>

namespace thmcheck::mf22 {

template <class S>
Vector<S> layer_product(const Matrix<S>& w) {
  Vector<S> p = Vector<S>::Ones(w.rows());
  for (Eigen::Index j = 0; j < w.cols(); ++j) p = p.cwiseProduct(w.col(j));
  return p;
}

template <class S>
S l1_loss_of_product(const DiagonalNetworkProblem<S>& problem, const Vector<S>& theta) {
  return (problem.x * theta - problem.y).cwiseAbs().sum() / S(static_cast<double>(problem.x.rows()));
}

template <class S>
S l1_loss(const DiagonalNetworkProblem<S>& problem, const Matrix<S>& w) {
  return l1_loss_of_product(problem, layer_product(w));
}

namespace {

/// Column i: g (.) prod_{k != i} w_k, via prefix and suffix products (no
/// division, so zero weights are handled exactly).
template <class S>
Matrix<S> chain_rule(const Vector<S>& g, const Matrix<S>& w) {
  const Eigen::Index d = w.rows(), n = w.cols();
  Matrix<S> out(d, n);
  Vector<S> prefix = Vector<S>::Ones(d);
  for (Eigen::Index i = 0; i < n; ++i) {
    out.col(i) = prefix;
    prefix = prefix.cwiseProduct(w.col(i));
  }
  Vector<S> suffix = Vector<S>::Ones(d);
  for (Eigen::Index i = n - 1; i >= 0; --i) {
    out.col(i) = out.col(i).cwiseProduct(suffix).cwiseProduct(g);
    suffix = suffix.cwiseProduct(w.col(i));
  }
  return out;
}

template <class S>
Vector<S> theta_subgradient(const DiagonalNetworkProblem<S>& problem, const Matrix<S>& w) {
  const Vector<S> r = problem.x * layer_product(w) - problem.y;
  const Vector<S> s = r.unaryExpr([](const S& v) { return v > 0 ? S(1) : (v < 0 ? S(-1) : S(0)); });
  return problem.x.transpose() * s / S(static_cast<double>(problem.x.rows()));
}

}  // namespace

template <class S>
Matrix<S> l1_subgradient(const DiagonalNetworkProblem<S>& problem, const Matrix<S>& w) {
  return chain_rule<S>(theta_subgradient(problem, w), w);
}

template <class S>
Matrix<S> l1_subgradient_as_printed(const DiagonalNetworkProblem<S>& problem, const Matrix<S>& w) {
  // Sign(y - <prod w, x>) = -Sign(<prod w, x> - y).
  return chain_rule<S>(Vector<S>(-theta_subgradient(problem, w)), w);
}

template <class S>
S balancedness(const Matrix<S>& w) {
  S worst = 0;
  for (Eigen::Index i = 0; i < w.cols(); ++i)
    for (Eigen::Index j = i + 1; j < w.cols(); ++j)
      worst = std::max(worst, S((w.col(i) - w.col(j)).cwiseAbs().maxCoeff()));
  return worst;
}

template <class S>
Matrix<S> small_initialization(Eigen::Index d, int layers, const S& alpha) {
  using std::pow;
  return Matrix<S>::Constant(d, layers, pow(alpha, S(1) / S(layers)));
}

template <class S>
Matrix<S> balanced_solution(const Vector<S>& theta_star, int layers) {
  using std::pow;
  Matrix<S> w(theta_star.size(), layers);
  for (Eigen::Index j = 0; j < theta_star.size(); ++j) {
    const S root = theta_star(j) > 0 ? S(pow(theta_star(j), S(1) / S(layers))) : S(0);
    w.row(j).setConstant(root);
  }
  return w;
}

#define THMCHECK_MF22_DN_DEFINE(S)                                                     \
  template Vector<S> layer_product<S>(const Matrix<S>&);                               \
  template S l1_loss_of_product<S>(const DiagonalNetworkProblem<S>&, const Vector<S>&); \
  template S l1_loss<S>(const DiagonalNetworkProblem<S>&, const Matrix<S>&);           \
  template Matrix<S> l1_subgradient<S>(const DiagonalNetworkProblem<S>&, const Matrix<S>&); \
  template Matrix<S> l1_subgradient_as_printed<S>(const DiagonalNetworkProblem<S>&,    \
                                                  const Matrix<S>&);                   \
  template S balancedness<S>(const Matrix<S>&);                                        \
  template Matrix<S> small_initialization<S>(Eigen::Index, int, const S&);             \
  template Matrix<S> balanced_solution<S>(const Vector<S>&, int);
THMCHECK_MF22_DN_DEFINE(double)
THMCHECK_MF22_DN_DEFINE(Mp50)
THMCHECK_MF22_DN_DEFINE(Mp100)

}  // namespace thmcheck::mf22
