// Reproducible random data for generators: everything is derived from a
// 64-bit seed with std::mt19937_64 (whose output sequence the C++ standard
// fixes) and our own transforms, so instances are identical on every
// platform. (std::normal_distribution is implementation-defined; we do not use it.)
#pragma once

#include <cstdint>
#include <random>

#include "thmcheck/numerics/scalar.hpp"

namespace thmcheck {

/// Deterministic source of uniform and Gaussian doubles.
class RandomSource {
 public:
  explicit RandomSource(std::uint64_t seed) : engine_(seed) {}
  /// Uniform on [0, 1) with 53 random bits.
  double uniform() { return static_cast<double>(engine_() >> 11) * 0x1.0p-53; }
  /// Uniform on [lo, hi).
  double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }
  /// Standard normal by the Box-Muller transform.
  double gaussian();
  /// Uniform integer in [lo, hi].
  std::int64_t integer(std::int64_t lo, std::int64_t hi);
  /// Rademacher +-1.
  double sign() { return (engine_() >> 63) ? 1.0 : -1.0; }
  std::uint64_t bits() { return engine_(); }

 private:
  std::mt19937_64 engine_;
  bool has_spare_ = false;
  double spare_ = 0;
};

/// n x p matrix with i.i.d. N(0, 1) entries.
Matrix<double> gaussian_matrix(Eigen::Index rows, Eigen::Index cols, RandomSource& rng);
/// Vector with i.i.d. N(0, 1) entries.
Vector<double> gaussian_vector(Eigen::Index n, RandomSource& rng);
/// Unit vector uniformly distributed on the sphere S^{n-1}.
Vector<double> random_unit_vector(Eigen::Index n, RandomSource& rng);
/// rows x cols matrix with orthonormal columns (cols <= rows), Haar-like, from
/// the QR factorisation of a Gaussian matrix.
Matrix<double> random_orthonormal_columns(Eigen::Index rows, Eigen::Index cols, RandomSource& rng);
/// rows x cols matrix U diag(s) V^T with singular values log-spaced from 1 down
/// to 1/condition and random orthonormal U, V.
Matrix<double> matrix_with_condition(Eigen::Index rows, Eigen::Index cols, double condition,
                                     RandomSource& rng);

/// Rounds x to `digits` significant decimal digits and returns the decimal
/// text; generators use this so instance files hold short, exact decimals.
std::string short_decimal(double x, int digits = 17);

}  // namespace thmcheck
