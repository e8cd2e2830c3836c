#include "thmcheck/cmr22/mirror_flow.hpp"

#include <Eigen/Dense>
#include <algorithm>

namespace thmcheck::cmr22 {

namespace {
// u~(w) for one coordinate given u~0 (see the header); returns false outside the domain.
// u~0 = 0: the coordinate of the flow stays 0 for all t (u' = -L [A^T r] u^{L-1}
// is Lipschitz in u near 0 for L >= 2, so u = 0 is the unique solution), so
// u~(w) = 0 for every w; written out rather than left to pow(0, (2-L)/L) = inf.
template <class Scalar>
bool power_of(const Scalar& p0, const Scalar& w, int depth, Scalar& out) {
  using std::exp;
  using std::pow;
  if (p0 == 0) {
    out = 0;
    return true;
  }
  if (depth == 2) {
    out = p0 * exp(-4 * w);
    return is_finite(out);
  }
  const Scalar l(depth);
  const Scalar base = pow(p0, (2 - l) / l) + l * (l - 2) * w;
  if (!(base > 0)) return false;
  out = pow(base, -l / (l - 2));
  return is_finite(out);
}
}  // namespace

template <class Scalar>
void MirrorMap<Scalar>::parts(const Vector<Scalar>& w, Vector<Scalar>& u_power,
                              Vector<Scalar>& v_power) const {
  const Eigen::Index n = w.size();
  u_power.resize(n);
  for (Eigen::Index i = 0; i < n; ++i) {
    if (!power_of(u0_power(i), w(i), depth, u_power(i))) {
      u_power(i) = std::numeric_limits<Scalar>::quiet_NaN();
    }
  }
  if (!signed_case()) {
    v_power.resize(0);
    return;
  }
  v_power.resize(n);
  for (Eigen::Index i = 0; i < n; ++i) {
    if (!power_of(v0_power(i), Scalar(-w(i)), depth, v_power(i))) {
      v_power(i) = std::numeric_limits<Scalar>::quiet_NaN();
    }
  }
}

template <class Scalar>
bool MirrorMap<Scalar>::in_domain(const Vector<Scalar>& w) const {
  Vector<Scalar> u, v;
  parts(w, u, v);
  return u.allFinite() && v.allFinite();
}

template <class Scalar>
Vector<Scalar> MirrorMap<Scalar>::product(const Vector<Scalar>& w) const {
  Vector<Scalar> u, v;
  parts(w, u, v);
  return signed_case() ? Vector<Scalar>(u - v) : u;
}

template <class Scalar>
Vector<Scalar> MirrorMap<Scalar>::derivative(const Vector<Scalar>& w) const {
  using std::pow;
  Vector<Scalar> u, v;
  parts(w, u, v);
  const Scalar l(depth);
  const Scalar e = 2 - 2 / l;
  Vector<Scalar> d(w.size());
  for (Eigen::Index i = 0; i < w.size(); ++i) {
    Scalar s = pow(u(i), e);
    if (signed_case()) s += pow(v(i), e);
    d(i) = -l * l * s;
  }
  return d;
}

template <class Scalar>
std::string MirrorFlowOptions<Scalar>::validate() const {
  if (!(absolute_tolerance > 0) || !(relative_tolerance >= 0)) return "tolerances must be positive";
  if (!(residual_tolerance > 0) || !(change_tolerance > 0)) return "certificate tolerances must be positive";
  if (!(initial_step > 0)) return "initial_step must be positive";
  if (stop_time < 0) return "stop_time must be >= 0";
  if (max_steps < 1) return "max_steps must be >= 1";
  if (!(initial_time >= 0)) return "initial_time must be >= 0";
  if (initial_lambda.size() > 0 && !initial_lambda.allFinite()) return "initial_lambda must be finite";
  if (stop_time > 0 && !(stop_time > initial_time)) return "stop_time must exceed initial_time";
  return "";
}

template <class Scalar>
MirrorFlowResult<Scalar> mirror_flow(const Matrix<Scalar>& a, const Vector<Scalar>& y,
                                     const MirrorMap<Scalar>& map,
                                     const MirrorFlowOptions<Scalar>& options,
                                     const MirrorObserver<Scalar>& observer) {
  using std::max;
  using std::min;
  using std::sqrt;
  MirrorFlowResult<Scalar> result;
  if (std::string bad = options.validate(); !bad.empty()) {
    result.status = FlowStatus::kInvalidOptions;
    result.message = "invalid options: " + bad;
    return result;
  }
  const Eigen::Index m = a.rows();
  if (options.initial_lambda.size() > 0 && options.initial_lambda.size() != m) {
    result.status = FlowStatus::kInvalidOptions;
    result.message = "invalid options: initial_lambda must have M entries";
    return result;
  }
  const Scalar gamma = 1 + 1 / sqrt(Scalar(2));
  long fevals = 0, jevals = 0;
  // f(lambda) = A phi(A^T lambda) - y; returns false outside phi's domain.
  auto rhs = [&](const Vector<Scalar>& lambda, Vector<Scalar>& f) {
    ++fevals;
    const Vector<Scalar> prod = map.product(Vector<Scalar>(a.transpose() * lambda));
    if (!prod.allFinite()) return false;
    f = a * prod - y;
    return f.allFinite();
  };
  Vector<Scalar> lambda =
      options.initial_lambda.size() > 0 ? options.initial_lambda : Vector<Scalar>(Vector<Scalar>::Zero(m));
  Scalar t = options.initial_time, h = options.initial_step;
  const bool to_time = options.stop_time > 0;
  Vector<Scalar> checkpoint = map.product(Vector<Scalar>(a.transpose() * lambda));
  Scalar checkpoint_time = t;
  int still_checkpoints = 0;
  result.steps = 0;
  result.rejected_steps = 0;
  Vector<Scalar> f0;
  if (!rhs(lambda, f0)) {
    result.status = FlowStatus::kStepUnderflow;
    result.message = "initial point outside the domain";
    return result;
  }
  auto finish = [&](FlowStatus status, std::string message) {
    result.status = status;
    result.message = std::move(message);
    result.lambda = lambda;
    const Vector<Scalar> w = a.transpose() * lambda;
    map.parts(w, result.u_power, result.v_power);
    result.product = map.product(w);
    result.residual_norm = (a * result.product - y).norm();
    result.time = t;
    result.function_evaluations = fevals;
    result.jacobian_evaluations = jevals;
    result.last_step = h;
    return result;
  };
  const Matrix<Scalar> identity = Matrix<Scalar>::Identity(m, m);
  Matrix<Scalar> jac;
  bool jac_current = false;
  while (true) {
    if (to_time && t + h > options.stop_time) h = options.stop_time - t;
    if (!jac_current) {
      // J = A diag(d) A^T = -G G^T with G = A diag(sqrt(-d)) (d <= 0): a
      // symmetric rank-N update computes one triangle, half the M^2 N flops.
      const Vector<Scalar> d = map.derivative(Vector<Scalar>(a.transpose() * lambda));
      const Matrix<Scalar> g = a * d.cwiseAbs().cwiseSqrt().asDiagonal();
      Matrix<Scalar> lower = Matrix<Scalar>::Zero(m, m);
      lower.template selfadjointView<Eigen::Lower>().rankUpdate(g, Scalar(-1));
      jac = lower.template selfadjointView<Eigen::Lower>();
      ++jevals;
      jac_current = true;
    }
    Eigen::PartialPivLU<Matrix<Scalar>> lu(identity - gamma * h * jac);
    const Vector<Scalar> k1 = lu.solve(f0);
    Vector<Scalar> f1;
    bool accepted = false;
    Scalar err = 0;
    Vector<Scalar> next;
    if (k1.allFinite() && rhs(Vector<Scalar>(lambda + h * k1), f1)) {
      const Vector<Scalar> k2 = lu.solve(Vector<Scalar>(f1 - 2 * k1));
      next = lambda + (h * 3 / 2) * k1 + (h / 2) * k2;
      const Vector<Scalar> est = (h / 2) * (k1 + k2);
      for (Eigen::Index i = 0; i < m; ++i) {
        const Scalar sc = options.absolute_tolerance +
                          options.relative_tolerance * max(abs(lambda(i)), abs(next(i)));
        err = max(err, Scalar(abs(est(i)) / sc));
      }
      Vector<Scalar> fn;
      if (is_finite(err) && err <= 1 && next.allFinite() && rhs(next, fn)) {
        accepted = true;
        lambda = next;
        t += h;
        f0 = fn;
        jac_current = false;
      }
    }
    if (!accepted) {
      ++result.rejected_steps;
      h /= 4;
      if (!(h > t * Scalar(1e-40) + Scalar(1e-300))) return finish(FlowStatus::kStepUnderflow, "step size underflow");
      continue;
    }
    ++result.steps;
    // Order-1 error estimator: h_new = h * 0.8 / sqrt(err), growth capped at 10x.
    const Scalar factor = err > 0 ? Scalar(Scalar(8) / 10 / sqrt(err)) : Scalar(10);
    h *= min(Scalar(10), max(Scalar(1) / 5, factor));
    if (observer && observer(t, lambda)) return finish(FlowStatus::kReachedTime, "stopped by observer");
    if (to_time && !(t < options.stop_time)) return finish(FlowStatus::kReachedTime, "reached stop_time");
    if (!to_time && t >= 2 * checkpoint_time) {
      const Vector<Scalar> prod = map.product(Vector<Scalar>(a.transpose() * lambda));
      result.change = (prod - checkpoint).template lpNorm<1>();
      checkpoint = prod;
      checkpoint_time = t;
      if (f0.norm() <= options.residual_tolerance && result.change <= options.change_tolerance) {
        return finish(FlowStatus::kConverged, "residual and change below tolerances");
      }
      still_checkpoints = result.change == 0 ? still_checkpoints + 1 : 0;
      if (still_checkpoints >= 3) {
        return finish(FlowStatus::kStalled, "x~ stopped changing at working precision before the certificate");
      }
    }
    if (result.steps >= options.max_steps) return finish(FlowStatus::kMaxSteps, "max_steps reached");
    if (t >= options.max_time) return finish(FlowStatus::kMaxTime, "max_time reached");
  }
}

#define THMCHECK_CMR22_MIRROR_INSTANTIATE(S)                                           \
  template struct MirrorMap<S>;                                                        \
  template struct MirrorFlowOptions<S>;                                                \
  template MirrorFlowResult<S> mirror_flow<S>(const Matrix<S>&, const Vector<S>&,      \
                                              const MirrorMap<S>&,                     \
                                              const MirrorFlowOptions<S>&,             \
                                              const MirrorObserver<S>&);
THMCHECK_CMR22_MIRROR_INSTANTIATE(double)
THMCHECK_CMR22_MIRROR_INSTANTIATE(Mp50)
THMCHECK_CMR22_MIRROR_INSTANTIATE(Mp100)

}  // namespace thmcheck::cmr22
