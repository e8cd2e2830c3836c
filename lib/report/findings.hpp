// The "Findings" section that opens the report: what fails as printed, what
// could not be decided and why, then what holds, by paper.
#pragma once

#include <string>
#include <vector>

#include "thmcheck/engine/runner.hpp"
#include "thmcheck/report/expectations.hpp"

namespace thmcheck {

/// Markdown of the Findings section for merged runs: one line per violated
/// claim (what fails, the worst certified failure or the fitted exponent
/// against the claimed one, the shrunk counterexample's size and its
/// reproduce command), one per inconclusive, vacuous or error claim with
/// the reason, then the claims that hold grouped by paper. A claim whose
/// verdict differs from `expectations` is marked ⚠.
std::string findings_section(const std::vector<ClaimRun>& runs, const Expectations& expectations);

/// Why a claim that is not `holds` or `violated` ended as it did, in words
/// ("3 cases failed within their error estimate (noise)...").
std::string undecided_reason(const ClaimRun& run);

/// How many numbers an instance holds (its size, for a shrunk counterexample).
long instance_numbers(const Json& instance);

}  // namespace thmcheck
