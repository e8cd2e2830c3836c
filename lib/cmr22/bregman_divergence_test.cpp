// F, grad F and D_F of cmr22 (20)-(21) (lib/cmr22/bregman_divergence.hpp)
// against closed forms and central differences at 50 digits.
#include "thmcheck/cmr22/bregman_divergence.hpp"

#include <gtest/gtest.h>

namespace thmcheck::cmr22 {
namespace {

Vector<Mp50> vec(std::initializer_list<const char*> values) {
  Vector<Mp50> v(static_cast<Eigen::Index>(values.size()));
  Eigen::Index i = 0;
  for (const char* s : values) v(i++) = Mp50(s);
  return v;
}

// L = 2: D_F(p, q) = 1/2 sum (p log(p/q) - p + q), the generalized KL divergence halved.
TEST(Cmr22BregmanDivergenceTest, DepthTwoIsHalfTheKullbackLeiblerDivergence) {
  const Vector<Mp50> p = vec({"0.3", "1.5", "0.25"}), q = vec({"0.5", "1.0", "0.125"});
  Mp50 kl = 0;
  for (Eigen::Index i = 0; i < p.size(); ++i) kl += p(i) * log(p(i) / q(i)) - p(i) + q(i);
  EXPECT_LT(abs(bregman_divergence<Mp50>(p, q, 2) - kl / 2), Mp50("1e-45"));
}

// D_F(p, p) = 0 and D_F(p, q) > 0 for p != q (F strictly convex), every L.
TEST(Cmr22BregmanDivergenceTest, VanishesOnlyOnTheDiagonal) {
  const Vector<Mp50> p = vec({"0.3", "1.5", "0.25"}), q = vec({"0.5", "1.0", "0.125"});
  for (int depth = 2; depth <= 5; ++depth) {
    EXPECT_LT(abs(bregman_divergence<Mp50>(p, p, depth)), Mp50("1e-45")) << "L = " << depth;
    EXPECT_GT(bregman_divergence<Mp50>(p, q, depth), Mp50("1e-3")) << "L = " << depth;
  }
}

// grad F against central differences of F (step 1e-20, error O(1e-40)).
TEST(Cmr22BregmanDivergenceTest, GradientMatchesCentralDifferences) {
  const Vector<Mp50> x = vec({"0.3", "1.5", "0.25"});
  const Mp50 h("1e-20");
  for (int depth = 2; depth <= 5; ++depth) {
    const Vector<Mp50> g = bregman_grad<Mp50>(x, depth);
    for (Eigen::Index i = 0; i < x.size(); ++i) {
      Vector<Mp50> up = x, down = x;
      up(i) += h;
      down(i) -= h;
      const Mp50 fd = (bregman_f<Mp50>(up, depth) - bregman_f<Mp50>(down, depth)) / (2 * h);
      EXPECT_LT(abs(fd - g(i)), Mp50("1e-30")) << "L = " << depth << ", i = " << i;
    }
  }
}

// The convention 0 log 0 = 0 (L = 2): a zero entry contributes nothing to F.
TEST(Cmr22BregmanDivergenceTest, ZeroEntryContributesNothingAtDepthTwo) {
  Vector<double> x(2), head(1);
  x << 0.0, 0.5;
  head << 0.5;
  EXPECT_EQ(bregman_f<double>(x, 2), bregman_f<double>(head, 2));
}

}  // namespace
}  // namespace thmcheck::cmr22
