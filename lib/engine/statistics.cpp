#include "thmcheck/engine/statistics.hpp"

#include <boost/math/distributions/students_t.hpp>

#include <cmath>
#include <limits>

namespace thmcheck {

std::pair<double, double> wilson_interval(long successes, long trials, double z) {
  if (trials <= 0) return {0.0, 1.0};
  const double n = static_cast<double>(trials);
  const double p = static_cast<double>(successes) / n;
  const double z2 = z * z;
  const double center = (p + z2 / (2 * n)) / (1 + z2 / n);
  const double half = z / (1 + z2 / n) * std::sqrt(p * (1 - p) / n + z2 / (4 * n * n));
  double lo = std::max(0.0, center - half);
  double hi = std::min(1.0, center + half);
  // The interval always contains the observed proportion; the extremes are exact.
  if (successes == 0) lo = 0.0;
  if (successes == trials) hi = 1.0;
  return {lo, hi};
}

double student_t_975(long dof) {
  boost::math::students_t dist(static_cast<double>(dof));
  return boost::math::quantile(dist, 0.975);
}

LogLogFit fit_log_log(const std::vector<std::pair<double, double>>& log_points) {
  LogLogFit fit;
  double sx = 0, sy = 0;
  long n = 0;
  for (const auto& [lx, ly] : log_points) {
    if (!std::isfinite(lx) || !std::isfinite(ly)) continue;
    sx += lx;
    sy += ly;
    ++n;
  }
  fit.points = n;
  const double inf = std::numeric_limits<double>::infinity();
  fit.exponent_low = -inf;
  fit.exponent_high = inf;
  if (n < 2) return fit;
  const double mx = sx / n, my = sy / n;
  double sxx = 0, sxy = 0, syy = 0;
  for (const auto& [lx, ly] : log_points) {
    if (!std::isfinite(lx) || !std::isfinite(ly)) continue;
    sxx += (lx - mx) * (lx - mx);
    sxy += (lx - mx) * (ly - my);
    syy += (ly - my) * (ly - my);
  }
  if (sxx <= 0) {
    fit.points = n;
    fit.exponent = std::nan("");
    return fit;
  }
  fit.exponent = sxy / sxx;
  fit.intercept = my - fit.exponent * mx;
  const double sse = std::max(0.0, syy - fit.exponent * sxy);
  fit.r_squared = syy > 0 ? 1 - sse / syy : 1.0;
  if (n >= 3) {
    const double se = std::sqrt(sse / (n - 2) / sxx);
    const double t = student_t_975(n - 2);
    fit.exponent_low = fit.exponent - t * se;
    fit.exponent_high = fit.exponent + t * se;
  }
  return fit;
}

}  // namespace thmcheck
