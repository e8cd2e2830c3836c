// Stochastic gradient descent of os19 eq. (3.1):
//   theta_{t+1} = theta_t - eta G(theta_t; gamma_t),
//   G(theta; i) = (f(x_i; theta) - y_i) grad f(x_i; theta),
// with gamma_t i.i.d. uniform on {1, ..., n} drawn from a seeded RandomSource
// (mt19937_64, so runs are reproducible on every platform).
#pragma once

#include <cstdint>
#include <string>

#include "thmcheck/generators/random_data.hpp"
#include "thmcheck/numerics/scalar.hpp"

namespace thmcheck::os19 {

/// Why stochastic_gradient_descent stopped.
enum class SgdStatus {
  kNotRun,             ///< not called
  kMaxIterations,      ///< ran the requested number of steps
  kStoppedByObserver,  ///< the observer returned true
  kDiverged,           ///< a non-finite iterate appeared
};

inline std::string to_string(SgdStatus s) {
  switch (s) {
    case SgdStatus::kNotRun: return "not_run";
    case SgdStatus::kMaxIterations: return "max_iterations";
    case SgdStatus::kStoppedByObserver: return "stopped_by_observer";
    case SgdStatus::kDiverged: return "diverged";
  }
  return "?";
}

/// Options of stochastic_gradient_descent.
template <class Scalar>
struct SgdOptions {
  Scalar step = Scalar(1) / 100;  ///< eta
  long max_iterations = 1000;
  std::uint64_t seed = 0;         ///< seed of the index sequence gamma_t
  std::string validate() const {
    if (!(step > 0)) return "step must be positive";
    if (max_iterations < 0) return "max_iterations must be non-negative";
    return "";
  }
};

/// Result of stochastic_gradient_descent.
template <class Scalar>
struct SgdResult {
  SgdStatus status = SgdStatus::kNotRun;
  std::string message = "stochastic_gradient_descent was not called";
  Vector<Scalar> theta;
  long iterations = -1;
  bool ok() const {
    return status == SgdStatus::kMaxIterations || status == SgdStatus::kStoppedByObserver;
  }
};

/// Runs SGD (3.1) on a model with `samples()` and `sample_gradient(theta, i)`.
/// The observer is called as observer(t, theta, index) for t = 0 (index -1)
/// and after every step; returning true stops the run.
template <class Scalar, class Model, class Observer>
SgdResult<Scalar> stochastic_gradient_descent(const Model& model, Vector<Scalar> theta0,
                                              const SgdOptions<Scalar>& options, Observer&& observer) {
  SgdResult<Scalar> result;
  if (std::string bad = options.validate(); !bad.empty()) {
    result.message = "invalid options: " + bad;
    return result;
  }
  RandomSource rng(options.seed);
  const auto n = static_cast<std::int64_t>(model.samples());
  result.theta = std::move(theta0);
  result.iterations = 0;
  if (observer(0L, result.theta, -1L)) {
    result.status = SgdStatus::kStoppedByObserver;
    result.message = "stopped by observer at iteration 0";
    return result;
  }
  for (long k = 1; k <= options.max_iterations; ++k) {
    const long i = static_cast<long>(rng.integer(0, n - 1));
    result.theta -= options.step * model.sample_gradient(result.theta, i);
    result.iterations = k;
    if (!result.theta.allFinite()) {
      result.status = SgdStatus::kDiverged;
      result.message = "non-finite iterate at iteration " + std::to_string(k);
      return result;
    }
    if (observer(k, result.theta, i)) {
      result.status = SgdStatus::kStoppedByObserver;
      result.message = "stopped by observer at iteration " + std::to_string(k);
      return result;
    }
  }
  result.status = SgdStatus::kMaxIterations;
  result.message = "ran " + std::to_string(options.max_iterations) + " iterations";
  return result;
}

}  // namespace thmcheck::os19
