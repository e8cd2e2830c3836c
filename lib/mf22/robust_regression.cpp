#include "thmcheck/mf22/robust_regression.hpp"

#include <algorithm>
#include <numeric>
#include <stdexcept>

namespace thmcheck::mf22 {

std::string RobustRegressionSpec::validate() const {
  if (dimension < 1) return "dimension must be >= 1";
  if (samples < 1) return "samples must be >= 1";
  if (sparsity < 0 || sparsity > dimension) return "sparsity must be in [0, d]";
  if (corrupted < 0 || corrupted > samples) return "corrupted must be in [0, m]";
  if (!(theta_min >= 0 && theta_max >= theta_min)) return "need 0 <= theta_min <= theta_max";
  if (!(outliers.scale > 0)) return "outlier scale must be positive";
  return "";
}

std::vector<int> random_subset(int n, int k, RandomSource& rng) {
  std::vector<int> all(n);
  std::iota(all.begin(), all.end(), 0);
  for (int i = 0; i < k; ++i) {
    const int j = static_cast<int>(rng.integer(i, n - 1));
    std::swap(all[i], all[j]);
  }
  std::vector<int> out(all.begin(), all.begin() + k);
  std::sort(out.begin(), out.end());
  return out;
}

RobustRegressionData draw_robust_regression(const RobustRegressionSpec& spec) {
  const std::string problem = spec.validate();
  if (!problem.empty()) throw std::invalid_argument("RobustRegressionSpec: " + problem);
  RandomSource rng(spec.seed);
  RobustRegressionData data;
  data.x = gaussian_matrix(spec.samples, spec.dimension, rng);
  data.support = random_subset(spec.dimension, spec.sparsity, rng);
  data.theta_star = Vector<double>::Zero(spec.dimension);
  for (int j : data.support) data.theta_star(j) = rng.uniform(spec.theta_min, spec.theta_max);
  data.corrupted = random_subset(spec.samples, spec.corrupted, rng);
  data.noise = Vector<double>::Zero(spec.samples);
  for (int i : data.corrupted) data.noise(i) = spec.outliers.sample(rng);
  return data;
}

}  // namespace thmcheck::mf22
