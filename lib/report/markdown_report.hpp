// The Markdown theorem-check report.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "thmcheck/engine/runner.hpp"
#include "thmcheck/experiments/figure.hpp"
#include "thmcheck/report/expectations.hpp"

namespace thmcheck {

/// Files of a report: relative path -> content (the report, its SVG plots,
/// and counterexample instance files).
using ReportFiles = std::map<std::string, std::string>;

/// How the report refers to its surroundings.
struct ReportOptions {
  /// The directory the report is written to, as the reader gives it on the
  /// command line (counterexample files are named relative to it in the
  /// reproduce commands).
  std::string out_dir = "reports";
  /// Name of the expectations file the verdicts are compared with (shown in
  /// the report); empty when the expectations came from the results files.
  std::string expectations_name;
};

/// Builds the report for merged runs (one per claim), followed by a section
/// per reproduced experiment (figures, in the order given). A pure function
/// of its arguments: everything said about a claim comes from its ClaimRun
/// (which results.json carries), never from claim code. Expected verdicts
/// come from `expectations` where it names the claim, else from the run.
/// Deterministic: the same runs give byte-identical files.
ReportFiles build_report(const std::vector<ClaimRun>& runs, const std::vector<Figure>& figures,
                         const Expectations& expectations, const ReportOptions& options = {});

/// Writes the files under `out_dir`, each atomically; files of an earlier
/// report under plots/ and counterexamples/ that this one does not write are
/// removed after the new files are in place.
void write_report(const ReportFiles& files, const std::filesystem::path& out_dir);

/// Name of the report file inside the output directory.
inline constexpr const char* kReportFile = "thmcheck-report.md";

}  // namespace thmcheck
