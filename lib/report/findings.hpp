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

/// The proof level of a violated claim's counterexample, in words: "proved:
/// margin in [lo, hi] ... (certificate ...)" with the interval enclosure, or
/// "certified, not proved: <why>" (the method's reason, or the claim's
/// proof_note: Monte Carlo, an ODE trajectory, an asymptotic rate).
/// `certificate` is the certificate's path in the report (proved only).
std::string proof_level_text(const ClaimRun& run, const std::string& certificate);

/// The report's path of a counterexample's certificate file.
std::string certificate_path(const std::string& id, long original_case);

/// How many numbers an instance holds (its size, for a shrunk counterexample).
long instance_numbers(const Json& instance);

}  // namespace thmcheck
