// Statistics the check engine reports: Wilson intervals for pass rates and
// frequencies, and least-squares log-log fits for scaling laws.
#pragma once

#include <utility>
#include <vector>

namespace thmcheck {

/// 95% Wilson score interval for a binomial proportion successes/trials
/// (Wilson 1927; z = 1.959964). Returns {0, 1} when trials == 0.
std::pair<double, double> wilson_interval(long successes, long trials, double z = 1.959963984540054);

/// Result of fitting log y = a + k log x by ordinary least squares.
struct LogLogFit {
  long points = 0;
  double exponent = 0;   ///< k
  double intercept = 0;  ///< a (natural log)
  /// 95% confidence interval of k from the t distribution with points - 2
  /// degrees of freedom; {-inf, inf} with fewer than 3 points.
  double exponent_low = 0, exponent_high = 0;
  double r_squared = 0;
  bool valid() const { return points >= 3; }
};

/// Fits log y = a + k log x to points with x > 0 and y > 0 (others are
/// ignored). Logs are taken in the caller's precision and passed as doubles.
LogLogFit fit_log_log(const std::vector<std::pair<double, double>>& log_points);

/// Two-sided 97.5% quantile of Student's t with `dof` degrees of freedom.
double student_t_975(long dof);

}  // namespace thmcheck
