// Instances of os19 Theorem 2.4, inequality (2.15), on linear regression
// f(theta) = X theta (J = X everywhere): X (n x p), y [n], theta0 [p], theta
// [p] and an optional beta (default ||X||). One typed instance: its fields give
// the reader, validator, writer and schema.
#pragma once

#include <rapidcheck.h>

#include <optional>
#include <tuple>

#include "thmcheck/engine/typed_instance.hpp"

namespace thmcheck::os19 {

/// An instance of (2.15): the points theta0, theta and the data (X, y) of
/// f(theta) = X theta; beta is Assumption 1's upper constant.
struct LowerBoundInstance {
  RealMatrix x;
  RealVector y, theta0, theta;
  std::optional<Real> beta;
  static constexpr auto fields = std::make_tuple(
      field("X", &LowerBoundInstance::x, "n x p, the data matrix (J = X)"),
      field("y", &LowerBoundInstance::y, "[n], the labels"),
      field("theta0", &LowerBoundInstance::theta0, "[p], the start theta0"),
      field("theta", &LowerBoundInstance::theta, "[p], the point theta of (2.15)"),
      field("beta", &LowerBoundInstance::beta,
            ">= 0, the Jacobian bound of Assumption 1; default ||X|| (the linear model's)"));
  /// The lengths of y, theta0 and theta; beta >= 0.
  void check() const;
};

/// Generator ranges of lower_bound_generator, for the report (held to the
/// draws by linear_regression_instance_test.cpp).
extern const char* const kLowerBoundGeneratorInfo;

/// Instances of os19.thm2.4: n in [1, 40], p = max(1, n + [-3, 460]) (n > p is
/// outside Assumption 1), cond(X) in [1, 1e8], ||X|| about [1e-3, 1e3], X
/// rounded to 17 digits, ||theta - theta0|| in [1e-8, 1e3] along a random
/// direction, the top right singular vector, or that vector with the residual
/// aligned (the tight case of (2.15)); beta = ||X|| (60%), given above (20%)
/// or below ||X|| (20%, outside the hypothesis).
rc::Gen<LowerBoundInstance> lower_bound_generator();

}  // namespace thmcheck::os19
