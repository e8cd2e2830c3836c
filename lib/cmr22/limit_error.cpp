#include "thmcheck/cmr22/limit_error.hpp"

#include <cmath>

namespace thmcheck::cmr22 {

template <class S>
S map_rounding(const MirrorMap<S>& map, const Vector<S>& w) {
  using std::abs;
  using std::pow;
  const S u = unit_roundoff<S>();
  const S l(map.depth);
  S total = 0;
  auto part = [&](const Vector<S>& p0, const S& sign) {
    for (Eigen::Index i = 0; i < w.size(); ++i) {
      const S wi = sign * w(i);
      if (p0(i) == 0) continue;  // the coordinate is exactly 0 (mirror_flow.cpp)
      if (map.depth == 2) {
        total += p0(i) * exp(-4 * wi) * (4 * abs(wi) + 2) * u;
      } else {
        const S b = pow(p0(i), (2 - l) / l);
        const S base = b + l * (l - 2) * wi;
        total += pow(base, -l / (l - 2)) * (l / (l - 2)) * (b + l * (l - 2) * abs(wi)) / base * u * 2;
      }
    }
  };
  part(map.u0_power, S(1));
  if (map.signed_case()) part(map.v0_power, S(-1));
  return total;
}

template <class S>
bool measurable(const MirrorFlowResult<S>& flow) {
  if (flow.ok()) return true;
  const bool budget = flow.status == FlowStatus::kMaxSteps || flow.status == FlowStatus::kMaxTime;
  return budget && flow.product.allFinite() && is_finite(flow.residual_norm) && flow.change >= 0 &&
         is_finite(flow.change);
}

#define THMCHECK_CMR22_LIMIT_ERROR_INSTANTIATE(S)                      \
  template S map_rounding<S>(const MirrorMap<S>&, const Vector<S>&); \
  template bool measurable<S>(const MirrorFlowResult<S>&);
THMCHECK_CMR22_LIMIT_ERROR_INSTANTIATE(double)
THMCHECK_CMR22_LIMIT_ERROR_INSTANTIATE(Mp50)
THMCHECK_CMR22_LIMIT_ERROR_INSTANTIATE(Mp100)
#undef THMCHECK_CMR22_LIMIT_ERROR_INSTANTIATE

}  // namespace thmcheck::cmr22
