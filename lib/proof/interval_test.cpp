#include "thmcheck/proof/interval.hpp"

#include <gtest/gtest.h>
#include <mpfi.h>

#include <boost/multiprecision/gmp.hpp>

#include "thmcheck/proof/exact_rational.hpp"

namespace thmcheck::proof {
namespace {

// 105 significant digits of e and pi (OEIS A001113, A000796): the true values
// differ from these by less than 1e-104.
constexpr const char* kE =
    "2.71828182845904523536028747135266249775724709369995957496696762772407663035354759457138217852516642742746";
constexpr const char* kPi =
    "3.14159265358979323846264338327950288419716939937510582097494459230781640628620899862803482534211706798214";

/// x overlaps [s - 1e-104, s + 1e-104] (s within its truncation error).
bool overlaps_known(const Interval& x, const char* s) {
  const Interval known = exact_decimal(s) + hull_of(Interval(-1), Interval(1)) * exact_decimal("1e-104");
  // Two intervals overlap when their difference contains 0.
  return !certainly_positive(known - x) && !certainly_negative(known - x);
}

TEST(IntervalTest, EnclosuresOfEAndPiAt100DigitsContainThemAndAreNarrow) {
  WorkingDigits working(100);
  const Interval e = exp(Interval(1));
  const Interval pi = boost::math::constants::pi<Interval>();
  EXPECT_TRUE(overlaps_known(e, kE));
  EXPECT_TRUE(overlaps_known(pi, kPi));
  // 100 digits: the enclosures are a few units of the 100th digit wide.
  EXPECT_LT(relative_width(e), 1e-98);
  EXPECT_LT(relative_width(pi), 1e-98);
  // A deliberately wrong digit (the 60th) is excluded.
  std::string wrong = kE;
  wrong[61] = wrong[61] == '9' ? '0' : static_cast<char>(wrong[61] + 1);
  EXPECT_FALSE(overlaps_known(e, wrong.c_str()));
}

TEST(IntervalTest, ExactDecimalContainsTheDecimalItReads) {
  WorkingDigits working(30);
  for (const char* text : {"0.1", "-7.8467278676928898e-01", "3.1622777e-04", "1e-300", "65012.608538221859"}) {
    const Interval x = exact_decimal(text);
    const Rational q = exact_rational(nlohmann::json(text), "x");
    EXPECT_GT(mpfi_is_inside_q(q.backend().data(), x.backend().data()), 0) << text;
    EXPECT_LT(relative_width(x), 1e-29) << text;
  }
  for (const char* bad : {"nan", "inf", "", "1e", "0x10", "1.0 "}) {
    EXPECT_THROW(exact_decimal(std::string(bad)), ProofInputError) << bad;
  }
}

TEST(IntervalTest, PrintedEndsAreRoundedOutward) {
  WorkingDigits working(40);
  const Interval third = Interval(1) / 3;
  const Interval printed = interval_from_texts(lower_text(third, 12), upper_text(third, 12));
  EXPECT_TRUE(contained_in(third, printed));
  EXPECT_EQ(lower_text(third, 5), "3.3333e-1");
  EXPECT_EQ(upper_text(third, 5), "3.3334e-1");
  EXPECT_EQ(lower_text(-third, 5), "-3.3334e-1");
}

TEST(IntervalTest, ExactRationalReadsDecimalsExactly) {
  EXPECT_EQ(exact_rational(nlohmann::json("0.6"), "v") * exact_rational(nlohmann::json("0.6"), "v") +
                exact_rational(nlohmann::json("8e-1"), "v") * exact_rational(nlohmann::json("0.8"), "v"),
            Rational(1));
  EXPECT_EQ(exact_rational(nlohmann::json("-0031.50"), "v"), Rational(-63, 2));
  EXPECT_EQ(exact_rational(nlohmann::json(12), "v"), Rational(12));
  EXPECT_THROW(exact_rational(nlohmann::json("1.2.3"), "v"), ProofInputError);
}

}  // namespace
}  // namespace thmcheck::proof
