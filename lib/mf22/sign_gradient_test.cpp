#include "thmcheck/mf22/sign_gradient.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "thmcheck/mf22/robust_regression.hpp"

namespace thmcheck::mf22 {
namespace {

RobustRegressionData data(int d, int m, int corrupted, OutlierLaw<double> law, std::uint64_t seed) {
  RobustRegressionSpec s;
  s.dimension = d;
  s.samples = m;
  s.sparsity = 1;
  s.corrupted = corrupted;
  s.outliers = law;
  s.seed = seed;
  return draw_robust_regression(s);
}

// The batched product equals the defining sum term by term (rounding only:
// m = 50 terms of size |x| < 6, so 1e-12 absolute).
TEST(Mf22SignGradient, BatchMatchesDefinition) {
  const auto dat = data(7, 50, 10, {OutlierKind::kGaussian, 1.0}, 3);
  RandomSource rng(5);
  const Matrix<double> z = gaussian_matrix(7, 5, rng);
  const Matrix<double> q = sign_gradient_batch(dat.x, dat.noise, z);
  for (int b = 0; b < 5; ++b) {
    Vector<double> ref = Vector<double>::Zero(7);
    for (int i = 0; i < 50; ++i) {
      const double a = dat.x.row(i).dot(z.col(b)) + dat.noise(i);
      ref += (a > 0 ? 1.0 : -1.0) * dat.x.row(i).transpose();
    }
    ref /= 50.0;
    EXPECT_LT((q.col(b) - ref).lpNorm<Eigen::Infinity>(), 1e-12);
  }
}

// The two psi forms coincide at ||z|| = 1 and when p = 0 (identity).
TEST(Mf22SignGradient, PsiFormsAgreeWhereTheyMust) {
  OutlierLaw<double> law{OutlierKind::kUniform, 4.0};
  EXPECT_NEAR(psi(law, 0.3, 1.0, PsiForm::kPrinted), psi(law, 0.3, 1.0, PsiForm::kAsProved), 1e-15);
  EXPECT_NEAR(psi(law, 0.0, 9.0, PsiForm::kPrinted), std::sqrt(2 / M_PI), 1e-15);
  EXPECT_NEAR(psi(law, 0.0, 9.0, PsiForm::kAsProved), std::sqrt(2 / M_PI), 1e-15);
}

// psi (as derived in Appendix E) against a Monte Carlo estimate of the mean
// coefficient <Q(z), z/||z||> on one large data set: m = 200000, the summands
// Sign(.) <x_i, u> have variance <= 1, so the standard error is <= 1/sqrt(m)
// = 2.2e-3; 5 standard errors. This tests the closed forms coded in psi, not
// Proposition 1 (which is about the uniform deviation).
TEST(Mf22SignGradient, AsProvedPsiMatchesMonteCarloMean) {
  for (OutlierKind k : {OutlierKind::kGaussian, OutlierKind::kTwoPoint, OutlierKind::kCauchy}) {
    const int m = 200000;
    const auto dat = data(3, m, m * 2 / 5, {k, 3.0}, 11);
    for (double nz : {0.5, 3.0, 20.0}) {
      Matrix<double> z = Matrix<double>::Zero(3, 1);
      z(0, 0) = 0.6 * nz;
      z(2, 0) = -0.8 * nz;
      const Matrix<double> q = sign_gradient_batch(dat.x, dat.noise, z);
      const double coef = q.col(0).dot(z.col(0)) / nz;
      EXPECT_NEAR(coef, psi(OutlierLaw<double>{k, 3.0}, 0.4, nz, PsiForm::kAsProved),
                  5 / std::sqrt(double(m)))
          << to_string(k) << " ||z|| = " << nz;
    }
  }
}

TEST(Mf22SignGradient, SearchReturnsFeasibleReproducibleLowerBound) {
  const auto dat = data(40, 200, 20, {OutlierKind::kGaussian, 1.0}, 9);
  DeviationSearchOptions o;
  o.sparsity = 3;
  o.norm_min = 0.1;
  o.norm_max = 10;
  o.batch = 16;
  const DeviationSearchResult r = search_deviation(dat.x, dat.noise, {OutlierKind::kGaussian, 1.0},
                                                   0.1, o);
  ASSERT_EQ(r.message, "ok");
  EXPECT_EQ(r.evaluations, 16 * (2 + 2 + 6));
  EXPECT_GE(r.best_deviation, r.best_from_random);
  int nonzero = 0;
  for (int j = 0; j < 40; ++j) nonzero += r.best_z(j) != 0;
  EXPECT_LE(nonzero, 3);
  EXPECT_GE(r.best_z.norm(), 0.1 * (1 - 1e-12));
  EXPECT_LE(r.best_z.norm(), 10 * (1 + 1e-12));
  Matrix<double> z = r.best_z;
  const Vector<double> again = deviations(dat.x, dat.noise, {OutlierKind::kGaussian, 1.0}, 0.1, z,
                                          o.form, o.norm);
  EXPECT_NEAR(again(0), r.best_deviation, 1e-14);
}

}  // namespace
}  // namespace thmcheck::mf22
