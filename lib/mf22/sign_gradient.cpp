#include "thmcheck/mf22/sign_gradient.hpp"

#include <boost/math/constants/constants.hpp>

#include <Eigen/QR>
#include <algorithm>
#include <cmath>
#include <numeric>

#include "thmcheck/generators/random_data.hpp"
#include "thmcheck/mf22/robust_regression.hpp"

namespace thmcheck::mf22 {

std::string to_string(PsiForm f) { return f == PsiForm::kPrinted ? "printed" : "as-proved"; }
std::string to_string(DeviationNorm n) { return n == DeviationNorm::kTwo ? "2-norm" : "inf-norm"; }

Matrix<double> sign_gradient_batch(const Matrix<double>& x, const Vector<double>& noise,
                                   const Matrix<double>& z) {
  Matrix<double> s = x * z;
  s.colwise() += noise;
  s = s.unaryExpr([](double v) { return v > 0 ? 1.0 : (v < 0 ? -1.0 : 0.0); });
  return x.transpose() * s / static_cast<double>(x.rows());
}

template <class S>
S psi(const OutlierLaw<S>& law, const S& p, const S& norm_z, PsiForm form) {
  using std::sqrt;
  const S s2 = form == PsiForm::kPrinted ? norm_z : S(norm_z * norm_z);
  const S c = sqrt(2 / boost::math::constants::pi<S>());
  return c * (1 - p + p * law.gaussian_damping(s2));
}

std::string DeviationSearchOptions::validate() const {
  if (sparsity < 1) return "sparsity must be >= 1";
  if (!(norm_min > 0 && norm_max >= norm_min)) return "need 0 < norm_min <= norm_max";
  if (batch < 1 || random_batches < 1) return "need batch >= 1 and random_batches >= 1";
  if (adversarial_batches < 0 || ascent_rounds < 0) return "negative budget";
  return "";
}

Vector<double> deviations(const Matrix<double>& x, const Vector<double>& noise,
                          const OutlierLaw<double>& law, double p, const Matrix<double>& z,
                          PsiForm form, DeviationNorm norm) {
  const Matrix<double> q = sign_gradient_batch(x, noise, z);
  Vector<double> out(z.cols());
  for (Eigen::Index b = 0; b < z.cols(); ++b) {
    const double nz = z.col(b).norm();
    const Vector<double> r = q.col(b) - psi(law, p, nz, form) * z.col(b) / nz;
    out(b) = norm == DeviationNorm::kTwo ? r.norm() : r.lpNorm<Eigen::Infinity>();
  }
  return out;
}

namespace {

/// Rescales z to a norm log-uniform in [r, R].
void set_random_norm(Eigen::Ref<Vector<double>> z, double r, double big_r, RandomSource& rng) {
  const double target = r * std::pow(big_r / r, rng.uniform());
  z *= target / z.norm();
}

/// Clamps the norm of z into [r, R] (keeps feasibility after a perturbation).
void clamp_norm(Eigen::Ref<Vector<double>> z, double r, double big_r) {
  const double n = z.norm();
  if (n < r) z *= r / n;
  if (n > big_r) z *= big_r / n;
}

}  // namespace

DeviationSearchResult search_deviation(const Matrix<double>& x, const Vector<double>& noise,
                                       const OutlierLaw<double>& law, double p,
                                       const DeviationSearchOptions& o) {
  DeviationSearchResult result;
  const std::string problem = o.validate();
  if (!problem.empty()) {
    result.message = "invalid options: " + problem;
    return result;
  }
  const int d = static_cast<int>(x.cols());
  const int k = std::min(o.sparsity, d);
  RandomSource rng(o.seed);
  auto consider = [&](const Matrix<double>& z) {
    const Vector<double> dev = deviations(x, noise, law, p, z, o.form, o.norm);
    result.evaluations += static_cast<int>(z.cols());
    Eigen::Index best;
    const double v = dev.maxCoeff(&best);
    if (v > result.best_deviation) {
      result.best_deviation = v;
      result.best_z = z.col(best);
    }
    return dev;
  };
  // Keep the best few z (the pool the ascent starts from).
  std::vector<std::pair<double, Vector<double>>> pool;
  auto add_to_pool = [&](const Matrix<double>& z, const Vector<double>& dev) {
    for (Eigen::Index b = 0; b < z.cols(); ++b) pool.emplace_back(dev(b), z.col(b));
    std::sort(pool.begin(), pool.end(),
              [](const auto& a, const auto& b) { return a.first > b.first; });
    if (pool.size() > 8) pool.resize(8);
  };
  // 1. Random k-sparse z with a uniform support and Gaussian entries.
  for (int round = 0; round < o.random_batches; ++round) {
    Matrix<double> z = Matrix<double>::Zero(d, o.batch);
    for (int b = 0; b < o.batch; ++b) {
      for (int j : random_subset(d, k, rng)) z(j, b) = rng.gaussian();
      set_random_norm(z.col(b), o.norm_min, o.norm_max, rng);
    }
    add_to_pool(z, consider(z));
  }
  result.best_from_random = result.best_deviation;
  // 2. Adversarial z: for a coordinate j, regress column x_j on the k columns
  // (other than j) most correlated with it; Sign(X z) then correlates with x_j
  // while z_j = 0, which inflates |Q_j(z) - psi z_j/||z|||.
  if (o.adversarial_batches > 0) {
    const Matrix<double> gram = x.transpose() * x;
    for (int round = 0; round < o.adversarial_batches; ++round) {
      Matrix<double> z = Matrix<double>::Zero(d, o.batch);
      for (int b = 0; b < o.batch; ++b) {
        const int j = static_cast<int>(rng.integer(0, d - 1));
        std::vector<int> others;
        for (int l = 0; l < d; ++l)
          if (l != j) others.push_back(l);
        const int kk = std::min<int>(k, static_cast<int>(others.size()));
        if (kk == 0) {
          z(j, b) = 1;
        } else {
          std::partial_sort(others.begin(), others.begin() + kk, others.end(),
                            [&](int a, int c) { return std::abs(gram(a, j)) > std::abs(gram(c, j)); });
          Matrix<double> xt(x.rows(), kk);
          for (int l = 0; l < kk; ++l) xt.col(l) = x.col(others[l]);
          const Vector<double> coef = xt.colPivHouseholderQr().solve(x.col(j));
          for (int l = 0; l < kk; ++l) z(others[l], b) = coef(l);
          if (z.col(b).norm() == 0) z(others[0], b) = 1;
          if (rng.uniform() < 0.5) z.col(b) = -z.col(b);
        }
        set_random_norm(z.col(b), o.norm_min, o.norm_max, rng);
      }
      add_to_pool(z, consider(z));
    }
  }
  // 3. Hill climbing: perturb pool members within their support, rescale the
  // norm, or move one support element; keep the best.
  for (int round = 0; round < o.ascent_rounds && !pool.empty(); ++round) {
    Matrix<double> z(d, o.batch);
    const double step = 0.5 * std::pow(0.7, round);
    for (int b = 0; b < o.batch; ++b) {
      const Vector<double>& base = pool[b % pool.size()].second;
      Vector<double> c = base;
      const double u = rng.uniform();
      if (u < 0.5) {
        for (int j = 0; j < d; ++j)
          if (c(j) != 0) c(j) += step * base.norm() / std::sqrt(double(k)) * rng.gaussian();
      } else if (u < 0.8) {
        c *= std::exp(2.0 * step * rng.gaussian());
      } else {
        std::vector<int> on, off;
        for (int j = 0; j < d; ++j) (c(j) != 0 ? on : off).push_back(j);
        if (!on.empty() && !off.empty()) {
          const int a = on[rng.integer(0, on.size() - 1)];
          const int f = off[rng.integer(0, off.size() - 1)];
          c(f) = c(a);
          c(a) = 0;
        }
      }
      if (c.norm() == 0) c = base;
      clamp_norm(c, o.norm_min, o.norm_max);
      z.col(b) = c;
    }
    add_to_pool(z, consider(z));
  }
  result.message = "ok";
  return result;
}

template double psi<double>(const OutlierLaw<double>&, const double&, const double&, PsiForm);
template Mp50 psi<Mp50>(const OutlierLaw<Mp50>&, const Mp50&, const Mp50&, PsiForm);
template Mp100 psi<Mp100>(const OutlierLaw<Mp100>&, const Mp100&, const Mp100&, PsiForm);

}  // namespace thmcheck::mf22
