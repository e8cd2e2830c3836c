#include "thmcheck/cmr22/g_terms.hpp"

#include <boost/math/constants/constants.hpp>
#include <cmath>

namespace thmcheck::cmr22 {

template <class S>
S g_term(const S& w, const S& a, int depth) {
  using std::log;
  using std::pow;
  if (depth == 2) return w == 0 ? S(0) : S(w * (log(w) - 1 - log(a)));
  const S l = S(depth);
  return 2 * w - l * pow(w, 2 / l) * pow(a, 1 - 2 / l);
}

template <class S>
S g_term_magnitude(const S& w, const S& a, int depth) {
  using std::abs;
  using std::log;
  using std::pow;
  if (depth == 2) return w == 0 ? S(0) : S(w * (abs(log(w)) + 1 + abs(log(a))));
  const S l = S(depth);
  return 2 * w + l * pow(w, 2 / l) * pow(a, 1 - 2 / l);
}

template <class S>
S g_derivative(const S& w, const S& a, int depth) {
  using std::log;
  using std::pow;
  if (depth == 2) return log(w) - log(a);
  const S l = S(depth);
  return 2 - 2 * pow(w, 2 / l - 1) * pow(a, 1 - 2 / l);
}

template <class S>
S g_zero(const S& a, int depth) {
  using std::pow;
  if (depth == 2) return boost::math::constants::e<S>() * a;
  const S l = S(depth);
  return pow(l / 2, l / (l - 2)) * a;
}

template <class S>
S g_minimum(const S& a, int depth) {
  return depth == 2 ? S(-a) : S(-(S(depth) - 2) * a);
}

template <class S>
S g_slope_at_zero(int depth) {
  return depth == 2 ? S(1) : S(2 * (S(depth) - 2) / S(depth));
}

#define THMCHECK_CMR22_G_TERMS_INSTANTIATE(S)              \
  template S g_term<S>(const S&, const S&, int);           \
  template S g_term_magnitude<S>(const S&, const S&, int); \
  template S g_derivative<S>(const S&, const S&, int);     \
  template S g_zero<S>(const S&, int);                     \
  template S g_minimum<S>(const S&, int);                  \
  template S g_slope_at_zero<S>(int);
THMCHECK_CMR22_G_TERMS_INSTANTIATE(double)
THMCHECK_CMR22_G_TERMS_INSTANTIATE(Mp50)
THMCHECK_CMR22_G_TERMS_INSTANTIATE(Mp100)

}  // namespace thmcheck::cmr22
