// Random data shared by the cmr22 instance families (gap_instance.hpp,
// bregman_instance.hpp, identical_instance.hpp): the dimensions N and M, the
// matrix A, the ground truth x* and the decimal text the instances store.
// Every real number of an instance is written as a short decimal and read
// back, so an instance means the same real numbers at every precision.
#pragma once

#include <rapidcheck/Gen.h>

#include <cstdint>
#include <string>

#include "thmcheck/engine/instance.hpp"
#include "thmcheck/engine/typed_instance.hpp"
#include "thmcheck/generators/random_data.hpp"
#include "thmcheck/numerics/scalar.hpp"

namespace thmcheck::cmr22 {

/// The drawn parameters of one cmr22 instance (A in R^{M x N}, y, L, the
/// initialization); the data themselves come from `seed`.
struct DataParams {
  int n;             // N in [2, 1000] (see dimension)
  int m_fraction;    // M = max(1, round(N * m_fraction / 10)), kept < N
  int matrix_kind;   // 0 Gaussian/sqrt(M), 1 Rademacher/sqrt(M), 2 near-parallel columns, 3 near-dependent rows
  int truth_kind;    // 0 sparse, 1 dense, 2 (signed only) y Gaussian: no sparse solution
  int sparsity;      // s = 1 + sparsity % max(1, M/2)
  int depth;         // L in {2, 3, 4, 5}
  int init_exp;      // alpha^L = 10^-init_exp, init_exp in [1, 30]
  int init_kind;     // 0 identical alpha 1, 1 random positive alpha * U(0.5, 2)
  std::uint64_t seed;
};

/// Largest N of the generators, and the cap on M above N = 40: one flow step
/// forms and factors A diag(phi') A^T (M^2 N), so M <= 150 (Figure 4b's M at
/// N = 1000) keeps a large case at about a minute (bench/cmr22_flow_vs_gd sizes).
constexpr int kLargestN = 1000;
constexpr int kLargeCaseRows = 150;
/// M is capped at kLargeCaseRows when N is above this.
constexpr int kRowCapAboveN = 40;
/// The drawn depths L and initialization exponents k (alpha^L = 10^-k).
constexpr int kDrawnDepthMin = 2, kDrawnDepthMax = 5;
constexpr int kInitExpMin = 1, kInitExpMax = 30;

/// N: uniform on [2, max_n] (7/8), or log-uniform on (max_n, 1000] (1/8).
rc::Gen<int> dimension(int max_n);

/// DataParams with N from dimension(max_n) and the other fields uniform on
/// their ranges (matrix kinds weighted 5 : 2 : 1 : 1), drawn in field order.
rc::Gen<DataParams> data_params(int max_n);

/// M = round(N m_fraction / 10), clamped to [1, N - 1] (and to 150 when N > 40).
int rows_of(const DataParams& q);

/// A (decimal, 17 digits) as instance reals and as the doubles they denote.
Matrix<double> make_matrix(const DataParams& q, int m, RandomSource& rng, RealMatrix& out);

/// Ground truth: s-sparse or dense, signed or non-negative (||x*||_2 = 1).
Vector<double> make_truth(const DataParams& q, int m, bool positive, RandomSource& rng);

/// v as instance reals: decimals with `digits` significant digits.
RealVector decimal_reals(const Vector<double>& v, int digits = 17);

/// The text of dimension(max_n) and rows_of for generator_info: "N uniform in
/// [2, max_n] (7/8) or log-uniform in [max_n + 1, 1000] (1/8), M = ...".
std::string dimension_text(int max_n);

/// The text of make_matrix's kinds (data_params weights 5 : 2 : 1 : 1).
std::string matrix_text();

}  // namespace thmcheck::cmr22
