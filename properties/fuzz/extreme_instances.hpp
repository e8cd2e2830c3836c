// Extreme but valid instances (issue "Hardening"): a generated instance moved
// to the edges of its domain, generically over the JSON of any instance type:
//   scale 1e-300 / 1e300     every real of the instance times 1e-300 or 1e300
//   <field> 1e-300 / 1e300   the reals of one top-level field so scaled
//                            (initializations of 1e-300, huge steps, ...)
//   dimension 1              every array cut to its first entry (matrices to
//                            1 x 1), integers equal to a cut length set to 1
//   condition 1e30           the first row of each matrix times 1e-30
// What the claim's validator does not accept is a rejection (the printed
// hypotheses may exclude it); what it accepts must be judged to a verdict or
// to `error` with a reason. Steps exactly at a claim's limit need the claim's
// own formula, so they are not among these generic moves.
#pragma once

#include <string>
#include <vector>

#include "thmcheck/engine/instance.hpp"

namespace thmcheck::fuzz {

/// One extreme variant of an instance.
struct ExtremeInstance {
  std::string name;  ///< e.g. "scale 1e-300", "x0 1e-300", "dimension 1"
  Json instance;
};

/// The extreme variants of `instance` (reals as decimal strings or numbers),
/// at most `max_fields` fields scaled one at a time (in key order). Variants
/// that change nothing (no matrix to condition) are left out.
std::vector<ExtremeInstance> extreme_variants(const Json& instance, int max_fields);

}  // namespace thmcheck::fuzz
