#include "thmcheck/mf22/gamma_sweep.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace thmcheck::mf22 {
namespace {

LossChangeBracket<double> bracket(double decrease, double rounding, double support) {
  LossChangeBracket<double> n;
  n.decrease_lower = decrease;
  n.decrease_upper = 2 * decrease;
  n.family_decrease_lower = decrease / 2;
  n.increase_lower = decrease;
  n.rounding = rounding;
  n.support_derivative = support;
  return n;
}

// Points of y = 3 gamma^2: the per-case slope in log gamma is 2 (to rounding
// of a 3-point least-squares fit), the points are kept as given, and the
// worst support derivative is the minimum over the points.
TEST(Mf22GammaSweep, CollectsPointsAndSlope) {
  GammaSweep<double> sweep;
  const double gammas[3] = {0.01, 0.02, 0.04};
  for (std::size_t g = 0; g < 3; ++g) {
    const double y = 3 * gammas[g] * gammas[g];
    ASSERT_TRUE(sweep.add(g, gammas[g], bracket(y, 1e-12, -0.1 * g), gammas[g], y));
  }
  const Outcome o = sweep.finish(2);
  ASSERT_TRUE(o.ok);
  ASSERT_EQ(o.points.size(), 3u);
  EXPECT_EQ(o.points[1].first, Wide(0.02));
  EXPECT_DOUBLE_EQ(sweep.worst_support(), -0.2);
  ASSERT_EQ(o.details.size(), 3u);
  EXPECT_EQ(o.details[1].second, "2");
  EXPECT_NEAR(std::stod(o.details[2].second), 2.0, 1e-4);
}

// A value not above its rounding error stops the sweep: the outcome fails,
// keeps the points before it and names the radius.
TEST(Mf22GammaSweep, UncertifiedPointFails) {
  GammaSweep<double> sweep;
  ASSERT_TRUE(sweep.add(0, 0.01, bracket(1e-3, 1e-12, 0), 0.01, 1e-3));
  EXPECT_FALSE(sweep.add(1, 0.02, bracket(1e-13, 1e-12, 0), 0.02, 1e-13));
  EXPECT_FALSE(sweep.outcome().ok);
  EXPECT_EQ(sweep.outcome().points.size(), 1u);
  EXPECT_NE(sweep.outcome().message.find("gamma = 0.02"), std::string::npos);
}

}  // namespace
}  // namespace thmcheck::mf22
