#include "thmcheck/proof/eigen_bounds.hpp"

#include <gtest/gtest.h>

namespace thmcheck::proof {
namespace {

/// X = U diag(2, 1/2) V^T with the rational rotations U = [[3, -4], [4, 3]]/5
/// and V = [[7, -24], [24, 7]]/25: exact decimal entries, singular values 2
/// and 1/2, so X X^T has eigenvalues 4 and 1/4.
IntervalMatrix known_matrix() {
  return {{exact_decimal("0.72"), exact_decimal("1.04")}, {exact_decimal("0.16"), exact_decimal("1.62")}};
}

TEST(EigenBoundsTest, BracketsOfAMatrixWithKnownSingularValuesContainThemAndAreNarrow) {
  WorkingDigits working(30);
  const IntervalMatrix g = gram_rows(known_matrix());
  const EigenBracket smallest = eigen_bracket(g, Spectrum::kSmallest);
  const EigenBracket largest = eigen_bracket(g, Spectrum::kLargest);
  ASSERT_TRUE(smallest.ok) << smallest.message;
  ASSERT_TRUE(largest.ok) << largest.message;
  EXPECT_TRUE(contained_in(exact_decimal("0.25"), smallest.value));
  EXPECT_TRUE(contained_in(Interval(4), largest.value));
  // 30 digits, the search stops 16 bits above the working precision.
  EXPECT_LT(relative_width(smallest.value), 1e-24);
  EXPECT_LT(relative_width(largest.value), 1e-24);
  EXPECT_TRUE(contained_in(Interval("0.5"), sqrt(smallest.value)));
}

TEST(EigenBoundsTest, AWrongBracketIsRefused) {
  WorkingDigits working(30);
  const IntervalMatrix g = gram_rows(known_matrix());
  EXPECT_FALSE(check_eigen_bracket(g, Spectrum::kSmallest, "0.26", "0.3").ok);   // above lambda_min
  EXPECT_FALSE(check_eigen_bracket(g, Spectrum::kSmallest, "0.2", "0.24").ok);   // below it
  EXPECT_FALSE(check_eigen_bracket(g, Spectrum::kLargest, "3.9", "3.99").ok);
  EXPECT_TRUE(check_eigen_bracket(g, Spectrum::kSmallest, "0.2", "0.3").ok);
  EXPECT_TRUE(check_eigen_bracket(g, Spectrum::kLargest, "3.9", "4.1").ok);
}

TEST(EigenBoundsTest, ThreeByThreeDiagonalPlusRankOne) {
  // G = diag(1, 2, 3) + 1 1^T / 10: lambda_min in (1, 1.1), lambda_max in (3, 3.3) (Weyl).
  WorkingDigits working(40);
  IntervalMatrix g(3, IntervalVector(3, exact_decimal("0.1")));
  for (int i = 0; i < 3; ++i) g[i][i] += i + 1;
  const EigenBracket smallest = eigen_bracket(g, Spectrum::kSmallest);
  const EigenBracket largest = eigen_bracket(g, Spectrum::kLargest);
  ASSERT_TRUE(smallest.ok && largest.ok);
  EXPECT_TRUE(contained_in(smallest.value, interval_from_texts("1", "1.1")));
  EXPECT_TRUE(contained_in(largest.value, interval_from_texts("3", "3.3")));
  // The trace is the sum of the eigenvalues: 6.3 - lambda_min - lambda_max is the middle one, in (2, 2.2).
  const Interval middle = exact_decimal("6.3") - smallest.value - largest.value;
  EXPECT_TRUE(contained_in(middle, interval_from_texts("2", "2.2")));
}

}  // namespace
}  // namespace thmcheck::proof
