#include "thmcheck/mf22/subgm_trajectory.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "thmcheck/mf22/subgradient_method.hpp"

namespace thmcheck::mf22 {

TrajectoryMeasurement measure_trajectory(const DiagonalNetworkProblem<double>& problem,
                                         const RobustRegressionData& data, const Matrix<double>& w0,
                                         double step, long max_hit, double window) {
  TrajectoryMeasurement out;
  const double target = 0.1 * data.theta_star.norm();
  const int layers = static_cast<int>(w0.cols());
  std::vector<bool> on_support(static_cast<size_t>(w0.rows()), false);
  for (int l : data.support) on_support[static_cast<size_t>(l)] = true;
  SubgradientOptions<double> options;
  options.step = step;
  // In double, and capped at 4e15, so that a tiny step (a huge max_hit) cannot
  // overflow a long (UBSan found it with eta = 1e-300); the time limit stops it.
  options.max_iterations = static_cast<long>(std::min(2.0 * static_cast<double>(max_hit) * std::max(1.0, window) + 10, 4e15));
  long bar = -1;
  const auto result = subgradient_method<double>(
      problem, w0, options, [&](const SubgradientIterate<double>& it) {
        const long t = it.iteration;
        const double err = (*it.product - data.theta_star).norm();
        if (bar < 0 || t <= bar) {
          const Matrix<double>& w = *it.w;
          for (Eigen::Index l = 0; l < w.rows(); ++l) {
            const double spread = w.row(l).maxCoeff() - w.row(l).minCoeff();  // max_{i<j} |w_il - w_jl|
            out.imbalance = std::max(out.imbalance, spread);
            if (on_support[static_cast<size_t>(l)])
              out.imbalance_on =
                  std::max(out.imbalance_on, spread / std::pow(data.theta_star(l), 1.0 / layers));
            else
              out.imbalance_off = std::max(out.imbalance_off, spread);
          }
        }
        if (out.hit < 0) {
          if (err <= target) {
            out.hit = t;
            bar = 2 * t;
            out.window_end = static_cast<long>(std::ceil(window * static_cast<double>(bar)));
          } else if (t >= max_hit) {
            return true;
          }
          return false;
        }
        if (t == bar) out.error_at_bar = err;
        if (t >= bar) out.window_max = std::max(out.window_max, err);
        return t >= std::max(bar, out.window_end);
      });
  if (!result.ok()) {
    out.failure = "SubGM failed: " + to_string(result.status);
  } else if (out.hit < 0) {
    out.failure = fmt::format("SubGM did not reach ||prod w - theta*|| <= 0.1 ||theta*|| within {} iterations",
                              max_hit);
  }
  return out;
}

long hit_cap(int sparsity, int layers, double alpha, double step) {
  const double scale = layers == 2 ? std::log(1 / alpha) : std::pow(alpha, -(layers - 2.0) / layers);
  const double cap = 20 * std::pow(sparsity, 1.5) * scale / (layers * step) + 1000;
  // A tiny step makes it inf: converting that to long is undefined (UBSan).
  return cap < 1e15 ? static_cast<long>(cap) : 1'000'000'000'000'000L;
}

Matrix<double> convergence_initialization(Eigen::Index dimension, int layers, double alpha, bool perturb,
                                          RandomSource& rng) {
  Matrix<double> w0 = small_initialization<double>(dimension, layers, alpha);
  if (perturb)
    for (Eigen::Index a = 0; a < w0.rows(); ++a)
      for (Eigen::Index b = 0; b < w0.cols(); ++b) w0(a, b) *= 1 + 0.2 * (2 * rng.uniform() - 1);
  return w0;
}

}  // namespace thmcheck::mf22
