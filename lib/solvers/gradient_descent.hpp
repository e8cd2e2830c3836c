// Fixed-step gradient descent theta_{t+1} = theta_t - eta grad L(theta_t)
// (os19 eq. (1.2)), generic in the scalar type and the problem.
#pragma once

#include <string>

#include "thmcheck/numerics/scalar.hpp"

namespace thmcheck {

/// Why gradient descent stopped.
enum class GradientDescentStatus {
  kNotRun,          ///< gradient_descent was not called
  kMaxIterations,   ///< ran the requested number of iterations
  kConverged,       ///< ||grad L|| <= gradient_tolerance
  kStoppedByObserver,  ///< the observer returned true
  kDiverged,        ///< a non-finite iterate or loss appeared
};
std::string to_string(GradientDescentStatus s);

/// Options of gradient_descent.
template <class Scalar>
struct GradientDescentOptions {
  Scalar step = Scalar(1) / 100;  ///< eta
  long max_iterations = 1000;
  Scalar gradient_tolerance = 0;  ///< stop when ||grad|| <= this (0: never)
  /// The first problem with these options, or "" when they are valid.
  std::string validate() const {
    if (!(step > 0)) return "step must be positive";
    if (max_iterations < 0) return "max_iterations must be non-negative";
    if (gradient_tolerance < 0) return "gradient_tolerance must be non-negative";
    return "";
  }
};

/// What gradient_descent returns.
template <class Scalar>
struct GradientDescentResult {
  GradientDescentStatus status = GradientDescentStatus::kNotRun;
  std::string message = "gradient_descent was not called";
  Vector<Scalar> theta;        ///< last iterate
  Scalar loss = 0;             ///< L(theta)
  long iterations = -1;        ///< steps taken
  long gradient_evaluations = -1;
  bool ok() const {
    return status == GradientDescentStatus::kMaxIterations ||
           status == GradientDescentStatus::kConverged ||
           status == GradientDescentStatus::kStoppedByObserver;
  }
};

/// An observer that never stops the run.
struct NullObserver {
  template <class... Args>
  bool operator()(const Args&...) const {
    return false;
  }
};

/// Runs fixed-step gradient descent on `problem` (anything with
/// `gradient(theta)` and `loss(theta)`) from theta0. The observer is called as
/// `observer(iteration, theta)` for iteration 0 (theta0) and after every step;
/// returning true stops the run.
template <class Scalar, class Problem, class Observer = NullObserver>
GradientDescentResult<Scalar> gradient_descent(const Problem& problem, Vector<Scalar> theta0,
                                               const GradientDescentOptions<Scalar>& options,
                                               Observer&& observer = {}) {
  GradientDescentResult<Scalar> result;
  if (std::string problem_text = options.validate(); !problem_text.empty()) {
    result.message = "invalid options: " + problem_text;
    return result;
  }
  result.theta = std::move(theta0);
  result.iterations = 0;
  result.gradient_evaluations = 0;
  if (observer(0L, result.theta)) {
    result.status = GradientDescentStatus::kStoppedByObserver;
    result.message = "stopped by observer at iteration 0";
    result.loss = problem.loss(result.theta);
    return result;
  }
  for (long k = 1; k <= options.max_iterations; ++k) {
    Vector<Scalar> g = problem.gradient(result.theta);
    ++result.gradient_evaluations;
    if (options.gradient_tolerance > 0 && g.norm() <= options.gradient_tolerance) {
      result.status = GradientDescentStatus::kConverged;
      result.message = "gradient norm below tolerance";
      result.loss = problem.loss(result.theta);
      return result;
    }
    result.theta -= options.step * g;
    result.iterations = k;
    if (!result.theta.allFinite()) {
      result.status = GradientDescentStatus::kDiverged;
      result.message = "non-finite iterate at iteration " + std::to_string(k);
      return result;
    }
    if (observer(k, result.theta)) {
      result.status = GradientDescentStatus::kStoppedByObserver;
      result.message = "stopped by observer at iteration " + std::to_string(k);
      result.loss = problem.loss(result.theta);
      return result;
    }
  }
  result.loss = problem.loss(result.theta);
  if (!is_finite(result.loss)) {
    result.status = GradientDescentStatus::kDiverged;
    result.message = "non-finite loss";
    return result;
  }
  result.status = GradientDescentStatus::kMaxIterations;
  result.message = "ran " + std::to_string(options.max_iterations) + " iterations";
  return result;
}

inline std::string to_string(GradientDescentStatus s) {
  switch (s) {
    case GradientDescentStatus::kNotRun: return "not_run";
    case GradientDescentStatus::kMaxIterations: return "max_iterations";
    case GradientDescentStatus::kConverged: return "converged";
    case GradientDescentStatus::kStoppedByObserver: return "stopped_by_observer";
    case GradientDescentStatus::kDiverged: return "diverged";
  }
  return "?";
}

}  // namespace thmcheck
