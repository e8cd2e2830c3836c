// Landscape probe for mf22 Theorems 1 and 4: the largest decrease and the
// largest increase of the l1 loss (1) within the ell_inf ball
// {w : ||w - w0||_inf <= gamma} around a point w0 (a true solution).
//
// Key structure: L(w) depends on w only through theta = prod_k w_k, and theta_j
// depends only on row j of w. The image of the ball is therefore exactly the
// box prod_j [lo_j, hi_j] with lo_j, hi_j the extreme values of the multilinear
// map prod_k (w0_kj + delta_k) over |delta_k| <= gamma, attained at vertices.
// Hence
//   min_{ball} L(w) = min_{theta in box} (1/m) sum_i |<x_i, theta> - y_i|,
// a linear program (solved with GLPK, certified by a dual bound), and
//   max_{ball} L(w) = max over the vertices of the box (L is convex in theta);
// the latter is searched (exact by enumeration when d is small).
// The off-support product family of Appendix C.2 (only rows with w0 row = 0
// move, theta_j in [-gamma^N, gamma^N]) is the same LP on a smaller box.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "thmcheck/mf22/diagonal_network.hpp"
#include "thmcheck/mf22/landscape_lps.hpp"

namespace thmcheck::mf22 {

/// Per-row extreme values of prod_k (w_kj + delta_k), |delta_k| <= gamma,
/// from the 2^N vertices (exact up to rounding at precision Scalar).
template <class Scalar>
void product_box(const Matrix<Scalar>& w, const Scalar& gamma, Vector<Scalar>& lo, Vector<Scalar>& hi);

/// Row perturbation delta (|delta_k| <= gamma) with prod_k (w_kj + delta_k) =
/// target for target in [lo_j, hi_j]: along a vertex path from the minimizing
/// to the maximizing vertex, on which the product is piecewise linear.
Vector<double> realize_row(const Vector<double>& w_row, double gamma, double target);

/// Options of the probe.
struct LandscapeProbeOptions {
  double gamma = 0.1;
  int starts = 6;          ///< multi-start local searches (each direction)
  int iterations = 200;    ///< projected sub-gradient steps per start
  int enumerate_max_dimension = 12;  ///< enumerate the 2^d box vertices up to this d
  std::uint64_t seed = 1;
  double zero_residual_tolerance = 1e-12;  ///< |r_i| below this counts as a zero residual
};

/// What the probe found (all points are inside the ball; losses in double).
struct LandscapeProbeResult {
  bool ok = false;
  std::string message = "probe_landscape was not called.";
  double base_loss = 0;  ///< L(w0)
  std::vector<bool> zero_residuals;  ///< residuals at w0 treated as zero
  // Decrease over the whole ball from the linearized LP.
  Matrix<double> lp_w;        ///< a point of the ball realizing the LP optimum
  double lp_objective = 0;    ///< L(lp_w) (true loss at that point)
  double lp_linearized_change = 0;  ///< min of the linearized change (<= true min change)
  Vector<double> lp_dual;     ///< dual multipliers for the certified bound
  // Decrease restricted to the off-support product family (Appendix C.2).
  Matrix<double> family_w;
  double family_objective = 0;
  double family_linearized_change = 0;
  Vector<double> family_dual;
  // Decrease found by multi-start projected sub-gradient descent in w.
  Matrix<double> search_w;
  double search_min_loss = 0;
  // Increase: best box vertex (exact maximum when enumerated).
  Matrix<double> increase_w;
  double increase_max_loss = 0;
  bool increase_enumerated = false;
  long evaluations = 0;
};

/// Probes the ball of radius gamma around w0 for the l1 problem (double).
LandscapeProbeResult probe_landscape(const DiagonalNetworkProblem<double>& problem,
                                     const Matrix<double>& w0, const LandscapeProbeOptions& options);

extern template void product_box<double>(const Matrix<double>&, const double&, Vector<double>&, Vector<double>&);
extern template void product_box<Mp50>(const Matrix<Mp50>&, const Mp50&, Vector<Mp50>&, Vector<Mp50>&);
extern template void product_box<Mp100>(const Matrix<Mp100>&, const Mp100&, Vector<Mp100>&, Vector<Mp100>&);

}  // namespace thmcheck::mf22
