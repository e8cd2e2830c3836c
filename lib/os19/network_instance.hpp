// The one-hidden-layer network instance family of os19 Theorem 4.3:
// x -> v^T phi(W x), trained over W from W0 with v fixed (||v|| = 1), n <= d,
// and a step given directly ("eta") or as a fraction of the claim's step
// limit ("eta_fraction").
#pragma once

#include <rapidcheck.h>

#include "thmcheck/engine/instance.hpp"
#include "thmcheck/generators/random_data.hpp"

namespace thmcheck::os19 {

/// Instance fields of the os19.thm4.3 claims (`thmcheck list --long`).
extern const char* const kNetworkInstanceSchema;

/// Generator ranges of network_generator, for the report.
extern const char* const kNetworkGeneratorInfo;

/// Adversarial family for (4.7)/(4.8): n = d = 2, k = 1, v = (1), unit rows
/// x1 = (1, 0), x2 = (rho, sqrt(1 - rho^2)), phi = z + 30 tanh(s z)/s with
/// sharpness s in [1e3, 1e5] (gamma = 1, Gamma = 31 whatever s is; only M
/// grows with s), both pre-activations within 1/s of the sharp transition and
/// ||r0|| in [0.01, 0.03]. Among 200 seeded candidates it keeps the one whose
/// first five GD steps (simulated in double with the printed step) come
/// closest to, or most exceed, the printed rate (4.7). eta_fraction is
/// `fraction` (1: at the limit).
Json adversarial_network_json(RandomSource& rng, double fraction);

/// Network instances: 75% random (n in [1, 10], d = n + [0, 20], k in [1, 6],
/// cond(X) in [1, 1e3], phi from the family with sharpness, W0 near a
/// labelling network, large, or 0; T in [1, 200]), 25% adversarial_network_json.
rc::Gen<Json> network_generator();

/// Validates an os19.thm4.3 instance (n <= d, W0 of shape k x d, exactly one
/// of eta and eta_fraction, T in [1, 100000]); throws InputError.
void validate_network(const Json& j);

}  // namespace thmcheck::os19
