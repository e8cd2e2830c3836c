// The report's account of the targeted search (lib/engine/search.hpp): the
// summary table's "after search" cell, an overview near the top, and one
// paragraph per claim. Rendered from results alone.
#pragma once

#include <string>
#include <vector>

#include "thmcheck/engine/runner.hpp"

namespace thmcheck::markdown {

/// The summary table's "after search" cell: the worst ratio (or, where no
/// ratio is defined, the closest relative margin; for a scaling claim the
/// largest per-case exponent deviation) over random and searched cases, "—"
/// when the run had no search.
std::string search_cell(const ClaimRun& run);

/// The overview: budget, candidates judged, the verdicts the search changed,
/// and the claims where it came closer than the random cases.
std::string search_overview(const std::vector<ClaimRun>& runs);

/// One claim's paragraph: random against searched, with reproduce commands.
std::string search_paragraph(const ClaimRun& run);

}  // namespace thmcheck::markdown
