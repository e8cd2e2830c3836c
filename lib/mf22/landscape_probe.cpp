#include "thmcheck/mf22/landscape_probe.hpp"

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

}  // namespace thmcheck::mf22
