#include "thmcheck/mf22/q_coefficient.hpp"

#include <algorithm>
#include <cmath>

namespace thmcheck::mf22 {

QCoefficient q_coefficient(const Vector<double>& proj, const Vector<double>& inner,
                           const std::vector<int>& in_s) {
  const Eigen::Index m = proj.size();
  double sum[2] = {0, 0}, sum2[2] = {0, 0};
  long count[2] = {0, 0};
  for (Eigen::Index i = 0; i < m; ++i) {
    const double sgn = inner(i) > 0 ? 1.0 : (inner(i) < 0 ? -1.0 : 0.0);
    const double a = sgn * proj(i);
    sum[in_s[i]] += a;
    sum2[in_s[i]] += a * a;
    ++count[in_s[i]];
  }
  double var = 0;
  for (int s = 0; s < 2; ++s) {
    if (count[s] > 1) {
      const double mean = sum[s] / count[s];
      var += count[s] * (sum2[s] - count[s] * mean * mean) / (count[s] - 1);
    }
  }
  return {(sum[0] + sum[1]) / m, std::sqrt(std::max(var, 0.0)) / m};
}

}  // namespace thmcheck::mf22
