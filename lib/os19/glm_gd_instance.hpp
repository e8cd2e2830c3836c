// The GLM gradient-descent instance family of os19 (Theorems 2.1, 2.2, 4.1,
// 5.2, 9.3 and Corollaries 2.3, 5.3): f(theta) = phi(X theta) with phi from
// lib/os19/activation.hpp (phi = identity: linear regression), a start theta0,
// a step given directly ("eta") or as a fraction of the theorem's step limit
// ("eta_fraction"), and a number of GD iterations T.
#pragma once

#include <rapidcheck.h>

#include "thmcheck/engine/instance.hpp"

namespace thmcheck::os19 {

/// Instance fields of the GLM gradient-descent claims (`thmcheck list --long`).
extern const char* const kGlmInstanceSchema;

/// Generator ranges of glm_gd_generator, for the report.
extern const char* const kGlmGeneratorInfo;

/// GLM instances: 90% small (n in [1, 30], p = n + [0, 60], T in [1, 300]),
/// 10% large (n in [50, 150], p = n + [0, 100], T <= 30); cond(X) in [1, 1e4],
/// ||X|| in [0.1, 10], entries rounded to 12 digits; phi identity / tanh_plus /
/// leaky_softplus; theta0 near a solution, far, or 0; eta_fraction at, below
/// or above 1. With `with_lambda` also "lambda" in {0.1, ..., 1} (Theorem 9.3;
/// 0.9 at most when phi is nonlinear).
rc::Gen<Json> glm_gd_generator(bool with_lambda);

/// Validates a GLM gradient-descent instance (n <= p, exactly one of eta and
/// eta_fraction, T in [1, 100000], lambda in (0, 1]); throws InputError.
void validate_glm_gd(const Json& j);

}  // namespace thmcheck::os19
