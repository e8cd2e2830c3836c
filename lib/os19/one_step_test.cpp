// one_step.hpp against independent references: the average slopes of
// Definition 9.1 against composite Simpson quadrature of phi' (error O(h^4),
// far below the tolerance), the generalized eigenvalue against a known answer
// and Eigen's GeneralizedSelfAdjointEigenSolver, and potential_boundary
// against the closed form of the linear case; double and 50 digits.
#include "thmcheck/os19/one_step.hpp"

#include <gtest/gtest.h>

#include <Eigen/Eigenvalues>

#include "thmcheck/generators/random_data.hpp"

namespace thmcheck::os19 {
namespace {

template <class S>
S simpson_slope(const Activation<S>& phi, const S& z, const S& w, int m) {
  S sum = phi.derivative(z) + phi.derivative(w);
  for (int k = 1; k < m; ++k) sum += S(k % 2 == 1 ? 4 : 2) * phi.derivative(z + (w - z) * S(k) / S(m));
  return sum / (3 * S(m));
}

template <class S>
void slopes_match_quadrature(ActivationKind kind, const char* param, const S& tol) {
  const Activation<S> phi{kind, parse_decimal<S>(param)};
  Vector<S> z(5), w(5);
  z << S(-2), S(0.5), S(3), S(1), S(-0.25);
  w << S(1), S(0.5) + S(1e-3), S(-1), S(1), S(-0.25) + S(1e-12);
  const AverageSlopes<S> a = glm_average_slopes(phi, z, w);
  for (Eigen::Index i = 0; i < 5; ++i) {
    const S ref = z(i) == w(i) ? phi.derivative(z(i)) : simpson_slope(phi, z(i), w(i), 2000);
    using std::abs;
    EXPECT_LT(abs(a.a(i) - ref), tol) << "i = " << i;
    EXPECT_LE(abs(a.a(i) - ref), a.error + tol) << "i = " << i;
  }
}
TEST(Os19OneStep, AverageSlopesMatchSimpsonTanhPlusDouble) {
  slopes_match_quadrature<double>(ActivationKind::kTanhPlus, "0.7", 1e-7);
}
TEST(Os19OneStep, AverageSlopesMatchSimpsonSoftplusMp50) {
  // Simpson with h = |w - z|/2000 errs by about |w - z|^4 M4 / 2000^4 < 1e-12.
  slopes_match_quadrature<Mp50>(ActivationKind::kLeakySoftplus, "0.4", Mp50("1e-11"));
}

template <class S>
void generalized_eigenvalue_known_answer() {
  Matrix<S> a(2, 2), g(2, 2);
  a << S(1), S(0), S(0), S(3);
  g << S(2), S(0), S(0), S(1);
  const GeneralizedMin<S> r = generalized_min_eigenvalue(a, g);
  ASSERT_TRUE(r.ok);
  using std::abs;
  EXPECT_LT(abs(r.value - S(0.5)), S(100) * unit_roundoff<S>());
  Matrix<S> singular = Matrix<S>::Zero(2, 2);
  EXPECT_FALSE(generalized_min_eigenvalue(a, singular).ok);
}
TEST(Os19OneStep, GeneralizedEigenvalueKnownAnswerDouble) { generalized_eigenvalue_known_answer<double>(); }
TEST(Os19OneStep, GeneralizedEigenvalueKnownAnswerMp50) { generalized_eigenvalue_known_answer<Mp50>(); }

TEST(Os19OneStep, GeneralizedEigenvalueMatchesEigenSolver) {
  RandomSource rng(95);
  for (int t = 0; t < 20; ++t) {
    const Matrix<double> b = gaussian_matrix(4, 4, rng);
    const Matrix<double> a = b + b.transpose();
    const Matrix<double> c = gaussian_matrix(4, 6, rng);
    const Matrix<double> g = c * c.transpose();
    Eigen::GeneralizedSelfAdjointEigenSolver<Matrix<double>> es(a, g, Eigen::EigenvaluesOnly);
    const GeneralizedMin<double> r = generalized_min_eigenvalue(a, g);
    ASSERT_TRUE(r.ok);
    EXPECT_NEAR(r.value, es.eigenvalues()(0), 1e-9 * (1 + std::abs(es.eigenvalues()(0))));
  }
}

// Linear model with X X^T = s^2 I, d = -X^T r0/||X^T r0||: the potential is
// t + (||r0|| - t s)/zeta for t <= ||r0||/s, so with zeta < s it decreases
// and the boundary is where the residual vanishes, t* = ||r0||/s; beyond it the
// residual grows again and the potential exceeds R.
TEST(Os19OneStep, PotentialBoundaryLinearClosedForm) {
  RandomSource rng(96);
  const double s = 2.0;
  const Matrix<double> q = random_orthonormal_columns(5, 3, rng);
  const Matrix<double> x = s * q.transpose();
  const Vector<double> y = gaussian_vector(3, rng), theta0 = gaussian_vector(5, rng);
  const GlmModel<double> model(x, y, Activation<double>{});
  const Vector<double> r0 = model.residual(theta0);
  Vector<double> d = -x.transpose() * r0;
  d /= d.norm();
  const double zeta = 1.5;
  const double t = potential_boundary(model, theta0, d, zeta);
  // For t beyond ||r0||/s: potential = t + (t s - ||r0||)/zeta = R  <=>  t = ||r0|| (1/zeta + 1/zeta)/(1 + s/zeta).
  const double r = r0.norm(), radius = r / zeta;
  const double expected = (radius + r / zeta) / (1 + s / zeta);
  EXPECT_NEAR(t, expected, 1e-12 * expected);
  EXPECT_LE(potential(model, theta0, Vector<double>(theta0 + 0.999 * t * d), zeta), radius);
  EXPECT_GT(potential(model, theta0, Vector<double>(theta0 + 1.001 * t * d), zeta), radius);
}

}  // namespace
}  // namespace thmcheck::os19
