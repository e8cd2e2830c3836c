#include "thmcheck/cmr22/data_params.hpp"

#include <fmt/format.h>
#include <rapidcheck.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

namespace thmcheck::cmr22 {

rc::Gen<int> dimension(int max_n) {
  const double lo = std::log(double(max_n + 1)), hi = std::log(double(kLargestN));
  return rc::gen::weightedOneOf<int>(
      {{7, rc::gen::inRange(2, max_n + 1)},
       {1, rc::gen::map(rc::gen::inRange(0, 1001), [lo, hi](int k) {
          return static_cast<int>(std::lround(std::exp(lo + (hi - lo) * k / 1000.0)));
        })}});
}

rc::Gen<DataParams> data_params(int max_n) {
  return rc::gen::build<DataParams>(
      rc::gen::set(&DataParams::n, dimension(max_n)),
      rc::gen::set(&DataParams::m_fraction, rc::gen::inRange(1, 10)),
      rc::gen::set(&DataParams::matrix_kind, rc::gen::weightedElement<int>({{5, 0}, {2, 1}, {1, 2}, {1, 3}})),
      rc::gen::set(&DataParams::truth_kind, rc::gen::inRange(0, 3)),
      rc::gen::set(&DataParams::sparsity, rc::gen::inRange(0, 20)),
      rc::gen::set(&DataParams::depth, rc::gen::inRange(kDrawnDepthMin, kDrawnDepthMax + 1)),
      rc::gen::set(&DataParams::init_exp, rc::gen::inRange(kInitExpMin, kInitExpMax + 1)),
      rc::gen::set(&DataParams::init_kind, rc::gen::inRange(0, 2)),
      rc::gen::set(&DataParams::seed, rc::gen::arbitrary<std::uint64_t>()));
}

int rows_of(const DataParams& q) {
  const int m = static_cast<int>(std::lround(q.n * q.m_fraction / 10.0));
  return std::clamp(m, 1, q.n > kRowCapAboveN ? std::min(q.n - 1, kLargeCaseRows) : q.n - 1);
}

Matrix<double> make_matrix(const DataParams& q, int m, RandomSource& rng, RealMatrix& out) {
  const int n = q.n;
  Matrix<double> a(m, n);
  const double scale = 1.0 / std::sqrt(double(m));
  for (int i = 0; i < m; ++i) {
    for (int k = 0; k < n; ++k) a(i, k) = (q.matrix_kind == 1 ? rng.sign() : rng.gaussian()) * scale;
  }
  if (q.matrix_kind == 2 && n >= 2) {
    for (int i = 0; i < m; ++i) a(i, 1) = a(i, 0) * (1 + 1e-6 * rng.gaussian());
  }
  if (q.matrix_kind == 3 && m >= 2) {
    for (int k = 0; k < n; ++k) a(m - 1, k) = a(0, k) + 1e-6 * rng.gaussian() * scale;
  }
  out.assign(static_cast<size_t>(m), RealVector(static_cast<size_t>(n)));
  for (int i = 0; i < m; ++i) {
    for (int k = 0; k < n; ++k) {
      std::string s = short_decimal(a(i, k));
      a(i, k) = std::stod(s);
      out[i][k] = Real::parse(s);
    }
  }
  return a;
}

Vector<double> make_truth(const DataParams& q, int m, bool positive, RandomSource& rng) {
  const int n = q.n;
  Vector<double> x = Vector<double>::Zero(n);
  if (q.truth_kind == 0) {
    const int s = 1 + q.sparsity % std::max(1, m / 2);
    std::vector<int> idx(n);
    for (int i = 0; i < n; ++i) idx[i] = i;
    for (int i = 0; i < s; ++i) std::swap(idx[i], idx[i + rng.integer(0, n - 1 - i)]);
    for (int i = 0; i < s; ++i) x(idx[i]) = rng.gaussian();
  } else {
    x = gaussian_vector(n, rng);
  }
  if (positive) {
    // A floor of 1e-10 keeps x* strictly inside the orthant, so that the
    // decimal (17-digit) y stays inside cone(A) and S+ is non-empty for the
    // instance as written (exactly sparse x* can land outside after rounding).
    x = x.cwiseAbs();
    x = x / std::max(x.norm(), 1e-300);
    return (x.array() + 1e-10).matrix();
  }
  return x / std::max(x.norm(), 1e-300);
}

RealVector decimal_reals(const Vector<double>& v, int digits) {
  RealVector out;
  out.reserve(static_cast<size_t>(v.size()));
  for (Eigen::Index i = 0; i < v.size(); ++i) out.push_back(Real::parse(short_decimal(v(i), digits)));
  return out;
}

std::string dimension_text(int max_n) {
  return fmt::format(
      "N uniform in [2, {}] (7/8) or log-uniform in [{}, {}] (1/8), M = round(N k/10) (k in 1..9, "
      "1 <= M < N, M <= {} when N > {})",
      max_n, max_n + 1, kLargestN, kLargeCaseRows, kRowCapAboveN);
}

std::string matrix_text() {
  return "A Gaussian/sqrt(M) (5/9), Rademacher/sqrt(M) (2/9), two near-parallel columns (1/9), two "
         "near-dependent rows (1/9)";
}

}  // namespace thmcheck::cmr22
