#include "thmcheck/mf22/diagonal_network.hpp"

#include <gtest/gtest.h>

#include "thmcheck/generators/random_data.hpp"

namespace thmcheck::mf22 {
namespace {

// Hand-computed example: X = [[1,2],[3,-1],[0,1]], y = [1,2,-1], w1 = [1,2],
// w2 = [0.5,-1]: theta = [0.5,-2], X theta - y = [-4.5, 1.5, -1], L = 7/3;
// theta sub-gradient (1/3)(-x1 + x2 - x3) = (1/3)[2,-4]; grad w1 = g (.) w2 =
// [1/3, 4/3], grad w2 = g (.) w1 = [2/3, -8/3].
template <class S>
DiagonalNetworkProblem<S> hand_problem() {
  DiagonalNetworkProblem<S> p;
  p.x.resize(3, 2);
  p.x << 1, 2, 3, -1, 0, 1;
  p.y.resize(3);
  p.y << 1, 2, -1;
  return p;
}

template <class S>
Matrix<S> hand_weights() {
  Matrix<S> w(2, 2);
  w << 1, S(1) / 2, 2, -1;
  return w;
}

template <class S>
class Mf22DiagonalNetworkTyped : public ::testing::Test {};
using Scalars = ::testing::Types<double, Mp50>;
TYPED_TEST_SUITE(Mf22DiagonalNetworkTyped, Scalars);

TYPED_TEST(Mf22DiagonalNetworkTyped, HandComputedLossAndSubgradient) {
  using S = TypeParam;
  const auto p = hand_problem<S>();
  const Matrix<S> w = hand_weights<S>();
  const S tol = 8 * std::numeric_limits<S>::epsilon();  // a few roundings of O(1) numbers
  EXPECT_LT(abs(l1_loss(p, w) - S(7) / 3), tol);
  const Matrix<S> g = l1_subgradient(p, w);
  Matrix<S> expected(2, 2);
  expected << S(1) / 3, S(2) / 3, S(4) / 3, S(-8) / 3;
  EXPECT_LT((g - expected).cwiseAbs().maxCoeff(), tol);
  // Eq. (4) as printed is the negative.
  EXPECT_LT((l1_subgradient_as_printed(p, w) + expected).cwiseAbs().maxCoeff(), tol);
}

TYPED_TEST(Mf22DiagonalNetworkTyped, BalancednessInitializationAndBalancedSolution) {
  using S = TypeParam;
  Matrix<S> w(2, 3);
  w << 1, 2, 4, 0, -1, S(1) / 2;
  EXPECT_EQ(balancedness(w), S(3));  // max(|1-4|, |0-(-1)|, ...) exact in binary
  const Matrix<S> w0 = small_initialization<S>(4, 3, S(1) / 1000);
  const S tol = 16 * std::numeric_limits<S>::epsilon();
  EXPECT_LT(abs(w0(2, 1) - S(1) / 10), tol);
  EXPECT_EQ(balancedness(w0), S(0));
  Vector<S> theta(3);
  theta << 8, 0, S(27) / 1000;
  const Matrix<S> ws = balanced_solution(theta, 3);
  EXPECT_LT((layer_product(ws) - theta).cwiseAbs().maxCoeff(), tol * 8);
  EXPECT_LT(abs(ws(2, 0) - S(3) / 10), tol);
}

// The loss at double against 50 digits on random data (the instance is the
// doubles): |error| <= gamma_{d+2} sum_i (|x_i|.|theta| + |y_i|) / m in double
// (Higham Thm 3.5); we check that bound.
TEST(Mf22DiagonalNetwork, LossDoubleAgreesWithFiftyDigits) {
  RandomSource rng(4);
  DiagonalNetworkProblem<double> p{gaussian_matrix(40, 12, rng), gaussian_vector(40, rng)};
  const Matrix<double> w = gaussian_matrix(12, 3, rng);
  DiagonalNetworkProblem<Mp50> q{p.x.cast<Mp50>(), p.y.cast<Mp50>()};
  const double low = l1_loss(p, w);
  const Mp50 high = l1_loss(q, Matrix<Mp50>(w.cast<Mp50>()));
  const Vector<double> theta = layer_product(w);
  const double magnitude = ((p.x.cwiseAbs() * theta.cwiseAbs()).array() + p.y.cwiseAbs().array()).sum() / 40;
  const double bound = 20 * 1.1e-16 * magnitude;
  EXPECT_LT(std::abs(low - high.convert_to<double>()), bound);
}

// Sub-gradient against central differences of the loss at 50 digits (h =
// 1e-20; at a point where no residual is within 1e-10 of zero the loss is
// smooth there and the difference error is O(h^2 |L'''|) + rounding 1e-30).
TEST(Mf22DiagonalNetwork, SubgradientMatchesFiniteDifferences) {
  RandomSource rng(9);
  DiagonalNetworkProblem<Mp50> p{gaussian_matrix(30, 5, rng).cast<Mp50>(),
                                 gaussian_vector(30, rng).cast<Mp50>()};
  const Matrix<Mp50> w = gaussian_matrix(5, 3, rng).cast<Mp50>();
  ASSERT_GT((p.x * layer_product(w) - p.y).cwiseAbs().minCoeff(), Mp50("1e-10"));
  const Matrix<Mp50> g = l1_subgradient(p, w);
  const Mp50 h("1e-20");
  for (int i = 0; i < 5; ++i) {
    for (int j = 0; j < 3; ++j) {
      Matrix<Mp50> up = w, down = w;
      up(i, j) += h;
      down(i, j) -= h;
      const Mp50 fd = (l1_loss(p, up) - l1_loss(p, down)) / (2 * h);
      EXPECT_LT(abs(fd - g(i, j)), Mp50("1e-25")) << i << "," << j;
    }
  }
}

}  // namespace
}  // namespace thmcheck::mf22
