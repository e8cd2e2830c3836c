#include "thmcheck/mf22/relu_network.hpp"

#include <gtest/gtest.h>

#include "thmcheck/generators/random_data.hpp"

namespace thmcheck::mf22 {
namespace {

template <class S>
class Mf22ReluNetworkTyped : public ::testing::Test {};
using Scalars = ::testing::Types<double, Mp50>;
TYPED_TEST_SUITE(Mf22ReluNetworkTyped, Scalars);

// Hand-computed example (d = 2, width 2, N = 2, m = 2): x_1 = (1, 2),
// x_2 = (-1, 1), W_1 = [[1, 0], [1/2, -1]], W_2 = [2, -1], y = (1, 1).
// Z_1 = [[1, -1], [-3/2, -3/2]], H_1 = [[1, 0], [0, 0]], f = (2, 0), residuals
// (1, -1), L = 1, s = (1/2, -1/2). G_2 = s H_1^T = [1/2, 0]; Delta_1 = (W_2^T s)
// .* [Z_1 > 0] = [[1, 0], [0, 0]]; G_1 = Delta_1 X^T = [[1, 2], [0, 0]].
TYPED_TEST(Mf22ReluNetworkTyped, HandComputedLossAndSubgradient) {
  using S = TypeParam;
  ReluNetworkProblem<S> p;
  p.x.resize(2, 2);
  p.x << 1, -1, 2, 1;
  p.y = Vector<S>::Ones(2);
  ReluWeights<S> w(2);
  w[0].resize(2, 2);
  w[0] << 1, 0, S(1) / 2, -1;
  w[1].resize(1, 2);
  w[1] << 2, -1;
  const S tol = 8 * std::numeric_limits<S>::epsilon();  // a few roundings of O(1) numbers
  ReluWeights<S> g;
  ReluWorkspace<S> ws;
  EXPECT_LT(abs(relu_l1_subgradient(p, w, g, ws) - S(1)), tol);
  EXPECT_LT(abs(relu_l1_loss(p, w) - S(1)), tol);
  ASSERT_EQ(g.size(), 2u);
  Matrix<S> g1(2, 2), g2(1, 2);
  g1 << 1, 2, 0, 0;
  g2 << S(1) / 2, 0;
  EXPECT_LT((g[0] - g1).cwiseAbs().maxCoeff(), tol);
  EXPECT_LT((g[1] - g2).cwiseAbs().maxCoeff(), tol);
}

// sigma'(0) := 0: at W = 0 every pre-activation is 0, so the sub-gradient the
// chain rule gives is 0 (the origin is a stationary point SubGM cannot leave).
TYPED_TEST(Mf22ReluNetworkTyped, ZeroWeightsGiveZeroSubgradient) {
  using S = TypeParam;
  RandomSource rng(3);
  ReluNetworkProblem<S> p{gaussian_matrix(3, 5, rng).cast<S>(), gaussian_vector(5, rng).cast<S>()};
  ReluWeights<S> w{Matrix<S>::Zero(4, 3), Matrix<S>::Zero(4, 4), Matrix<S>::Zero(1, 4)};
  ReluWeights<S> g;
  ReluWorkspace<S> ws;
  const S loss = relu_l1_subgradient(p, w, g, ws);
  EXPECT_EQ(loss, S(p.y.cwiseAbs().sum() / 5));
  for (const Matrix<S>& gj : g) EXPECT_EQ(gj.cwiseAbs().maxCoeff(), S(0));
}

TEST(Mf22ReluNetwork, RejectsWeightsOfTheWrongShape) {
  ReluWeights<double> w{Matrix<double>::Ones(4, 3), Matrix<double>::Ones(1, 4)};
  EXPECT_EQ(relu_weights_problem(w, 3), "");
  EXPECT_NE(relu_weights_problem(w, 2), "");
  EXPECT_NE(relu_weights_problem(ReluWeights<double>{w[0]}, 3), "");
  EXPECT_NE(relu_weights_problem(ReluWeights<double>{w[0], Matrix<double>::Ones(2, 4)}, 3), "");
  EXPECT_NE(relu_weights_problem(ReluWeights<double>{w[0], Matrix<double>::Ones(1, 5)}, 3), "");
  EXPECT_THROW(relu_network_output(w, Matrix<double>(Matrix<double>::Ones(2, 5))), std::invalid_argument);
}

// Difference step and tolerance per scalar type. On a fixed activation pattern
// and fixed residual signs, f_W is linear in each single entry of W (it is
// W_N D_{N-1} W_{N-1} ... D_1 W_1 x with fixed 0/1 diagonals D_j), so L is
// affine along a coordinate and the central difference has no truncation
// error as long as the step crosses no kink; the test asserts every
// pre-activation and residual is at least 1e-3 from 0, and moving one entry
// by h <= 1e-6 changes them by h times products of the other layers' norms
// (of order 10-100 for these Gaussian 5x5 layers), far below that margin, so
// no kink is crossed. What remains is rounding: each
// loss evaluation is a sum of O(100) roundings of numbers below 10, an error
// below 1e3 u, and the difference divides it by 2h. double: u = 1.1e-16,
// h = 1e-6 gives 6e-8 (tolerance 1e-7). 50 digits: u = 1e-50, h = 1e-20 gives
// 1e-27 (tolerance 1e-25).
template <class S>
struct FiniteDifference;
template <>
struct FiniteDifference<double> {
  static double step() { return 1e-6; }
  static double tolerance() { return 1e-7; }
};
template <>
struct FiniteDifference<Mp50> {
  static Mp50 step() { return Mp50("1e-20"); }
  static Mp50 tolerance() { return Mp50("1e-25"); }
};

// A random 4-layer network whose pre-activations and residuals are all at
// least 1e-3 from 0 (the first seed that gives one; a unit whose inputs are
// all switched off has pre-activation exactly 0, so not every seed does).
template <class S>
bool draw_away_from_kinks(std::uint64_t seed, ReluNetworkProblem<S>& p, ReluWeights<S>& w) {
  RandomSource rng(seed);
  const Eigen::Index d = 4, width = 5, m = 7;
  p = {gaussian_matrix(d, m, rng).cast<S>(), gaussian_vector(m, rng).cast<S>()};
  w = {gaussian_matrix(width, d, rng).cast<S>(), gaussian_matrix(width, width, rng).cast<S>(),
       gaussian_matrix(width, width, rng).cast<S>(), gaussian_matrix(1, width, rng).cast<S>()};
  const ReluKinkDistance<S> kink = relu_kink_distance(p, w);
  return kink.pre_activation > S(1e-3) && kink.residual > S(1e-3);
}

TYPED_TEST(Mf22ReluNetworkTyped, SubgradientMatchesCentralDifferences) {
  using S = TypeParam;
  ReluNetworkProblem<S> p;
  ReluWeights<S> w;
  std::uint64_t seed = 1;
  while (seed < 200 && !draw_away_from_kinks(seed, p, w)) ++seed;
  ASSERT_LT(seed, 200u) << "no random network away from the kinks";
  ReluWeights<S> g;
  ReluWorkspace<S> ws;
  const S loss = relu_l1_subgradient(p, w, g, ws);
  EXPECT_LT(abs(loss - relu_l1_loss(p, w)), 16 * std::numeric_limits<S>::epsilon() * (1 + abs(loss)));
  ASSERT_EQ(g.size(), w.size());
  const S h = FiniteDifference<S>::step();
  int nonzero = 0;
  for (std::size_t j = 0; j < w.size(); ++j) {
    ASSERT_EQ(g[j].rows(), w[j].rows());
    ASSERT_EQ(g[j].cols(), w[j].cols());
    for (Eigen::Index r = 0; r < w[j].rows(); ++r) {
      for (Eigen::Index c = 0; c < w[j].cols(); ++c) {
        ReluWeights<S> up = w, down = w;
        up[j](r, c) += h;
        down[j](r, c) -= h;
        const S fd = (relu_l1_loss(p, up) - relu_l1_loss(p, down)) / (2 * h);
        EXPECT_LT(abs(fd - g[j](r, c)), FiniteDifference<S>::tolerance()) << "W_" << j + 1 << "(" << r << "," << c << ")";
        if (abs(g[j](r, c)) > S(1e-3)) ++nonzero;
      }
    }
  }
  // The comparison is not vacuous: most entries have a sizeable gradient.
  EXPECT_GT(nonzero, 40);
}

}  // namespace
}  // namespace thmcheck::mf22
