// Instances of the SubGM claims of mf22 Theorems 2 (N = 2) and 3 (N >= 3): a
// data set with d = 20, m = 200, outlier scale 10, a depth N, and either a
// fixed step and a grid of alpha (convergence time, balanced property) or a
// fixed alpha and a grid of steps (error over the escape window).
#pragma once

#include <string>

#include "thmcheck/engine/claim.hpp"

namespace thmcheck::mf22 {

/// alpha of the escape-window (.error) instances: 1e-14 for N = 2, 1e-10 for
/// N >= 3 (the bound's alpha term is then far below its eta term).
const char* escape_claim_alpha(int layers);

/// The smallest N eta of the escape-window instances: eta theta*_max >= 0.005
/// (N = 2, eta >= 0.005) and N eta = 0.04 (N = 3).
double escape_claim_min_n_eta(int layers);

/// alpha sweeps at eta = 0.01/N: d = 20, m = 200, k in [1, 3], p in [0, 0.3],
/// five laws of scale 10; N = 2 and alpha in {1e-3, 1e-4, 1e-5, 1e-6, 1e-8}
/// (`deep` false) or N in [3, 5] and alpha in {1e-3, 1e-4, 1e-5} (`deep`).
/// The initialization is perturbed in half the cases, or always when
/// `always_perturbed` (identical layers stay identical).
rc::Gen<Json> alpha_sweep_instances(bool deep, bool always_perturbed);

/// eta sweeps at a fixed alpha (escape_claim_alpha): N = 2 (`deep` false) or
/// N = 3, N eta in escape_claim_min_n_eta(N) {1, 2, 4}; data as above.
rc::Gen<Json> step_sweep_instances(bool deep);

/// Throws InputError naming the first problem of a SubGM instance (alpha or
/// step sweep).
void validate_convergence_instance(const Json& j);

/// validate_convergence_instance, and "perturb_init" must be 1 (for the
/// balanced property: identical layers have spread 0).
void validate_balance_instance(const Json& j);

/// The instance-schema text of the alpha sweeps.
std::string alpha_sweep_instance_schema();

/// The instance-schema text of the step sweeps.
std::string step_sweep_instance_schema();

}  // namespace thmcheck::mf22
