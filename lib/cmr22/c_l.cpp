#include "thmcheck/cmr22/c_l.hpp"

#include <boost/math/constants/constants.hpp>
#include <cmath>

namespace thmcheck::cmr22 {

template <class S>
S c_l(int depth) {
  using std::pow;
  const S half = S(depth) / 2;
  if (depth == 2) return half + boost::math::constants::e<S>();
  return half + pow(half, S(depth) / S(depth - 2));
}
template double c_l<double>(int);
template Mp50 c_l<Mp50>(int);
template Mp100 c_l<Mp100>(int);

}  // namespace thmcheck::cmr22
