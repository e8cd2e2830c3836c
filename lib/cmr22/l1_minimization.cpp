#include "thmcheck/cmr22/l1_minimization.hpp"

#include <glpk.h>

#include <Eigen/Dense>
#include <algorithm>
#include <memory>

namespace thmcheck::cmr22 {

std::string to_string(L1Status s) {
  switch (s) {
    case L1Status::kNotRun: return "not_run";
    case L1Status::kOptimal: return "optimal";
    case L1Status::kInfeasible: return "infeasible";
    case L1Status::kSolverFailed: return "solver_failed";
  }
  return "?";
}

namespace {
/// The LP's columns: column j is A e_j for j < N and -A e_{j-N} (the negative
/// part, signed problem only) for j >= N.
struct LpColumns {
  int m, n, columns;
  LpColumns(Eigen::Index rows, Eigen::Index cols, bool nonnegative)
      : m(static_cast<int>(rows)), n(static_cast<int>(cols)), columns(nonnegative ? n : 2 * n) {}
  int sign(int j) const { return j < n ? 1 : -1; }
  int index(int j) const { return j < n ? j : j - n; }
};

/// Column count above which glp_exact is not attempted.
constexpr int kExactSimplexColumns = 200;

/// Refactors GLPK's current basis at Scalar precision and checks primal and
/// dual feasibility there (the L1Result fields; see l1_minimization.hpp).
template <class Scalar>
L1Result<Scalar> certify_basis(glp_prob* problem, const Matrix<Scalar>& a, const Vector<Scalar>& y,
                               bool nonnegative);
}  // namespace

template <class Scalar>
L1Result<Scalar> l1_minimize(const Matrix<Scalar>& a, const Vector<Scalar>& y, bool nonnegative,
                             bool exact_simplex) {
  L1Result<Scalar> result;
  const LpColumns lc(a.rows(), a.cols(), nonnegative);
  const int m = lc.m, columns = lc.columns;
  auto column_sign = [&](int j) { return lc.sign(j); };
  auto column_index = [&](int j) { return lc.index(j); };

  std::unique_ptr<glp_prob, void (*)(glp_prob*)> lp(glp_create_prob(), glp_delete_prob);
  glp_set_obj_dir(lp.get(), GLP_MIN);
  glp_add_rows(lp.get(), m);
  glp_add_cols(lp.get(), columns);
  for (int i = 0; i < m; ++i) {
    const double yi = scalar_cast<double>(y(i));
    glp_set_row_bnds(lp.get(), i + 1, GLP_FX, yi, yi);
  }
  std::vector<int> ia(1), ja(1);
  std::vector<double> ar(1);
  for (int j = 0; j < columns; ++j) {
    glp_set_col_bnds(lp.get(), j + 1, GLP_LO, 0.0, 0.0);
    glp_set_obj_coef(lp.get(), j + 1, 1.0);
    for (int i = 0; i < m; ++i) {
      const double v = column_sign(j) * scalar_cast<double>(a(i, column_index(j)));
      if (v != 0) {
        ia.push_back(i + 1);
        ja.push_back(j + 1);
        ar.push_back(v);
      }
    }
  }
  glp_load_matrix(lp.get(), static_cast<int>(ia.size()) - 1, ia.data(), ja.data(), ar.data());
  glp_smcp parm;
  glp_init_smcp(&parm);
  parm.msg_lev = GLP_MSG_OFF;
  parm.presolve = GLP_OFF;
  parm.tol_bnd = 1e-12;
  parm.tol_dj = 1e-12;
  glp_term_out(GLP_OFF);
  const int rc = glp_simplex(lp.get(), &parm);
  if (rc != 0) {
    result.status = L1Status::kSolverFailed;
    result.message = "GLPK returned code " + std::to_string(rc);
    return result;
  }
  result = certify_basis<Scalar>(lp.get(), a, y, nonnegative);
  // The floating-point basis is kept when it certifies at Scalar precision;
  // otherwise GLPK's rational simplex restarts from it (on small LPs only: on
  // the 17-digit decimal data its cost explodes with the size, >2 min at 400
  // columns), and its basis is certified in turn.
  const bool undecided = result.status == L1Status::kInfeasible || (result.ok() && !result.certified);
  if (undecided && exact_simplex && columns <= kExactSimplexColumns) {
    const int rc_exact = glp_exact(lp.get(), &parm);
    if (rc_exact != 0) {
      result.status = L1Status::kSolverFailed;
      result.message = "GLPK's exact simplex returned code " + std::to_string(rc_exact);
      return result;
    }
    result = certify_basis<Scalar>(lp.get(), a, y, nonnegative);
    result.exact_simplex_used = true;
  }
  return result;
}

namespace {
template <class Scalar>
L1Result<Scalar> certify_basis(glp_prob* problem, const Matrix<Scalar>& a, const Vector<Scalar>& y,
                               bool nonnegative) {
  using std::max;
  L1Result<Scalar> result;
  const LpColumns lc(a.rows(), a.cols(), nonnegative);
  const int m = lc.m, n = lc.n, columns = lc.columns;
  auto column_sign = [&](int j) { return lc.sign(j); };
  auto column_index = [&](int j) { return lc.index(j); };
  const int status = glp_get_status(problem);
  if (status == GLP_NOFEAS || status == GLP_INFEAS) {
    result.status = L1Status::kInfeasible;
    result.message = "no feasible point";
    return result;
  }
  if (status != GLP_OPT) {
    result.status = L1Status::kSolverFailed;
    result.message = "GLPK status " + std::to_string(status);
    return result;
  }
  // Basis in GLPK's form r = A x (r_i fixed at y_i): unknowns are the basic
  // r_i and basic x_j; nonbasic x_j = 0, nonbasic r_i = y_i.
  std::vector<int> basic_rows, basic_cols;
  for (int i = 0; i < m; ++i) {
    if (glp_get_row_stat(problem, i + 1) == GLP_BS) basic_rows.push_back(i);
  }
  for (int j = 0; j < columns; ++j) {
    if (glp_get_col_stat(problem, j + 1) == GLP_BS) basic_cols.push_back(j);
  }
  if (static_cast<int>(basic_rows.size() + basic_cols.size()) != m) {
    result.status = L1Status::kSolverFailed;
    result.message = "basis has the wrong size";
    return result;
  }
  // Equations r - A x = 0 in the basic unknowns [r_B; x_B]:
  //   sum_{i in B_r} e_i r_i - sum_{j in B_x} (A col j) x_j = -sum_{i notin B_r} e_i y_i.
  Matrix<Scalar> basis = Matrix<Scalar>::Zero(m, m);
  Vector<Scalar> rhs = Vector<Scalar>::Zero(m);
  int k = 0;
  std::vector<bool> row_basic(m, false);
  for (int i : basic_rows) {
    basis(i, k++) = 1;
    row_basic[i] = true;
  }
  for (int j : basic_cols) basis.col(k++) = -Scalar(column_sign(j)) * a.col(column_index(j));
  for (int i = 0; i < m; ++i) {
    if (!row_basic[i]) rhs(i) = -y(i);
  }
  Eigen::FullPivLU<Matrix<Scalar>> lu(basis);
  if (!lu.isInvertible()) {
    result.status = L1Status::kSolverFailed;
    result.message = "optimal basis is singular at working precision";
    return result;
  }
  const Vector<Scalar> values = lu.solve(rhs);
  // Duals: reduced cost zero on basic variables. Cost of r is 0, of x is 1;
  // column of r_i is e_i, of x_j is -A col j; so basis^T pi = cost_B and the
  // reduced cost of nonbasic x_j is 1 - (-A col j)^T pi = 1 + (A col j)^T pi.
  Vector<Scalar> cost_b = Vector<Scalar>::Zero(m);
  for (std::size_t t = 0; t < basic_cols.size(); ++t) cost_b(basic_rows.size() + t) = 1;
  const Vector<Scalar> pi = lu.transpose().solve(cost_b);
  const Vector<Scalar> mu = -pi;  // multipliers of A x = y: reduced cost 1 - (A col)^T mu

  result.z = Vector<Scalar>::Zero(n);
  Scalar primal_infeasibility = 0, value = 0;
  for (std::size_t t = 0; t < basic_rows.size(); ++t) {
    const int i = basic_rows[t];
    primal_infeasibility = max(primal_infeasibility, Scalar(abs(values(t) - y(i))));
  }
  for (std::size_t t = 0; t < basic_cols.size(); ++t) {
    const int j = basic_cols[t];
    const Scalar xj = values(basic_rows.size() + t);
    primal_infeasibility = max(primal_infeasibility, Scalar(-xj));
    result.z(column_index(j)) += Scalar(column_sign(j)) * xj;
    value += xj;
  }
  Scalar dual_infeasibility = 0;
  for (int j = 0; j < columns; ++j) {
    const Scalar reduced = 1 - Scalar(column_sign(j)) * a.col(column_index(j)).dot(mu);
    dual_infeasibility = max(dual_infeasibility, Scalar(-reduced));
  }
  result.value = value;
  result.dual_value = y.dot(mu);
  result.primal_infeasibility = primal_infeasibility;
  result.dual_infeasibility = dual_infeasibility;
  const Scalar x_norm = values.template lpNorm<1>();
  const Scalar rounding = Scalar(double(m) * m) * unit_roundoff<Scalar>() *
                          a.cwiseAbs().maxCoeff() * (x_norm + 1) * (mu.template lpNorm<Eigen::Infinity>() + 1);
  result.value_error = abs(value - result.dual_value) + primal_infeasibility * mu.template lpNorm<1>() +
                       dual_infeasibility * x_norm + rounding;
  // Feasibility violations larger than the rounding scale mean GLPK's basis
  // (optimal for the double data) is not optimal for the data at this precision.
  result.certified = primal_infeasibility <= rounding && dual_infeasibility <= rounding;
  result.status = L1Status::kOptimal;
  result.message = result.certified ? "optimal basis certified at working precision"
                                    : "basis not certified at working precision";
  return result;
}

}  // namespace

template L1Result<double> l1_minimize<double>(const Matrix<double>&, const Vector<double>&, bool, bool);
template L1Result<Mp50> l1_minimize<Mp50>(const Matrix<Mp50>&, const Vector<Mp50>&, bool, bool);
template L1Result<Mp100> l1_minimize<Mp100>(const Matrix<Mp100>&, const Vector<Mp100>&, bool, bool);

}  // namespace thmcheck::cmr22
