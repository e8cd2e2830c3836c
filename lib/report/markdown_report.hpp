// The Markdown theorem-check report.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "thmcheck/engine/registry.hpp"
#include "thmcheck/engine/runner.hpp"
#include "thmcheck/experiments/figure.hpp"
#include "thmcheck/report/expectations.hpp"

namespace thmcheck {

/// Files of a report: relative path -> content (the report, its SVG plots,
/// and counterexample instance files).
using ReportFiles = std::map<std::string, std::string>;

/// Builds the report for merged runs (one per claim). Deterministic: the same
/// runs give byte-identical files.
ReportFiles build_report(const std::vector<ClaimRun>& runs, const Expectations& expectations,
                         const Registry& registry);

/// The same, followed by a section per reproduced experiment (figures, in
/// the order given), each with its text, plots and tables.
ReportFiles build_report(const std::vector<ClaimRun>& runs, const std::vector<Figure>& figures,
                         const Expectations& expectations, const Registry& registry);

/// Writes the files under `out_dir`, each atomically; files of an earlier
/// report under plots/ and counterexamples/ that this one does not write are
/// removed after the new files are in place.
void write_report(const ReportFiles& files, const std::filesystem::path& out_dir);

/// Name of the report file inside the output directory.
inline constexpr const char* kReportFile = "thmcheck-report.md";

}  // namespace thmcheck
