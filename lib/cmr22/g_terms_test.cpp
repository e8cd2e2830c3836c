// The g functions of cmr22 (28) and their Lemma 2.7 quantities
// (lib/cmr22/g_terms.hpp) against their definitions: c is a zero, g_min the
// value at the stationary point, g'(c) a central difference of g.
#include "thmcheck/cmr22/g_terms.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace thmcheck::cmr22 {
namespace {

template <class S>
class Cmr22GTermsTest : public ::testing::Test {};
using Scalars = ::testing::Types<double, Mp50>;
TYPED_TEST_SUITE(Cmr22GTermsTest, Scalars);

// g(0) = 0 exactly, g(c) = 0 to rounding (a few u times |terms|: each term is
// one log or two pows and a few products), for a spread of a and L.
TYPED_TEST(Cmr22GTermsTest, ZerosAtZeroAndC) {
  using S = TypeParam;
  const S u = unit_roundoff<S>();
  for (int depth = 2; depth <= 7; ++depth) {
    for (const char* text : {"1e-12", "0.003", "1", "7.5", "1e6"}) {
      const S a = parse_decimal<S>(text);
      const S c = g_zero<S>(a, depth);
      EXPECT_EQ(g_term<S>(S(0), a, depth), S(0));
      EXPECT_GT(c, a);
      EXPECT_LE(abs(g_term<S>(c, a, depth)), 64 * u * g_term_magnitude<S>(c, a, depth)) << "L = " << depth << " a = " << text;
    }
  }
}

// The minimum: g'(a) = 0 and g(a) = g_minimum(a); g(w) > g_min at points
// around a (strict convexity on a grid).
TYPED_TEST(Cmr22GTermsTest, MinimumAtA) {
  using S = TypeParam;
  const S u = unit_roundoff<S>();
  for (int depth = 2; depth <= 7; ++depth) {
    const S a = parse_decimal<S>("0.37");
    EXPECT_LE(abs(g_derivative<S>(a, a, depth)), 16 * u);
    EXPECT_LE(abs(g_term<S>(a, a, depth) - g_minimum<S>(a, depth)), 64 * u * g_term_magnitude<S>(a, a, depth));
    EXPECT_LT(g_minimum<S>(a, depth), S(0));
    for (const char* f : {"0.5", "0.9", "1.1", "2", "10"}) {
      EXPECT_GT(g_term<S>(S(a * parse_decimal<S>(f)), a, depth), g_minimum<S>(a, depth) + parse_decimal<S>("1e-6")) << "L = " << depth << " w/a = " << f;
    }
  }
}

// g'(c) of (31) against a central difference of g at 50 digits (step 1e-15 c:
// truncation c^2 1e-30 |g'''| / 6, below 1e-25 here) and g_derivative.
TEST(Cmr22GTermsMp50Test, SlopeAtZeroIsTheDerivative) {
  for (int depth = 2; depth <= 7; ++depth) {
    for (const char* text : {"1e-8", "0.5", "3"}) {
      const Mp50 a(text);
      const Mp50 c = g_zero<Mp50>(a, depth);
      const Mp50 h = c * Mp50("1e-15");
      const Mp50 diff = (g_term<Mp50>(Mp50(c + h), a, depth) - g_term<Mp50>(Mp50(c - h), a, depth)) / (2 * h);
      EXPECT_LT(abs(diff - g_slope_at_zero<Mp50>(depth)), Mp50("1e-25")) << "L = " << depth << " a = " << text;
      EXPECT_LT(abs(g_derivative<Mp50>(c, a, depth) - g_slope_at_zero<Mp50>(depth)), Mp50("1e-45"));
    }
  }
}

}  // namespace
}  // namespace thmcheck::cmr22
