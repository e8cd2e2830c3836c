#include "thmcheck/mf22/landscape_lps.hpp"

#include <fmt/format.h>
#include <glpk.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <vector>

namespace thmcheck::mf22 {

// GLPK aborts the process (it does not return an error) when its scaling
// meets coefficients whose scale factors leave double's range, which
// coefficients beyond 1e150 in magnitude (or below 1e-150) can cause: such an
// LP is reported as not solved instead.
static bool glpk_range(const std::vector<double>& ar, std::string& message) {
  for (size_t k = 1; k < ar.size(); ++k) {
    const double a = std::abs(ar[k]);
    if (!std::isfinite(a) || (a != 0 && (a > 1e150 || a < 1e-150))) {
      message = fmt::format("LP coefficient {:.3g} outside GLPK's range [1e-150, 1e150]: not solved", ar[k]);
      return false;
    }
  }
  return true;
}

/// Loads the constraint matrix (1-based triplets, GLPK's convention; none
/// when the LP has no rows), scales it and runs the primal simplex with the
/// given iteration and time (ms) limits. On failure deletes `lp`, says why in
/// `message` and returns false.
static bool load_and_solve(glp_prob* lp, std::vector<int>& ia, std::vector<int>& ja, std::vector<double>& ar,
                           int iteration_limit, int time_limit_ms, std::string& message) {
  if (!glpk_range(ar, message)) {
    glp_delete_prob(lp);
    return false;
  }
  if (ia.size() > 1) glp_load_matrix(lp, static_cast<int>(ia.size()) - 1, ia.data(), ja.data(), ar.data());
  glp_scale_prob(lp, GLP_SF_AUTO);
  glp_smcp parm;
  glp_init_smcp(&parm);
  parm.msg_lev = GLP_MSG_OFF;
  parm.it_lim = iteration_limit;
  parm.tm_lim = time_limit_ms;
  const int code = glp_simplex(lp, &parm);
  const int status = glp_get_status(lp);
  if (code != 0 || status != GLP_OPT) {
    message = "GLPK simplex: return code " + std::to_string(code) + ", status " + std::to_string(status);
    glp_delete_prob(lp);
    return false;
  }
  return true;
}

BoxL1Result l1_regression_over_box(const Matrix<double>& x, const Vector<double>& y,
                                   const Vector<double>& lo, const Vector<double>& hi,
                                   const Vector<double>& reference) {
  BoxL1Result result;
  const int m = static_cast<int>(x.rows()), d = static_cast<int>(x.cols());
  // Variables: theta = reference + c + h (.) s, s_j in [-1, 1] for bounded
  // coordinates (c, h: center and half-width of the box minus the reference),
  // free s_j = theta_j - reference_j otherwise; and e_i = |r_i + a_i| - |r_i|
  // with r = X reference - y, a = X (theta - reference). The objective
  // (1/m) sum e_i is the loss CHANGE, so no O(1) constant swamps changes of
  // order gamma^N, and the tiny box widths are scaled out of the bounds.
  Vector<double> center(d), half(d);
  std::vector<int> type(d);
  for (int j = 0; j < d; ++j) {
    const bool lo_inf = std::isinf(lo(j)), hi_inf = std::isinf(hi(j));
    if (lo_inf || hi_inf) {
      center(j) = 0;
      half(j) = 1;
      type[j] = lo_inf && hi_inf ? GLP_FR : (lo_inf ? GLP_UP : GLP_LO);
    } else {
      center(j) = (lo(j) - reference(j)) + (hi(j) - lo(j)) / 2;
      half(j) = (hi(j) - lo(j)) / 2;
      type[j] = half(j) > 0 ? GLP_DB : GLP_FX;
    }
  }
  const Vector<double> r = x * reference - y;
  const Vector<double> offset = x * center;  // a = offset + X (h (.) s)
  glp_term_out(GLP_OFF);
  glp_prob* lp = glp_create_prob();
  glp_set_obj_dir(lp, GLP_MIN);
  glp_add_cols(lp, d + m);
  for (int j = 0; j < d; ++j) {
    if (type[j] == GLP_DB) glp_set_col_bnds(lp, j + 1, GLP_DB, -1.0, 1.0);
    else if (type[j] == GLP_FX) glp_set_col_bnds(lp, j + 1, GLP_FX, 0.0, 0.0);
    else glp_set_col_bnds(lp, j + 1, type[j], std::isinf(lo(j)) ? 0.0 : lo(j) - reference(j),
                          std::isinf(hi(j)) ? 0.0 : hi(j) - reference(j));
    glp_set_obj_coef(lp, j + 1, 0.0);
  }
  for (int i = 0; i < m; ++i) {
    glp_set_col_bnds(lp, d + i + 1, GLP_FR, 0.0, 0.0);
    glp_set_obj_coef(lp, d + i + 1, 1.0 / m);
  }
  glp_add_rows(lp, 2 * m);
  std::vector<int> ia(1), ja(1);
  std::vector<double> ar(1);
  for (int i = 0; i < m; ++i) {
    // e_i >= sigma a_i and e_i >= -2|r_i| - sigma a_i with sigma = sign(r_i)
    // (sigma = 1 when r_i = 0: then the rows are e_i >= a_i, e_i >= -a_i):
    // row 2i+1: e_i - sigma X_i(h s) >= sigma offset_i;
    // row 2i+2: e_i + sigma X_i(h s) >= -2|r_i| - sigma offset_i.
    const double sigma = r(i) < 0 ? -1.0 : 1.0;
    glp_set_row_bnds(lp, 2 * i + 1, GLP_LO, sigma * offset(i), 0.0);
    glp_set_row_bnds(lp, 2 * i + 2, GLP_LO, -2 * std::abs(r(i)) - sigma * offset(i), 0.0);
    for (int row_kind = 0; row_kind < 2; ++row_kind) {
      const int row = 2 * i + 1 + row_kind;
      const double sign = row_kind == 0 ? -sigma : sigma;
      for (int j = 0; j < d; ++j) {
        const double a = x(i, j) * (type[j] == GLP_FX ? 0.0 : half(j));
        if (a == 0) continue;
        ia.push_back(row);
        ja.push_back(j + 1);
        ar.push_back(sign * a);
      }
      ia.push_back(row);
      ja.push_back(d + i + 1);
      ar.push_back(1.0);
    }
  }
  if (!load_and_solve(lp, ia, ja, ar, 100000, 20000, result.message)) return result;
  result.theta.resize(d);
  for (int j = 0; j < d; ++j) {
    const double v = glp_get_col_prim(lp, j + 1);
    if (type[j] == GLP_DB) {
      result.theta(j) = std::clamp(reference(j) + center(j) + half(j) * std::clamp(v, -1.0, 1.0), lo(j), hi(j));
    } else if (type[j] == GLP_FX) {
      result.theta(j) = lo(j);
    } else {
      result.theta(j) = reference(j) + v;
    }
  }
  result.change = glp_get_obj_val(lp);
  result.objective = r.cwiseAbs().sum() / m + result.change;
  result.dual.resize(m);
  for (int i = 0; i < m; ++i) {
    // Lagrange multipliers lambda_1, lambda_2 >= 0 of the two rows sum to 1/m;
    // the residual-sign weight is u_i = m sigma (lambda_1 - lambda_2).
    const double sigma = r(i) < 0 ? -1.0 : 1.0;
    const double l1 = glp_get_row_dual(lp, 2 * i + 1), l2 = glp_get_row_dual(lp, 2 * i + 2);
    result.dual(i) = std::clamp(m * sigma * (l1 - l2), -1.0, 1.0);
  }
  glp_delete_prob(lp);
  result.ok = true;
  result.message = "optimal";
  return result;
}

LinearizedChangeResult linearized_change_lp(const Matrix<double>& x, const Vector<double>& residual,
                                            const std::vector<bool>& zero, const Vector<double>& lo,
                                            const Vector<double>& hi) {
  LinearizedChangeResult result;
  const int m = static_cast<int>(x.rows()), d = static_cast<int>(x.cols());
  // Scale tau = the smallest positive half-width: the LP is positively
  // homogeneous, so solving in Delta / tau keeps every number O(1) or larger.
  double tau = std::numeric_limits<double>::infinity();
  for (int j = 0; j < d; ++j) {
    const double w = (hi(j) - lo(j)) / 2;
    if (w > 0 && !std::isinf(w)) tau = std::min(tau, w);
  }
  if (std::isinf(tau)) tau = 1;
  result.scale = tau;
  glp_term_out(GLP_OFF);
  glp_prob* lp = glp_create_prob();
  glp_set_obj_dir(lp, GLP_MIN);
  std::vector<int> zero_rows;
  for (int i = 0; i < m; ++i)
    if (zero[i]) zero_rows.push_back(i);
  const int z = static_cast<int>(zero_rows.size());
  glp_add_cols(lp, d + z);
  // Objective: (1/m) [sum_{zero} e_i + sum_{nonzero} sign(r_i) <x_i, v>].
  Vector<double> linear = Vector<double>::Zero(d);
  for (int i = 0; i < m; ++i)
    if (!zero[i]) linear += (residual(i) > 0 ? 1.0 : -1.0) * x.row(i).transpose();
  for (int j = 0; j < d; ++j) {
    const bool lo_inf = std::isinf(lo(j)), hi_inf = std::isinf(hi(j));
    const int type = lo_inf && hi_inf ? GLP_FR : lo_inf ? GLP_UP : hi_inf ? GLP_LO
                     : lo(j) == hi(j) ? GLP_FX : GLP_DB;
    // Bounds beyond 1e6 tau are clipped for the solve only (the simplex is
    // unreliable with bounds 1e8 and more apart); the solution stays feasible,
    // and the certificate (linearized_change_dual_bound) uses the true box.
    glp_set_col_bnds(lp, j + 1, type, lo_inf ? 0.0 : std::max(lo(j) / tau, -1e6),
                     hi_inf ? 0.0 : std::min(hi(j) / tau, 1e6));
    glp_set_obj_coef(lp, j + 1, linear(j) / m);
  }
  for (int r = 0; r < z; ++r) {
    glp_set_col_bnds(lp, d + r + 1, GLP_LO, 0.0, 0.0);
    glp_set_obj_coef(lp, d + r + 1, 1.0 / m);
  }
  // No zero residual: no rows (GLPK aborts the process on glp_add_rows(lp, 0)).
  if (z > 0) glp_add_rows(lp, 2 * z);
  std::vector<int> ia(1), ja(1);
  std::vector<double> ar(1);
  for (int r = 0; r < z; ++r) {
    const int i = zero_rows[r];
    // e >= <x_i, v> and e >= -<x_i, v>.
    glp_set_row_bnds(lp, 2 * r + 1, GLP_LO, 0.0, 0.0);
    glp_set_row_bnds(lp, 2 * r + 2, GLP_LO, 0.0, 0.0);
    for (int k = 0; k < 2; ++k) {
      const double sign = k == 0 ? -1.0 : 1.0;
      for (int j = 0; j < d; ++j) {
        if (x(i, j) == 0) continue;
        ia.push_back(2 * r + 1 + k);
        ja.push_back(j + 1);
        ar.push_back(sign * x(i, j));
      }
      ia.push_back(2 * r + 1 + k);
      ja.push_back(d + r + 1);
      ar.push_back(1.0);
    }
  }
  if (!load_and_solve(lp, ia, ja, ar, 200000, 30000, result.message)) return result;
  result.delta.resize(d);
  for (int j = 0; j < d; ++j) {
    double v = glp_get_col_prim(lp, j + 1) * tau;
    if (!std::isinf(lo(j))) v = std::max(v, lo(j));
    if (!std::isinf(hi(j))) v = std::min(v, hi(j));
    result.delta(j) = v;
  }
  result.value = glp_get_obj_val(lp) * tau;
  result.dual = Vector<double>::Zero(m);
  for (int i = 0; i < m; ++i)
    if (!zero[i]) result.dual(i) = residual(i) > 0 ? 1.0 : -1.0;
  for (int r = 0; r < z; ++r) {
    // Row duals lambda_1 (e >= a) and lambda_2 (e >= -a) give u = m(lambda_1 - lambda_2).
    const double l1 = glp_get_row_dual(lp, 2 * r + 1), l2 = glp_get_row_dual(lp, 2 * r + 2);
    result.dual(zero_rows[r]) = std::clamp(m * (l1 - l2), -1.0, 1.0);
  }
  glp_delete_prob(lp);
  result.ok = true;
  result.message = "optimal";
  return result;
}

/// (1/m) [total + sum_j min(c_j lo_j, c_j hi_j)], c = X^T u, added to
/// `total` in the order of j; -infinity when an infinite bound meets c_j != 0.
template <class S>
static S box_dual_sum(const Matrix<S>& x, const Vector<S>& u, const Vector<S>& lo, const Vector<S>& hi, S total) {
  const Vector<S> c = x.transpose() * u;
  for (Eigen::Index j = 0; j < c.size(); ++j) {
    if (c(j) == 0) continue;
    const S bound = c(j) > 0 ? lo(j) : hi(j);
    if (!is_finite(bound)) return -std::numeric_limits<S>::infinity();
    total += c(j) * bound;
  }
  return total / S(static_cast<double>(x.rows()));
}

template <class S>
S linearized_change_dual_bound(const Matrix<S>& x, const Vector<S>& lo, const Vector<S>& hi,
                               const Vector<double>& u_double) {
  const Vector<S> u = u_double.cast<S>().cwiseMax(S(-1)).cwiseMin(S(1));
  return box_dual_sum<S>(x, u, lo, hi, S(0));
}

template <class S>
S l1_box_dual_bound(const Matrix<S>& x, const Vector<S>& y, const Vector<S>& lo, const Vector<S>& hi,
                    const Vector<double>& u_double) {
  const Vector<S> u = u_double.cast<S>().cwiseMax(S(-1)).cwiseMin(S(1));
  return box_dual_sum<S>(x, u, lo, hi, S(-u.dot(y)));
}

template double linearized_change_dual_bound<double>(const Matrix<double>&, const Vector<double>&, const Vector<double>&, const Vector<double>&);
template Mp50 linearized_change_dual_bound<Mp50>(const Matrix<Mp50>&, const Vector<Mp50>&, const Vector<Mp50>&, const Vector<double>&);
template Mp100 linearized_change_dual_bound<Mp100>(const Matrix<Mp100>&, const Vector<Mp100>&, const Vector<Mp100>&, const Vector<double>&);
template double l1_box_dual_bound<double>(const Matrix<double>&, const Vector<double>&, const Vector<double>&, const Vector<double>&, const Vector<double>&);
template Mp50 l1_box_dual_bound<Mp50>(const Matrix<Mp50>&, const Vector<Mp50>&, const Vector<Mp50>&, const Vector<Mp50>&, const Vector<double>&);
template Mp100 l1_box_dual_bound<Mp100>(const Matrix<Mp100>&, const Vector<Mp100>&, const Vector<Mp100>&, const Vector<Mp100>&, const Vector<double>&);

}  // namespace thmcheck::mf22
