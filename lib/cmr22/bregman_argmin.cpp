#include "thmcheck/cmr22/bregman_argmin.hpp"

#include <Eigen/Dense>
#include <algorithm>

namespace thmcheck::cmr22 {

namespace {
template <class Scalar>
Scalar psi(const Scalar& z, int depth) {
  using std::log;
  using std::pow;
  if (depth == 2) return z > 0 ? Scalar(z * log(z) - z) : Scalar(0);
  return -pow(z, Scalar(2) / depth);
}
template <class Scalar>
Scalar psi_prime(const Scalar& z, int depth) {
  using std::log;
  using std::pow;
  if (depth == 2) return log(z);
  return -(Scalar(2) / depth) * pow(z, Scalar(2) / depth - 1);
}
template <class Scalar>
Scalar psi_second(const Scalar& z, int depth) {
  using std::pow;
  if (depth == 2) return 1 / z;
  const Scalar e = Scalar(2) / depth;
  return e * (1 - e) * pow(z, e - 2);
}
}  // namespace

template <class Scalar>
Scalar SeparableObjective<Scalar>::value(const Vector<Scalar>& z) const {
  Scalar s = 0;
  for (Eigen::Index i = 0; i < z.size(); ++i) s += p(i) * psi(z(i), depth) + q(i) * z(i);
  return s;
}

template <class Scalar>
SeparableObjective<Scalar> paper_g(const Vector<Scalar>& x0_power, int depth) {
  using std::log;
  using std::pow;
  SeparableObjective<Scalar> o;
  o.depth = depth;
  const Eigen::Index n = x0_power.size();
  o.p.resize(n);
  o.q.resize(n);
  for (Eigen::Index i = 0; i < n; ++i) {
    if (depth == 2) {
      o.p(i) = 1;
      o.q(i) = -log(x0_power(i));
    } else {
      o.p(i) = Scalar(depth) * pow(x0_power(i), 1 - Scalar(2) / depth);
      o.q(i) = 2;
    }
  }
  return o;
}

template <class Scalar>
SeparableObjective<Scalar> bregman_objective(const Vector<Scalar>& x0_power, int depth) {
  using std::log;
  using std::pow;
  SeparableObjective<Scalar> o;
  o.depth = depth;
  const Eigen::Index n = x0_power.size();
  o.p.resize(n);
  o.q.resize(n);
  const Scalar l(depth);
  for (Eigen::Index i = 0; i < n; ++i) {
    if (depth == 2) {
      o.p(i) = Scalar(1) / 2;
      o.q(i) = -log(x0_power(i)) / 2;
    } else {
      o.p(i) = l / (2 * (l - 2));
      o.q(i) = pow(x0_power(i), 2 / l - 1) / (l - 2);
    }
  }
  return o;
}

template <class Scalar>
BregmanArgminResult<Scalar> bregman_argmin(const Matrix<Scalar>& a, const Vector<Scalar>& y,
                                           const SeparableObjective<Scalar>& objective,
                                           const Scalar& tolerance, const Scalar& step_tolerance,
                                           int max_iterations) {
  using std::exp;
  using std::pow;
  using std::sqrt;
  BregmanArgminResult<Scalar> result;
  const Eigen::Index m = a.rows(), n = a.cols();
  const int depth = objective.depth;
  const Scalar l(depth);
  // Dual: D(nu) = min_z phi(z) + nu^T (A z - y) = sum_n [p_n psi(z_n) + s_n z_n] - nu^T y,
  // s = q + A^T nu, with the coordinatewise minimizer
  //   L = 2: z_n = exp(-s_n / p_n);   L > 2: z_n = (s_n L / (2 p_n))^{L/(2-L)} (needs s_n > 0).
  // D is concave with gradient A z(nu) - y and Hessian A diag(dz/ds) A^T (dz/ds < 0).
  auto primal = [&](const Vector<Scalar>& nu, Vector<Scalar>& z, Vector<Scalar>& dz, Scalar& dual) {
    const Vector<Scalar> s = objective.q + a.transpose() * nu;
    z.resize(n);
    dz.resize(n);
    dual = -nu.dot(y);
    for (Eigen::Index i = 0; i < n; ++i) {
      if (depth == 2) {
        z(i) = exp(-s(i) / objective.p(i));
        dz(i) = -z(i) / objective.p(i);
      } else {
        if (!(s(i) > 0)) return false;
        const Scalar base = s(i) * l / (2 * objective.p(i));
        z(i) = pow(base, l / (2 - l));
        dz(i) = (l / (2 - l)) * pow(base, l / (2 - l) - 1) * l / (2 * objective.p(i));
      }
      dual += objective.p(i) * psi(z(i), depth) + s(i) * z(i);
    }
    return z.allFinite() && is_finite(dual);
  };
  Vector<Scalar> nu = Vector<Scalar>::Zero(m), z, dz;
  Scalar dual = 0;
  if (!primal(nu, z, dz, dual)) {
    result.message = "q must be positive for L > 2";
    return result;
  }
  const Scalar scale = 1 + y.template lpNorm<Eigen::Infinity>();
  for (int it = 0; it < max_iterations; ++it) {
    const Vector<Scalar> grad = a * z - y;
    const Matrix<Scalar> neg_hessian = a * (-dz).asDiagonal() * a.transpose();
    const Vector<Scalar> step = Eigen::LDLT<Matrix<Scalar>>(neg_hessian).solve(grad);
    if (!step.allFinite()) {
      result.message = "non-finite Newton step";
      break;
    }
    // Backtracking (Armijo) on the concave dual, staying in its domain. Near the
    // solution the dual's increase (~ residual^2) drops below its rounding
    // (~ u |D|) long before the residual reaches its own floor, so a step that
    // shrinks the residual by 10% is accepted too.
    const Scalar slope = grad.dot(step);
    const Scalar grad_norm = grad.norm();
    Scalar t = 1;
    Vector<Scalar> nu_new, z_new, dz_new;
    Scalar dual_new = 0;
    bool found = false;
    for (int k = 0; k < 200; ++k) {
      nu_new = nu + t * step;
      if (primal(nu_new, z_new, dz_new, dual_new) &&
          (dual_new >= dual + t * slope / 4 || (a * z_new - y).norm() <= grad_norm * 9 / 10)) {
        found = true;
        break;
      }
      t /= 2;
    }
    result.iterations = it + 1;
    if (!found) {
      // No ascent possible at this precision: the rounding floor of D.
      result.message = "line search failed (rounding floor)";
      break;
    }
    result.last_step = (z_new - z).template lpNorm<1>();
    nu = nu_new;
    z = z_new;
    dz = dz_new;
    dual = dual_new;
    result.kkt_residual = (a * z - y).norm();
    if (t == 1 && result.kkt_residual <= tolerance * scale && result.last_step <= step_tolerance) {
      result.converged = true;
      result.message = "primal residual and Newton step below tolerances";
      break;
    }
  }
  if (!result.converged && result.message == "bregman_argmin was not called") {
    result.message = "iteration limit";
  }
  result.z = z;
  result.kkt_residual = (a * z - y).norm();
  return result;
}

#define THMCHECK_CMR22_BREGMAN_INSTANTIATE(S)                                                   \
  template struct SeparableObjective<S>;                                                        \
  template SeparableObjective<S> paper_g<S>(const Vector<S>&, int);                             \
  template SeparableObjective<S> bregman_objective<S>(const Vector<S>&, int);                   \
  template BregmanArgminResult<S> bregman_argmin<S>(const Matrix<S>&, const Vector<S>&,         \
                                                    const SeparableObjective<S>&, const S&,     \
                                                    const S&, int);
THMCHECK_CMR22_BREGMAN_INSTANTIATE(double)
THMCHECK_CMR22_BREGMAN_INSTANTIATE(Mp50)
THMCHECK_CMR22_BREGMAN_INSTANTIATE(Mp100)

}  // namespace thmcheck::cmr22
