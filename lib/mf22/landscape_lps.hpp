// The two linear programs of the mf22 landscape probe (landscape_probe.hpp),
// solved with GLPK's simplex and certified by weak-duality bounds evaluated at
// any precision: the l1 regression min_theta (1/m) sum_i |<x_i, theta> - y_i|
// over a box lo <= theta <= hi (the minimum of the loss (1) over the image of
// an ell_inf ball of w), and the minimum of the loss's directional derivative
// at a point over such a box (a lower bound on its change there).
#pragma once

#include <string>
#include <vector>

#include "thmcheck/mf22/diagonal_network.hpp"

namespace thmcheck::mf22 {

/// Result of min (1/m) sum |<x_i, theta> - y_i| over lo <= theta <= hi.
struct BoxL1Result {
  bool ok = false;
  std::string message = "l1_regression_over_box was not called.";
  Vector<double> theta;  ///< primal optimum (double)
  double objective = 0;  ///< LP optimal value (double): L(reference) + change
  double change = 0;     ///< min L - L(reference), solved for directly (no cancellation)
  Vector<double> dual;   ///< u in [-1, 1]^m for the dual bound
};

/// Solves the LP with GLPK's simplex (bounds may be +-infinity), in variables
/// relative to `reference` (a point of the box, e.g. the center of the probe):
/// the objective is the change of the loss from L(reference).
BoxL1Result l1_regression_over_box(const Matrix<double>& x, const Vector<double>& y,
                                   const Vector<double>& lo, const Vector<double>& hi,
                                   const Vector<double>& reference);

/// Weak-duality lower bound on the LP value: for any u in [-1,1]^m,
/// (1/m)[-<u, y> + sum_j min(c_j lo_j, c_j hi_j)], c = X^T u, evaluated at
/// precision Scalar (u is clipped to [-1, 1]; infinite bounds need c_j = 0,
/// else the bound is -infinity).
template <class Scalar>
Scalar l1_box_dual_bound(const Matrix<Scalar>& x, const Vector<Scalar>& y, const Vector<Scalar>& lo,
                         const Vector<Scalar>& hi, const Vector<double>& u);

/// Result of the linearized change LP.
struct LinearizedChangeResult {
  bool ok = false;
  std::string message = "linearized_change_lp was not called.";
  Vector<double> delta;  ///< minimizer Delta (theta - reference), inside [lo, hi]
  double value = 0;      ///< min of the linearized change (<= 0 when 0 is in the box)
  double scale = 1;      ///< tau used to scale the LP
  Vector<double> dual;   ///< u in [-1, 1]^m (sign(r_i) on nonzero residuals)
};

/// Minimizes the directional derivative of the l1 loss at a point with
/// residual r = X theta0 - y over Delta in [lo, hi] (lo <= 0 <= hi):
///   f(Delta) = (1/m) [ sum_{r_i = 0} |<x_i, Delta>| + sum_{r_i != 0} sign(r_i) <x_i, Delta> ].
/// Since |r + a| - |r| >= f's term for every a, min f is a lower bound on the
/// loss change over theta0 + [lo, hi] (exact while no nonzero residual changes
/// sign). f is positively homogeneous, so the LP is solved in Delta / tau with
/// tau the smallest half-width (boxes of width gamma^N are well scaled).
/// `zero[i]` marks the residuals treated as zero.
LinearizedChangeResult linearized_change_lp(const Matrix<double>& x, const Vector<double>& residual,
                                            const std::vector<bool>& zero, const Vector<double>& lo,
                                            const Vector<double>& hi);

/// Weak-duality lower bound on min f over [lo, hi]: for u with u_i = sign(r_i)
/// on nonzero residuals and u_i in [-1, 1] on zero residuals,
/// f(Delta) >= (1/m) <X^T u, Delta> >= (1/m) sum_j min(c_j lo_j, c_j hi_j),
/// c = X^T u, evaluated at precision Scalar.
template <class Scalar>
Scalar linearized_change_dual_bound(const Matrix<Scalar>& x, const Vector<Scalar>& lo,
                                    const Vector<Scalar>& hi, const Vector<double>& u);

extern template double linearized_change_dual_bound<double>(const Matrix<double>&, const Vector<double>&, const Vector<double>&, const Vector<double>&);
extern template Mp50 linearized_change_dual_bound<Mp50>(const Matrix<Mp50>&, const Vector<Mp50>&, const Vector<Mp50>&, const Vector<double>&);
extern template Mp100 linearized_change_dual_bound<Mp100>(const Matrix<Mp100>&, const Vector<Mp100>&, const Vector<Mp100>&, const Vector<double>&);
extern template double l1_box_dual_bound<double>(const Matrix<double>&, const Vector<double>&, const Vector<double>&, const Vector<double>&, const Vector<double>&);
extern template Mp50 l1_box_dual_bound<Mp50>(const Matrix<Mp50>&, const Vector<Mp50>&, const Vector<Mp50>&, const Vector<Mp50>&, const Vector<double>&);
extern template Mp100 l1_box_dual_bound<Mp100>(const Matrix<Mp100>&, const Vector<Mp100>&, const Vector<Mp100>&, const Vector<Mp100>&, const Vector<double>&);

}  // namespace thmcheck::mf22
