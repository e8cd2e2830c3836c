// Stationarity diagnostics of mf22's diagonal network at a point w (Ma &
// Fattahi, "Blessing of depth", Figure 1's panels D1 and D2): the minimal-norm
// Clarke sub-gradient of L(w) = (1/m) ||X prod(w) - y||_1 and the most
// negatively curved direction of its smoothing g(w) = (1/m) sum_i sqrt(r_i^2 + eps).
#pragma once

#include "thmcheck/mf22/diagonal_network.hpp"

namespace thmcheck::mf22_figures {

/// The minimal-norm element of the Clarke sub-differential of L at w, and the
/// Sign(0) := 0 element SubGM takes.
struct MinNormSubgradient {
  Matrix<double> g;           // minimal-norm element of the Clarke sub-differential (d x N)
  Matrix<double> selection;   // the Sign(0) := 0 element SubGM takes (d x N)
  double norm = 0;            // ||g||_F
  double selection_norm = 0;  // ||selection||_F
  int zero_residuals = 0;     // |{i : r_i = 0}| (the multipliers u_i in [-1, 1])
  bool exact = false;         // the unconstrained least-norm multipliers were feasible
  double max_multiplier = 0;  // ||u||_inf
  double kkt = 0;             // ||P(u - grad/L) - u||_inf: 0 at the box QP's optimum
};

/// L(w) = f(prod w), f(theta) = (1/m) ||X theta - y||_1: dL(w) = { J^T gtheta :
/// gtheta in df(theta) }; the least-norm element solves a convex quadratic in
/// the multipliers u in [-1, 1] of the zero residuals, exactly by least norm
/// when that is feasible, else by accelerated projected gradient (FISTA).
MinNormSubgradient min_norm_subgradient(const mf22::DiagonalNetworkProblem<double>& p, const Matrix<double>& w);

/// The most negative eigenvalue of the Hessian of the smoothed loss g at w and
/// its eigenvector, with a finite-difference check of H v = lambda v.
struct Curvature {
  double lambda_min = 0;
  Matrix<double> direction;  // unit Frobenius norm, d x N
  int dense_dimension = 0;   // size of the coupled block solved densely
  double fd_residual = 0;    // ||H v - lambda v|| with H v by central differences of grad g
  double hessian_scale = 0;  // largest |eigenvalue| of the coupled block (for the residual)
};

/// g(w) = (1/m) sum_i sqrt(r_i^2 + eps), r = X prod w - y.
double smoothed_loss(const mf22::DiagonalNetworkProblem<double>& p, const Matrix<double>& w, double eps);

/// The most negatively curved direction of g at w (exact block eigensolves).
Curvature most_negative_curvature(const mf22::DiagonalNetworkProblem<double>& p, const Matrix<double>& w, double eps);

}  // namespace thmcheck::mf22_figures
