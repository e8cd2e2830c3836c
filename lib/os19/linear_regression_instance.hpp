// Instances of os19 Theorem 2.4, inequality (2.15), on linear regression
// f(theta) = X theta (J = X everywhere): fields "X" (n x p), "y" [n],
// "theta0" [p], "theta" [p] and an optional "beta" (default ||X||).
#pragma once

#include <rapidcheck.h>

#include "thmcheck/engine/instance.hpp"

namespace thmcheck::os19 {

/// Instances of os19.thm2.4: n in [1, 40], p = max(1, n + [-3, 460]) (n > p is
/// outside Assumption 1), cond(X) in [1, 1e8], ||X|| about [1e-3, 1e3], X
/// rounded to 17 digits, ||theta - theta0|| in [1e-8, 1e3] along a random
/// direction, the top right singular vector, or that vector with the residual
/// aligned (the tight case of (2.15)); beta = ||X|| (60%), given above (20%)
/// or below ||X|| (20%, outside the hypothesis).
rc::Gen<Json> lower_bound_generator();

/// Validates an os19.thm2.4 instance; throws InputError naming the first problem.
void validate_lower_bound(const Json& j);

}  // namespace thmcheck::os19
