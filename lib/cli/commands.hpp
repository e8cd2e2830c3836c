// The commands of the command line (cli_main parses, these run): shared
// between cli.cpp (list, report, check, reproduce) and run_commands.cpp
// (run, figures). Internal to lib/cli.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "thmcheck/engine/registry.hpp"
#include "thmcheck/engine/runner.hpp"

namespace thmcheck::cli {

/// The start precision of --precision (auto = double).
Precision parse_precision_flag(const std::string& text);

/// --shard i/n, 0 <= i < n.
std::pair<long, long> parse_shard(const std::string& text);

/// --jobs: 0 means the number of cores; otherwise 1 to 256.
int parse_jobs(int jobs);

/// --time-limit: a positive number of seconds, or -1 when not given (each
/// claim's default).
double parse_time_limit(double seconds);
/// --search: "N" candidates per claim or "P%" of each claim's random cases
/// into options; throws InputError naming the flag otherwise.
void parse_search(const std::string& text, RunOptions& options);

/// Exit status 1 (and one line per claim on stderr) when a verdict differs
/// from the expectations file at `path`; 0 otherwise or without a file.
int compare_with_expectations(const std::string& program, const std::vector<ClaimRun>& runs, const std::string& path);

/// The summary table of `run` and `report` on stdout.
void print_summary(const std::vector<ClaimRun>& runs);

/// What `run` was asked.
struct RunCommand {
  std::vector<std::string> patterns;
  long cases = -1;
  std::uint64_t seed = 1;
  std::string precision = "auto", shard = "0/1", out = "results", expectations;
  int max_shrinks = 200;
  std::string search;  ///< targeted-search candidates per claim: "N" or "P%" of its random cases
  int jobs = 0;
  double time_limit = -1;
  bool quiet = false, profile = false;
};
int cmd_run(const Registry& registry, const std::string& program, const RunCommand& cmd);

/// What `figures` was asked.
struct FiguresCommand {
  std::vector<std::string> patterns;
  std::uint64_t seed = 1;
  bool slow = false, quick = false, list_only = false;
  std::string out = "results";
  int jobs = 0;
  bool quiet = false, profile = false;
};
int cmd_figures(const Registry& registry, const FiguresCommand& cmd);

}  // namespace thmcheck::cli
