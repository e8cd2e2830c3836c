// A gradient-descent run recorded iterate by iterate for the os19 claims
// ("every iterate is checked"): residual norms, distance to theta0, distance
// to a reference point (e.g. the closest optimum), cumulative path length, and
// a first-order estimate of the accumulated rounding error of each iterate.
#pragma once

#include <algorithm>
#include <string>
#include <vector>

#include "thmcheck/numerics/scalar.hpp"
#include "thmcheck/solvers/gradient_descent.hpp"

namespace thmcheck::os19 {

/// Constants used only for the rounding-error estimate of a recorded run.
template <class Scalar>
struct TrajectoryOptions {
  Scalar step = 0;                 ///< eta
  long iterations = 0;             ///< T: steps taken (iterates 0..T recorded)
  Scalar beta = 0;                 ///< ||J|| <= beta (Assumption 1)
  Scalar jacobian_frobenius = 0;   ///< bound on ||J||_F (e.g. Gamma ||X||_F)
  Scalar lipschitz = 0;            ///< ||J(a) - J(b)|| <= L ||a - b||
  Eigen::Index flops_length = 1;   ///< n + p: length of the dot products involved
  std::string validate() const {
    if (!(step > 0)) return "step must be positive";
    if (iterations < 0) return "iterations must be non-negative";
    return "";
  }
};

/// The recorded run; vectors are indexed by t = 0..T.
template <class Scalar>
struct Trajectory {
  GradientDescentStatus status = GradientDescentStatus::kNotRun;
  std::string message = "record_gradient_descent was not called";
  std::vector<Scalar> residual;   ///< ||f(theta_t) - y||
  std::vector<Scalar> distance;   ///< ||theta_t - theta0||
  std::vector<Scalar> to_reference;  ///< ||theta_t - reference|| (empty without reference)
  std::vector<Scalar> path;       ///< sum_{s < t} ||theta_{s+1} - theta_s||
  /// Estimated absolute errors of the recorded quantities (first-order
  /// rounding analysis, Higham Ch. 3): iterate error e_t propagated by the
  /// local Lipschitz constant of the GD map, max(1, |1 - eta beta^2|) +
  /// eta L ||r_t||, plus gamma_{n+p} times the magnitudes of one step.
  std::vector<Scalar> residual_error, distance_error, reference_error, path_error;
  Vector<Scalar> last;
  bool ok() const {
    return status == GradientDescentStatus::kMaxIterations ||
           status == GradientDescentStatus::kConverged;
  }
};

/// Runs T steps of theta <- theta - eta grad L(theta) from theta0 on `model`
/// (predict/residual/gradient) and records every iterate. `reference` may be
/// empty.
template <class Scalar, class Model>
Trajectory<Scalar> record_gradient_descent(const Model& model, const Vector<Scalar>& theta0,
                                           const TrajectoryOptions<Scalar>& o,
                                           const Vector<Scalar>& reference = Vector<Scalar>()) {
  using std::abs;
  Trajectory<Scalar> t;
  if (std::string bad = o.validate(); !bad.empty()) {
    t.message = "invalid options: " + bad;
    return t;
  }
  const Scalar u = unit_roundoff<Scalar>();
  const Scalar g = Scalar(static_cast<double>(o.flops_length + 10)) * u;  // gamma_{n+p+10}
  const Scalar ynorm = model.labels().norm();
  const Scalar theta0_norm = theta0.norm();
  const bool has_ref = reference.size() == theta0.size();
  const Scalar ref_norm = has_ref ? Scalar(reference.norm()) : Scalar(0);
  const Scalar contraction = std::max(Scalar(1), Scalar(abs(Scalar(1) - o.step * o.beta * o.beta)));
  Vector<Scalar> prev = theta0;
  Scalar e = 0, path = 0, path_err = 0, prev_norm = theta0_norm, prev_r = 0;
  auto record = [&](long k, const Vector<Scalar>& theta) {
    const Vector<Scalar> f = model.predict(theta);
    const Scalar r = (f - model.labels()).norm();
    const Scalar tn = theta.norm();
    if (k > 0) {
      const Scalar step_len = (theta - prev).norm();
      // Rounding of one step: forming f, r, J^T r and the update.
      const Scalar step_err =
          g * (tn + o.step * o.jacobian_frobenius *
                        (f.norm() + ynorm + o.jacobian_frobenius * prev_norm + prev_r));
      e = (contraction + o.step * o.lipschitz * prev_r) * e + step_err;
      path += step_len;
      path_err += 2 * e + g * (tn + prev_norm);
    }
    const Scalar eval = g * (ynorm + f.norm() + o.jacobian_frobenius * tn);
    t.residual.push_back(r);
    t.residual_error.push_back(o.beta * e + eval);
    t.distance.push_back((theta - theta0).norm());
    t.distance_error.push_back(e + g * (tn + theta0_norm));
    if (has_ref) {
      t.to_reference.push_back((theta - reference).norm());
      t.reference_error.push_back(e + g * (tn + ref_norm));
    }
    t.path.push_back(path);
    t.path_error.push_back(path_err);
    prev = theta;
    prev_norm = tn;
    prev_r = r;
    return false;
  };
  GradientDescentOptions<Scalar> gd;
  gd.step = o.step;
  gd.max_iterations = o.iterations;
  auto result = gradient_descent<Scalar>(model, theta0, gd, record);
  t.status = result.status;
  t.message = result.message;
  t.last = result.theta;
  if (t.ok()) {
    for (const Scalar& r : t.residual) {
      if (!is_finite(r)) {
        t.status = GradientDescentStatus::kDiverged;
        t.message = "non-finite residual";
      }
    }
  }
  return t;
}

}  // namespace thmcheck::os19
