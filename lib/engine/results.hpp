// Results files: DIR/results.json, schema "thmcheck-results/2". A results
// file is self-contained: each claim's description (ClaimInfo) travels with
// its case records, so reading, merging and reporting need no claim code.
#pragma once

#include <filesystem>
#include <vector>

#include "thmcheck/engine/runner.hpp"

namespace thmcheck {

/// Schema identifier written into every results file.
inline constexpr const char* kResultsSchema = "thmcheck-results/2";

/// Serialises runs (one per claim) with their summaries, case records and
/// counterexamples. Deterministic: no timestamps, sorted keys.
Json runs_to_json(const std::vector<ClaimRun>& runs);

/// Parses a results document; throws InputError on a wrong schema or field.
/// Verdicts and statistics are re-aggregated from the case records with the
/// description the file carries (never with live claim code).
std::vector<ClaimRun> runs_from_json(const Json& doc, const std::string& where);

/// Loads DIR/results.json (or the file itself when a file is given).
std::vector<ClaimRun> load_results(const std::filesystem::path& dir_or_file);

/// Merges runs of the same claims from several shards or machines into one
/// run per claim (in order of first appearance), re-aggregating the
/// verdicts. Throws InputError when shards disagree (seed, case count, claim
/// description) or overlap.
std::vector<ClaimRun> merge_runs(const std::vector<ClaimRun>& runs);

/// Serialises one record; used by `thmcheck check --json` too.
Json record_to_json(const CaseRecord& r);

/// A Wide number as decimal text with `digits` significant digits.
std::string wide_text(const Wide& x, int digits = 40);

}  // namespace thmcheck
