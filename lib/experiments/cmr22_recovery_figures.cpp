// cmr22 Figures 2 and 3: recovery probability over (s, M), N = 20 (see
// cmr22_recovery_figures.hpp).
#include "thmcheck/experiments/cmr22_recovery_figures.hpp"

#include <fmt/format.h>

#include <Eigen/Dense>
#include <cmath>
#include <cstdint>
#include <vector>

#include "thmcheck/cmr22/fixed_step_gd.hpp"
#include "thmcheck/cmr22/l1_minimization.hpp"
#include "thmcheck/experiments/cmr22_scaling_sweep.hpp"

namespace thmcheck {

namespace {

using cmr22_figures::kPaperStep;

struct RecoverySettings {
  Eigen::Index n = 20;
  std::vector<int> sparsities, measurements;
  int trials = 10;
  int depth = 3;
  long gd_cap = 1000000;
  double gd_tolerance = 1e-6;
  double threshold = 0.01;  // ||x - x*|| <= 1% ||x*|| (paper Section 4.1)
};

}  // namespace

Figure run_cmr22_fig23(const ExperimentOptions& options) {
  RecoverySettings set;
  if (options.quick) {
    set.sparsities = {1, 3, 5};
    set.measurements = {4, 12, 20};
    set.trials = 2;
    set.gd_cap = 20000;
  } else {
    for (int s = 1; s <= 10; ++s) set.sparsities.push_back(s);
    for (int m = 2; m <= 20; m += 2) set.measurements.push_back(m);
  }
  const double alpha_power = 1e-6;  // alpha = 10^(-6/L), paper Section 4.1
  Figure f = cmr22_figures::cmr22_figure(
      "cmr22.fig2-3", "Sections 4.1-4.2, Figures 2 and 3",
      "Recovery probability: l1 minimization, GD on the factorized loss, least squares", options);
  Table stats;
  stats.caption = "Per case and method: total runs over all cells, recovered runs, GD runs that reached the "
                  "residual tolerance within the cap, LP failures (counted as not recovered).";
  stats.header = {"case", "method", "runs", "recovered", "GD reached tolerance", "LP failures"};
  std::vector<double> xs(set.sparsities.begin(), set.sparsities.end());
  std::vector<double> ys(set.measurements.begin(), set.measurements.end());
  for (bool positive : {true, false}) {
    const char* method_names[3] = {"least squares (min-norm, GD on L_quad from 0)",
                                   positive ? "l1 minimization with z >= 0 (LP)" : "l1 minimization (LP)",
                                   positive ? "GD on the factorized loss (6)" : "GD on the factorized loss (7)"};
    std::vector<std::vector<std::vector<double>>> z(3, std::vector<std::vector<double>>(ys.size(),
                                                                                       std::vector<double>(xs.size())));
    long runs = 0, recovered[3] = {0, 0, 0}, gd_converged = 0, lp_failed = 0;
    for (size_t i = 0; i < ys.size(); ++i) {
      if (options.progress) {
        options.progress(fmt::format("fig2-3 {} M = {}", positive ? "positive" : "signed", set.measurements[i]));
      }
      for (size_t j = 0; j < xs.size(); ++j) {
        int hits[3] = {0, 0, 0};
        for (int t = 0; t < set.trials; ++t) {
          const std::uint64_t seed = options.seed * 1000003ULL + 7919ULL * (i * 64 + j) + 31ULL * t + (positive ? 0 : 5);
          const cmr22::CsInstance inst =
              cmr22::draw_cs_instance(set.n, set.measurements[i], set.sparsities[j], positive, seed);
          auto recovers = [&](const Vector<double>& x) {
            return x.allFinite() && (x - inst.truth).norm() <= set.threshold * inst.truth.norm();
          };
          // Min-norm solution A^T (A A^T)^+ y: the limit of GD on 1/2||Az - y||^2 from 0.
          const Vector<double> min_norm = inst.a.completeOrthogonalDecomposition().solve(inst.y);
          hits[0] += recovers(min_norm);
          const auto lp = cmr22::l1_minimize<double>(inst.a, inst.y, positive, false);
          if (lp.ok()) {
            hits[1] += recovers(lp.z);
          } else {
            ++lp_failed;
          }
          cmr22::FixedStepGdOptions<double> gdo;
          gdo.step = kPaperStep;
          gdo.max_iterations = set.gd_cap;
          gdo.residual_tolerance = set.gd_tolerance;
          const Vector<double> x0 = Vector<double>::Constant(set.n, std::pow(alpha_power, 1.0 / set.depth));
          const auto gd = cmr22::fixed_step_gd<double>(inst.a, inst.y, set.depth, x0,
                                                       positive ? Vector<double>() : x0, gdo);
          hits[2] += recovers(gd.product);
          gd_converged += gd.converged();
          ++runs;
        }
        for (int k = 0; k < 3; ++k) {
          z[k][i][j] = double(hits[k]) / set.trials;
          recovered[k] += hits[k];
        }
      }
    }
    for (int k = 0; k < 3; ++k) {
      Panel p;
      p.title = fmt::format("{} — {}", positive ? "Figure 2 (x* >= 0)" : "Figure 3 (x* signed)", method_names[k]);
      p.x_label = "sparsity s";
      p.y_label = "measurements M";
      Heatmap h;
      h.x = xs;
      h.y = ys;
      h.z = z[k];
      h.z_label = "recovery probability";
      h.z_lo = 0;
      h.z_hi = 1;
      p.heatmap = h;
      f.panels.push_back(p);
      stats.rows.push_back({positive ? "x* >= 0" : "signed", method_names[k], std::to_string(runs),
                            std::to_string(recovered[k]), k == 2 ? std::to_string(gd_converged) : "",
                            k == 1 ? std::to_string(lp_failed) : ""});
    }
  }
  f.tables = {stats};
  f.text = fmt::format(
      "Setting (paper Sections 4.1-4.2): N = {n}, A = W/sqrt(M) Gaussian, x* = |b_S|/||b_S|| (Figure 2) or "
      "b_S/||b_S|| (Figure 3) with a uniformly random support of size s, y = A x* (Figure 2 adds 1e-10 to "
      "every entry of x* so that S+ stays non-empty after y is rounded); {t} trials per cell. "
      "Recovery: ||x - x*||_2 <= {thr:g} ||x*||_2. Methods: the minimum-norm least-squares solution (the exact "
      "limit of gradient descent on L_quad = 1/2||Az - y||^2 from 0, computed directly by a complete "
      "orthogonal decomposition); l1 minimization by GLPK's simplex in double (with z >= 0 for Figure 2, as the "
      "paper does); "
      "fixed-step GD (step 1e-2) on the reduced factorized loss with L = {L} (the paper does not state L for these figures), initialization alpha 1 (u0 = v0 = "
      "alpha 1 in the signed case), alpha = 10^(-6/L) as in the paper, stopped at ||A x~ - y||_2 <= {tol:g} or "
      "after {cap} iterations (the paper runs a fixed T = 1e7; a run at our cap is judged as it is).",
      fmt::arg("n", set.n), fmt::arg("t", set.trials), fmt::arg("thr", set.threshold), fmt::arg("L", set.depth),
      fmt::arg("tol", set.gd_tolerance), fmt::arg("cap", set.gd_cap));
  return f;
}

}  // namespace thmcheck
