// The SGD instance family of os19 Theorem 3.1: a GLM gradient-descent instance
// (lib/os19/glm_gd_instance.hpp) plus the radius factor nu, the seed of the
// SGD index sequence and, for the expectation claim, the number of Monte
// Carlo runs.
#pragma once

#include <rapidcheck.h>

#include "thmcheck/engine/instance.hpp"

namespace thmcheck::os19 {

/// The probability every generated instance of os19.thm3.1.stay is promised:
/// the generator keeps 1 - (4/nu)(beta/alpha)^(1/p) >= this (checked per case).
constexpr double kSgdClaimedProbability = 0.8;

/// Instance fields of the os19.thm3.1 claims (`thmcheck list --long`).
extern const char* const kSgdInstanceSchema;

/// SGD instances: n in [1, 20], p = max(n, 8) + [0, 40], cond(X) in [1, 100],
/// phi from the family, nu in [60, 600], eta_fraction at, below or above (up
/// to 11x) 1, T in [1, 300], a seeded index sequence; "runs" = `runs` when > 1.
rc::Gen<Json> sgd_generator(int runs);

/// Validates an SGD instance: the GLM fields (validate_glm_gd), nu >= 3, seed,
/// optional runs in [1, 100000]; throws InputError.
void validate_sgd(const Json& j);

}  // namespace thmcheck::os19
