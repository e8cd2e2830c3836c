#include "thmcheck/cmr22/l1_minimization.hpp"

#include <gtest/gtest.h>

#include "thmcheck/generators/random_data.hpp"

namespace thmcheck::cmr22 {
namespace {

// Known minima (all data exact in binary, so certificates at 50 digits must
// hold and values be exact up to the basis solve's rounding, < 1e-45 here).
TEST(Cmr22L1Test, KnownSmallMinima) {
  Matrix<Mp50> a(1, 2);
  a << Mp50(1), Mp50(2);
  Vector<Mp50> y(1);
  y << Mp50(1);
  for (bool nonneg : {false, true}) {
    auto r = l1_minimize<Mp50>(a, y, nonneg);
    ASSERT_EQ(r.status, L1Status::kOptimal) << r.message;
    EXPECT_TRUE(r.certified);
    EXPECT_LT(abs(r.value - Mp50("0.5")), Mp50("1e-45"));
    EXPECT_LT(abs(r.z(1) - Mp50("0.5")), Mp50("1e-45"));
    EXPECT_LT(r.value_error, Mp50("1e-40"));
  }
  // A = [[1,0,1],[0,1,1]], y = (1,1): z = (1-t, 1-t, t) has l1 norm 2|1-t| + |t|,
  // minimal (= 1) at t = 1.
  Matrix<Mp50> b(2, 3);
  b << Mp50(1), Mp50(0), Mp50(1), Mp50(0), Mp50(1), Mp50(1);
  Vector<Mp50> yb(2);
  yb << Mp50(1), Mp50(1);
  auto r = l1_minimize<Mp50>(b, yb, false);
  ASSERT_EQ(r.status, L1Status::kOptimal);
  EXPECT_TRUE(r.certified);
  EXPECT_LT(abs(r.value - 1), Mp50("1e-45"));
}

// Signed vs non-negative: y = A e_1 - A e_2 with A = I (3x3): the signed
// minimum is 2; there is no non-negative solution.
TEST(Cmr22L1Test, SignedVersusNonnegative) {
  Matrix<double> a = Matrix<double>::Identity(3, 3);
  Vector<double> y(3);
  y << 1, -1, 0;
  auto s = l1_minimize<double>(a, y, false);
  ASSERT_EQ(s.status, L1Status::kOptimal);
  EXPECT_NEAR(s.value, 2.0, 1e-14);
  auto p = l1_minimize<double>(a, y, true);
  EXPECT_EQ(p.status, L1Status::kInfeasible);
}

// Exact recovery: a Gaussian 12 x 30 matrix and a 2-sparse x*: l1
// minimization recovers x* with overwhelming probability (Donoho-Tanner), and
// then the minimum is ||x*||_1. Checked at 50 digits against x* itself.
TEST(Cmr22L1Test, RecoversSparseVectorMp50) {
  RandomSource rng(17);
  Matrix<Mp50> a = gaussian_matrix(12, 30, rng).cast<Mp50>();
  Vector<Mp50> x = Vector<Mp50>::Zero(30);
  x(4) = Mp50("0.75");
  x(20) = Mp50("-1.25");
  Vector<Mp50> y = a * x;
  auto r = l1_minimize<Mp50>(a, y, false);
  ASSERT_EQ(r.status, L1Status::kOptimal);
  EXPECT_TRUE(r.certified) << r.primal_infeasibility << " " << r.dual_infeasibility;
  EXPECT_LT(abs(r.value - 2), Mp50("1e-40"));
  EXPECT_LT((r.z - x).norm(), Mp50("1e-40"));
}

// Figure 4b's size (N = 1000, M = 150, 2000 LP columns), beyond the reach of
// glp_exact: the double simplex basis must certify at 50 digits by itself,
// and the minimum is ||x*||_1 for a 10-sparse x* (recovery with
// overwhelming probability at M = 150), to the 50-digit rounding of the
// basis solves (value_error, ~1e-44 here; we allow 1e-40).
TEST(Cmr22L1Test, LargeLpCertifiesWithoutExactSimplexMp50) {
  RandomSource rng(23);
  Matrix<Mp50> a = gaussian_matrix(150, 1000, rng).cast<Mp50>();
  Vector<Mp50> x = Vector<Mp50>::Zero(1000);
  for (int k = 0; k < 10; ++k) x(97 * k + 3) = Mp50(k % 2 == 0 ? 1 : -1) * Mp50(k + 1) / 8;
  Vector<Mp50> y = a * x;
  auto r = l1_minimize<Mp50>(a, y, false);
  ASSERT_EQ(r.status, L1Status::kOptimal) << r.message;
  EXPECT_TRUE(r.certified) << r.primal_infeasibility << " " << r.dual_infeasibility;
  EXPECT_FALSE(r.exact_simplex_used);
  EXPECT_LT(r.value_error, Mp50("1e-40"));
  EXPECT_LT(abs(r.value - x.lpNorm<1>()), Mp50("1e-40"));
}

}  // namespace
}  // namespace thmcheck::cmr22
