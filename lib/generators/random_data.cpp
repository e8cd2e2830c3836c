#include "thmcheck/generators/random_data.hpp"

#include <fmt/format.h>

#include <Eigen/QR>
#include <cmath>

namespace thmcheck {

double RandomSource::gaussian() {
  if (has_spare_) {
    has_spare_ = false;
    return spare_;
  }
  double u1 = 0;
  while (u1 == 0) u1 = uniform();
  const double u2 = uniform();
  const double radius = std::sqrt(-2.0 * std::log(u1));
  const double angle = 2.0 * M_PI * u2;
  spare_ = radius * std::sin(angle);
  has_spare_ = true;
  return radius * std::cos(angle);
}

std::int64_t RandomSource::integer(std::int64_t lo, std::int64_t hi) {
  const std::uint64_t span = static_cast<std::uint64_t>(hi - lo) + 1;
  if (span == 0) return static_cast<std::int64_t>(engine_());
  // Rejection sampling keeps the distribution exactly uniform.
  const std::uint64_t limit = std::numeric_limits<std::uint64_t>::max() -
                              std::numeric_limits<std::uint64_t>::max() % span;
  std::uint64_t x;
  do {
    x = engine_();
  } while (x >= limit);
  return lo + static_cast<std::int64_t>(x % span);
}

Matrix<double> gaussian_matrix(Eigen::Index rows, Eigen::Index cols, RandomSource& rng) {
  Matrix<double> m(rows, cols);
  for (Eigen::Index i = 0; i < rows; ++i) {
    for (Eigen::Index j = 0; j < cols; ++j) m(i, j) = rng.gaussian();
  }
  return m;
}

Vector<double> gaussian_vector(Eigen::Index n, RandomSource& rng) {
  Vector<double> v(n);
  for (Eigen::Index i = 0; i < n; ++i) v(i) = rng.gaussian();
  return v;
}

Vector<double> random_unit_vector(Eigen::Index n, RandomSource& rng) {
  Vector<double> v = gaussian_vector(n, rng);
  double norm = v.norm();
  while (norm == 0) {
    v = gaussian_vector(n, rng);
    norm = v.norm();
  }
  return v / norm;
}

Matrix<double> random_orthonormal_columns(Eigen::Index rows, Eigen::Index cols,
                                          RandomSource& rng) {
  Matrix<double> g = gaussian_matrix(rows, cols, rng);
  Eigen::HouseholderQR<Matrix<double>> qr(g);
  Matrix<double> q = qr.householderQ() * Matrix<double>::Identity(rows, cols);
  // Fix column signs so the factor does not depend on the QR's sign choices.
  Matrix<double> r = qr.matrixQR().topLeftCorner(cols, cols).triangularView<Eigen::Upper>();
  for (Eigen::Index j = 0; j < cols; ++j) {
    if (r(j, j) < 0) q.col(j) = -q.col(j);
  }
  return q;
}

Matrix<double> matrix_with_condition(Eigen::Index rows, Eigen::Index cols, double condition,
                                     RandomSource& rng) {
  const Eigen::Index k = std::min(rows, cols);
  Matrix<double> u = random_orthonormal_columns(rows, k, rng);
  Matrix<double> v = random_orthonormal_columns(cols, k, rng);
  Vector<double> s(k);
  for (Eigen::Index i = 0; i < k; ++i) {
    const double t = k == 1 ? 0.0 : static_cast<double>(i) / static_cast<double>(k - 1);
    s(i) = std::pow(condition, -t);
  }
  return u * s.asDiagonal() * v.transpose();
}

std::string short_decimal(double x, int digits) {
  if (x == 0) return "0";
  return fmt::format("{:.{}e}", x, digits - 1);
}

}  // namespace thmcheck
