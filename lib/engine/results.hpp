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

/// How many digits a serialised record keeps: those of results.json (40 of
/// measured, bound and margin, 6 of the error, 30 of scaling points), or all
/// that Wide holds, so that the record reads back unchanged (worker
/// processes to their parent).
enum class RecordDigits { kResults, kExact };

/// Serialises one record; used by `thmcheck check --json` too. Non-finite
/// values are written "nan", "inf", "-inf".
Json record_to_json(const CaseRecord& r, RecordDigits digits = RecordDigits::kResults);

/// Reads a record written by record_to_json; throws InputError on a bad field.
CaseRecord record_from_json(const Json& j);

/// A Wide number as decimal text with `digits` significant digits.
std::string wide_text(const Wide& x, int digits = 40);

}  // namespace thmcheck
