// Tests of the nuclear-norm bounds and searches behind os19 Lemmas 9.13-9.16,
// against known answers (diagonal matrices, closed-form sups), a second
// method (JacobiSVD at 50 digits, a grid over the circle) and in double and
// the 50-digit type.
#include "thmcheck/os19/jacobian_nuclear.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace thmcheck::os19 {
namespace {

template <class S>
Matrix<S> cast(const Matrix<double>& m) {
  return m.unaryExpr([](double t) { return S(t); });
}

TEST(JacobianNuclear, OperatorNormUpperIsAboveAndClose) {
  RandomSource rng(3);
  const Matrix<double> q = random_orthonormal_columns(30, 7, rng);
  const double up = operator_norm_upper(q);
  EXPECT_GE(up, 1.0);
  EXPECT_LE(up, 1.0 + 1e-12);  // rounding of a 30 x 7 Gram is ~1e-14
  Matrix<double> diag = Matrix<double>::Zero(3, 2);
  diag(0, 0) = 3;
  diag(1, 1) = 1;
  EXPECT_GE(operator_norm_upper(diag), 3.0);
  EXPECT_LE(operator_norm_upper(diag), 3.0 * (1 + 1e-13));
}

template <class S>
void nuclear_lower_matches_svd() {
  RandomSource rng(11);
  const Matrix<double> m = gaussian_matrix(9, 4, rng);
  const Matrix<S> ms = cast<S>(m);
  const Matrix<S> zero = Matrix<S>::Zero(9, 4);
  const Bounded<S> low = nuclear_lower<S>(ms, zero, S(0));
  const Bounded<Mp50> exact = nuclear_norm<Mp50>(cast<Mp50>(m), Matrix<Mp50>::Zero(9, 4), Mp50(0));
  const double lo = scalar_cast<double>(low.value), ex = scalar_cast<double>(exact.value);
  // A lower bound (up to its own error), and tight to the double SVD's
  // orthogonality (~1e-13 relative).
  EXPECT_LE(lo, ex + scalar_cast<double>(low.error) + 1e-30);
  EXPECT_NEAR(lo, ex, 1e-11 * ex);
  EXPECT_GT(scalar_cast<double>(low.error), 0.0);
}

TEST(JacobianNuclear, NuclearLowerMatchesSvdInDouble) { nuclear_lower_matches_svd<double>(); }
TEST(JacobianNuclear, NuclearLowerMatchesSvdInMp50) { nuclear_lower_matches_svd<Mp50>(); }

template <class S>
void nuclear_norm_of_diagonal() {
  Matrix<S> m = Matrix<S>::Zero(4, 3);
  m(0, 0) = S(2);
  m(1, 1) = S(-3);
  m(2, 2) = S(S(1) / 3);
  const Bounded<S> b = nuclear_norm<S>(m, Matrix<S>::Zero(4, 3), S(0));
  const S exact = S(5) + S(1) / 3;
  EXPECT_LE(scalar_cast<double>(abs(b.value - exact)), scalar_cast<double>(b.error));
  EXPECT_LT(scalar_cast<double>(b.error), 1e-10);
}

TEST(JacobianNuclear, NuclearNormOfDiagonalDouble) { nuclear_norm_of_diagonal<double>(); }
TEST(JacobianNuclear, NuclearNormOfDiagonalMp50) { nuclear_norm_of_diagonal<Mp50>(); }

// B_1 = diag(1, 0), B_2 = diag(0, 1): ||v_1 B_1 + v_2 B_2||_* = |v_1| + |v_2|,
// sup sqrt(2) at (1, 1)/sqrt(2), inf 1 at e_1.
TEST(JacobianNuclear, SearchesFindKnownSupAndInf) {
  Matrix<double> b1 = Matrix<double>::Zero(2, 2), b2 = b1;
  b1(0, 0) = 1;
  b2(1, 1) = 1;
  RandomSource rng(5);
  const Vector<double> vmax = maximize_nuclear({b1, b2}, 3, 50, rng);
  EXPECT_NEAR(vmax.cwiseAbs().sum(), std::sqrt(2.0), 1e-9);
  const Vector<double> vmin = minimize_nuclear({b1, b2}, 3, 200, rng);
  EXPECT_NEAR(vmin.cwiseAbs().sum(), 1.0, 1e-6);
}

// X_1 = I, X_2 = [[0, 1], [1, 0]]: A(v) has eigenvalues v1 +- v2, so
// sup_v ||A(v)||_op = sqrt(2).
TEST(JacobianNuclear, SpectralSearchFindsSqrt2) {
  Matrix<double> x1 = Matrix<double>::Identity(2, 2), x2 = Matrix<double>::Zero(2, 2);
  x2(0, 1) = x2(1, 0) = 1;
  RandomSource rng(7);
  const SpectralPoint p = maximize_spectral({x1, x2}, 3, 50, rng);
  const Matrix<double> a = combine({x1, x2}, p.v);
  EXPECT_NEAR((a * p.b).norm() / p.b.norm(), std::sqrt(2.0), 1e-9);
}

// d = 2, r = 1, n = 2 Gaussian: the search's value is at least the best of a
// 20000-point grid over the circle (sup over Theta is sigma_1(A(v)) for r = 1).
TEST(JacobianNuclear, KyFanSearchBeatsAGrid) {
  RandomSource rng(13);
  const auto x = gaussian_features(2, 2, rng);
  const KyFanPoint p = maximize_ky_fan(x, 1, 3, 50, rng);
  const double found = (combine(x, p.v).transpose() * p.u).norm();
  double grid = 0;
  for (int k = 0; k < 20000; ++k) {
    Vector<double> v(2);
    v << std::cos(M_PI * k / 20000), std::sin(M_PI * k / 20000);
    grid = std::max(grid, Eigen::JacobiSVD<Matrix<double>>(combine(x, v)).singularValues()(0));
  }
  EXPECT_GE(found, grid - 1e-6);
  EXPECT_LE(found, grid + 1e-6);  // and no more than the true sup (grid spacing 1.6e-4 in angle, value flat at the top)
}

}  // namespace
}  // namespace thmcheck::os19
