// mf22 Section 5, Figure 2 (first row): robust deep matrix recovery with the
// l1 loss (1/m) sum_i |y_i - <A_i, W_1 W_2 ... W_N>| by the sub-gradient method.
#include <fmt/format.h>

#include <cmath>
#include <stdexcept>

#include "thmcheck/experiments/figure.hpp"
#include "thmcheck/generators/random_data.hpp"
#include "thmcheck/mf22/robust_regression.hpp"

namespace thmcheck {

namespace {

struct MatrixRecovery {
  Eigen::Index d = 0;
  Matrix<double> a;  // m x d^2, row i = vec(A_i) (column-major)
  Vector<double> y;
  Matrix<double> x_star;
};

struct DeepRun {
  std::vector<double> iteration, error, loss;
  double final_error = 0, final_loss = 0, min_error = INFINITY;
  long min_error_iteration = 0;
};

Matrix<double> product(const std::vector<Matrix<double>>& w) {
  Matrix<double> p = w.front();
  for (size_t j = 1; j < w.size(); ++j) p = p * w[j];
  return p;
}

// SubGM with constant step on the deep factorization: with P = W_1 ... W_N and
// G = (1/m) sum_i Sign(<A_i, P> - y_i) A_i (Sign(0) = 0), the sub-gradient in
// W_j is (W_1 ... W_{j-1})^T G (W_{j+1} ... W_N)^T.
DeepRun run_deep(const MatrixRecovery& prob, int layers, double step, double alpha, long iterations,
                 std::uint64_t seed, const std::function<void(long)>& progress) {
  const Eigen::Index d = prob.d, m = prob.a.rows();
  RandomSource rng(seed);
  // Gaussian initialization N(0, alpha^{2/N} / d) per entry (the scale the
  // paper states for its ReLU experiment; for matrices it gives ||P|| ~ alpha).
  const double sd = std::pow(alpha, 1.0 / layers) / std::sqrt(static_cast<double>(d));
  std::vector<Matrix<double>> w;
  for (int j = 0; j < layers; ++j) w.push_back(sd * gaussian_matrix(d, d, rng));
  DeepRun run;
  const long record = std::max<long>(1, iterations / 250);
  for (long t = 0;; ++t) {
    const Matrix<double> p = product(w);
    const Vector<double> r = prob.a * Eigen::Map<const Vector<double>>(p.data(), d * d) - prob.y;
    const double loss = r.cwiseAbs().sum() / m;
    const double err = (p - prob.x_star).norm();
    if (!std::isfinite(loss)) throw std::runtime_error("mf22.sec5: SubGM diverged at iteration " + std::to_string(t));
    if (err < run.min_error) {
      run.min_error = err;
      run.min_error_iteration = t;
    }
    if (t % record == 0 || t == iterations) {
      run.iteration.push_back(static_cast<double>(t));
      run.error.push_back(err);
      run.loss.push_back(loss);
    }
    if (progress && t % 20000 == 0) progress(t);
    run.final_error = err;
    run.final_loss = loss;
    if (t == iterations) break;
    const Vector<double> s = r.unaryExpr([](double v) { return v > 0 ? 1.0 : (v < 0 ? -1.0 : 0.0); });
    const Vector<double> gv = prob.a.transpose() * s / static_cast<double>(m);
    const Eigen::Map<const Matrix<double>> g(gv.data(), d, d);
    // prefix[j] = W_1 ... W_{j-1}, suffix[j] = W_{j+1} ... W_N.
    std::vector<Matrix<double>> prefix(layers), suffix(layers);
    prefix[0] = Matrix<double>::Identity(d, d);
    for (int j = 1; j < layers; ++j) prefix[j] = prefix[j - 1] * w[j - 1];
    suffix[layers - 1] = Matrix<double>::Identity(d, d);
    for (int j = layers - 2; j >= 0; --j) suffix[j] = w[j + 1] * suffix[j + 1];
    for (int j = 0; j < layers; ++j) w[j] -= step * (prefix[j].transpose() * g * suffix[j].transpose());
  }
  return run;
}

Figure deep_matrix(const ExperimentOptions& options) {
  const Eigen::Index d = options.quick ? 6 : 20;
  const int rank = options.quick ? 1 : 3;
  const int m = options.quick ? 40 : 180;
  const double p = 0.05, outlier_sd = 10, step = 1e-3, alpha = 1e-3;
  const long iterations = options.quick ? 20000 : 100000;
  const int corrupted = static_cast<int>(std::lround(p * m));
  RandomSource rng(options.seed * 1000003ULL + 11);
  MatrixRecovery prob;
  prob.d = d;
  prob.x_star = random_orthonormal_columns(d, rank, rng) * random_orthonormal_columns(d, rank, rng).transpose();
  prob.a = gaussian_matrix(m, d * d, rng);
  prob.y = prob.a * Eigen::Map<const Vector<double>>(prob.x_star.data(), d * d);
  for (int i : mf22::random_subset(m, corrupted, rng)) prob.y(i) += outlier_sd * rng.gaussian();
  Figure f;
  f.id = "mf22.sec5";
  f.paper = "mf22";
  f.source = "Section 5, Figure 2 (first row)";
  f.title = "Robust deep matrix recovery with the l1 loss: SubGM for N = 2, 3, 4";
  f.seed = options.seed;
  f.quick = options.quick;
  Panel err, loss;
  err.title = fmt::format("d = {}, rank {}, m = {}, p = {:g}, N(0, {:g}) outliers, η = {:g}, α = {:g}", d, rank, m, p,
                          outlier_sd * outlier_sd, step, alpha);
  err.x_label = "iteration t";
  err.y_label = "||W_1···W_N - X*||_F";
  err.log_y = true;
  loss.title = "empirical l1 loss";
  loss.x_label = "iteration t";
  loss.y_label = "(1/m) Σ |y_i - <A_i, W_1···W_N>|";
  loss.log_y = true;
  Table t;
  t.caption = fmt::format("After T = {} SubGM iterations (||X*||_F = {:.4g}).", iterations, prob.x_star.norm());
  t.header = {"N", "final ||P - X*||_F", "final / ||X*||_F", "final loss", "min error", "at iteration"};
  for (int layers = 2; layers <= 4; ++layers) {
    const DeepRun run = run_deep(prob, layers, step, alpha, iterations, options.seed * 7919ULL + layers, [&](long it) {
      if (options.progress) options.progress(fmt::format("deep matrix N = {}: t = {}", layers, it));
    });
    Series se, sl;
    se.label = sl.label = fmt::format("N = {}", layers);
    se.style = sl.style = "lines";
    se.x = sl.x = run.iteration;
    se.y = run.error;
    sl.y = run.loss;
    err.series.push_back(std::move(se));
    loss.series.push_back(std::move(sl));
    t.rows.push_back({std::to_string(layers), fmt::format("{:.4g}", run.final_error),
                      fmt::format("{:.4g}", run.final_error / prob.x_star.norm()), fmt::format("{:.4g}", run.final_loss),
                      fmt::format("{:.4g}", run.min_error), std::to_string(run.min_error_iteration)});
  }
  f.panels.push_back(std::move(err));
  f.panels.push_back(std::move(loss));
  f.tables.push_back(std::move(t));
  f.text = fmt::format(
      "Setting of Figure 2 (first row): X* ∈ R^{{{0}x{0}}} of rank {1}, A_i with i.i.d. N(0, 1) entries, m = {2}, "
      "{3} corrupted measurements (p = {4:g}) with N(0, {5:g}) noise added, SubGM with constant η = {6:g} on "
      "W_1···W_N (W_j ∈ R^{{{0}x{0}}}), Gaussian initialization of scale α = {7:g}, {8} iterations. Choices the "
      "paper leaves open: X* = U V^T with U, V random {0}x{1} orthonormal (singular values 1), initial entries "
      "N(0, α^(2/N)/d) (the scale the paper states for its ReLU experiment), T. Paper: the 4-layer model "
      "outperforms shallower ones, with a generalization error proportional to the step size. The deep ReLU "
      "network of Figure 2's second row is the slow experiment mf22.sec5.relu (`thmcheck figures --slow`).",
      d, rank, m, corrupted, p, outlier_sd * outlier_sd, step, alpha, iterations);
  return f;
}

}  // namespace

Figure mf22_sec5_experiment(const ExperimentOptions& options) { return deep_matrix(options); }

}  // namespace thmcheck
