#include "thmcheck/mf22/landscape_probe.hpp"

#include <fmt/format.h>
#include <glpk.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

#include "thmcheck/generators/random_data.hpp"

namespace thmcheck::mf22 {

namespace {

/// Value of prod_k (w_k + s_k gamma) at the vertex with sign bits `mask`.
template <class S>
S vertex_product(const Vector<S>& w_row, const S& gamma, unsigned mask) {
  S p = 1;
  for (Eigen::Index k = 0; k < w_row.size(); ++k) p *= w_row(k) + ((mask >> k) & 1u ? gamma : S(-gamma));
  return p;
}

/// Vertex masks attaining the minimum and maximum of the row product.
void extreme_masks(const Vector<double>& w_row, double gamma, unsigned& min_mask, unsigned& max_mask) {
  const unsigned count = 1u << w_row.size();
  double lo = std::numeric_limits<double>::infinity(), hi = -lo;
  for (unsigned mask = 0; mask < count; ++mask) {
    const double v = vertex_product(w_row, gamma, mask);
    if (v < lo) lo = v, min_mask = mask;
    if (v > hi) hi = v, max_mask = mask;
  }
}

Vector<double> mask_delta(unsigned mask, Eigen::Index n, double gamma) {
  Vector<double> delta(n);
  for (Eigen::Index k = 0; k < n; ++k) delta(k) = (mask >> k) & 1u ? gamma : -gamma;
  return delta;
}

}  // namespace

template <class S>
void product_box(const Matrix<S>& w, const S& gamma, Vector<S>& lo, Vector<S>& hi) {
  const Eigen::Index d = w.rows(), n = w.cols();
  lo.resize(d);
  hi.resize(d);
  const unsigned count = 1u << n;
  for (Eigen::Index j = 0; j < d; ++j) {
    const Vector<S> row = w.row(j).transpose();
    S a = vertex_product<S>(row, gamma, 0), b = a;
    for (unsigned mask = 1; mask < count; ++mask) {
      const S v = vertex_product<S>(row, gamma, mask);
      a = std::min(a, v);
      b = std::max(b, v);
    }
    lo(j) = a;
    hi(j) = b;
  }
}

Vector<double> realize_row(const Vector<double>& w_row, double gamma, double target) {
  const Eigen::Index n = w_row.size();
  unsigned min_mask = 0, max_mask = 0;
  extreme_masks(w_row, gamma, min_mask, max_mask);
  Vector<double> delta = mask_delta(min_mask, n, gamma);
  const Vector<double> end = mask_delta(max_mask, n, gamma);
  auto product = [&](const Vector<double>& dl) {
    double p = 1;
    for (Eigen::Index k = 0; k < n; ++k) p *= w_row(k) + dl(k);
    return p;
  };
  if (target <= product(delta)) return delta;
  for (Eigen::Index k = 0; k < n; ++k) {
    if (delta(k) == end(k)) continue;
    // Along this segment the product is c * (w_k + delta_k), c = product of
    // the other factors.
    double c = 1;
    for (Eigen::Index l = 0; l < n; ++l)
      if (l != k) c *= w_row(l) + delta(l);
    Vector<double> next = delta;
    next(k) = end(k);
    const double p0 = product(delta), p1 = product(next);
    if ((target - p0) * (target - p1) <= 0 && c != 0) {
      delta(k) = std::clamp(target / c - w_row(k), -gamma, gamma);
      return delta;
    }
    delta = next;
  }
  return delta;  // target >= max: the maximizing vertex
}

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
  if (!glpk_range(ar, result.message)) {
    glp_delete_prob(lp);
    return result;
  }
  glp_load_matrix(lp, static_cast<int>(ia.size()) - 1, ia.data(), ja.data(), ar.data());
  glp_scale_prob(lp, GLP_SF_AUTO);
  glp_smcp parm;
  glp_init_smcp(&parm);
  parm.msg_lev = GLP_MSG_OFF;
  parm.it_lim = 100000;
  parm.tm_lim = 20000;
  const int code = glp_simplex(lp, &parm);
  const int status = glp_get_status(lp);
  if (code != 0 || status != GLP_OPT) {
    result.message = "GLPK simplex: return code " + std::to_string(code) + ", status " + std::to_string(status);
    glp_delete_prob(lp);
    return result;
  }
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
  if (!glpk_range(ar, result.message)) {
    glp_delete_prob(lp);
    return result;
  }
  if (ia.size() > 1) glp_load_matrix(lp, static_cast<int>(ia.size()) - 1, ia.data(), ja.data(), ar.data());
  glp_scale_prob(lp, GLP_SF_AUTO);
  glp_smcp parm;
  glp_init_smcp(&parm);
  parm.msg_lev = GLP_MSG_OFF;
  parm.it_lim = 200000;
  parm.tm_lim = 30000;
  const int code = glp_simplex(lp, &parm);
  const int status = glp_get_status(lp);
  if (code != 0 || status != GLP_OPT) {
    result.message = "GLPK simplex: return code " + std::to_string(code) + ", status " + std::to_string(status);
    glp_delete_prob(lp);
    return result;
  }
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

template <class S>
S linearized_change_dual_bound(const Matrix<S>& x, const Vector<S>& lo, const Vector<S>& hi,
                               const Vector<double>& u_double) {
  const Vector<S> u = u_double.cast<S>().cwiseMax(S(-1)).cwiseMin(S(1));
  const Vector<S> c = x.transpose() * u;
  S total = 0;
  for (Eigen::Index j = 0; j < c.size(); ++j) {
    if (c(j) == 0) continue;
    const S bound = c(j) > 0 ? lo(j) : hi(j);
    if (!is_finite(bound)) return -std::numeric_limits<S>::infinity();
    total += c(j) * bound;
  }
  return total / S(static_cast<double>(x.rows()));
}

template <class S>
S l1_box_dual_bound(const Matrix<S>& x, const Vector<S>& y, const Vector<S>& lo, const Vector<S>& hi,
                    const Vector<double>& u_double) {
  const Vector<S> u = u_double.cast<S>().cwiseMax(S(-1)).cwiseMin(S(1));
  const Vector<S> c = x.transpose() * u;
  S total = -u.dot(y);
  for (Eigen::Index j = 0; j < c.size(); ++j) {
    if (c(j) == 0) continue;
    const S bound = c(j) > 0 ? lo(j) : hi(j);
    if (!is_finite(bound)) return -std::numeric_limits<S>::infinity();
    total += c(j) * bound;
  }
  return total / S(static_cast<double>(x.rows()));
}

LandscapeProbeResult probe_landscape(const DiagonalNetworkProblem<double>& problem,
                                     const Matrix<double>& w0, const LandscapeProbeOptions& o) {
  LandscapeProbeResult result;
  const Eigen::Index d = w0.rows(), n = w0.cols();
  const double gamma = o.gamma;
  if (!(gamma >= 0) || n < 1 || n > 12) {
    result.message = "need gamma >= 0 and 1 <= N <= 12";
    return result;
  }
  RandomSource rng(o.seed);
  result.base_loss = l1_loss(problem, w0);
  Vector<double> lo, hi;
  product_box<double>(w0, gamma, lo, hi);
  auto realize = [&](const Vector<double>& theta, const std::vector<bool>& moves) {
    Matrix<double> w = w0;
    for (Eigen::Index j = 0; j < d; ++j) {
      if (!moves[j]) continue;
      const Vector<double> row = w0.row(j).transpose();
      w.row(j) = (row + realize_row(row, gamma, theta(j))).transpose();
    }
    return w;
  };
  // 1.-2. Linearized LPs (directional derivative of the loss at theta0 over
  // the image box, minus theta0): a certified lower bound on the change over
  // the ball (the loss change dominates its linearization, |r + a| - |r| >=
  // sign(r) a, and equals it for zero residuals), realized as a point of the
  // ball whose true change is then evaluated.
  const Vector<double> theta0 = layer_product(w0);
  const Vector<double> residual = problem.x * theta0 - problem.y;
  std::vector<bool> zero(residual.size());
  for (Eigen::Index i = 0; i < residual.size(); ++i)
    zero[i] = std::abs(residual(i)) <= o.zero_residual_tolerance;
  result.zero_residuals = zero;
  {
    const LinearizedChangeResult lp = linearized_change_lp(problem.x, residual, zero, lo - theta0, hi - theta0);
    if (!lp.ok) {
      result.message = "ball LP: " + lp.message;
      return result;
    }
    // Outside the linear regime the LP point need not be best for the true
    // loss; the true change along the segment theta0 + t Delta is convex in
    // t, so sample t in (0, 1] and keep the best point.
    double best_t = 1, best_loss = std::numeric_limits<double>::infinity();
    for (int k = 1; k <= 64; ++k) {
      const double t = k / 64.0;
      const double v = l1_loss_of_product(problem, Vector<double>(theta0 + t * lp.delta));
      if (v < best_loss) best_loss = v, best_t = t;
    }
    result.lp_w = realize(Vector<double>(theta0 + best_t * lp.delta), std::vector<bool>(d, true));
    result.lp_objective = l1_loss(problem, result.lp_w);
    // The exact (nonlinear-regime) LP over the box, when the simplex copes
    // with the box widths; its point is kept if it is better.
    const double min_width = (hi - lo).minCoeff();
    const BoxL1Result full = min_width >= 1e-6 * (1 + theta0.cwiseAbs().maxCoeff())
                                 ? l1_regression_over_box(problem.x, problem.y, lo, hi, theta0)
                                 : BoxL1Result{};
    if (full.ok) {
      const Matrix<double> w_full = realize(full.theta, std::vector<bool>(d, true));
      const double v = l1_loss(problem, w_full);
      if (v < result.lp_objective) {
        result.lp_objective = v;
        result.lp_w = w_full;
      }
    }
    result.lp_linearized_change = lp.value;
    result.lp_dual = lp.dual;
  }
  {
    Vector<double> flo = Vector<double>::Zero(d), fhi = Vector<double>::Zero(d);
    std::vector<bool> moves(d, false);
    for (Eigen::Index j = 0; j < d; ++j) {
      if (w0.row(j).cwiseAbs().maxCoeff() == 0) {
        moves[j] = true;
        flo(j) = lo(j) - theta0(j);
        fhi(j) = hi(j) - theta0(j);
      }
    }
    const LinearizedChangeResult lp = linearized_change_lp(problem.x, residual, zero, flo, fhi);
    if (!lp.ok) {
      result.message = "family LP: " + lp.message;
      return result;
    }
    result.family_w = realize(Vector<double>(theta0 + lp.delta), moves);
    result.family_objective = l1_loss(problem, result.family_w);
    result.family_linearized_change = lp.value;
    result.family_dual = lp.dual;
  }
  // 3. Multi-start projected sub-gradient descent in w (independent of the LP).
  result.search_w = w0;
  result.search_min_loss = result.base_loss;
  const Matrix<double> lower = w0.array() - gamma, upper = w0.array() + gamma;
  for (int s = 0; s < o.starts; ++s) {
    Matrix<double> w = w0;
    for (Eigen::Index j = 0; j < d; ++j)
      for (Eigen::Index k = 0; k < n; ++k) {
        const double u = s == 0 ? 0.01 * (2 * rng.uniform() - 1)
                         : s % 2 ? (2 * rng.uniform() - 1) : rng.sign();
        w(j, k) += gamma * u;
      }
    for (int t = 0; t < o.iterations; ++t) {
      const double loss = l1_loss(problem, w);
      ++result.evaluations;
      if (loss < result.search_min_loss) {
        result.search_min_loss = loss;
        result.search_w = w;
      }
      const Matrix<double> g = l1_subgradient(problem, w);
      const double scale = g.cwiseAbs().maxCoeff();
      if (scale == 0) break;
      w -= (0.5 * gamma / std::sqrt(t + 1.0) / scale) * g;
      w = w.cwiseMax(lower).cwiseMin(upper);
    }
  }
  // 4. Increase: L is convex in theta, so its max over the box is at a vertex.
  auto loss_theta = [&](const Vector<double>& theta) {
    ++result.evaluations;
    return l1_loss_of_product(problem, theta);
  };
  Vector<double> best_vertex = lo;
  double best = -1;
  if (d <= o.enumerate_max_dimension) {
    result.increase_enumerated = true;
    for (unsigned long mask = 0; mask < (1ul << d); ++mask) {
      Vector<double> theta(d);
      for (Eigen::Index j = 0; j < d; ++j) theta(j) = (mask >> j) & 1ul ? hi(j) : lo(j);
      const double v = loss_theta(theta);
      if (v > best) best = v, best_vertex = theta;
    }
  } else {
    // Multi-start vertex ascent: theta_j <- hi_j if g_j > 0 else lo_j, which
    // never decreases a convex function (L(new) >= L(old) + <g, new - old>).
    for (int s = 0; s < std::max(o.starts, 1); ++s) {
      Vector<double> theta(d);
      for (Eigen::Index j = 0; j < d; ++j) theta(j) = rng.uniform() < 0.5 ? lo(j) : hi(j);
      for (int t = 0; t < 100; ++t) {
        const Vector<double> r = problem.x * theta - problem.y;
        const Vector<double> sg = r.unaryExpr([](double v) { return v > 0 ? 1.0 : (v < 0 ? -1.0 : 0.0); });
        const Vector<double> g = problem.x.transpose() * sg;
        Vector<double> next = theta;
        for (Eigen::Index j = 0; j < d; ++j) {
          if (g(j) > 0) next(j) = hi(j);
          if (g(j) < 0) next(j) = lo(j);
        }
        if (next == theta) break;
        theta = next;
      }
      const double v = loss_theta(theta);
      if (v > best) best = v, best_vertex = theta;
    }
  }
  result.increase_w = realize(best_vertex, std::vector<bool>(d, true));
  result.increase_max_loss = best;
  result.ok = true;
  result.message = "ok";
  return result;
}

template void product_box<double>(const Matrix<double>&, const double&, Vector<double>&, Vector<double>&);
template void product_box<Mp50>(const Matrix<Mp50>&, const Mp50&, Vector<Mp50>&, Vector<Mp50>&);
template void product_box<Mp100>(const Matrix<Mp100>&, const Mp100&, Vector<Mp100>&, Vector<Mp100>&);
template double linearized_change_dual_bound<double>(const Matrix<double>&, const Vector<double>&, const Vector<double>&, const Vector<double>&);
template Mp50 linearized_change_dual_bound<Mp50>(const Matrix<Mp50>&, const Vector<Mp50>&, const Vector<Mp50>&, const Vector<double>&);
template Mp100 linearized_change_dual_bound<Mp100>(const Matrix<Mp100>&, const Vector<Mp100>&, const Vector<Mp100>&, const Vector<double>&);
template double l1_box_dual_bound<double>(const Matrix<double>&, const Vector<double>&, const Vector<double>&, const Vector<double>&, const Vector<double>&);
template Mp50 l1_box_dual_bound<Mp50>(const Matrix<Mp50>&, const Vector<Mp50>&, const Vector<Mp50>&, const Vector<Mp50>&, const Vector<double>&);
template Mp100 l1_box_dual_bound<Mp100>(const Matrix<Mp100>&, const Vector<Mp100>&, const Vector<Mp100>&, const Vector<Mp100>&, const Vector<double>&);

}  // namespace thmcheck::mf22
