#include "thmcheck/cmr22/null_space_constant.hpp"

#include <gtest/gtest.h>

#include <Eigen/Dense>
#include <cmath>

#include "thmcheck/generators/random_data.hpp"

namespace thmcheck::cmr22 {
namespace {

// Known answer: A = [I_M | a] has the one-dimensional kernel spanned by
// v = (-a, 1), so rho_s(A) = (sum of the s largest |v_i|) / (the rest).
// a = (1/2, -1/4, 1/8, 3/8) (exact in binary): |v| = (1/2, 1/4, 1/8, 3/8, 1).
// s = 1: 1 / (1.25) = 0.8; s = 2: 1.5 / 0.75 = 2 (NSP fails in the sense rho >= 1).
template <class S>
void check_one_dimensional_kernel(const S& tolerance) {
  Matrix<S> a = Matrix<S>::Zero(4, 5);
  a.leftCols(4) = Matrix<S>::Identity(4, 4);
  a(0, 4) = S(1) / 2;
  a(1, 4) = -S(1) / 4;
  a(2, 4) = S(1) / 8;
  a(3, 4) = S(3) / 8;
  const NullSpaceConstant<S> r1 = null_space_constant<S>(a, 1);
  ASSERT_TRUE(r1.ok) << r1.message;
  ASSERT_TRUE(r1.bounded);
  EXPECT_LT(abs(r1.upper - S(4) / 5), tolerance);
  EXPECT_LT(abs(r1.lower - S(4) / 5), tolerance);
  EXPECT_EQ(r1.lps, 5);
  const NullSpaceConstant<S> r2 = null_space_constant<S>(a, 2);
  ASSERT_TRUE(r2.ok);
  EXPECT_LT(abs(r2.upper - 2), tolerance);
  EXPECT_LT(abs(r2.lower - 2), tolerance);
  EXPECT_EQ(r2.lps, 20);  // C(5, 2) 2
}

// Tolerances: the LP data are exact in binary; the dual bound is re-solved at
// S (error ~ N u ||A|| ||mu||, below 1e-14 in double and 1e-45 at 50 digits),
// the lower end comes from GLPK's double duals projected onto ker(A), so it
// is exact up to the double relative error of the vertex (~1e-15; allow 1e-12).
TEST(Cmr22NullSpaceConstantTest, OneDimensionalKernelDouble) { check_one_dimensional_kernel<double>(1e-12); }
TEST(Cmr22NullSpaceConstantTest, OneDimensionalKernelMp50) {
  check_one_dimensional_kernel<Mp50>(Mp50("1e-12"));
  Matrix<Mp50> a = Matrix<Mp50>::Zero(4, 5);
  a.leftCols(4) = Matrix<Mp50>::Identity(4, 4);
  a(0, 4) = Mp50(1) / 2;
  a(1, 4) = -Mp50(1) / 4;
  a(2, 4) = Mp50(1) / 8;
  a(3, 4) = Mp50(3) / 8;
  // The upper end alone is exact to the 50-digit rounding of the re-solve.
  EXPECT_LT(abs(null_space_constant<Mp50>(a, 1).upper - Mp50(4) / 5), Mp50("1e-45"));
}

// A kernel vector supported on s entries: columns 0 and 1 equal, so
// e_0 - e_1 is in ker(A) and rho_2 = infinity.
TEST(Cmr22NullSpaceConstantTest, SparseKernelVectorIsUnbounded) {
  Matrix<double> a(2, 4);
  a << 1, 1, 0, 2, 3, 3, 1, -1;
  const NullSpaceConstant<double> r = null_space_constant<double>(a, 2);
  EXPECT_TRUE(r.ok);
  EXPECT_FALSE(r.bounded);
  ASSERT_EQ(r.extremal.size(), 4);
  EXPECT_LT((a * r.extremal).norm(), 1e-12);
  EXPECT_GT(r.extremal.norm(), 0.5);
}

// Second method, a two-dimensional kernel: rho = max over the unit circle of
// f(theta) = top_s(|K c|) / rest(|K c|), c = (cos theta, sin theta), found by a
// grid of 20000 angles refined by golden-section search on the best cell
// (f is piecewise smooth with at most O(N^2) kinks; the refinement converges
// to 1e-9 on the cell). Gaussian 6 x 8 matrices, s = 1 and 2.
template <class S>
void check_against_circle_search(int seed, int s) {
  RandomSource rng(seed);
  const Matrix<double> ad = gaussian_matrix(6, 8, rng);
  const Eigen::FullPivLU<Matrix<double>> lu(ad);
  const Matrix<double> k = lu.kernel();
  ASSERT_EQ(k.cols(), 2);
  auto f = [&](double th) {
    const Vector<double> v = k * Vector<double>{{std::cos(th), std::sin(th)}};
    const double rest = best_s_term_error<double>(v, s);
    return (v.lpNorm<1>() - rest) / rest;
  };
  const int grid = 20000;
  double best = -1, best_th = 0;
  for (int i = 0; i < grid; ++i) {
    const double th = M_PI * i / grid;
    if (f(th) > best) best = f(th), best_th = th;
  }
  double lo = best_th - M_PI / grid, hi = best_th + M_PI / grid;
  const double g = (std::sqrt(5.0) - 1) / 2;
  for (int it = 0; it < 80; ++it) {
    const double p = hi - g * (hi - lo), q = lo + g * (hi - lo);
    if (f(p) > f(q)) hi = q; else lo = p;
  }
  best = std::max(best, f((lo + hi) / 2));
  const NullSpaceConstant<S> r = null_space_constant<S>(ad.cast<S>(), s);
  ASSERT_TRUE(r.ok && r.bounded) << r.message;
  EXPECT_NEAR(scalar_cast<double>(r.upper), best, 1e-8 * (1 + best)) << "seed " << seed << " s " << s;
  EXPECT_LE(scalar_cast<double>(r.lower), scalar_cast<double>(r.upper) * (1 + 1e-12));
  EXPECT_GE(scalar_cast<double>(r.lower), best * (1 - 1e-8));
}

TEST(Cmr22NullSpaceConstantTest, MatchesCircleSearchDouble) {
  for (int seed : {3, 5, 8}) {
    for (int s : {1, 2}) check_against_circle_search<double>(seed, s);
  }
}
TEST(Cmr22NullSpaceConstantTest, MatchesCircleSearchMp50) {
  check_against_circle_search<Mp50>(11, 1);
  check_against_circle_search<Mp50>(13, 2);
}

// sigma_s(x)_1.
TEST(Cmr22NullSpaceConstantTest, BestSTermError) {
  Vector<double> x{{3, -1, 0.5, -4}};
  EXPECT_NEAR(best_s_term_error<double>(x, 0), 8.5, 1e-15);
  EXPECT_NEAR(best_s_term_error<double>(x, 2), 1.5, 1e-15);
  EXPECT_NEAR(best_s_term_error<double>(x, 4), 0.0, 1e-15);
}

}  // namespace
}  // namespace thmcheck::cmr22
