#include "thmcheck/cmr22/factorized_loss.hpp"

#include <Eigen/Dense>

namespace thmcheck::cmr22 {

template <class Scalar>
Vector<Scalar> hadamard_power(const Vector<Scalar>& z, int power) {
  Vector<Scalar> out = Vector<Scalar>::Ones(z.size());
  for (int k = 0; k < power; ++k) out = out.cwiseProduct(z);
  return out;
}

template <class Scalar>
Vector<Scalar> ReducedLoss<Scalar>::product(const Vector<Scalar>& theta) const {
  return hadamard_power(theta, depth);
}
template <class Scalar>
Scalar ReducedLoss<Scalar>::loss(const Vector<Scalar>& theta) const {
  return (a * product(theta) - y).squaredNorm() / 2;
}
template <class Scalar>
Vector<Scalar> ReducedLoss<Scalar>::gradient(const Vector<Scalar>& theta) const {
  const Vector<Scalar> back = a.transpose() * (a * product(theta) - y);
  return Scalar(depth) * back.cwiseProduct(hadamard_power(theta, depth - 1));
}

template <class Scalar>
Vector<Scalar> ReducedLossPm<Scalar>::product(const Vector<Scalar>& theta) const {
  const Eigen::Index n = dimension();
  return hadamard_power<Scalar>(theta.head(n), depth) - hadamard_power<Scalar>(theta.tail(n), depth);
}
template <class Scalar>
Scalar ReducedLossPm<Scalar>::loss(const Vector<Scalar>& theta) const {
  return (a * product(theta) - y).squaredNorm() / 2;
}
template <class Scalar>
Vector<Scalar> ReducedLossPm<Scalar>::gradient(const Vector<Scalar>& theta) const {
  const Eigen::Index n = dimension();
  const Vector<Scalar> back = a.transpose() * (a * product(theta) - y);
  Vector<Scalar> g(2 * n);
  g.head(n) = Scalar(depth) * back.cwiseProduct(hadamard_power<Scalar>(theta.head(n), depth - 1));
  g.tail(n) = -Scalar(depth) * back.cwiseProduct(hadamard_power<Scalar>(theta.tail(n), depth - 1));
  return g;
}

namespace {
// prod_{l != skip} theta.segment(offset + l n, n); skip = -1 multiplies all.
template <class Scalar>
Vector<Scalar> factor_product(const Vector<Scalar>& theta, Eigen::Index offset, Eigen::Index n,
                              int depth, int skip) {
  Vector<Scalar> out = Vector<Scalar>::Ones(n);
  for (int l = 0; l < depth; ++l) {
    if (l != skip) out = out.cwiseProduct(theta.segment(offset + l * n, n));
  }
  return out;
}
}  // namespace

template <class Scalar>
Vector<Scalar> OverLoss<Scalar>::product(const Vector<Scalar>& theta) const {
  return factor_product<Scalar>(theta, 0, dimension(), depth, -1);
}
template <class Scalar>
Scalar OverLoss<Scalar>::loss(const Vector<Scalar>& theta) const {
  return (a * product(theta) - y).squaredNorm() / 2;
}
template <class Scalar>
Vector<Scalar> OverLoss<Scalar>::gradient(const Vector<Scalar>& theta) const {
  const Eigen::Index n = dimension();
  const Vector<Scalar> back = a.transpose() * (a * product(theta) - y);
  Vector<Scalar> g(depth * n);
  for (int k = 0; k < depth; ++k) {
    // Lemma A.1: the product of all factors but the k-th, formed without
    // division so zero entries are handled.
    g.segment(k * n, n) = back.cwiseProduct(factor_product<Scalar>(theta, 0, n, depth, k));
  }
  return g;
}

template <class Scalar>
Vector<Scalar> OverLossPm<Scalar>::product(const Vector<Scalar>& theta) const {
  const Eigen::Index n = dimension();
  return factor_product<Scalar>(theta, 0, n, depth, -1) -
         factor_product<Scalar>(theta, depth * n, n, depth, -1);
}
template <class Scalar>
Scalar OverLossPm<Scalar>::loss(const Vector<Scalar>& theta) const {
  return (a * product(theta) - y).squaredNorm() / 2;
}
template <class Scalar>
Vector<Scalar> OverLossPm<Scalar>::gradient(const Vector<Scalar>& theta) const {
  const Eigen::Index n = dimension();
  const Vector<Scalar> back = a.transpose() * (a * product(theta) - y);
  Vector<Scalar> g(2 * depth * n);
  for (int k = 0; k < depth; ++k) {
    g.segment(k * n, n) = back.cwiseProduct(factor_product<Scalar>(theta, 0, n, depth, k));
    g.segment((depth + k) * n, n) =
        -back.cwiseProduct(factor_product<Scalar>(theta, depth * n, n, depth, k));
  }
  return g;
}

template <class Scalar>
Vector<Scalar> replicate_factors(const Vector<Scalar>& x0, int depth) {
  Vector<Scalar> out(depth * x0.size());
  for (int k = 0; k < depth; ++k) out.segment(k * x0.size(), x0.size()) = x0;
  return out;
}

#define THMCHECK_CMR22_LOSS_INSTANTIATE(S)                              \
  template Vector<S> hadamard_power<S>(const Vector<S>&, int);          \
  template struct ReducedLoss<S>;                                       \
  template struct ReducedLossPm<S>;                                     \
  template struct OverLoss<S>;                                          \
  template struct OverLossPm<S>;                                        \
  template Vector<S> replicate_factors<S>(const Vector<S>&, int);
THMCHECK_CMR22_LOSS_INSTANTIATE(double)
THMCHECK_CMR22_LOSS_INSTANTIATE(Mp50)
THMCHECK_CMR22_LOSS_INSTANTIATE(Mp100)

}  // namespace thmcheck::cmr22
