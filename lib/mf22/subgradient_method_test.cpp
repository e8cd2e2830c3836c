#include "thmcheck/mf22/subgradient_method.hpp"

#include <gtest/gtest.h>

#include "thmcheck/generators/random_data.hpp"

namespace thmcheck::mf22 {
namespace {

DiagonalNetworkProblem<double> hand_problem() {
  DiagonalNetworkProblem<double> p;
  p.x.resize(3, 2);
  p.x << 1, 2, 3, -1, 0, 1;
  p.y.resize(3);
  p.y << 1, 2, -1;
  return p;
}

// One step by hand: from w1 = [1,2], w2 = [0.5,-1] with eta = 0.1 the
// sub-gradient is [[1/3, 2/3], [4/3, -8/3]] (diagonal_network_test), so
// w' = w - 0.1 g.
TEST(Mf22SubgradientMethod, OneConstantStepByHand) {
  Matrix<double> w(2, 2);
  w << 1, 0.5, 2, -1;
  SubgradientOptions<double> o;
  o.step = 0.1;
  o.max_iterations = 1;
  const auto r = subgradient_method(hand_problem(), w, o);
  ASSERT_EQ(r.status, SubgradientStatus::kMaxIterations);
  EXPECT_EQ(r.iterations, 1);
  Matrix<double> expected(2, 2);
  expected << 1 - 0.1 / 3, 0.5 - 0.2 / 3, 2 - 0.4 / 3, -1 + 0.8 / 3;
  EXPECT_LT((r.w - expected).cwiseAbs().maxCoeff(), 1e-15);
  // The printed direction (4) moves the other way.
  o.direction = DirectionRule::kAsPrinted;
  const auto q = subgradient_method(hand_problem(), w, o);
  Matrix<double> other(2, 2);
  other << 1 + 0.1 / 3, 0.5 + 0.2 / 3, 2 + 0.4 / 3, -1 - 0.8 / 3;
  EXPECT_LT((q.w - other).cwiseAbs().maxCoeff(), 1e-15);
}

TEST(Mf22SubgradientMethod, Schedules) {
  SubgradientOptions<double> o;
  o.schedule = StepSchedule::kGeometric;
  o.step = 0.5;
  o.decay = 0.9;
  EXPECT_NEAR(o.step_at(3), 0.5 * 0.729, 1e-16);
  o.schedule = StepSchedule::kPiecewiseConstant;
  o.pieces = {{0, 1e-2}, {100, 1e-3}, {1000, 1e-4}};
  EXPECT_EQ(o.step_at(0), 1e-2);
  EXPECT_EQ(o.step_at(99), 1e-2);
  EXPECT_EQ(o.step_at(100), 1e-3);
  EXPECT_EQ(o.step_at(5000), 1e-4);
  o.pieces = {{1, 1e-2}};
  EXPECT_FALSE(o.validate().empty());
  const auto r = subgradient_method<double>(hand_problem(), Matrix<double>::Ones(2, 2), o);
  EXPECT_EQ(r.status, SubgradientStatus::kInvalidOptions);
}

// Observer sees iterations 0..T and can stop; the reported loss is L(w).
TEST(Mf22SubgradientMethod, ObserverAndStopping) {
  SubgradientOptions<double> o;
  o.max_iterations = 50;
  long seen = 0;
  const auto r = subgradient_method<double>(hand_problem(), Matrix<double>::Ones(2, 2), o,
                                    [&](const SubgradientIterate<double>& it) {
                                      EXPECT_EQ(it.iteration, seen);
                                      EXPECT_NEAR(it.loss, l1_loss(hand_problem(), *it.w), 1e-14);
                                      ++seen;
                                      return it.iteration == 7;
                                    });
  EXPECT_EQ(r.status, SubgradientStatus::kObserverStopped);
  EXPECT_EQ(r.iterations, 7);
  EXPECT_EQ(seen, 8);
}

// On clean, well-determined data (m = 200 >> d = 5, no noise) SubGM with a
// decaying step from the small initialization reaches theta* closely (the
// sub-gradient method converges for a convex-in-theta problem once the
// factors have grown; this checks the update is a descent method at all).
TEST(Mf22SubgradientMethod, RecoversCleanSignal) {
  RandomSource rng(2);
  DiagonalNetworkProblem<double> p;
  p.x = gaussian_matrix(200, 5, rng);
  Vector<double> theta(5);
  theta << 1, 0, 0.5, 0, 0;
  p.y = p.x * theta;
  SubgradientOptions<double> o;
  o.schedule = StepSchedule::kGeometric;
  o.step = 0.05;
  o.decay = 0.999;
  o.max_iterations = 4000;
  const auto r = subgradient_method(p, small_initialization<double>(5, 2, 1e-3), o);
  ASSERT_TRUE(r.ok());
  EXPECT_LT((layer_product(r.w) - theta).norm(), 0.02);
}

}  // namespace
}  // namespace thmcheck::mf22
