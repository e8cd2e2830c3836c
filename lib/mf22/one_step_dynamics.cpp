#include "thmcheck/mf22/one_step_dynamics.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "thmcheck/mf22/sign_gradient.hpp"

namespace thmcheck::mf22 {

std::string to_string(OneStepLemma l) {
  switch (l) {
    case OneStepLemma::kSignal: return "signal (Lemma 1)";
    case OneStepLemma::kResidual: return "residual (Lemma 2)";
    case OneStepLemma::kDifference: return "difference (Lemma 3)";
    case OneStepLemma::kDifferenceUsed: return "difference as used, eq. (69)";
  }
  return "?";
}

std::string to_string(OneStepDelta d) {
  switch (d) {
    case OneStepDelta::kMainText: return "main text (5), inf-norm";
    case OneStepDelta::kFullText: return "full version (5), 2-norm";
    case OneStepDelta::kAsProved: return "proof's (49)-(50), no psi";
  }
  return "?";
}

template <class S>
StepProblem<S> step_problem(const RobustRegressionData& data, const OutlierLaw<S>& law) {
  StepProblem<S> p;
  p.x = data.x.cast<S>();
  p.noise = data.noise.cast<S>();
  p.theta_star = data.theta_star.cast<S>();
  p.law = law;
  p.corruption_rate = S(static_cast<long>(data.corrupted.size())) / S(static_cast<long>(data.x.rows()));
  p.on_support.assign(static_cast<size_t>(data.x.cols()), false);
  for (int l : data.support) p.on_support[static_cast<size_t>(l)] = true;
  const S m = S(static_cast<long>(data.x.rows()));
  for (Eigen::Index j = 0; j < p.x.cols(); ++j) {
    const S mean_abs = p.x.col(j).cwiseAbs().sum() / m;
    if (mean_abs > p.column_scale) p.column_scale = mean_abs;
  }
  return p;
}

template <class S>
OneStepReading<S> read_one_step(const StepProblem<S>& problem, const Vector<S>& u, const Vector<S>& v,
                                const S& eta, OneStepLemma lemma, OneStepDelta variant) {
  using std::abs;
  using std::sqrt;
  OneStepReading<S> r;
  const Eigen::Index m = problem.x.rows(), d = problem.x.cols();
  const Vector<S> z = problem.theta_star - u.cwiseProduct(v);
  r.z_norm = z.norm();
  if (!(r.z_norm > 0)) {
    r.message = "z = 0";
    return r;
  }
  const Vector<S> zhat = z / r.z_norm;
  Vector<S> signs = problem.x * z + problem.noise;
  for (Eigen::Index i = 0; i < m; ++i) signs(i) = signs(i) > 0 ? S(1) : (signs(i) < 0 ? S(-1) : S(0));
  const Vector<S> q = problem.x.transpose() * signs / S(static_cast<long>(m));
  r.u_next = u + eta * q.cwiseProduct(v);
  r.v_next = v + eta * q.cwiseProduct(u);
  r.boundary = r.z_norm / (eta * problem.theta_star.norm());

  const S eps = unit_roundoff<S>();
  // Rounding (Higham 2002, sec. 3.1, doubled): each q_j is a mean of m terms
  // +-x_ij with exact signs, so |error| <= (m + 2) u max_j mean_i |x_ij|; zhat_j
  // is a quotient by a norm of d squares: (d + 6) u.
  const S e_q = 2 * S(static_cast<long>(m + 2)) * eps * problem.column_scale;
  const S e_zhat = 2 * S(static_cast<long>(d + 6)) * eps;
  Vector<S> direction = zhat;
  if (variant != OneStepDelta::kAsProved) {
    direction *= psi(problem.law, problem.corruption_rate, r.z_norm, PsiForm::kPrinted);
  }
  const Vector<S> deviation = q - direction;
  r.delta = variant == OneStepDelta::kFullText ? deviation.norm() : deviation.template lpNorm<Eigen::Infinity>();
  // psi: a closed form or quadrature of the outlier law, taken as 100 u.
  const S e_delta = (variant == OneStepDelta::kFullText ? sqrt(S(static_cast<long>(d))) : S(1)) *
                    (e_q + e_zhat + 100 * eps);

  S best = -1, best_error = 0;
  for (Eigen::Index i = 0; i < d; ++i) {
    const S ui = u(i), vi = v(i), un = r.u_next(i), vn = r.v_next(i);
    // u'_i = u_i + eta q_i v_i: error <= u (|u_i| + 2 eta |q_i v_i|) + eta |v_i| e_q.
    const S e_un = eps * (abs(ui) + 2 * eta * abs(q(i) * vi)) + eta * abs(vi) * e_q;
    const S e_vn = eps * (abs(vi) + 2 * eta * abs(q(i) * ui)) + eta * abs(ui) * e_q;
    const bool support = problem.on_support[static_cast<size_t>(i)];
    S req = 0, err = 0;
    bool constrained = false;
    switch (lemma) {
      case OneStepLemma::kSignal: {
        const S uv = ui * vi;
        if (!support || uv == 0) break;
        constrained = true;
        const S growth = (un * vn - uv) / (2 * eta * uv);
        req = (uv > 0 ? S(1) : S(-1)) * (zhat(i) - growth);
        err = (abs(vn) * e_un + abs(un) * e_vn + 3 * eps * (abs(un * vn) + abs(uv))) / (2 * eta * abs(uv)) +
              2 * eps * abs(growth) + e_zhat;
        break;
      }
      case OneStepLemma::kResidual: {
        const S before = ui * ui + vi * vi;
        if (support || before == 0) break;
        constrained = true;
        const S after = un * un + vn * vn;
        const S ratio = after / before;
        req = (ratio - 1) / (3 * eta);
        err = (2 * abs(un) * e_un + 2 * abs(vn) * e_vn + 4 * eps * after + 4 * eps * ratio * before) /
              (3 * eta * before);
        break;
      }
      case OneStepLemma::kDifference:
      case OneStepLemma::kDifferenceUsed: {
        const S gap = ui - vi;  // exact: u, v are the doubles of the trajectory
        if (gap == 0) break;
        if (lemma == OneStepLemma::kDifferenceUsed && (!support || problem.theta_star(i) < ui * vi)) break;
        constrained = true;
        const S factor = (un - vn) / gap;
        err = (e_un + e_vn + 2 * eps * abs(un - vn)) / (eta * abs(gap)) + 2 * eps * abs(factor) / eta;
        if (lemma == OneStepLemma::kDifference) {
          req = abs((factor - 1) / eta + zhat(i));
          err += e_zhat;
        } else {
          req = (abs(factor) - 1) / eta;
        }
        break;
      }
    }
    if (!constrained) continue;
    ++r.constrained;
    if (r.coordinate < 0 || req > best) {
      best = req;
      best_error = err;
      r.coordinate = static_cast<long>(i);
    }
  }
  r.required = best;
  r.error = best_error + e_delta;
  r.message = "";
  return r;
}

OneStepScan scan_steps(const StepProblem<double>& problem, Vector<double> u0, Vector<double> v0, double eta,
                       long iterations, OneStepLemma lemma, OneStepDelta variant, int keep) {
  OneStepScan out;
  struct Seen {
    long t;
    double ratio, boundary;
    Vector<double> u, v;
  };
  std::vector<Seen> best;  // the `keep` largest ratios so far
  Seen closest{-1, 0, 0, {}, {}};
  Seen first{0, 0, 0, u0, v0};
  Vector<double> u = std::move(u0), v = std::move(v0);
  for (long t = 0; t < iterations; ++t) {
    const OneStepReading<double> r = read_one_step(problem, u, v, eta, lemma, variant);
    if (!r.message.empty()) break;  // z = 0
    if (!r.u_next.allFinite() || !r.v_next.allFinite()) {
      out.failure = "SubGM produced a non-finite iterate";
      break;
    }
    ++out.scanned;
    if (!(r.boundary >= 1)) break;
    ++out.in_hypothesis;
    const double ratio = r.constrained > 0 ? r.required / r.delta : -1;
    out.worst_ratio = std::max(out.worst_ratio, ratio);
    if (closest.t < 0 || r.boundary < closest.boundary) closest = Seen{t, ratio, r.boundary, u, v};
    if (r.constrained > 0 && (static_cast<int>(best.size()) < keep || ratio > best.back().ratio)) {
      if (static_cast<int>(best.size()) == keep) best.pop_back();
      best.push_back(Seen{t, ratio, r.boundary, u, v});
      std::sort(best.begin(), best.end(), [](const Seen& a, const Seen& b) { return a.ratio > b.ratio; });
    }
    u = r.u_next;
    v = r.v_next;
  }
  if (closest.t >= 0) best.push_back(closest);
  if (best.empty()) best.push_back(first);
  std::sort(best.begin(), best.end(), [](const Seen& a, const Seen& b) { return a.t < b.t; });
  for (const Seen& s : best) {
    if (!out.steps.empty() && out.steps.back() == s.t) continue;
    out.steps.push_back(s.t);
    out.u.push_back(s.u);
    out.v.push_back(s.v);
  }
  return out;
}

#define THMCHECK_MF22_ONE_STEP_INSTANTIATE(S)                                                   \
  template StepProblem<S> step_problem<S>(const RobustRegressionData&, const OutlierLaw<S>&); \
  template OneStepReading<S> read_one_step<S>(const StepProblem<S>&, const Vector<S>&, const Vector<S>&, \
                                              const S&, OneStepLemma, OneStepDelta);
THMCHECK_MF22_ONE_STEP_INSTANTIATE(double)
THMCHECK_MF22_ONE_STEP_INSTANTIATE(Mp50)
THMCHECK_MF22_ONE_STEP_INSTANTIATE(Mp100)
#undef THMCHECK_MF22_ONE_STEP_INSTANTIATE

}  // namespace thmcheck::mf22
