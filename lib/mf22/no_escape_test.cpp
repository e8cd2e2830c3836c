// no_escape_outcome (mf22.thm2.no-escape) against the long-escape measurement
// of mf22.thm2.error.as-proved (escape_error_outcome, window power 2) on the
// same instance (N = 2 and N = 3): the same x = (N) eta theta*_max, and since its horizon is
// kNoEscapeHorizon > 1 times that window, a maximum over a superset of the
// iterates, so at least as large; the horizon in the details is
// kNoEscapeHorizon sqrt(m (1-p)^2 / k).
#include "thmcheck/mf22/no_escape.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "thmcheck/engine/typed_instance_testing.hpp"
#include "thmcheck/mf22/convergence_sweeps.hpp"

namespace thmcheck::mf22 {
namespace {

std::string detail(const Outcome& o, const std::string& key) {
  for (const auto& [k, v] : o.details)
    if (k.rfind(key, 0) == 0) return v;
  return "";
}

TEST(Mf22NoEscape, MaximumOverALongerHorizonDominatesTheEscapeWindowsMaximum) {
  for (int k = 0; k < 4; ++k) {
    // k = 0..2: N = 2 (mf22.thm2.no-escape); k = 3: N = 3 (mf22.thm3.no-escape, x = N eta theta*_max).
    StepSweepInstance in = test_draw(k < 3 ? step_sweep_instances(/*deep=*/false) : deep_no_escape_instances(), 13000, k);
    in.alpha = Real::parse("1e-4");  // short runs: T ~ log(1/alpha)/eta
    const Outcome longer = no_escape_outcome<double>(in);
    const Outcome window = escape_error_outcome<double>(in, 2);
    ASSERT_TRUE(longer.ok) << longer.message;
    ASSERT_TRUE(window.ok) << window.message;
    ASSERT_EQ(longer.points.size(), window.points.size());
    for (std::size_t g = 0; g < longer.points.size(); ++g) {
      const double x = static_cast<double>(longer.points[g].first);
      // Same products of the same doubles: equal up to rounding of one product.
      EXPECT_NEAR(x, static_cast<double>(window.points[g].first), 1e-15 * x);
      EXPECT_GE(static_cast<double>(longer.points[g].second), static_cast<double>(window.points[g].second));
    }
    const double p = static_cast<double>(in.corrupted) / in.samples;
    const double horizon = kNoEscapeHorizon * std::sqrt(in.samples * (1 - p) * (1 - p) / in.sparsity);
    EXPECT_NEAR(std::stod(detail(longer, "horizon / T-bar")), horizon, 1e-3 * horizon);  // printed to 4 digits
  }
}

}  // namespace
}  // namespace thmcheck::mf22
