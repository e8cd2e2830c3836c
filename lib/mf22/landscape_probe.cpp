#include "lib/mf22/landscape_probe.hpp"

#include <glpk.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

#include "lib/generators/random_data.hpp"

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

BoxL1Result l1_regression_over_box(const Matrix<double>& x, const Vector<double>& y,
                                   const Vector<double>& lo, const Vector<double>& hi) {
  BoxL1Result result;
  const int m = static_cast<int>(x.rows()), d = static_cast<int>(x.cols());
  glp_prob* lp = glp_create_prob();
  glp_set_obj_dir(lp, GLP_MIN);
  glp_add_cols(lp, d + m);
  for (int j = 0; j < d; ++j) {
    const bool lo_inf = std::isinf(lo(j)), hi_inf = std::isinf(hi(j));
    int type = GLP_DB;
    if (lo_inf && hi_inf) type = GLP_FR;
    else if (lo_inf) type = GLP_UP;
    else if (hi_inf) type = GLP_LO;
    else if (lo(j) == hi(j)) type = GLP_FX;
    glp_set_col_bnds(lp, j + 1, type, lo_inf ? 0.0 : lo(j), hi_inf ? 0.0 : hi(j));
    glp_set_obj_coef(lp, j + 1, 0.0);
  }
  for (int i = 0; i < m; ++i) {
    glp_set_col_bnds(lp, d + i + 1, GLP_LO, 0.0, 0.0);
    glp_set_obj_coef(lp, d + i + 1, 1.0 / m);
  }
  glp_add_rows(lp, 2 * m);
  std::vector<int> ia(1), ja(1);
  std::vector<double> ar(1);
  ia.reserve(2 * m * (d + 1) + 1);
  ja.reserve(ia.capacity());
  ar.reserve(ia.capacity());
  for (int i = 0; i < m; ++i) {
    // Row 2i+1: t_i - <x_i, theta> >= -y_i; row 2i+2: t_i + <x_i, theta> >= y_i.
    glp_set_row_bnds(lp, 2 * i + 1, GLP_LO, -y(i), 0.0);
    glp_set_row_bnds(lp, 2 * i + 2, GLP_LO, y(i), 0.0);
    for (int r = 0; r < 2; ++r) {
      const int row = 2 * i + 1 + r;
      const double sign = r == 0 ? -1.0 : 1.0;
      for (int j = 0; j < d; ++j) {
        if (x(i, j) == 0) continue;
        ia.push_back(row);
        ja.push_back(j + 1);
        ar.push_back(sign * x(i, j));
      }
      ia.push_back(row);
      ja.push_back(d + i + 1);
      ar.push_back(1.0);
    }
  }
  glp_load_matrix(lp, static_cast<int>(ia.size()) - 1, ia.data(), ja.data(), ar.data());
  glp_smcp parm;
  glp_init_smcp(&parm);
  parm.msg_lev = GLP_MSG_OFF;
  const int code = glp_simplex(lp, &parm);
  const int status = glp_get_status(lp);
  if (code != 0 || status != GLP_OPT) {
    result.message = "GLPK simplex: return code " + std::to_string(code) + ", status " + std::to_string(status);
    glp_delete_prob(lp);
    return result;
  }
  result.theta.resize(d);
  for (int j = 0; j < d; ++j) result.theta(j) = glp_get_col_prim(lp, j + 1);
  result.objective = glp_get_obj_val(lp);
  result.dual.resize(m);
  for (int i = 0; i < m; ++i) {
    // Multipliers of t_i >= r_i and t_i >= -r_i (r = <x_i, theta> - y_i):
    // u_i = m (lambda_+ - lambda_-).
    const double plus = glp_get_row_dual(lp, 2 * i + 1), minus = glp_get_row_dual(lp, 2 * i + 2);
    result.dual(i) = std::clamp(m * (plus - minus), -1.0, 1.0);
  }
  glp_delete_prob(lp);
  result.ok = true;
  result.message = "optimal";
  return result;
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
  // 1. Exact LP over the whole ball.
  {
    const BoxL1Result lp = l1_regression_over_box(problem.x, problem.y, lo, hi);
    if (!lp.ok) {
      result.message = "ball LP: " + lp.message;
      return result;
    }
    result.lp_w = realize(lp.theta, std::vector<bool>(d, true));
    result.lp_objective = lp.objective;
    result.lp_dual = lp.dual;
  }
  // 2. The off-support product family (rows of w0 that are zero).
  {
    const Vector<double> theta0 = layer_product(w0);
    Vector<double> flo = theta0, fhi = theta0;
    std::vector<bool> moves(d, false);
    for (Eigen::Index j = 0; j < d; ++j) {
      if (w0.row(j).cwiseAbs().maxCoeff() == 0) {
        moves[j] = true;
        flo(j) = lo(j);
        fhi(j) = hi(j);
      }
    }
    const BoxL1Result lp = l1_regression_over_box(problem.x, problem.y, flo, fhi);
    if (!lp.ok) {
      result.message = "family LP: " + lp.message;
      return result;
    }
    result.family_w = realize(lp.theta, moves);
    result.family_objective = lp.objective;
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
template double l1_box_dual_bound<double>(const Matrix<double>&, const Vector<double>&, const Vector<double>&, const Vector<double>&, const Vector<double>&);
template Mp50 l1_box_dual_bound<Mp50>(const Matrix<Mp50>&, const Vector<Mp50>&, const Vector<Mp50>&, const Vector<Mp50>&, const Vector<double>&);
template Mp100 l1_box_dual_bound<Mp100>(const Matrix<Mp100>&, const Vector<Mp100>&, const Vector<Mp100>&, const Vector<Mp100>&, const Vector<double>&);

}  // namespace thmcheck::mf22
