#include "thmcheck/cmr22/direct_flow_levels.hpp"

#include <algorithm>
#include <cmath>

namespace thmcheck::cmr22 {

template <class S>
S direct_flow_tolerance() {
  using std::max;
  using std::pow;
  return max(S(pow(unit_roundoff<S>(), S(2) / 3)), S(S(1) / S(1e16)));
}

template <class S>
std::vector<S> direct_flow_levels() {
  const S last = direct_flow_tolerance<S>();
  const S first = S(direct_flow_tolerance<double>()) / (unit_roundoff<S>() < S(1e-80) ? S(10000) : S(100));
  if (last < first) return {first, last};
  return {last};
}

template <class S>
bool resolved_from_zero(const S& measured, const S& error) {
  return measured > 10 * error;
}

#define THMCHECK_CMR22_DIRECT_FLOW_LEVELS_INSTANTIATE(S) \
  template S direct_flow_tolerance<S>();                 \
  template std::vector<S> direct_flow_levels<S>();       \
  template bool resolved_from_zero<S>(const S&, const S&);
THMCHECK_CMR22_DIRECT_FLOW_LEVELS_INSTANTIATE(double)
THMCHECK_CMR22_DIRECT_FLOW_LEVELS_INSTANTIATE(Mp50)
THMCHECK_CMR22_DIRECT_FLOW_LEVELS_INSTANTIATE(Mp100)
#undef THMCHECK_CMR22_DIRECT_FLOW_LEVELS_INSTANTIATE

}  // namespace thmcheck::cmr22
