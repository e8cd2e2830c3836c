// The data model of mf22 Section 2 and Assumption 1: y_i = <theta*, x_i> + eps_i
// with x_i i.i.d. N(0, I_d), theta* k-sparse and non-negative, and eps supported
// on a uniformly chosen set S of |S| = p m indices with eps_i ~ P_o on S and 0
// elsewhere. Everything is drawn in double from one seed (RandomSource), so a
// data set is the same real numbers at every precision; labels are formed at
// the working precision from those doubles.
#pragma once

#include <cstdint>
#include <vector>

#include "thmcheck/generators/random_data.hpp"
#include "thmcheck/mf22/outlier_law.hpp"
#include "thmcheck/numerics/scalar.hpp"

namespace thmcheck::mf22 {

/// Parameters of a robust sparse regression data set.
struct RobustRegressionSpec {
  int dimension = 10;        ///< d
  int samples = 20;          ///< m
  int sparsity = 2;          ///< k = ||theta*||_0 (support uniform among k-subsets)
  int corrupted = 2;         ///< |S| = p m (an integer, footnote 3)
  double theta_min = 1;      ///< nonzero entries of theta* uniform in [theta_min, theta_max]
  double theta_max = 2;
  OutlierLaw<double> outliers;  ///< P_o
  std::uint64_t seed = 0;
  /// Empty when valid, else the first problem.
  std::string validate() const;
};

/// A drawn data set (all entries are doubles, exact at every precision).
struct RobustRegressionData {
  Matrix<double> x;            ///< m x d design, rows x_i
  Vector<double> theta_star;   ///< d, k-sparse, non-negative
  Vector<double> noise;        ///< m, eps (zero off S)
  std::vector<int> support;    ///< supp(theta*), increasing
  std::vector<int> corrupted;  ///< S, increasing
  /// y = X theta* + eps at precision Scalar.
  template <class Scalar>
  Vector<Scalar> labels() const {
    Matrix<Scalar> xs = x.cast<Scalar>();
    return xs * theta_star.cast<Scalar>() + noise.cast<Scalar>();
  }
  /// Corruption fraction p = |S| / m.
  double corruption_rate() const { return static_cast<double>(corrupted.size()) / x.rows(); }
};

/// Draws a data set per Section 2 / Assumption 1. Throws std::invalid_argument
/// on an invalid spec.
RobustRegressionData draw_robust_regression(const RobustRegressionSpec& spec);

/// A uniformly random subset of {0..n-1} of size k, increasing (partial
/// Fisher-Yates on RandomSource integers).
std::vector<int> random_subset(int n, int k, RandomSource& rng);

}  // namespace thmcheck::mf22
