#include "thmcheck/numerics/fp_exceptions.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>


namespace thmcheck {
namespace {

// Values the optimizer cannot fold, so the operations run at run time.
volatile double zero = 0.0;
volatile double big = 1e300;

TEST(FloatingPointWatch, QuietWhenNothingArises) {
  const FloatingPointWatch watch;
  volatile double x = std::sqrt(2.0) * 3.0;
  (void)x;
  EXPECT_EQ(watch.raised(), "");
}

TEST(FloatingPointWatch, SeesANaNHiddenByMax) {
  const FloatingPointWatch watch;
  const double nan = zero / zero;
  volatile double m = std::max(1.0, nan);  // 1: the NaN is gone from the result
  EXPECT_FALSE(std::isnan(m));
  EXPECT_EQ(watch.raised(), "an invalid operation (NaN) in double");
}

TEST(FloatingPointWatch, SeesAnOverflow) {
  const FloatingPointWatch watch;
  volatile double x = big * big;
  EXPECT_TRUE(std::isinf(x));
  EXPECT_EQ(watch.raised(), "an overflow in double");
}

TEST(FloatingPointWatch, AQuietNaNPropagatesWithoutAFlag) {
  // A NaN set on purpose (a marker for "outside the domain") and carried
  // through arithmetic is not an invalid operation.
  const FloatingPointWatch watch;
  volatile double marker = std::numeric_limits<double>::quiet_NaN();
  volatile double carried = marker - marker;
  EXPECT_TRUE(std::isnan(carried));
  EXPECT_FALSE(std::isfinite(marker));
  EXPECT_EQ(watch.raised(), "");
}

TEST(FloatingPointWatch, IgnoresUnderflowAndDivisionByZero) {
  const FloatingPointWatch watch;
  volatile double tiny = 1e-300;
  volatile double u = tiny * tiny;        // underflow to 0
  volatile double l = std::log(zero);     // -inf, division by zero
  EXPECT_LT(u, 1e-307);
  EXPECT_TRUE(std::isinf(l));
  EXPECT_EQ(watch.raised(), "");
}

TEST(FloatingPointWatch, ConstructionClearsEarlierFlags) {
  { volatile double x = zero / zero; (void)x; }
  const FloatingPointWatch watch;
  EXPECT_EQ(watch.raised(), "");
}

}  // namespace
}  // namespace thmcheck
