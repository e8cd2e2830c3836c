// os19 Section 6.2 (Figure 3c): misfit-distance trajectories of gradient
// descent on low-rank regression f_i(Theta) = <X_i, Theta Theta^T>.
#include <fmt/format.h>

#include <Eigen/SVD>

#include <algorithm>
#include <cmath>
#include <numeric>

#include "thmcheck/experiments/figure.hpp"
#include "thmcheck/generators/random_data.hpp"
#include "thmcheck/os19/models.hpp"
#include "thmcheck/solvers/gradient_descent.hpp"

namespace thmcheck {

namespace {

// One GD run's trajectory in the normalized coordinates of eq. (6.1).
struct MisfitDistance {
  std::vector<double> misfit;    // ||f(Theta_t) - y|| / ||y||
  std::vector<double> distance;  // ||Theta_t - Theta_0||_F / ||Theta_0||_F
  double step_times_beta0_sq = 0;  // eta ||J(Theta_0)||^2: below 2 for a stable start
};

MisfitDistance run_once(Eigen::Index d, Eigen::Index r, Eigen::Index n, double c1, long iterations,
                        std::uint64_t seed) {
  RandomSource rng(seed);
  std::vector<Matrix<double>> xs;
  xs.reserve(n);
  for (Eigen::Index i = 0; i < n; ++i) xs.push_back(gaussian_matrix(d, d, rng));
  Vector<double> y(n);
  for (Eigen::Index i = 0; i < n; ++i) y(i) = rng.sign();  // Rademacher labels
  const double ynorm = y.norm();
  // Theorem 4.2: singular values of Theta_0 in [s, 2s], s = sqrt(||y||)/(rn)^{1/4}.
  const double s = std::sqrt(ynorm) / std::pow(static_cast<double>(r * n), 0.25);
  const Matrix<double> u = random_orthonormal_columns(d, r, rng);
  Vector<double> theta0(d * r);
  for (Eigen::Index c = 0; c < r; ++c) theta0.segment(c * d, d) = s * (1 + rng.uniform()) * u.col(c);
  const os19::LowRankModel<double> model(std::move(xs), y, r);
  // Theorem 4.2's step eta = c1 sqrt(n) / (r^2 d ||y||).
  const double eta = c1 * std::sqrt(static_cast<double>(n)) / (static_cast<double>(r * r * d) * ynorm);
  MisfitDistance out;
  const Eigen::JacobiSVD<Matrix<double>> svd(model.jacobian(theta0));
  out.step_times_beta0_sq = eta * svd.singularValues()(0) * svd.singularValues()(0);
  const double theta0_norm = theta0.norm();
  GradientDescentOptions<double> options;
  options.step = eta;
  options.max_iterations = iterations;
  auto observer = [&](long, const Vector<double>& theta) {
    out.misfit.push_back(model.residual(theta).norm() / ynorm);
    out.distance.push_back((theta - theta0).norm() / theta0_norm);
    return false;
  };
  const auto result = gradient_descent<double>(model, theta0, options, observer);
  if (!result.ok()) throw std::runtime_error("os19.sec6.2: gradient descent failed: " + result.message);
  return out;
}

// Linear interpolation of distance at misfit m along a trajectory whose
// misfit decreases; NaN outside the trajectory's range or where misfit
// increased across the bracket.
double distance_at(const MisfitDistance& t, double m) {
  for (size_t k = 1; k < t.misfit.size(); ++k) {
    const double a = t.misfit[k - 1], b = t.misfit[k];
    if (a >= m && m >= b && a > b) {
      const double w = (a - m) / (a - b);
      return t.distance[k - 1] + w * (t.distance[k] - t.distance[k - 1]);
    }
  }
  return std::nan("");
}

Figure low_rank_trajectories(const ExperimentOptions& options) {
  const Eigen::Index d = options.quick ? 20 : 100, r = 4;
  const std::vector<Eigen::Index> ns =
      options.quick ? std::vector<Eigen::Index>{5, 10, 20, 40} : std::vector<Eigen::Index>{25, 50, 100, 200};
  const int repetitions = options.quick ? 4 : 20;
  const long iterations = 200;
  const double c1 = 0.5;
  Figure f;
  f.id = "os19.sec6.2";
  f.paper = "os19";
  f.source = "Section 6.2, Figure 3c";
  f.title = "Low-rank regression: misfit-distance trajectories of gradient descent";
  f.seed = options.seed;
  f.quick = options.quick;
  Panel panel;
  panel.title = fmt::format("d = {}, r = {}: mean normalized distance at each misfit, ±2 sd over {} runs", d, r,
                            repetitions);
  panel.x_label = "normalized misfit ||f(Θ)-y|| / ||y||";
  panel.y_label = "normalized distance ||Θ-Θ0||_F / ||Θ0||_F";
  Table table;
  table.caption =
      "Per n: the step's stability margin, where the runs end (medians over repetitions), and the slope of "
      "a least-squares line distance = a + b·misfit through the mean curve (the paper reports a linear "
      "trade-off).";
  table.header = {"n", "n / (d r)", "η ||J(Θ0)||² (median)", "final misfit (median)", "final distance (median)",
                  "slope b", "intercept a", "max sd of distance"};
  for (size_t k = 0; k < ns.size(); ++k) {
    const Eigen::Index n = ns[k];
    std::vector<MisfitDistance> runs;
    for (int rep = 0; rep < repetitions; ++rep) {
      if (options.progress) options.progress(fmt::format("n = {}, run {}/{}", n, rep + 1, repetitions));
      runs.push_back(run_once(d, r, n, c1, iterations, options.seed * 1000003ULL + 7919ULL * k + rep));
    }
    // Common misfit grid: from the largest final misfit to the smallest
    // initial one, so every run contributes at every grid point.
    double lo = 0, hi = INFINITY;
    std::vector<double> margins, final_misfit, final_distance;
    for (const auto& t : runs) {
      lo = std::max(lo, *std::min_element(t.misfit.begin(), t.misfit.end()));
      hi = std::min(hi, t.misfit.front());
      margins.push_back(t.step_times_beta0_sq);
      final_misfit.push_back(t.misfit.back());
      final_distance.push_back(t.distance.back());
    }
    Series s;
    s.label = fmt::format("n = {}", n);
    s.style = "lines";
    const int grid = 60;
    double max_sd = 0;
    std::vector<double> fit_x, fit_y;
    for (int g = 0; g <= grid && hi > lo; ++g) {
      const double m = hi - (hi - lo) * g / grid;
      double sum = 0, sum2 = 0;
      int count = 0;
      for (const auto& t : runs) {
        const double v = distance_at(t, m);
        if (std::isnan(v)) continue;
        sum += v;
        sum2 += v * v;
        ++count;
      }
      if (count < 2) continue;
      const double mean = sum / count;
      const double sd = std::sqrt(std::max(0.0, (sum2 - count * mean * mean) / (count - 1)));
      max_sd = std::max(max_sd, sd);
      s.x.push_back(m);
      s.y.push_back(mean);
      s.lo.push_back(mean - 2 * sd);
      s.hi.push_back(mean + 2 * sd);
      fit_x.push_back(m);
      fit_y.push_back(mean);
    }
    double slope = std::nan(""), intercept = std::nan("");
    if (fit_x.size() >= 2) {
      const double mx = std::accumulate(fit_x.begin(), fit_x.end(), 0.0) / fit_x.size();
      const double my = std::accumulate(fit_y.begin(), fit_y.end(), 0.0) / fit_y.size();
      double sxy = 0, sxx = 0;
      for (size_t i = 0; i < fit_x.size(); ++i) {
        sxy += (fit_x[i] - mx) * (fit_y[i] - my);
        sxx += (fit_x[i] - mx) * (fit_x[i] - mx);
      }
      slope = sxy / sxx;
      intercept = my - slope * mx;
    }
    panel.series.push_back(std::move(s));
    table.rows.push_back({std::to_string(n), fmt::format("{:.4g}", double(n) / double(d * r)),
                          fmt::format("{:.3g}", median(margins)), fmt::format("{:.3g}", median(final_misfit)),
                          fmt::format("{:.4g}", median(final_distance)), fmt::format("{:.4g}", slope),
                          fmt::format("{:.4g}", intercept), fmt::format("{:.3g}", max_sd)});
  }
  f.panels.push_back(std::move(panel));
  f.tables.push_back(std::move(table));
  f.text = fmt::format(
      "Setting as in the paper: X_i with i.i.d. N(0, 1) entries (d x d), Rademacher labels, r = {1}, d = {0}, "
      "Θ0 = U diag(s_c) with U random orthonormal and s_c uniform in [s, 2s], s = sqrt(||y||)/(rn)^(1/4) "
      "(Theorem 4.2), {2} gradient-descent iterations with Theorem 4.2's step η = c1 sqrt(n)/(r² d ||y||), "
      "{3} repetitions per n. Theorem 4.2 leaves c1 unspecified; we use c1 = {4} (the table's η ||J(Θ0)||² "
      "< 2 shows the step is stable at the start). Curves: mean normalized distance (eq. (6.1)) at each "
      "normalized misfit over the runs, with a ±2 sd band. What to look for (paper): a near-linear "
      "misfit-distance trade-off, wider spread for n = dr/2, and a final distance that grows with n.",
      d, r, iterations, repetitions, c1);
  return f;
}

}  // namespace

void add_os19_experiments(std::vector<Experiment>& out) {
  out.push_back({"os19.sec6.2", "os19", "Section 6.2, Figure 3c",
                 "Low-rank regression: misfit-distance trajectories", false, low_rank_trajectories});
}

}  // namespace thmcheck
