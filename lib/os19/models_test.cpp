#include "thmcheck/os19/models.hpp"

#include <gtest/gtest.h>

#include "thmcheck/generators/random_data.hpp"

namespace thmcheck::os19 {
namespace {

template <class To>
Matrix<To> cast_matrix(const Matrix<double>& m) {
  return m.unaryExpr([](double v) { return To(v); });
}
template <class To>
Vector<To> cast_vector(const Vector<double>& m) {
  return m.unaryExpr([](double v) { return To(v); });
}

// Central differences at 50 digits, h = 1e-15: truncation h^2 ||f'''|| / 6 is
// below 1e-27 for these sizes, rounding u ||f|| / h below 1e-33.
template <class Model>
double max_jacobian_error(const Model& model, const Vector<Mp50>& theta) {
  const Mp50 h = parse_decimal<Mp50>("1e-15");
  const Matrix<Mp50> j = model.jacobian(theta);
  Mp50 worst = 0;
  for (Eigen::Index k = 0; k < theta.size(); ++k) {
    Vector<Mp50> a = theta, b = theta;
    a(k) += h;
    b(k) -= h;
    const Vector<Mp50> col = (model.predict(a) - model.predict(b)) / (2 * h);
    worst = std::max(worst, Mp50((col - j.col(k)).cwiseAbs().maxCoeff()));
  }
  // Gradient = J^T r.
  const Vector<Mp50> g = model.gradient(theta);
  worst = std::max(worst, Mp50((g - j.transpose() * model.residual(theta)).cwiseAbs().maxCoeff()));
  return worst.convert_to<double>();
}

TEST(Os19Models, GlmJacobianMatchesFiniteDifferences) {
  RandomSource rng(11);
  for (auto [kind, par] : {std::pair{ActivationKind::kIdentity, "0"},
                           std::pair{ActivationKind::kTanhPlus, "0.7"},
                           std::pair{ActivationKind::kLeakySoftplus, "0.2"}}) {
    Activation<Mp50> phi{kind, parse_decimal<Mp50>(par)};
    GlmModel<Mp50> m(cast_matrix<Mp50>(gaussian_matrix(4, 7, rng)),
                     cast_vector<Mp50>(gaussian_vector(4, rng)), phi);
    EXPECT_LT(max_jacobian_error(m, cast_vector<Mp50>(gaussian_vector(7, rng))), 1e-25)
        << phi.describe();
    // Per-sample gradients sum to the full gradient.
    const Vector<Mp50> theta = cast_vector<Mp50>(gaussian_vector(7, rng));
    Vector<Mp50> s = Vector<Mp50>::Zero(7);
    for (int i = 0; i < 4; ++i) s += m.sample_gradient(theta, i);
    EXPECT_LT(Mp50((s - m.gradient(theta)).cwiseAbs().maxCoeff()), Mp50("1e-45"));
  }
}

TEST(Os19Models, NetworkJacobianMatchesFiniteDifferences) {
  RandomSource rng(12);
  Activation<Mp50> phi{ActivationKind::kTanhPlus, parse_decimal<Mp50>("-0.4")};
  Vector<double> v = random_unit_vector(3, rng);
  NetworkModel<Mp50> m(cast_matrix<Mp50>(gaussian_matrix(4, 5, rng)),
                       cast_vector<Mp50>(gaussian_vector(4, rng)), cast_vector<Mp50>(v), phi);
  ASSERT_EQ(m.parameters(), 15);
  EXPECT_LT(max_jacobian_error(m, cast_vector<Mp50>(gaussian_vector(15, rng))), 1e-25);
  // Independent reference for f: x_1 -> sum_l v_l phi(<w_l, x_1>) by hand.
  const Vector<Mp50> theta = cast_vector<Mp50>(gaussian_vector(15, rng));
  Mp50 f0 = 0;
  for (int l = 0; l < 3; ++l) {
    f0 += Mp50(v(l)) * phi.value(theta.segment(l * 5, 5).dot(m.features().row(0).transpose()));
  }
  EXPECT_LT(abs(f0 - m.predict(theta)(0)), Mp50("1e-45"));
}

TEST(Os19Models, LowRankJacobianMatchesFiniteDifferences) {
  RandomSource rng(13);
  std::vector<Matrix<Mp50>> xs;
  for (int i = 0; i < 5; ++i) xs.push_back(cast_matrix<Mp50>(gaussian_matrix(4, 4, rng)));
  LowRankModel<Mp50> m(xs, cast_vector<Mp50>(gaussian_vector(5, rng)), 2);
  ASSERT_EQ(m.parameters(), 8);
  const Vector<Mp50> theta = cast_vector<Mp50>(gaussian_vector(8, rng));
  EXPECT_LT(max_jacobian_error(m, theta), 1e-25);
  // f_0 = trace(Theta^T X_0 Theta) = sum_{a,b,c} Theta_ac X_ab Theta_bc by
  // explicit loops (predict uses the Frobenius form <X_0, Theta Theta^T>).
  const Matrix<Mp50> t = m.factor(theta);
  Mp50 f0 = 0;
  for (int a = 0; a < 4; ++a) {
    for (int b = 0; b < 4; ++b) {
      for (int c = 0; c < 2; ++c) f0 += t(a, c) * xs[0](a, b) * t(b, c);
    }
  }
  EXPECT_LT(abs(f0 - m.predict(theta)(0)), Mp50("1e-45"));
  // The gradient (summed without forming J) equals J^T r with the
  // finite-difference-checked Jacobian.
  const Vector<Mp50> g_ref = m.jacobian(theta).transpose() * m.residual(theta);
  EXPECT_LT((g_ref - m.gradient(theta)).norm(), Mp50("1e-44"));
  // The paper's printed Jacobian row vec(X_i Theta) differs from the true one
  // for non-symmetric X_i (Section 9.6): document it.
  Matrix<Mp50> printed_row = xs[0] * t;
  Mp50 diff = 0;
  for (int c = 0; c < 2; ++c) {
    diff += (printed_row.col(c).transpose() - m.jacobian(theta).block(0, c * 4, 1, 4)).norm();
  }
  EXPECT_GT(diff, Mp50("1e-3"));
}

TEST(Os19Models, GlmWorksInDouble) {
  RandomSource rng(14);
  Activation<double> phi{ActivationKind::kLeakySoftplus, 0.3};
  GlmModel<double> m(gaussian_matrix(3, 6, rng), gaussian_vector(3, rng), phi);
  const Vector<double> theta = gaussian_vector(6, rng);
  // Loss equals half squared residual; gradient is J^T r (to rounding, 1e-14).
  EXPECT_NEAR(m.loss(theta), m.residual(theta).squaredNorm() / 2, 1e-14);
  EXPECT_LT((m.gradient(theta) - m.jacobian(theta).transpose() * m.residual(theta)).norm(), 1e-13);
}

}  // namespace
}  // namespace thmcheck::os19
