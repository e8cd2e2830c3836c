// The check engine: judges instances with the certification ladder
// (double -> 50 -> 100 digits), runs a claim on N generated cases, shrinks
// counterexamples, and aggregates cases into a verdict with statistics.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "thmcheck/engine/claim.hpp"
#include "thmcheck/engine/statistics.hpp"

namespace thmcheck {

/// What happened on one case. Values are appended, never reordered.
enum class CaseStatus {
  kPass,          ///< margin >= 0 (explicit), or the event decided (frequency), or points produced (scaling)
  kTight,         ///< |margin| <= rounding error at 100 digits: equality within error; counts as a pass
  kFail,          ///< margin < -error, confirmed by a second precision (a certified violation)
  kInconclusive,  ///< margin < 0 but within the error estimate, or precisions disagree
  kError,         ///< a solver failed or produced non-finite numbers; never a pass
};
std::string to_string(CaseStatus s);
CaseStatus parse_case_status(const std::string& s);

/// The judgement of one instance.
struct CaseRecord {
  long index = -1;  ///< case number within the run (-1 for a user instance)
  CaseStatus status = CaseStatus::kError;
  bool in_hypothesis = false;
  Evidence evidence = Evidence::kUnchecked;  ///< weakest evidence among the hypotheses
  std::vector<HypothesisCheck> hypotheses;
  Relation relation = Relation::kLessEqual;
  Wide measured = 0, bound = 0, margin = 0, error = 0;
  Precision precision = Precision::kDouble;  ///< precision of the final evaluation
  std::vector<Precision> evaluated;          ///< precisions evaluated, in order
  /// Significant digits of the margin on which the last two evaluations agree
  /// (-1 when evaluated once); for a claim with a method error
  /// (error_is_rounding = false) at most floor(log10(|margin| / error)).
  int certified_digits = -1;
  std::vector<std::pair<Wide, Wide>> points;  ///< scaling claims
  std::string message;
  std::vector<std::pair<std::string, std::string>> details;
  std::string token;  ///< reproduce token (empty for user instances)
  /// Proposed by the targeted search (lib/engine/search.hpp), not a random
  /// case: kept out of pass rates, frequencies and fits.
  bool searched = false;

  bool passed() const { return status == CaseStatus::kPass || status == CaseStatus::kTight; }
  /// measured / bound, when the bound is resolved from 0 (|bound| > error)
  /// and, for "<=", positive.
  std::optional<double> ratio() const;
  /// margin / max(|measured|, |bound|, error): how close the case came to
  /// breaking the claim, defined where the ratio is not (a bound of 0, an
  /// equality); <= 0 on the failing side, 0 when measured = bound exactly. The
  /// error in the scale keeps identities (bound 0, measured rounding noise)
  /// from reading as -1: there it is -|measured| / error.
  double relative_margin() const;
};

/// Evaluates one instance once at precision p; an exception (other than
/// InputError, which propagates) or a non-finite measurement, bound, error or
/// scaling point gives ok = false with the reason.
Outcome safe_evaluate(const Claim& claim, const Json& instance, Precision p);

/// Judges one instance, starting at `start` and climbing the precision ladder
/// while the margin is within its error estimate or negative. Throws
/// InputError for instances the claim rejects (its validate()).
///
/// Ladder depth: a failure that two consecutive precisions both resolve
/// (margin beyond its error, same sign) is confirmed there and the climb stops
/// (e.g. double and 50 digits); with `Ladder::kFull` every failing or
/// borderline case climbs to 100 digits (used for the reported
/// counterexample, `check` and `reproduce`).
enum class Ladder { kUntilConfirmed, kFull };
CaseRecord judge_instance(const Claim& claim, const Json& instance, Precision start,
                          Ladder ladder = Ladder::kUntilConfirmed);

/// Re-evaluates a record's instance one precision further (or one lower at the
/// top) to report agreeing digits for a passing case.
void add_certified_digits(const Claim& claim, const Json& instance, CaseRecord& record);

/// The proof attempt on a certified counterexample (lib/proof): a rigorous
/// interval enclosure of its margin, when a proof method covers the claim.
struct CounterexampleProof {
  bool attempted = false;  ///< the case failed (certified) and a method covers the claim
  bool proved = false;     ///< the margin's enclosure is certainly negative
  std::string method;
  std::string message;  ///< the enclosure and where, or exactly why it is not proved
  unsigned digits = 0;  ///< working precision of the enclosure (decimal digits)
  std::string margin_lower, margin_upper;  ///< the margin's enclosure, ends rounded outward
  Json certificate;     ///< proved only: what `thmcheck verify` re-checks
};

/// A shrunk counterexample with the instance that reproduces it.
struct Counterexample {
  CaseRecord record;  ///< judgement of the shrunk instance
  long original_case = -1;
  int shrink_steps = 0;  ///< accepted shrinks
  Json instance;
  CounterexampleProof proof;
};

/// Attempts the proof of a certified (kFail) counterexample when a proof
/// method covers its claim; otherwise leaves cx.proof unattempted.
void prove_counterexample(const ClaimInfo& claim, Counterexample& cx);
/// For a case the ladder left `tight` or `inconclusive` (in hypothesis),
/// of a claim a proof method covers: when the method proves the violation,
/// the case becomes `fail` with the enclosure's midpoints as measured, bound
/// and margin, its half-width as the error, and a message saying so. Returns
/// true when it changed the record.
bool resolve_by_proof(const ClaimInfo& claim, const Json& instance, CaseRecord& rec);
/// cx.proof as JSON (absent when not attempted) and back.
Json proof_to_json(const CounterexampleProof& p);
CounterexampleProof proof_from_json(const Json& j);

/// Options of run_claim.
struct RunOptions {
  long cases = -1;  ///< -1: the claim's default_cases
  std::uint64_t seed = 1;
  Precision start = Precision::kDouble;
  long shard_index = 0, shard_count = 1;  ///< run cases with index % count == index
  int max_shrink_evaluations = 200;
  int max_counterexamples = 1;  ///< shrunk and saved; further failures are listed by token
  /// Targeted-search candidates per claim after its random cases (0: none;
  /// lib/engine/search.hpp). Needs an unsharded run.
  long search = 0;
  /// When > 0, instead: this percentage of each claim's random cases
  /// (rounded up), so that the search adds about that share to its time.
  double search_percent = 0;
  /// Called after each case with (done, total) for progress display.
  std::function<void(long, long)> progress;
};

/// What the targeted search found, from its records alone. Its cases are not
/// a sample of the generator, so they never enter a pass rate, a frequency or
/// a fit; a certified violation among them makes an explicit claim violated.
struct SearchSummary {
  long budget = 0;  ///< candidates asked for (0: no search)
  long candidates = 0, in_hypothesis = 0, passed = 0, failed = 0, inconclusive = 0, errors = 0;
  long out_of_hypothesis = 0;
  long rejected = 0;  ///< refused by the claim's validator (counted outside the hypotheses)
  std::optional<double> worst_ratio;  ///< as Summary::worst_ratio, over searched cases
  long worst_case = -1;
  std::optional<double> closest_relative_margin;
  long closest_case = -1;
  /// Scaling claims: the largest exponent_deviation (search.hpp) of one case.
  std::optional<double> exponent_deviation;
  long deviation_case = -1;
  long first_failure = -1;
  bool changed_verdict = false;  ///< violated through a searched case only
  int certified_digits = -1;     ///< of the decisive searched case
};

/// Aggregated statistics and verdict of a claim over its cases.
struct Summary {
  std::string verdict = "vacuous";  ///< holds | violated | inconclusive | vacuous | error
  long cases = 0, in_hypothesis = 0, passed = 0, failed = 0, tight = 0, inconclusive = 0, errors = 0;
  long out_of_hypothesis = 0, out_passed = 0;
  long evidence_certified = 0, evidence_estimated = 0, evidence_unchecked = 0;  ///< in-hypothesis cases
  double pass_rate = 0;
  std::pair<double, double> pass_rate_ci{0, 1};
  std::optional<double> worst_ratio;
  long worst_case = -1;
  bool equality = false;  ///< the cases judge equalities: the worst ratio is the one farthest from 1
  /// The in-hypothesis case with the smallest relative margin
  /// (CaseRecord::relative_margin), for every claim that is not a scaling one.
  std::optional<double> closest_relative_margin;
  long closest_case = -1;
  int certified_digits = -1;  ///< of the decisive case (violation or worst ratio)
  // Frequency claims.
  long trials = 0, events = 0;
  double frequency = 0;
  std::pair<double, double> frequency_ci{0, 1};
  // Scaling claims.
  LogLogFit fit;
  /// Scaling claims: the largest exponent_deviation of one random case.
  std::optional<double> exponent_deviation;
  long deviation_case = -1;
  SearchSummary search;
};

/// Everything one run of one claim (one shard) produced.
struct ClaimRun {
  std::string id;
  /// What the claim says and how it is judged (written into results.json).
  ClaimInfo claim;
  /// The expected verdict when the run was given an expectations file
  /// (empty otherwise), with the reason.
  std::string expected_verdict, expected_note;
  /// The checker program that ran the claim (its reproduce commands name it).
  std::string program = "thmcheck";
  std::uint64_t seed = 1;
  long cases = 0;  ///< total cases of the run (all shards)
  long shard_index = 0, shard_count = 1;
  Precision start = Precision::kDouble;
  long search_budget = 0;  ///< targeted-search candidates asked for (RunOptions::search)
  std::vector<CaseRecord> records;  ///< this shard's cases, by index (searched ones after the random)
  std::vector<Counterexample> counterexamples;
  Summary summary;
};

/// Runs `claim` on its generator's cases for this shard, in this process:
/// start_claim_run, run_case for each of shard_cases, shrink_counterexamples,
/// certify_worst_case. parallel_run does the same in worker processes.
ClaimRun run_claim(const Claim& claim, const RunOptions& options);

/// The pieces of run_claim. A run with its description and no cases yet.
ClaimRun start_claim_run(const Claim& claim, const RunOptions& options);
/// The case indices of the run's shard, in order.
std::vector<long> shard_cases(const ClaimRun& run);
/// Case `case_index` of the run: generated (generate_case) and judged; a
/// generator that throws or produces an instance its claim rejects gives an
/// `error` record.
CaseRecord run_case(const Claim& claim, const RunOptions& options, long case_index);
/// In hypothesis and failed, inconclusive or in error: worth shrinking.
bool is_counterexample(const CaseRecord& r);
/// Shrinks the first options.max_counterexamples counterexamples among
/// `records` (in index order), each to a simpler instance that fails the
/// same way, certified on the full ladder.
std::vector<Counterexample> shrink_counterexamples(const Claim& claim, const RunOptions& options,
                                                   const std::vector<CaseRecord>& records);
/// Aggregates run.records and, when the worst case was evaluated at one
/// precision only, adds its agreeing digits (one more evaluation) and
/// aggregates again. Returns the index of the record it changed, or -1.
long certify_worst_case(const Claim& claim, const RunOptions& options, ClaimRun& run);

/// The case `case_index` of a run with `seed`, as the claim's generator
/// draws it (shrinkable): the same (claim id, seed, index) always gives the
/// same instance.
rc::Shrinkable<Json> generate_case(const Claim& claim, std::uint64_t seed, long case_index);

/// Computes the verdict and statistics of a claim from case records (also
/// used when merging shards); `search_budget` is the run's.
Summary aggregate(const ClaimInfo& claim, const std::vector<CaseRecord>& records, long search_budget = 0);

/// FNV-1a hash of a claim id: the part of every case's seed that names its claim.
std::uint64_t claim_hash(const std::string& id);

/// "<id>:<seed>:<case>[:<i>.<j>...]" — claim, run seed, case index, shrink path.
std::string make_token(const std::string& id, std::uint64_t seed, long case_index,
                       const std::vector<int>& shrink_path);

/// Regenerates the instance a token names. Throws InputError for malformed
/// tokens and unknown claims.
struct TokenInstance {
  const Claim* claim = nullptr;
  Json instance;
  std::uint64_t seed = 0;
  long case_index = 0;
};
class Registry;
TokenInstance instance_from_token(const std::string& token, const Registry& registry);

}  // namespace thmcheck
