#include "thmcheck/mf22/one_step_dynamics.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "thmcheck/mf22/diagonal_network.hpp"
#include "thmcheck/mf22/sign_gradient.hpp"

namespace thmcheck::mf22 {
namespace {

RobustRegressionData small_data() {
  RobustRegressionSpec s;
  s.dimension = 6;
  s.samples = 60;
  s.sparsity = 2;
  s.corrupted = 9;
  s.outliers = {OutlierKind::kGaussian, 10.0};
  s.seed = 11;
  return draw_robust_regression(s);
}

// A state with u != v everywhere: sqrt(alpha)-sized off the support, O(1) on it.
void state(const RobustRegressionData& data, Vector<double>& u, Vector<double>& v) {
  RandomSource rng(4);
  u.resize(data.x.cols());
  v.resize(data.x.cols());
  for (Eigen::Index i = 0; i < u.size(); ++i) {
    const double scale = data.theta_star(i) > 0 ? 0.6 : 0.01;
    u(i) = scale * (1 + 0.3 * rng.uniform());
    v(i) = scale * (0.5 + 0.3 * rng.uniform());
  }
}

template <class S>
class Mf22OneStep : public ::testing::Test {};
using Scalars = ::testing::Types<double, Mp50>;
TYPED_TEST_SUITE(Mf22OneStep, Scalars);

// Each required value against the closed forms of the step, Appendix D (51),
// (52) and u' - v' = (u - v)(1 - eta q), with q recomputed by the defining sum
// (an independent path: row loop, no matrix product). Tolerance: 1e-9 in
// double (the quotients divide rounding of size 1e-16 |u'v'| by eta |uv| >=
// 1e-6), 1e-35 at 50 digits.
TYPED_TEST(Mf22OneStep, RequiredMatchesClosedForms) {
  using S = TypeParam;
  using std::abs;
  const RobustRegressionData data = small_data();
  const StepProblem<S> p = step_problem<S>(data, OutlierLaw<S>{OutlierKind::kGaussian, S(10)});
  Vector<double> ud, vd;
  state(data, ud, vd);
  const Vector<S> u = ud.cast<S>(), v = vd.cast<S>();
  const S eta = S(1) / 50;
  const double tol = std::is_same_v<S, double> ? 1e-9 : 1e-35;
  const Vector<S> z = p.theta_star - u.cwiseProduct(v);
  const Vector<S> zhat = z / z.norm();
  Vector<S> q = Vector<S>::Zero(6);
  for (Eigen::Index r = 0; r < p.x.rows(); ++r) {
    S a = p.noise(r);
    for (Eigen::Index j = 0; j < 6; ++j) a += p.x(r, j) * z(j);
    q += (a > 0 ? S(1) : S(-1)) * p.x.row(r).transpose();
  }
  q /= S(60);
  S sig = -1, res = -1, diff = -1, used = -1, dev = 0;
  for (Eigen::Index i = 0; i < 6; ++i) {
    const S uv = u(i) * v(i), sq = u(i) * u(i) + v(i) * v(i);
    dev = std::max<S>(dev, abs(q(i) - zhat(i)));
    diff = std::max<S>(diff, abs(q(i) - zhat(i)));
    if (data.theta_star(i) > 0) {
      sig = std::max<S>(sig, zhat(i) - (q(i) * sq / (2 * uv) + eta * q(i) * q(i) / 2));
      if (p.theta_star(i) >= uv) used = std::max<S>(used, (abs(1 - eta * q(i)) - 1) / eta);
    } else {
      res = std::max<S>(res, (eta * eta * q(i) * q(i) * sq + 4 * eta * q(i) * uv) / sq / (3 * eta));
    }
  }
  const auto read = [&](OneStepLemma l) { return read_one_step<S>(p, u, v, eta, l, OneStepDelta::kAsProved); };
  const OneStepReading<S> r1 = read(OneStepLemma::kSignal), r2 = read(OneStepLemma::kResidual),
                          r3 = read(OneStepLemma::kDifference), r4 = read(OneStepLemma::kDifferenceUsed);
  ASSERT_EQ(r1.message, "");
  EXPECT_EQ(r1.constrained, 2);
  EXPECT_EQ(r2.constrained, 4);
  EXPECT_EQ(r3.constrained, 6);
  EXPECT_LT(abs(r1.required - sig), tol);
  EXPECT_LT(abs(r2.required - res), tol);
  EXPECT_LT(abs(r3.required - diff), tol);
  EXPECT_LT(abs(r4.required - used), tol);
  // (68) is an identity with delta = ||q - zhat||_inf: required = delta.
  EXPECT_LT(abs(r3.delta - dev), tol);
  EXPECT_LT(abs(r3.required - r3.delta), tol);
  EXPECT_LE(r3.error, S(tol));
}

// The step is Algorithm 1's: (u', v') = w - eta d with d the true
// sub-gradient of L (lib/mf22/diagonal_network l1_subgradient, computed from
// the labels y = X theta* + eps rather than from z). Tolerance: 1e-13 in
// double (entries O(1), m = 60 terms), 1e-40 at 50 digits.
TYPED_TEST(Mf22OneStep, StepIsAlgorithmOnesSubgradientStep) {
  using S = TypeParam;
  const RobustRegressionData data = small_data();
  const StepProblem<S> p = step_problem<S>(data, OutlierLaw<S>{OutlierKind::kGaussian, S(10)});
  Vector<double> ud, vd;
  state(data, ud, vd);
  Matrix<S> w(6, 2);
  w.col(0) = ud.cast<S>();
  w.col(1) = vd.cast<S>();
  const S eta = S(1) / 20;
  const DiagonalNetworkProblem<S> problem{p.x, data.labels<S>()};
  const Matrix<S> next = w - eta * l1_subgradient<S>(problem, w);
  const auto r = read_one_step<S>(p, w.col(0), w.col(1), eta, OneStepLemma::kSignal, OneStepDelta::kMainText);
  ASSERT_EQ(r.message, "");
  const double tol = std::is_same_v<S, double> ? 1e-13 : 1e-40;
  EXPECT_LT(scalar_cast<double>((r.u_next - next.col(0)).template lpNorm<Eigen::Infinity>()), tol);
  EXPECT_LT(scalar_cast<double>((r.v_next - next.col(1)).template lpNorm<Eigen::Infinity>()), tol);
}

// delta of the printed (5) against the existing double deviation map
// (lib/mf22/sign_gradient `deviations`), both norms; 1e-12 (rounding of m = 60
// terms of size < 6).
TEST(Mf22OneStepDelta, MatchesDeviations) {
  const RobustRegressionData data = small_data();
  const OutlierLaw<double> law{OutlierKind::kGaussian, 10.0};
  const StepProblem<double> p = step_problem<double>(data, law);
  Vector<double> u, v;
  state(data, u, v);
  Matrix<double> z(6, 1);
  z.col(0) = data.theta_star - u.cwiseProduct(v);
  for (auto [variant, norm] : {std::pair{OneStepDelta::kMainText, DeviationNorm::kInf},
                               std::pair{OneStepDelta::kFullText, DeviationNorm::kTwo}}) {
    const auto r = read_one_step<double>(p, u, v, 0.05, OneStepLemma::kResidual, variant);
    const double ref = deviations(data.x, data.noise, law, 0.15, z, PsiForm::kPrinted, norm)(0);
    EXPECT_NEAR(r.delta, ref, 1e-12) << to_string(variant);
  }
}

// A scan of a real SubGM run: it stops at the first ||z|| < eta ||theta*||
// (so every scanned step but the last is in hypothesis), keeps at most
// keep + 1 increasing steps, and Lemma 3's identity with the proof's delta
// never needs more than delta (ratio <= 1 up to rounding, 1e-9).
TEST(Mf22OneStepScan, PicksInHypothesisSteps) {
  const RobustRegressionData data = small_data();
  const StepProblem<double> p = step_problem<double>(data, {OutlierKind::kGaussian, 10.0});
  Vector<double> u = Vector<double>::Constant(6, 0.1), v = Vector<double>::Constant(6, 0.1);
  u(0) = 0.12;
  v(3) = 0.08;
  const OneStepScan s = scan_steps(p, u, v, 0.05, 5000, OneStepLemma::kDifference, OneStepDelta::kAsProved, 3);
  ASSERT_EQ(s.failure, "");
  EXPECT_GT(s.in_hypothesis, 10);
  EXPECT_GE(s.in_hypothesis, s.scanned - 1);
  EXPECT_LE(s.steps.size(), 4u);
  for (size_t j = 1; j < s.steps.size(); ++j) EXPECT_LT(s.steps[j - 1], s.steps[j]);
  EXPECT_LE(s.worst_ratio, 1 + 1e-9);
}

}  // namespace
}  // namespace thmcheck::mf22
