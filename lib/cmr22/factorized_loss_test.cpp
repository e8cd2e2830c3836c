#include "thmcheck/cmr22/factorized_loss.hpp"

#include <gtest/gtest.h>

#include "thmcheck/generators/random_data.hpp"

namespace thmcheck::cmr22 {
namespace {

// Central differences at 50 digits with step h = 1e-20: truncation error
// h^2/6 |f'''| <= 1e-40 * (derivative scale ~ 1e2 here) and rounding error
// u |f| / h ~ 5e-51 * 1e2 / 1e-20 = 5e-29. So 1e-25 (relative to the gradient's
// size, which is O(1..100) for these data) is a safe tolerance that still
// detects any wrong term (a wrong factor or sign is O(1)).
template <class Model>
void expect_gradient_matches_finite_differences(const Model& model, const Vector<Mp50>& theta) {
  const Vector<Mp50> g = model.gradient(theta);
  ASSERT_EQ(g.size(), theta.size());
  const Mp50 h("1e-20");
  for (Eigen::Index i = 0; i < theta.size(); ++i) {
    Vector<Mp50> plus = theta, minus = theta;
    plus(i) += h;
    minus(i) -= h;
    const Mp50 fd = (model.loss(plus) - model.loss(minus)) / (2 * h);
    EXPECT_LT(abs(fd - g(i)), Mp50("1e-25") * (1 + abs(g(i))))
        << "coordinate " << i << ": fd " << fd << " vs " << g(i);
  }
}

struct Data {
  Matrix<Mp50> a;
  Vector<Mp50> y;
};

Data random_data(Eigen::Index m, Eigen::Index n, std::uint64_t seed) {
  RandomSource rng(seed);
  Data d;
  d.a = gaussian_matrix(m, n, rng).cast<Mp50>();
  d.y = gaussian_vector(m, rng).cast<Mp50>();
  return d;
}

Vector<Mp50> random_positive(Eigen::Index n, RandomSource& rng) {
  Vector<Mp50> v(n);
  for (Eigen::Index i = 0; i < n; ++i) v(i) = Mp50(rng.uniform(0.2, 1.5));
  return v;
}

TEST(Cmr22LossTest, ReducedLossGradientMatchesFiniteDifferences) {
  for (int depth : {2, 3, 4, 5}) {
    Data d = random_data(3, 5, 11 + depth);
    RandomSource rng(depth);
    ReducedLoss<Mp50> model{d.a, d.y, depth};
    expect_gradient_matches_finite_differences(model, random_positive(5, rng));
  }
}

TEST(Cmr22LossTest, ReducedSignedLossGradientMatchesFiniteDifferences) {
  for (int depth : {2, 3, 4}) {
    Data d = random_data(3, 4, 21 + depth);
    RandomSource rng(depth + 100);
    ReducedLossPm<Mp50> model{d.a, d.y, depth};
    expect_gradient_matches_finite_differences(model, random_positive(8, rng));
  }
}

TEST(Cmr22LossTest, OverLossGradientsMatchFiniteDifferences) {
  for (int depth : {2, 3, 4}) {
    Data d = random_data(2, 3, 31 + depth);
    RandomSource rng(depth + 200);
    OverLoss<Mp50> over{d.a, d.y, depth};
    expect_gradient_matches_finite_differences(over, random_positive(3 * depth, rng));
    OverLossPm<Mp50> over_pm{d.a, d.y, depth};
    expect_gradient_matches_finite_differences(over_pm, random_positive(6 * depth, rng));
  }
}

TEST(Cmr22LossTest, ProductsAreTheHadamardProducts) {
  Matrix<double> a = Matrix<double>::Identity(2, 2);
  Vector<double> y = Vector<double>::Zero(2);
  Vector<double> theta(4);
  theta << 2, 3, 1, 0.5;  // u = (2, 3), v = (1, 0.5) for the signed model
  ReducedLossPm<double> pm{a, y, 3};
  Vector<double> x = pm.product(theta);
  // 2^3 - 1 = 7, 27 - 0.125 = 26.875, both exact in binary.
  EXPECT_EQ(x(0), 7.0);
  EXPECT_EQ(x(1), 26.875);
  OverLoss<double> over{a, y, 2};
  Vector<double> xo = over.product(theta);  // (2*1, 3*0.5)
  EXPECT_EQ(xo(0), 2.0);
  EXPECT_EQ(xo(1), 1.5);
}

// Lemma A.1 at identical factors: each block of grad L_over equals
// [A^T r] (.) x^{L-1}, which is (1/L) grad L(x) with grad L from eq. (18).
// (Lemma A.2 states the reduced dynamics as x' = -grad L(x); this identity
// shows the full flow is that dynamics slowed down by the factor L.)
TEST(Cmr22LossTest, OverLossBlocksAtIdenticalFactorsAreReducedGradientOverL) {
  for (int depth : {2, 3, 5}) {
    Data d = random_data(3, 4, 41 + depth);
    RandomSource rng(depth + 300);
    const Vector<Mp50> x = random_positive(4, rng);
    OverLoss<Mp50> over{d.a, d.y, depth};
    ReducedLoss<Mp50> reduced{d.a, d.y, depth};
    const Vector<Mp50> g = over.gradient(replicate_factors(x, depth));
    const Vector<Mp50> gr = reduced.gradient(x);
    for (int k = 0; k < depth; ++k) {
      // Same products in the same order up to commutation: a few roundings.
      EXPECT_LT((g.segment(4 * k, 4) * depth - gr).norm(), Mp50("1e-45") * (1 + gr.norm()));
    }
  }
}

}  // namespace
}  // namespace thmcheck::cmr22
