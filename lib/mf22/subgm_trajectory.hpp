// One SubGM run of the mf22 Theorem 2/3 claims (Algorithm 1, true
// sub-gradient, constant step) and what they read off it: the convergence
// time T, the layer spread up to T-bar = 2T, and the error over the escape
// window. In double (integer counts and errors far above rounding).
#pragma once

#include <string>

#include "thmcheck/generators/random_data.hpp"
#include "thmcheck/mf22/diagonal_network.hpp"
#include "thmcheck/mf22/robust_regression.hpp"

namespace thmcheck::mf22 {

/// What one SubGM run of the Theorem 2/3 claims measures.
struct TrajectoryMeasurement {
  long hit = -1;            ///< T: first t with ||prod w - theta*|| <= 0.1 ||theta*||
  long window_end = 0;      ///< last iterate looked at
  double imbalance = 0;     ///< max_{t <= 2T} max_{i<j} ||w_i - w_j||_inf (all coordinates)
  double imbalance_off = 0; ///< the same off supp(theta*)
  double imbalance_on = 0;  ///< max on supp(theta*) of |w_il - w_jl| / theta*_l^{1/N}
  double error_at_bar = 0;  ///< ||prod w - theta*|| at T-bar = 2T
  double window_max = 0;    ///< max over 2T <= t <= window_end
  std::string failure;      ///< non-empty when SubGM diverged or T was not reached
};

/// Runs SubGM from w0 with constant step until T (max_hit iterations at
/// most), then to T-bar = 2T, then (window > 1) to window * T-bar.
TrajectoryMeasurement measure_trajectory(const DiagonalNetworkProblem<double>& problem,
                                         const RobustRegressionData& data, const Matrix<double>& w0,
                                         double step, long max_hit, double window);

/// The iteration cap: 20 times the theorems' upper end for T-bar, k^{3/2} x
/// with x = log(1/alpha)/(N eta) (N = 2) or alpha^{-(N-2)/N}/(N eta) (N >= 3),
/// plus 1000.
long hit_cap(int sparsity, int layers, double alpha, double step);

/// The initialization w_j = alpha^{1/N} 1 (d x N), each entry times
/// 1 + 0.2 U[-1, 1] when `perturb` (drawn from rng row by row: coordinate l
/// outer, layer j inner).
Matrix<double> convergence_initialization(Eigen::Index dimension, int layers, double alpha, bool perturb,
                                          RandomSource& rng);

}  // namespace thmcheck::mf22
