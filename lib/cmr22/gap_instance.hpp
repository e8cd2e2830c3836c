// The gap instances of cmr22 Theorems 1.1, 2.1 and 2.2: A, y, L and the
// initialization u0, v0 > 0 (signed, Theorem 1.1 / 3.1) or x0 > 0 (positive,
// Theorems 2.1 and 2.2). Generator, validator and the text describing both.
#pragma once

#include <string>

#include "thmcheck/cmr22/data_params.hpp"
#include "thmcheck/engine/instance.hpp"

namespace thmcheck::cmr22 {

/// Instance of Theorem 1.1 (signed = true: y = A x* or Gaussian, u0, v0) or
/// 2.1 (signed = false: y = A x* with x* >= 0, x0), drawn from q; the
/// initialization entries are alpha (identical) or alpha U(0.5, 2), alpha^L = 10^-init_exp.
Json gap_instance(const DataParams& q, bool signed_case);

/// Throws InputError unless j is a gap instance: non-empty A (M x N), y [M],
/// L in [2, 64], and u0, v0 [N] > 0 (signed) or x0 [N] > 0.
void validate_gap(const Json& j, bool signed_case);

/// The generator text of the gap claims (`generator_info`), signed or positive.
std::string gap_generator_info(bool signed_case);

/// The instance-file fields of a gap instance (`instance_schema`), signed or positive.
std::string gap_instance_schema(bool signed_case);

}  // namespace thmcheck::cmr22
