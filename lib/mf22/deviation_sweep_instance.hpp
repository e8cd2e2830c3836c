// Instances of the sup-deviation sweeps of mf22 Proposition 1 (mf22.prop1,
// .dense, .dim and their .as-proved siblings): an outlier law, a corruption
// rate, a range r <= ||z|| <= R, a sparsity k, and a grid of m (at fixed d) or
// of d (at fixed m).
#pragma once

#include <string>

#include "thmcheck/engine/claim.hpp"

namespace thmcheck::mf22 {

/// Sweeps over m at fixed d: m = 100 2^i (i < 7), d in [20, 60], k in
/// [1, min(20, d/2)] (`dense` false); or m = 400 2^i (i < 5), d in [3, 20],
/// k = d (`dense`). p in [0, 0.45], five laws of scale 10^[-1, 2], ||z|| in
/// scale 10^[-1.5, 1.5].
rc::Gen<Json> deviation_samples_sweep_instances(bool dense);

/// Sweeps over d at m = 400: d in {50, ..., 1600}, k in [1, 5], the rest as
/// deviation_samples_sweep_instances(false).
rc::Gen<Json> deviation_dimension_sweep_instances();

/// Throws InputError naming the first problem of a deviation-sweep instance.
void validate_deviation_sweep_instance(const Json& j);

/// The instance-schema text of the deviation sweeps.
std::string deviation_sweep_instance_schema();

}  // namespace thmcheck::mf22
