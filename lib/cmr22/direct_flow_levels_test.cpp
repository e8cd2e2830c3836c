// Tolerance levels of the cmr22 direct integrations (lib/cmr22/direct_flow_levels.hpp).
#include "thmcheck/cmr22/direct_flow_levels.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace thmcheck::cmr22 {
namespace {

// Double: one level u^{2/3} = (2^-53)^{2/3} = 2.3e-11.
TEST(Cmr22DirectFlowLevelsTest, DoubleHasOneLevel) {
  const auto levels = direct_flow_levels<double>();
  ASSERT_EQ(levels.size(), 1u);
  EXPECT_EQ(levels[0], direct_flow_tolerance<double>());
  EXPECT_NEAR(levels[0], std::pow(std::ldexp(1.0, -53), 2.0 / 3), 1e-25);
  EXPECT_NEAR(levels[0], 2.3e-11, 0.1e-11);
}

// Above double: double's level / 100 (50 digits) or / 10^4 (100 digits), then 1e-16.
TEST(Cmr22DirectFlowLevelsTest, MultiprecisionHasTwoLevels) {
  const auto l50 = direct_flow_levels<Mp50>();
  ASSERT_EQ(l50.size(), 2u);
  EXPECT_LT(abs(l50[0] - Mp50(direct_flow_tolerance<double>()) / 100), Mp50("1e-40"));
  EXPECT_LT(abs(l50[1] - Mp50("1e-16")), Mp50("1e-40"));
  const auto l100 = direct_flow_levels<Mp100>();
  ASSERT_EQ(l100.size(), 2u);
  EXPECT_LT(abs(l100[0] - Mp100(direct_flow_tolerance<double>()) / 10000), Mp100("1e-40"));
  EXPECT_LT(abs(l100[1] - Mp100("1e-16")), Mp100("1e-40"));
}

TEST(Cmr22DirectFlowLevelsTest, ResolvedFromZeroNeedsTenTimesTheError) {
  EXPECT_TRUE(resolved_from_zero(11.0, 1.0));
  EXPECT_FALSE(resolved_from_zero(10.0, 1.0));
  EXPECT_FALSE(resolved_from_zero(Mp50(0), Mp50(0)));
}

}  // namespace
}  // namespace thmcheck::cmr22
