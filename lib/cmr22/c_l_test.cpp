// c_L of cmr22 (10)/(17) (lib/cmr22/c_l.hpp).
#include "thmcheck/cmr22/c_l.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace thmcheck::cmr22 {
namespace {

// c_L of (10) as printed: L = 2: 1 + e; L = 3: 3/2 + (3/2)^3 = 4.875;
// L = 4: 2 + 2^2 = 6; L = 5: 5/2 + (5/2)^{5/3}.
TEST(Cmr22CLTest, ConstantCL) {
  EXPECT_NEAR(c_l<double>(2), 1 + std::exp(1.0), 1e-15);
  EXPECT_NEAR(c_l<double>(3), 4.875, 1e-14);
  EXPECT_NEAR(c_l<double>(4), 6.0, 1e-14);
  EXPECT_NEAR(c_l<double>(5), 2.5 + std::pow(2.5, 5.0 / 3.0), 1e-13);
}

// The figures (lib/experiments/cmr22_figures.cpp) computed c_L in double as
// l / 2 + (L = 2 ? exp(1) : pow(l / 2, l / (l - 2))), l = double(L), before
// they used c_l<double>; the two must agree to the bit.
TEST(Cmr22CLTest, DoubleIsBitIdenticalToTheFiguresFormula) {
  for (int depth = 2; depth <= 64; ++depth) {
    const double l = depth;
    const double figures = l / 2 + (depth == 2 ? std::exp(1.0) : std::pow(l / 2, l / (l - 2)));
    EXPECT_EQ(c_l<double>(depth), figures) << "L = " << depth;
  }
}

// The multiprecision values round to the double one (c_L is well conditioned).
TEST(Cmr22CLTest, MultiprecisionAgreesWithDouble) {
  for (int depth = 2; depth <= 8; ++depth) {
    EXPECT_NEAR(c_l<Mp50>(depth).convert_to<double>(), c_l<double>(depth), 1e-13 * c_l<double>(depth));
    EXPECT_LT(abs(Mp100(c_l<Mp50>(depth)) - c_l<Mp100>(depth)), Mp100("1e-45") * c_l<Mp100>(depth));
  }
}

}  // namespace
}  // namespace thmcheck::cmr22
