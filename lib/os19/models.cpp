#include "thmcheck/os19/models.hpp"

namespace thmcheck::os19 {

// ---- GLM.

template <class S>
Vector<S> GlmModel<S>::predict(const Vector<S>& theta) const {
  Vector<S> z = x_ * theta;
  for (Eigen::Index i = 0; i < z.size(); ++i) z(i) = phi_.value(z(i));
  return z;
}
template <class S>
Vector<S> GlmModel<S>::residual(const Vector<S>& theta) const {
  return predict(theta) - y_;
}
template <class S>
Matrix<S> GlmModel<S>::jacobian(const Vector<S>& theta) const {
  Vector<S> z = x_ * theta;
  Matrix<S> j = x_;
  for (Eigen::Index i = 0; i < z.size(); ++i) j.row(i) *= phi_.derivative(z(i));
  return j;
}
template <class S>
S GlmModel<S>::loss(const Vector<S>& theta) const {
  return residual(theta).squaredNorm() / 2;
}
template <class S>
Vector<S> GlmModel<S>::gradient(const Vector<S>& theta) const {
  Vector<S> z = x_ * theta;
  Vector<S> w(z.size());
  for (Eigen::Index i = 0; i < z.size(); ++i) {
    w(i) = phi_.derivative(z(i)) * (phi_.value(z(i)) - y_(i));
  }
  return x_.transpose() * w;
}
template <class S>
Vector<S> GlmModel<S>::sample_gradient(const Vector<S>& theta, Eigen::Index i) const {
  const S z = x_.row(i).dot(theta);
  return ((phi_.value(z) - y_(i)) * phi_.derivative(z)) * x_.row(i).transpose();
}

// ---- One-hidden-layer network.

template <class S>
Matrix<S> NetworkModel<S>::weights(const Vector<S>& theta) const {
  const Eigen::Index k = hidden(), d = x_.cols();
  Matrix<S> w(k, d);
  for (Eigen::Index l = 0; l < k; ++l) w.row(l) = theta.segment(l * d, d).transpose();
  return w;
}
template <class S>
Vector<S> NetworkModel<S>::predict(const Vector<S>& theta) const {
  Matrix<S> z = x_ * weights(theta).transpose();  // n x k, z(i, l) = <w_l, x_i>
  Vector<S> f = Vector<S>::Zero(x_.rows());
  for (Eigen::Index i = 0; i < z.rows(); ++i) {
    for (Eigen::Index l = 0; l < z.cols(); ++l) f(i) += v_(l) * phi_.value(z(i, l));
  }
  return f;
}
template <class S>
Vector<S> NetworkModel<S>::residual(const Vector<S>& theta) const {
  return predict(theta) - y_;
}
template <class S>
Matrix<S> NetworkModel<S>::jacobian(const Vector<S>& theta) const {
  const Eigen::Index n = x_.rows(), d = x_.cols(), k = hidden();
  Matrix<S> z = x_ * weights(theta).transpose();
  Matrix<S> j(n, k * d);
  for (Eigen::Index l = 0; l < k; ++l) {
    for (Eigen::Index i = 0; i < n; ++i) {
      j.block(i, l * d, 1, d) = (v_(l) * phi_.derivative(z(i, l))) * x_.row(i);
    }
  }
  return j;
}
template <class S>
S NetworkModel<S>::loss(const Vector<S>& theta) const {
  return residual(theta).squaredNorm() / 2;
}
template <class S>
Vector<S> NetworkModel<S>::gradient(const Vector<S>& theta) const {
  return jacobian(theta).transpose() * residual(theta);
}

// ---- Low-rank regression.

template <class S>
Matrix<S> LowRankModel<S>::factor(const Vector<S>& theta) const {
  const Eigen::Index d = dimension();
  Matrix<S> t(d, rank_);
  for (Eigen::Index c = 0; c < rank_; ++c) t.col(c) = theta.segment(c * d, d);
  return t;
}
template <class S>
Vector<S> LowRankModel<S>::predict(const Vector<S>& theta) const {
  // f_i = <X_i, Theta Theta^T>: one d x d product, then n inner products.
  const Matrix<S> t = factor(theta);
  const Matrix<S> p = t * t.transpose();
  Vector<S> f(samples());
  for (Eigen::Index i = 0; i < samples(); ++i) f(i) = x_[i].cwiseProduct(p).sum();
  return f;
}
template <class S>
Vector<S> LowRankModel<S>::residual(const Vector<S>& theta) const {
  return predict(theta) - y_;
}
template <class S>
Matrix<S> LowRankModel<S>::jacobian(const Vector<S>& theta) const {
  const Matrix<S> t = factor(theta);
  const Eigen::Index d = dimension();
  Matrix<S> j(samples(), d * rank_);
  for (Eigen::Index i = 0; i < samples(); ++i) {
    Matrix<S> g = (x_[i] + x_[i].transpose()) * t;
    for (Eigen::Index c = 0; c < rank_; ++c) j.block(i, c * d, 1, d) = g.col(c).transpose();
  }
  return j;
}
template <class S>
S LowRankModel<S>::loss(const Vector<S>& theta) const {
  return residual(theta).squaredNorm() / 2;
}
template <class S>
Vector<S> LowRankModel<S>::gradient(const Vector<S>& theta) const {
  // J^T r = vec((M + M^T) Theta) with M = sum_i r_i X_i (the Jacobian rows
  // summed without forming J).
  const Vector<S> r = residual(theta);
  const Eigen::Index d = dimension();
  Matrix<S> m = Matrix<S>::Zero(d, d);
  for (Eigen::Index i = 0; i < samples(); ++i) m += r(i) * x_[i];
  const Matrix<S> g = (m + m.transpose()) * factor(theta);
  Vector<S> out(d * rank_);
  for (Eigen::Index c = 0; c < rank_; ++c) out.segment(c * d, d) = g.col(c);
  return out;
}

template class GlmModel<double>;
template class GlmModel<Mp50>;
template class GlmModel<Mp100>;
template class NetworkModel<double>;
template class NetworkModel<Mp50>;
template class NetworkModel<Mp100>;
template class LowRankModel<double>;
template class LowRankModel<Mp50>;
template class LowRankModel<Mp100>;

}  // namespace thmcheck::os19
