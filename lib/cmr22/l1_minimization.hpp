// Basis pursuit min ||z||_1 s.t. A z = y (cmr22 eq. (2)) and its non-negative
// variant min 1^T z s.t. A z = y, z >= 0 (the minimum over S+ of eq. (16)),
// solved as LPs by GLPK (primal simplex; glp_exact's rational simplex on
// small LPs whose basis does not certify) and then certified at the working precision: the optimal
// basis is refactored in Scalar arithmetic, and primal feasibility (basic
// values >= 0, fixed rows met) and dual feasibility (reduced costs >= 0) are
// checked there.
#pragma once

#include <string>
#include <vector>

#include "thmcheck/numerics/scalar.hpp"

namespace thmcheck::cmr22 {

/// Why l1_minimize stopped.
enum class L1Status {
  kNotRun,        ///< l1_minimize was not called
  kOptimal,       ///< GLPK found an optimal basis; see certified for the high-precision check
  kInfeasible,    ///< GLPK reports no feasible point (S or S+ empty)
  kSolverFailed,  ///< GLPK failed (numerical trouble, iteration limit)
};
std::string to_string(L1Status s);

/// What l1_minimize returns.
template <class Scalar>
struct L1Result {
  L1Status status = L1Status::kNotRun;
  std::string message = "l1_minimize was not called";
  Vector<Scalar> z;        ///< basic solution (length N), computed at Scalar precision
  Scalar value = 0;        ///< ||z||_1 = primal objective c_B^T x_B
  Scalar dual_value = 0;   ///< y^T mu with A_B^T mu = c_B
  Scalar primal_infeasibility = 0;  ///< max(-x_B, |fixed basic row - y|)
  Scalar dual_infeasibility = 0;    ///< max(-reduced cost) over nonbasic columns
  Scalar value_error = 0;  ///< estimated absolute error of value (see l1_minimize)
  /// True when the basis is primal and dual feasible at Scalar precision up to
  /// value_error-sized rounding (then value is the LP minimum to within value_error).
  bool certified = false;
  bool exact_simplex_used = false;  ///< glp_exact decided the basis (or infeasibility)
  bool ok() const { return status == L1Status::kOptimal; }
};

/// Solves min ||z||_1 s.t. A z = y (nonnegative = false) or min 1^T z s.t.
/// A z = y, z >= 0 (nonnegative = true). GLPK's primal simplex runs in double
/// with feasibility and optimality tolerances 1e-12; its basis is then
/// certified at Scalar precision as below. When that fails (or GLPK reports
/// the LP infeasible) and exact_simplex is true, glp_exact (rational
/// arithmetic on the double data) restarts from that basis — on LPs of at most
/// 200 columns only, its cost exploding beyond — and decides in its place.
/// value_error is estimated as
/// |primal - dual value| + (primal infeasibility) ||mu||_1 + (dual infeasibility)
/// ||x||_1 + M^2 u ||A||_max ||x||_1 ||mu||_inf (rounding of the basis solves).
template <class Scalar>
L1Result<Scalar> l1_minimize(const Matrix<Scalar>& a, const Vector<Scalar>& y, bool nonnegative,
                             bool exact_simplex = true);

extern template L1Result<double> l1_minimize<double>(const Matrix<double>&, const Vector<double>&, bool, bool);
extern template L1Result<Mp50> l1_minimize<Mp50>(const Matrix<Mp50>&, const Vector<Mp50>&, bool, bool);
extern template L1Result<Mp100> l1_minimize<Mp100>(const Matrix<Mp100>&, const Vector<Mp100>&, bool, bool);

}  // namespace thmcheck::cmr22
