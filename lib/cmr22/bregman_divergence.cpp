#include "thmcheck/cmr22/bregman_divergence.hpp"

#include <cmath>

namespace thmcheck::cmr22 {

template <class S>
S bregman_f(const Vector<S>& x, int depth) {
  using std::log;
  using std::pow;
  S sum = 0;
  for (Eigen::Index i = 0; i < x.size(); ++i) {
    if (depth == 2) {
      sum += (x(i) > 0 ? S(x(i) * log(x(i))) : S(0)) - x(i);
    } else {
      sum += pow(x(i), S(2) / depth);
    }
  }
  return depth == 2 ? S(sum / 2) : S(S(depth) / (2 * S(2 - depth)) * sum);
}

template <class S>
Vector<S> bregman_grad(const Vector<S>& x, int depth) {
  using std::log;
  using std::pow;
  Vector<S> g(x.size());
  for (Eigen::Index i = 0; i < x.size(); ++i) {
    g(i) = depth == 2 ? S(log(x(i)) / 2) : S(pow(x(i), S(2) / depth - 1) / S(2 - depth));
  }
  return g;
}

template <class S>
S bregman_divergence(const Vector<S>& p, const Vector<S>& q, int depth) {
  return bregman_f(p, depth) - bregman_f(q, depth) - bregman_grad(q, depth).dot(p - q);
}

#define THMCHECK_CMR22_BREGMAN_DIVERGENCE_INSTANTIATE(S)        \
  template S bregman_f<S>(const Vector<S>&, int);               \
  template Vector<S> bregman_grad<S>(const Vector<S>&, int);    \
  template S bregman_divergence<S>(const Vector<S>&, const Vector<S>&, int);
THMCHECK_CMR22_BREGMAN_DIVERGENCE_INSTANTIATE(double)
THMCHECK_CMR22_BREGMAN_DIVERGENCE_INSTANTIATE(Mp50)
THMCHECK_CMR22_BREGMAN_DIVERGENCE_INSTANTIATE(Mp100)
#undef THMCHECK_CMR22_BREGMAN_DIVERGENCE_INSTANTIATE

}  // namespace thmcheck::cmr22
