#include "thmcheck/os19/worst_iterate.hpp"

#include <gtest/gtest.h>

namespace thmcheck::os19 {
namespace {

template <class S>
class Os19WorstIterate : public ::testing::Test {};
using Scalars = ::testing::Types<double, Mp50>;
TYPED_TEST_SUITE(Os19WorstIterate, Scalars);

// A clear violation outranks an undecided iterate, which outranks any pass;
// among passes the largest lhs/bound is kept.
TYPED_TEST(Os19WorstIterate, PrefersViolationThenUndecidedThenLargestRatio) {
  using S = TypeParam;
  Worst<S> w;
  w.offer(1, S(1), S(4), S(0));  // pass, ratio 1/4
  EXPECT_EQ(w.iteration, 1);
  EXPECT_EQ(w.category, 0);
  w.offer(2, S(3), S(4), S(0));  // pass, ratio 3/4
  EXPECT_EQ(w.iteration, 2);
  w.offer(3, S(2), S(4), S(0));  // smaller pass: not kept
  EXPECT_EQ(w.iteration, 2);
  w.offer(4, S(4), S(4), S(1) / 2);  // undecided (|lhs - bound| <= err)
  EXPECT_EQ(w.iteration, 4);
  EXPECT_EQ(w.category, 1);
  w.offer(5, S(3), S(4), S(0));  // a pass no longer replaces it
  EXPECT_EQ(w.iteration, 4);
  w.offer(6, S(5), S(4), S(1) / 2);  // clear violation
  EXPECT_EQ(w.iteration, 6);
  EXPECT_EQ(w.category, 2);
  EXPECT_EQ(w.measured, S(5));
  EXPECT_EQ(w.bound, S(4));
  EXPECT_EQ(w.error, S(1) / 2);
  // Tightness is the largest decided lhs/bound (undecided iterates excluded).
  EXPECT_EQ(w.tightness, S(5) / 4);
}

// The extra error term is added to each iterate's error before it is judged.
TYPED_TEST(Os19WorstIterate, ExtraErrorCanMakeAPassUndecided) {
  using S = TypeParam;
  Worst<S> w;
  w.extra = [](long, const S&, const S&) { return S(1); };
  w.offer(1, S(3), S(4), S(0));
  EXPECT_EQ(w.category, 1);
  EXPECT_EQ(w.error, S(1));
}

// ||r_k||^2 <= q^k ||r_0||^2 with r_k = q^(k/2) r_0 exactly: slack 1 (attained).
TYPED_TEST(Os19WorstIterate, SquaredRateSlackIsOneWhenAttained) {
  using S = TypeParam;
  Worst<S> w;
  offer_squared_rate(w, 2, S(1) / 4, S(2), S(0), S(1), S(0));
  EXPECT_EQ(w.bound, S(1));
  EXPECT_EQ(w.measured, S(1));
  EXPECT_EQ(w.category, 1);  // equality: undecided at this precision
  w = Worst<S>();
  offer_squared_rate(w, 2, S(1) / 2, S(2), S(0), S(1), S(0));  // ||r_2||^2 = 1 < 2
  EXPECT_EQ(w.category, 0);
  using std::abs;
  EXPECT_LT(abs(w.tightness - S(1) / 2), S(1e-12));  // log(1/2) / log(1/4)
}

TYPED_TEST(Os19WorstIterate, PotentialSlackIsTheShareOfTheDecrease) {
  using S = TypeParam;
  EXPECT_EQ(potential_slack(S(2), S(1), S(4), S(3)), S(2));  // 2 * 1 / (4 - 3)
  EXPECT_EQ(potential_slack(S(2), S(1), S(4), S(4)), S(0));  // no decrease
}

}  // namespace
}  // namespace thmcheck::os19
