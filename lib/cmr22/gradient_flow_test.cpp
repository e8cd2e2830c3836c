#include "thmcheck/cmr22/gradient_flow.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "thmcheck/generators/random_data.hpp"

namespace thmcheck::cmr22 {
namespace {

// N = M = 1, L = 2, A = a, y: s = x^2 obeys the logistic equation
// s' = 4 a s (y - a s), so s(t) = (y/a) / (1 + (y/(a s0) - 1) exp(-4 a y t)).
template <class S>
S logistic(const S& a, const S& y, const S& s0, const S& t) {
  using std::exp;
  return (y / a) / (1 + (y / (a * s0) - 1) * exp(-4 * a * y * t));
}

template <class S>
void check_logistic(const S& tolerance, const S& ode_tolerance) {
  Matrix<S> a(1, 1);
  a(0, 0) = S(3) / 2;
  Vector<S> y(1);
  y(0) = S(2);
  ReducedLoss<S> model{a, y, 2};
  Vector<S> x0(1);
  x0(0) = S(1) / 100;
  for (const S& t_end : {S(1) / 4, S(1), S(3)}) {
    GradientFlowOptions<S> options;
    options.absolute_tolerance = ode_tolerance;
    options.max_steps = 10000000;
    options.relative_tolerance = ode_tolerance;
    options.stop_time = t_end;
    auto result = gradient_flow<S>(model, x0, options);
    ASSERT_EQ(result.status, FlowStatus::kReachedTime) << result.message;
    EXPECT_LT(abs(result.time - t_end), tolerance);
    const S exact = logistic(a(0, 0), y(0), S(x0(0) * x0(0)), t_end);
    EXPECT_LT(abs(result.product(0) - exact), tolerance * (1 + abs(exact)))
        << "t = " << t_end << ": " << result.product(0) << " vs " << exact;
  }
}

// dopri5 with local tolerance tol: global error over these short, non-stiff
// runs (Lipschitz constant ~ 4 a y = 12, t <= 3) stays within ~1e3 tol; we
// allow 1e4 tol.
TEST(Cmr22GradientFlowTest, LogisticClosedFormDouble) { check_logistic<double>(1e-8, 1e-12); }
TEST(Cmr22GradientFlowTest, LogisticClosedFormMp50) {
  check_logistic<Mp50>(Mp50("1e-16"), Mp50("1e-20"));
}

// y = 0, N = M = 1, general L: x' = -L a^2 x^{2L-1}, so
// x(t) = (x0^{2-2L} + 2L(L-1) a^2 t)^{-1/(2L-2)}.
TEST(Cmr22GradientFlowTest, ZeroDataPowerLawClosedForm) {
  for (int depth : {3, 4}) {
    Matrix<double> a(1, 1);
    a(0, 0) = 0.7;
    Vector<double> y = Vector<double>::Zero(1);
    ReducedLoss<double> model{a, y, depth};
    Vector<double> x0(1);
    x0(0) = 1.3;
    GradientFlowOptions<double> options;
    options.absolute_tolerance = options.relative_tolerance = 1e-12;
    options.stop_time = 5;
    auto result = gradient_flow<double>(model, x0, options);
    ASSERT_EQ(result.status, FlowStatus::kReachedTime) << result.message;
    const double exact = std::pow(std::pow(1.3, 2 - 2 * depth) + 2.0 * depth * (depth - 1) * 0.49 * 5,
                                  -1.0 / (2 * depth - 2));
    EXPECT_NEAR(result.theta(0), exact, 1e-8);
  }
}

TEST(Cmr22GradientFlowTest, ConvergesToTheLogisticLimitWithCertificate) {
  Matrix<double> a(1, 1);
  a(0, 0) = 1.5;
  Vector<double> y(1);
  y(0) = 2;
  ReducedLoss<double> model{a, y, 2};
  GradientFlowOptions<double> options;
  options.absolute_tolerance = options.relative_tolerance = 1e-12;
  options.residual_tolerance = 1e-10;
  options.change_tolerance = 1e-10;
  auto result = gradient_flow<double>(model, Vector<double>::Constant(1, 0.01), options);
  ASSERT_EQ(result.status, FlowStatus::kConverged) << result.message;
  EXPECT_LE(result.residual_norm, 1e-10);
  EXPECT_LE(result.change, 1e-10);
  EXPECT_NEAR(result.product(0), 2.0 / 1.5, 1e-9);
}

// Lemma A.1/A.2 in flow form: with identical factors, each factor of the full
// L-factor flow obeys x' = -[A^T r] (.) x^{L-1} = -(1/L) grad L(x), so the full
// flow at time T equals the reduced flow x' = -grad L(x) at time T / L.
TEST(Cmr22GradientFlowTest, FullFactorFlowIsReducedFlowAtTimeOverDepth) {
  RandomSource rng(7);
  Matrix<double> a = gaussian_matrix(2, 4, rng);
  Vector<double> y = gaussian_vector(2, rng);
  for (int depth : {2, 3}) {
    Vector<double> x0 = Vector<double>::Constant(4, 0.5);
    GradientFlowOptions<double> options;
    options.absolute_tolerance = options.relative_tolerance = 1e-12;
    options.stop_time = 2;
    auto full = gradient_flow<double>(OverLoss<double>{a, y, depth}, replicate_factors(x0, depth), options);
    ASSERT_EQ(full.status, FlowStatus::kReachedTime);
    options.stop_time = 2.0 / depth;
    auto reduced = gradient_flow<double>(ReducedLoss<double>{a, y, depth}, x0, options);
    ASSERT_EQ(reduced.status, FlowStatus::kReachedTime);
    EXPECT_LT((full.product - reduced.product).norm(), 1e-8) << "depth " << depth;
    // And at the same time T they differ (the factor L is real).
    options.stop_time = 2;
    auto same_time = gradient_flow<double>(ReducedLoss<double>{a, y, depth}, x0, options);
    EXPECT_GT((full.product - same_time.product).norm(), 1e-4) << "depth " << depth;
  }
}

}  // namespace
}  // namespace thmcheck::cmr22
