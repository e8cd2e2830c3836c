#include "thmcheck/cmr22/bregman_rounding.hpp"

#include <cmath>

namespace thmcheck::cmr22 {

template <class S>
S bregman_magnitude(const Vector<S>& p, const Vector<S>& q, int depth) {
  using std::abs;
  using std::log;
  using std::pow;
  const auto f_abs = [depth](const S& x) {
    if (depth == 2) return x > 0 ? S(x * (abs(log(x)) + 1) / 2) : S(0);
    return S(S(depth) / (2 * S(depth - 2)) * pow(x, S(2) / depth));
  };
  S sum = 0;
  for (Eigen::Index i = 0; i < p.size(); ++i) {
    const S grad = depth == 2 ? S(abs(log(q(i))) / 2) : S(pow(q(i), S(2) / depth - 1) / S(depth - 2));
    sum += f_abs(p(i)) + f_abs(q(i)) + grad * (abs(p(i)) + abs(q(i)));
  }
  return sum;
}

template <class S>
S bregman_rounding(const Vector<S>& p, const Vector<S>& q, int depth) {
  return (3 * S(static_cast<long>(p.size())) + 10) * unit_roundoff<S>() * bregman_magnitude<S>(p, q, depth);
}

#define THMCHECK_CMR22_BREGMAN_ROUNDING_INSTANTIATE(S)                      \
  template S bregman_magnitude<S>(const Vector<S>&, const Vector<S>&, int); \
  template S bregman_rounding<S>(const Vector<S>&, const Vector<S>&, int);
THMCHECK_CMR22_BREGMAN_ROUNDING_INSTANTIATE(double)
THMCHECK_CMR22_BREGMAN_ROUNDING_INSTANTIATE(Mp50)
THMCHECK_CMR22_BREGMAN_ROUNDING_INSTANTIATE(Mp100)
#undef THMCHECK_CMR22_BREGMAN_ROUNDING_INSTANTIATE

}  // namespace thmcheck::cmr22
