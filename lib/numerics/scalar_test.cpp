#include "thmcheck/numerics/scalar.hpp"

#include <gtest/gtest.h>

#include <Eigen/Dense>

namespace thmcheck {
namespace {

// A difference of two l1 norms that agree to 25 digits:
//   ||(0.1, 0.2, 0.3 + 1e-25)||_1 - ||(0.6)||_1 = 1e-25 exactly.
// In double the inputs round to about 1e-17 and the sum to 6.000000000000001e-1,
// so the difference is 1.1e-16: wrong by six orders of magnitude. At 50
// digits each of the four roundings is at most u = 5e-51 relative to
// magnitudes <= 1, so the error is below 4 * 1 * 5e-51 = 2e-50.
template <class S>
S l1_gap() {
  Vector<S> a(3);
  a << parse_decimal<S>("0.1"), parse_decimal<S>("0.2"),
      parse_decimal<S>("0.3000000000000000000000001");
  Vector<S> b(1);
  b << parse_decimal<S>("0.6");
  return a.template lpNorm<1>() - b.template lpNorm<1>();
}

TEST(ScalarTest, DoubleGetsCancellingL1GapWrongAndMultiprecisionGetsItRight) {
  const Mp100 exact("1e-25");
  const Mp100 in_double = Mp100(l1_gap<double>());
  const Mp100 in_mp50 = Mp100(l1_gap<Mp50>());
  // double: relative error above 1e8 (it returns ~1.1e-16 for 1e-25).
  EXPECT_GT(abs(in_double - exact) / exact, Mp100(1e8));
  // 50 digits: absolute error below 2e-50 (see above).
  EXPECT_LT(abs(in_mp50 - exact), Mp100("2e-50"));
}

TEST(ScalarTest, ParseDecimalIsExactAtEachPrecision) {
  // 0.1 is not a double; at 100 digits it must equal 1/10 to 100 digits.
  const Mp100 tenth = parse_decimal<Mp100>("0.1");
  EXPECT_LT(abs(tenth - Mp100(1) / 10), Mp100("1e-100"));
  EXPECT_DOUBLE_EQ(parse_decimal<double>("0.1"), 0.1);
  EXPECT_LT(abs(parse_decimal<Mp50>("-12.5e-3") + Mp50(125) / 10000), Mp50("1e-52"));
}

TEST(ScalarTest, ParseDecimalRejectsNonFiniteAndMalformed) {
  for (const char* bad : {"nan", "NaN", "inf", "-inf", "1e999", "", "1.", ".5", "+1", "1x", "0x10"}) {
    EXPECT_THROW(parse_decimal<double>(bad), std::invalid_argument) << bad;
  }
  EXPECT_THROW(parse_decimal<Mp50>("nan"), std::invalid_argument);
  // MPFR's exponent range is far larger than double's.
  EXPECT_NO_THROW(parse_decimal<Mp50>("1e999"));
}

TEST(ScalarTest, ToDecimalIsDeterministicScientific) {
  EXPECT_EQ(to_decimal(0.5, 3), "5.00e-01");
  EXPECT_EQ(to_decimal(Mp50("0.5"), 3), "5.00e-01");
  EXPECT_EQ(to_decimal(0.0, 3), "0");
}

TEST(ScalarTest, PrecisionNamesRoundTrip) {
  for (Precision p : {Precision::kDouble, Precision::kMp50, Precision::kMp100}) {
    EXPECT_EQ(parse_precision(to_string(p)), p);
  }
  EXPECT_THROW(parse_precision("quad"), std::invalid_argument);
  EXPECT_EQ(next_precision(Precision::kDouble), Precision::kMp50);
  EXPECT_EQ(next_precision(Precision::kMp100), Precision::kMp100);
}

TEST(ScalarTest, UnitRoundoffMatchesDigits) {
  EXPECT_DOUBLE_EQ(unit_roundoff<double>(), 0x1.0p-53);
  EXPECT_LT(unit_roundoff<Mp50>(), Mp50("1e-49"));
  EXPECT_LT(unit_roundoff<Mp100>(), Mp100("1e-99"));
}

}  // namespace
}  // namespace thmcheck
