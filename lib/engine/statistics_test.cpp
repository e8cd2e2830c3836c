#include "thmcheck/engine/statistics.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace thmcheck {
namespace {

// Reference values: Wilson (1927) score interval, z = 1.959964, computed by
// hand from the closed form (also in Agresti & Coull 1998, Table 1 style).
TEST(StatisticsTest, WilsonIntervalMatchesClosedForm) {
  auto [lo0, hi0] = wilson_interval(0, 10);
  EXPECT_DOUBLE_EQ(lo0, 0.0);
  EXPECT_NEAR(hi0, 0.27753, 5e-5);
  auto [lo5, hi5] = wilson_interval(5, 10);
  EXPECT_NEAR(lo5, 0.23659, 5e-5);
  EXPECT_NEAR(hi5, 0.76341, 5e-5);
  auto [lo, hi] = wilson_interval(100, 100);
  EXPECT_NEAR(lo, 0.96301, 5e-5);
  EXPECT_DOUBLE_EQ(hi, 1.0);
  auto [elo, ehi] = wilson_interval(0, 0);
  EXPECT_EQ(elo, 0.0);
  EXPECT_EQ(ehi, 1.0);
}

TEST(StatisticsTest, StudentQuantileMatchesTables) {
  EXPECT_NEAR(student_t_975(1), 12.7062, 1e-4);
  EXPECT_NEAR(student_t_975(10), 2.2281, 1e-4);
  EXPECT_NEAR(student_t_975(1000), 1.9623, 1e-4);
}

TEST(StatisticsTest, LogLogFitRecoversAnExactPowerLaw) {
  std::vector<std::pair<double, double>> pts;
  for (int i = 1; i <= 10; ++i) pts.emplace_back(std::log(i), std::log(5.0) - 1.5 * std::log(i));
  LogLogFit fit = fit_log_log(pts);
  ASSERT_TRUE(fit.valid());
  EXPECT_NEAR(fit.exponent, -1.5, 1e-12);
  EXPECT_NEAR(fit.intercept, std::log(5.0), 1e-12);
  EXPECT_NEAR(fit.exponent_low, -1.5, 1e-6);  // zero residuals: zero-width interval
  EXPECT_NEAR(fit.r_squared, 1.0, 1e-12);
}

TEST(StatisticsTest, LogLogFitIntervalCoversNoisySlope) {
  // Deterministic +-0.1 noise around slope 2: the interval must contain 2 and
  // have positive width.
  std::vector<std::pair<double, double>> pts;
  for (int i = 1; i <= 20; ++i) pts.emplace_back(std::log(i), 2 * std::log(i) + (i % 2 ? 0.1 : -0.1));
  LogLogFit fit = fit_log_log(pts);
  EXPECT_LT(fit.exponent_low, 2.0);
  EXPECT_GT(fit.exponent_high, 2.0);
  EXPECT_GT(fit.exponent_high - fit.exponent_low, 0.0);
  EXPECT_FALSE(fit_log_log({{0.0, 1.0}, {1.0, 2.0}}).valid());
}

}  // namespace
}  // namespace thmcheck
