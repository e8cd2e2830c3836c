// Targeted search: after a claim's random cases, a seeded, budgeted hill
// climb over its instances toward the case that comes closest to breaking
// the claim (targeted property-based testing: Loescher and Sagonas, ISSTA
// 2017; Hypothesis' target()). Every candidate is an ordinary instance judged
// on the same certification ladder, so a violation the search finds is
// certified, shrunk and reproducible like any other.
//
// The climb: from the best in-hypothesis random case, each generation
// proposes kSearchBranching mutations of the current best instance, one per
// step scale (kSearchScales); a child that scores higher replaces it; after
// kSearchPatience generations without progress the climb restarts from the
// next of the best random cases, from fresh cases, or from the best point so far. A mutation perturbs the instance's numeric
// fields (multiplicatively, so scales from 1e-300 to 1e300 move alike;
// additively for zeros and sign changes; integers by +-1, rarely), and the
// claim's own validator and hypothesis checks decide what it is.
//
// Determinism: a mutation depends only on (seed, claim id, generation,
// child) and its parent, so the search is the same for any number of workers,
// and a token "<claim>:<seed>:<case>+<g>.<k>+...[:<shrink path>]" replays the
// path from the random case it started at.
#pragma once

#include <rapidcheck/Shrinkable.h>

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "thmcheck/engine/runner.hpp"

namespace thmcheck {

/// Candidates per generation, each at its own step scale.
inline constexpr int kSearchBranching = 4;
/// The step scale of each child (standard deviation of log |x| for a
/// multiplicative move; relative size of an additive one).
inline constexpr double kSearchScales[kSearchBranching] = {1.0, 0.25, 0.05, 0.01};
/// Generations without progress before the climb restarts elsewhere.
inline constexpr int kSearchPatience = 5;
/// How many of the best random cases the climb may start from.
inline constexpr int kSearchStarts = 3;
/// Prefix of the message of a candidate the claim's validator rejected.
inline constexpr const char* kRejectedPrefix = "rejected by the claim's validator: ";

/// What the search maximizes, "how close the case came to breaking the
/// claim": for explicit and frequency claims 1 - relative_margin, which is
/// measured/bound for 0 <= measured <= bound and exceeds 1 exactly when the
/// margin is negative (for an equality: 1 + the relative discrepancy); for
/// scaling claims exponent_deviation. Empty for records in error and scaling
/// cases without a fit.
std::optional<double> search_score(const ClaimInfo& claim, const CaseRecord& r);

/// Scaling claims: how far the fit of one record's own points (at least two
/// distinct x) lies from the predicted exponent, in units of the tolerance:
/// (predicted - fitted) / tolerance for a one-sided claim (exponent_at_least),
/// |fitted - predicted| / tolerance otherwise; > 1 outside the tolerance.
std::optional<double> exponent_deviation(const ClaimInfo& claim, const CaseRecord& r);

/// The statistics of a claim's searched records (aggregate() calls it; see SearchSummary).
SearchSummary aggregate_search(const ClaimInfo& claim, const std::vector<const CaseRecord*>& records);

/// The worst ratio over random and searched cases together (for an equality
/// the ratio farther from 1): Summary::worst_ratio "after search".
std::optional<double> worst_ratio_after_search(const ClaimInfo& claim, const Summary& s);
/// The smallest relative margin over random and searched cases together.
std::optional<double> closest_margin_after_search(const Summary& s);
/// Scaling claims: the largest exponent_deviation over random and searched cases.
std::optional<double> exponent_deviation_after_search(const Summary& s);

/// One step of a search path: the mutation of generation `generation`, child `child`.
struct SearchMove {
  long generation = 0;
  int child = 0;
};

/// Where a searched instance comes from: a case of the generator and the
/// mutations applied to it, in order.
struct SearchPath {
  long start_case = 0;
  std::vector<SearchMove> moves;
};
/// "<case>+<g>.<k>+..." (just "<case>" without moves).
std::string to_string(const SearchPath& path);
/// Parses to_string's form; throws InputError naming the bad part.
SearchPath parse_search_path(const std::string& text);

/// The mutation of `parent` for (seed, claim id, move); see the file comment.
Json mutate_instance(const Json& parent, std::uint64_t seed, const std::string& claim_id, const SearchMove& move);

/// The instance a search path names (generated case, then its mutations).
Json search_path_instance(const Claim& claim, std::uint64_t seed, const SearchPath& path);

/// A searched instance as a shrinkable: its simplifications round one
/// numeric field to 1, 2, 3 or 6 significant digits (the generator's own
/// shrinks do not apply to a mutated instance).
rc::Shrinkable<Json> rounding_shrinkable(const Json& instance);

/// The shrinkable of a path: the generator's case when there are no moves,
/// rounding_shrinkable of the mutated instance otherwise.
rc::Shrinkable<Json> search_path_shrinkable(const Claim& claim, std::uint64_t seed, const SearchPath& path);

/// Token of the case `origin` reaches (a random case: its index alone), with
/// its shrink path: "<claim>:<seed>:<origin>[:<i>.<j>...]".
std::string make_token(const std::string& id, std::uint64_t seed, const SearchPath& origin,
                       const std::vector<int>& shrink_path);

/// Candidates the search judges for `claim` under `options`: RunOptions::search,
/// or search_percent of its random cases rounded up.
long search_budget(const ClaimInfo& claim, const RunOptions& options);

/// The search path of a record's token ("<claim>:<seed>:<path>[:...]").
SearchPath record_search_path(const CaseRecord& r);

/// An instance the search proposes.
struct SearchCandidate {
  long index = 0;  ///< record index: random cases + candidate number
  SearchPath path;
  Json instance;
  std::string failure;  ///< why no instance could be made (generator or mutation threw)
};

/// The search as a state machine, so that run_claim (in process) and
/// run_claims (worker processes) drive the same steps: next_generation()
/// proposes, accept() takes the judged records in the same order.
class TargetedSearch {
 public:
  /// `random_records` are the claim's random cases (indices 0 .. cases-1).
  TargetedSearch(const Claim& claim, std::uint64_t seed, long random_cases, long budget,
                 const std::vector<CaseRecord>& random_records);
  bool done() const { return proposed_ >= budget_; }
  std::vector<SearchCandidate> next_generation();
  void accept(const std::vector<CaseRecord>& judged);
  const std::vector<CaseRecord>& records() const { return records_; }

 private:
  struct Point {
    SearchPath path;
    Json instance;
    bool in_hypothesis = false;
    double score = 0;
  };
  bool better(const CaseRecord& r, const Point* than) const;
  void restart();

  const Claim& claim_;
  std::uint64_t seed_;
  long random_cases_, budget_;
  long proposed_ = 0, generation_ = 0;
  int stalled_ = 0;
  size_t next_start_ = 0;
  std::vector<Point> starts_;
  std::optional<Point> parent_, best_;
  std::vector<SearchCandidate> pending_;
  std::vector<CaseRecord> records_;
};

/// Judges a candidate on the ladder. A candidate the claim's validator
/// rejects is an `error` record outside the hypotheses (never a violation).
CaseRecord judge_candidate(const Claim& claim, const RunOptions& options, const SearchCandidate& candidate);

/// The whole search of one claim in this process.
std::vector<CaseRecord> run_search(const Claim& claim, const RunOptions& options,
                                   const std::vector<CaseRecord>& random_records);

}  // namespace thmcheck
