// The robust-regression data-set fields every landscape and SubGM instance of
// mf22 carries, and the instances of Theorem 1 (mf22.thm1.over, .under).
#pragma once

#include <string>

#include "thmcheck/engine/claim.hpp"
#include "thmcheck/mf22/robust_regression.hpp"

namespace thmcheck::mf22 {

/// The data set (d, m, k, |S|, theta* range, P_o, seed) of an instance:
/// fields "dimension", "samples", "sparsity", "corrupted", "theta_min",
/// "theta_max", "law", "outlier_scale", "seed". Throws InputError naming the
/// first problem.
RobustRegressionSpec read_regression_spec(const Json& j);

/// Theorem 1's over-parameterized regime (m <= 0.1 d): d in [50, 300], m = d
/// [3, 10]/100, k in [1, 4], p in [0.05, 0.5] with |S| >= 1 (0 < p), five laws
/// of scale 10 (t0 = 5), N in [1, 5], gamma = t0 10^{[-3, -0.5]}.
rc::Gen<Json> overparameterized_instances();

/// Theorem 1's under-parameterized regime (m >~ d/(1-2p)^2): d in [5, 40], p in
/// [0, 0.35], m = ceil(2 pi d (1 + [0, 1]) / (1-2p)^2), five laws of scale 10,
/// k in [1, 4], N in [1, 5] (no gamma).
rc::Gen<Json> underparameterized_instances();

/// Throws InputError naming the first problem of a Theorem 1 instance (the
/// data set, "layers", an optional positive "gamma").
void validate_theorem1_instance(const Json& j);

/// The instance-schema text of the Theorem 1 claims.
std::string theorem1_instance_schema();

}  // namespace thmcheck::mf22
