#include "thmcheck/os19/jacobian_nuclear.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace thmcheck::os19 {

namespace {

constexpr double kU = std::numeric_limits<double>::epsilon() / 2;

template <class S>
Matrix<double> to_double(const Matrix<S>& m) {
  return m.unaryExpr([](const S& x) { return scalar_cast<double>(x); });
}

double nuclear_value(const Matrix<double>& m) {
  if (m.size() == 0) return 0;
  const Eigen::BDCSVD<Matrix<double>> svd(m);
  return svd.singularValues().sum();
}

Matrix<double> gram(const std::vector<Matrix<double>>& b) {
  const auto n = static_cast<Eigen::Index>(b.size());
  Matrix<double> g(n, n);
  for (Eigen::Index i = 0; i < n; ++i) {
    for (Eigen::Index j = 0; j <= i; ++j) g(i, j) = g(j, i) = b[i].cwiseProduct(b[j]).sum();
  }
  return g;
}

/// Eigenvector of the largest (top = true) or smallest eigenvalue of a symmetric matrix.
Vector<double> extreme_eigenvector(const Matrix<double>& g, bool top) {
  const Eigen::SelfAdjointEigenSolver<Matrix<double>> es(g);
  return top ? Vector<double>(es.eigenvectors().col(g.rows() - 1)) : Vector<double>(es.eigenvectors().col(0));
}

std::vector<Vector<double>> start_points(const Vector<double>& first, int starts, RandomSource& rng) {
  std::vector<Vector<double>> out{first};
  for (int s = 0; s < starts; ++s) out.push_back(random_unit_vector(first.size(), rng));
  return out;
}

Vector<double> normalized_or(const Vector<double>& g, const Vector<double>& fallback) {
  const double nrm = g.norm();
  return nrm > 0 && std::isfinite(nrm) ? Vector<double>(g / nrm) : fallback;
}

}  // namespace

double operator_norm_upper(const Matrix<double>& w) {
  if (w.size() == 0) return 0;
  const Eigen::Index d = w.rows(), r = w.cols();
  const Matrix<double> g = w.transpose() * w;
  Vector<double> norms(r);
  for (Eigen::Index j = 0; j < r; ++j) norms(j) = w.col(j).norm() * (1 + (static_cast<double>(d) + 2) * kU);
  const double gamma = 1.01 * static_cast<double>(d) * kU;
  double worst = 0;
  for (Eigen::Index i = 0; i < r; ++i) {
    double row = 0;
    for (Eigen::Index j = 0; j < r; ++j) row += std::abs(g(i, j)) + gamma * norms(i) * norms(j);
    worst = std::max(worst, row);
  }
  return std::sqrt(worst * (1 + 4 * (static_cast<double>(d + r) + 8) * kU)) * (1 + 2 * kU);
}

Matrix<double> polar_factor(const Matrix<double>& m) {
  const Eigen::BDCSVD<Matrix<double>> svd(m, Eigen::ComputeThinU | Eigen::ComputeThinV);
  return svd.matrixU() * svd.matrixV().transpose();
}

template <class S>
Bounded<S> nuclear_lower(const Matrix<S>& m, const Matrix<S>& magnitude, const S& gamma) {
  using std::abs;
  const Matrix<double> w = polar_factor(to_double(m));
  const Matrix<S> ws = w.unaryExpr([](double x) { return S(x); });
  const S wn = S(operator_norm_upper(w));
  const S u = unit_roundoff<S>();
  const S dot = ws.cwiseProduct(m).sum();
  const S abs_dot = ws.cwiseAbs().cwiseProduct(m.cwiseAbs()).sum();
  const S mag_dot = ws.cwiseAbs().cwiseProduct(magnitude).sum();
  Bounded<S> out;
  out.value = dot / wn;
  out.error = (gamma * mag_dot + S(static_cast<double>(m.size() + 2)) * u * abs_dot) / wn + 2 * u * abs(out.value);
  return out;
}

template <class S>
Bounded<S> nuclear_norm(const Matrix<S>& m, const Matrix<S>& magnitude, const S& gamma) {
  Bounded<S> out;
  if (m.size() == 0) return out;
  const Eigen::JacobiSVD<Matrix<S>> svd(m);
  out.value = svd.singularValues().sum();
  const S k = S(static_cast<double>(std::min(m.rows(), m.cols())));
  out.error = k * (8 * S(static_cast<double>(m.rows() + m.cols())) * unit_roundoff<S>() * m.norm() +
                   gamma * magnitude.norm());
  return out;
}

std::vector<Matrix<double>> gaussian_features(Eigen::Index n, Eigen::Index d, RandomSource& rng) {
  std::vector<Matrix<double>> x;
  for (Eigen::Index i = 0; i < n; ++i) x.push_back(gaussian_matrix(d, d, rng));
  return x;
}

Matrix<double> combine(const std::vector<Matrix<double>>& b, const Vector<double>& v) {
  Matrix<double> out = Matrix<double>::Zero(b.front().rows(), b.front().cols());
  for (std::size_t i = 0; i < b.size(); ++i) out += v(static_cast<Eigen::Index>(i)) * b[i];
  return out;
}

Vector<double> maximize_nuclear(const std::vector<Matrix<double>>& b, int starts, int iterations,
                                RandomSource& rng) {
  const auto n = static_cast<Eigen::Index>(b.size());
  if (n == 1) return Vector<double>::Ones(1);
  Vector<double> best;
  double best_value = -1;
  for (Vector<double> v : start_points(extreme_eigenvector(gram(b), true), starts, rng)) {
    double value = nuclear_value(combine(b, v));
    for (int t = 0; t < iterations; ++t) {
      const Matrix<double> w = polar_factor(combine(b, v));
      Vector<double> g(n);
      for (Eigen::Index i = 0; i < n; ++i) g(i) = w.cwiseProduct(b[i]).sum();
      const Vector<double> next = normalized_or(g, v);
      const double next_value = nuclear_value(combine(b, next));
      if (!(next_value > value * (1 + 1e-13))) break;
      v = next;
      value = next_value;
    }
    if (value > best_value) {
      best_value = value;
      best = v;
    }
  }
  return best;
}

Vector<double> minimize_nuclear(const std::vector<Matrix<double>>& b, int starts, int iterations,
                                RandomSource& rng) {
  const auto n = static_cast<Eigen::Index>(b.size());
  if (n == 1) return Vector<double>::Ones(1);
  Vector<double> best;
  double best_value = std::numeric_limits<double>::infinity();
  for (Vector<double> v : start_points(extreme_eigenvector(gram(b), false), starts, rng)) {
    double value = nuclear_value(combine(b, v));
    double step = 0.25;
    for (int t = 0; t < iterations && step > 1e-9; ++t) {
      const Matrix<double> w = polar_factor(combine(b, v));
      Vector<double> g(n);
      for (Eigen::Index i = 0; i < n; ++i) g(i) = w.cwiseProduct(b[i]).sum();
      Vector<double> p = g - g.dot(v) * v;  // the subgradient's tangent part
      if (!(p.norm() > 0)) break;
      const Vector<double> next = normalized_or(v - step * p / p.norm(), v);
      const double next_value = nuclear_value(combine(b, next));
      if (next_value < value) {
        v = next;
        value = next_value;
        step *= 1.5;
      } else {
        step /= 2;
      }
    }
    if (value < best_value) {
      best_value = value;
      best = v;
    }
  }
  return best;
}

namespace {

Matrix<double> top_left_vectors(const Matrix<double>& a, Eigen::Index r) {
  const Eigen::BDCSVD<Matrix<double>> svd(a, Eigen::ComputeThinU);
  return svd.matrixU().leftCols(r);
}

double ky_fan_value(const Matrix<double>& a, Eigen::Index r) {
  const Eigen::BDCSVD<Matrix<double>> svd(a);
  return std::sqrt(svd.singularValues().head(r).squaredNorm());
}

}  // namespace

KyFanPoint maximize_ky_fan(const std::vector<Matrix<double>>& x, Eigen::Index r, int starts, int iterations,
                           RandomSource& rng) {
  const auto n = static_cast<Eigen::Index>(x.size());
  KyFanPoint best;
  double best_value = -1;
  for (Vector<double> v : start_points(extreme_eigenvector(gram(x), true), starts, rng)) {
    double value = ky_fan_value(combine(x, v), r);
    for (int t = 0; t < iterations && n > 1; ++t) {
      const Matrix<double> u = top_left_vectors(combine(x, v), r);
      std::vector<Matrix<double>> c;
      for (const auto& xi : x) c.push_back(u.transpose() * xi);
      const Vector<double> next = extreme_eigenvector(gram(c), true);
      const double next_value = ky_fan_value(combine(x, next), r);
      if (!(next_value > value * (1 + 1e-13))) break;
      v = next;
      value = next_value;
    }
    if (value > best_value) {
      best_value = value;
      best.v = v;
    }
  }
  best.u = top_left_vectors(combine(x, best.v), r);
  return best;
}

SpectralPoint maximize_spectral(const std::vector<Matrix<double>>& x, int starts, int iterations, RandomSource& rng) {
  const auto n = static_cast<Eigen::Index>(x.size());
  SpectralPoint best;
  double best_value = -1;
  for (Vector<double> v : start_points(extreme_eigenvector(gram(x), true), starts, rng)) {
    Eigen::BDCSVD<Matrix<double>> svd(combine(x, v), Eigen::ComputeThinU | Eigen::ComputeThinV);
    double value = svd.singularValues()(0);
    for (int t = 0; t < iterations && n > 1; ++t) {
      const Vector<double> a = svd.matrixU().col(0), bv = svd.matrixV().col(0);
      Vector<double> g(n);
      for (Eigen::Index i = 0; i < n; ++i) g(i) = a.dot(x[i] * bv);
      const Vector<double> next = normalized_or(g, v);
      Eigen::BDCSVD<Matrix<double>> next_svd(combine(x, next), Eigen::ComputeThinU | Eigen::ComputeThinV);
      if (!(next_svd.singularValues()(0) > value * (1 + 1e-13))) break;
      v = next;
      value = next_svd.singularValues()(0);
      svd = next_svd;
    }
    if (value > best_value) {
      best_value = value;
      best.v = v;
      best.b = svd.matrixV().col(0);
    }
  }
  return best;
}

template Bounded<double> nuclear_lower<double>(const Matrix<double>&, const Matrix<double>&, const double&);
template Bounded<Mp50> nuclear_lower<Mp50>(const Matrix<Mp50>&, const Matrix<Mp50>&, const Mp50&);
template Bounded<Mp100> nuclear_lower<Mp100>(const Matrix<Mp100>&, const Matrix<Mp100>&, const Mp100&);
template Bounded<double> nuclear_norm<double>(const Matrix<double>&, const Matrix<double>&, const double&);
template Bounded<Mp50> nuclear_norm<Mp50>(const Matrix<Mp50>&, const Matrix<Mp50>&, const Mp50&);
template Bounded<Mp100> nuclear_norm<Mp100>(const Matrix<Mp100>&, const Matrix<Mp100>&, const Mp100&);

}  // namespace thmcheck::os19
