// Instances of the psi claims (mf22 Proposition 1, eq. (5), and Lemma 5): one
// data set (X, eps) and one fixed z, for the Monte Carlo of E[Q(z)].
#pragma once

#include <string>

#include "thmcheck/engine/claim.hpp"

namespace thmcheck::mf22 {

/// Instances {"law", "outlier_scale", "corruption_permille", "samples", "z",
/// "seed"}: d in [1, 8], p = permille/1000 in [0, 0.45], one of the five laws
/// of scale 10^[-1, 2], m = 200000, z a random direction with ||z|| = scale
/// 10^[-2, 2].
rc::Gen<Json> psi_instances();

/// Throws InputError naming the first problem of a psi instance.
void validate_psi_instance(const Json& j);

/// The instance-schema text of the psi claims.
std::string psi_instance_schema();

}  // namespace thmcheck::mf22
