// Runs the cases of many claims at once in worker processes (WorkerPool),
// each case under a time limit, and assembles the same ClaimRuns as
// run_claim would, byte for byte: every case has its own seed, records are
// placed by case index, and shrinking and the worst case's digits (one task
// per claim, after its cases) see the records in index order.
#pragma once

#include <algorithm>
#include <functional>
#include <string>
#include <vector>

#include "thmcheck/engine/runner.hpp"
#include "thmcheck/engine/worker_pool.hpp"

namespace thmcheck {

/// Seconds a case may take unless the claim declares a longer limit of its
/// own (ClaimInfo::time_limit) or the user gives --time-limit.
inline constexpr double kDefaultCaseTimeLimit = 300;

/// How long shrinking and certifying one claim's counterexamples may take,
/// in multiples of the claim's case limit. Past it the counterexample is the
/// unshrunk failing case, and its record says why.
inline constexpr double kShrinkTimeLimitFactor = 10;

/// The case limit of `claim`: `override_seconds` when positive (the user's
/// --time-limit), else the larger of kDefaultCaseTimeLimit and the claim's own.
double case_time_limit(const ClaimInfo& claim, double override_seconds);

/// A targeted-search candidate may take kSearchTimeFactor times as long as
/// the claim's slowest random case (at least kSearchMinimumTime seconds, at
/// most the case limit): a mutation can move an instance into a far costlier
/// regime (a longer horizon, a finer tolerance), and the search must not
/// spend the run's time there. A candidate past it is an `error` record,
/// which the search does not count. The factor is well above 1 so that only
/// a candidate far costlier than every random case meets the limit: one as
/// costly as the slowest would meet it by the jitter of timing, and the
/// search, and so the report, would differ from run to run.
inline constexpr double kSearchTimeFactor = 4;
inline constexpr double kSearchMinimumTime = 10;
inline double search_time_limit(double case_limit, double slowest_random_case) {
  return std::min(case_limit, std::max(kSearchMinimumTime, kSearchTimeFactor * slowest_random_case));
}

/// Where a parallel run stands (for the live progress line).
struct RunProgress {
  long claims_done = 0, claims_total = 0;
  long cases_done = 0, cases_total = 0;
  long failures = 0;  ///< certified violations among finished cases (in hypothesis)
  double elapsed = 0;
  double eta = -1;    ///< seconds left, estimated from finished cases (-1: not yet known)
  std::vector<WorkerPool::Running> running;
};

/// Seconds spent per claim (summed over its worker tasks).
struct ClaimTiming {
  std::string id;
  double case_seconds = 0;    ///< all its random cases
  double search_seconds = 0;  ///< its targeted-search candidates
  double finish_seconds = 0;  ///< shrinking and certifying digits
  long timed_out = 0;         ///< cases stopped at their limit
};

/// Options of run_claims beyond RunOptions.
struct ParallelOptions {
  int jobs = 1;              ///< worker processes at once
  double time_limit = 0;     ///< seconds per case for every claim (0: case_time_limit's default)
  /// Called in the parent at least every WorkerPool::kPollSeconds.
  std::function<void(const RunProgress&)> progress;
};

/// Runs each claim of `claims` on its cases for options' shard, `parallel.jobs`
/// cases at a time, and returns one run per claim in the order given. A case
/// past its limit is an `error` record with the message "time limit (N s)";
/// a worker that crashes is an `error` record naming the signal. `timings`
/// (if given) receives the seconds per claim.
std::vector<ClaimRun> run_claims(const std::vector<const Claim*>& claims, const RunOptions& options,
                                 const ParallelOptions& parallel, std::vector<ClaimTiming>* timings = nullptr);

}  // namespace thmcheck
