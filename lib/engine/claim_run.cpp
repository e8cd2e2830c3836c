// One claim's run, piece by piece: a case (generated and judged), the
// shrinking of its counterexamples, the certified digits of the worst case;
// run_claim puts them together in one process, parallel_run in workers.
#include <fmt/format.h>
#include <rapidcheck.h>

#include <optional>

#include "thmcheck/engine/runner.hpp"
#include "thmcheck/engine/search.hpp"

namespace thmcheck {

bool is_counterexample(const CaseRecord& r) {
  return r.in_hypothesis && (r.status == CaseStatus::kFail || r.status == CaseStatus::kInconclusive ||
                             r.status == CaseStatus::kError);
}

namespace {

// True when an evaluation, in hypothesis, already shows a failure beyond its
// error estimate at its own precision (the screening test of shrinking).
bool decided_failure(const Claim& claim, const Outcome& o) {
  if (claim.kind == ClaimKind::kScaling || !o.ok) return false;
  for (const HypothesisCheck& h : o.hypotheses) {
    if (!h.holds) return false;
  }
  const Wide m = o.margin();
  return o.relation == Relation::kEqual ? abs(m) > o.error : m < -o.error;
}

// Judges a generated instance; a generator that produces an instance its own
// claim rejects is a harness bug and recorded as an error.
CaseRecord judge_generated(const Claim& claim, const Json& instance, Precision start,
                           Ladder ladder = Ladder::kUntilConfirmed) {
  try {
    return judge_instance(claim, instance, start, ladder);
  } catch (const InputError& e) {
    CaseRecord r;
    r.status = CaseStatus::kError;
    r.in_hypothesis = true;
    r.message = fmt::format("generator produced an invalid instance: {}", e.what());
    return r;
  }
}

}  // namespace

CaseRecord run_case(const Claim& claim, const RunOptions& options, long case_index) {
  CaseRecord rec;
  try {
    rec = judge_generated(claim, generate_case(claim, options.seed, case_index).value(), options.start);
  } catch (const InputError&) {
    throw;
  } catch (const std::exception& e) {
    rec = CaseRecord{};
    rec.status = CaseStatus::kError;
    rec.in_hypothesis = true;
    rec.message = fmt::format("generator failed: {}", e.what());
  }
  rec.index = case_index;
  rec.token = make_token(claim.id, options.seed, case_index, {});
  return rec;
}

std::optional<Counterexample> shrink_case(const Claim& claim, const RunOptions& options, const CaseRecord& rec) {
  std::optional<rc::Shrinkable<Json>> shrinkable;
  SearchPath origin;
  try {
    // A random case shrinks as its generator says; a searched one by rounding (search.hpp).
    origin = record_search_path(rec);
    shrinkable.emplace(search_path_shrinkable(claim, options.seed, origin));
  } catch (const std::exception&) {
    return std::nullopt;  // its generator failed: the record says so
  }
  // Greedy shrinking: take the first simpler instance that fails the same way.
  //
  // When the failure is already decided at the start precision (margin
  // below minus its error there), candidates are screened at the start
  // precision alone and only the final instance climbs the ladder; if the
  // ladder does not confirm it, shrink steps are undone one at a time
  // until it does (the original case is confirmed). Otherwise every
  // candidate is judged on the full ladder.
  rc::Shrinkable<Json> current = *shrinkable;
  CaseRecord current_rec = rec;
  std::vector<int> path;
  std::vector<rc::Shrinkable<Json>> trail{current};
  const bool screen = rec.status == CaseStatus::kFail &&
                      decided_failure(claim, safe_evaluate(claim, current.value(), options.start));
  int evaluations = 0;
  bool progressed = true;
  while (progressed && evaluations < options.max_shrink_evaluations) {
    progressed = false;
    auto seq = current.shrinks();
    int child_index = 0;
    while (auto child = seq.next()) {
      if (++evaluations > options.max_shrink_evaluations) break;
      CaseRecord child_rec;
      bool same_failure = false;
      try {
        if (screen) {
          same_failure = decided_failure(claim, safe_evaluate(claim, child->value(), options.start));
        } else {
          child_rec = judge_generated(claim, child->value(), options.start);
          same_failure = is_counterexample(child_rec) && child_rec.status == current_rec.status;
        }
      } catch (const std::exception&) {
        ++child_index;
        continue;
      }
      if (same_failure) {
        current = *child;
        if (!screen) current_rec = std::move(child_rec);
        trail.push_back(current);
        path.push_back(child_index);
        progressed = true;
        break;
      }
      ++child_index;
    }
  }
  if (screen) {
    while (!path.empty()) {
      CaseRecord confirmed = judge_generated(claim, trail.back().value(), options.start, Ladder::kFull);
      if (is_counterexample(confirmed) && confirmed.status == rec.status) {
        current_rec = std::move(confirmed);
        break;
      }
      trail.pop_back();
      path.pop_back();
    }
    current = trail.back();
  }
  // The reported counterexample is certified on the full ladder (its
  // agreeing digits are those of 50 against 100 digits).
  if (current_rec.precision != Precision::kMp100) {
    CaseRecord full = judge_generated(claim, current.value(), options.start, Ladder::kFull);
    if (is_counterexample(full) && full.status == current_rec.status) current_rec = std::move(full);
  }
  Counterexample cx;
  cx.record = std::move(current_rec);
  cx.record.index = rec.index;
  cx.record.token = make_token(claim.id, options.seed, origin, path);
  cx.original_case = rec.index;
  cx.shrink_steps = static_cast<int>(path.size());
  cx.instance = current.value();
  prove_counterexample(claim, cx);
  return cx;
}

std::vector<Counterexample> shrink_counterexamples(const Claim& claim, const RunOptions& options,
                                                   const std::vector<CaseRecord>& records) {
  std::vector<Counterexample> out;
  for (const CaseRecord& r : records) {
    if (static_cast<int>(out.size()) >= options.max_counterexamples) break;
    if (!is_counterexample(r)) continue;
    // Of the searched cases only certified violations: the others are no finding.
    if (r.searched && r.status != CaseStatus::kFail) continue;
    if (auto cx = shrink_case(claim, options, r)) out.push_back(std::move(*cx));
  }
  return out;
}

long certify_worst_case(const Claim& claim, const RunOptions& options, ClaimRun& run) {
  run.summary = aggregate(claim, run.records, run.search_budget);
  if (run.summary.worst_case < 0) return -1;
  long changed = -1;
  for (CaseRecord& r : run.records) {
    if (r.index != run.summary.worst_case || r.certified_digits >= 0) continue;
    try {
      add_certified_digits(claim, search_path_shrinkable(claim, options.seed, record_search_path(r)).value(), r);
      changed = r.index;
    } catch (const std::exception&) {
    }
  }
  run.summary = aggregate(claim, run.records, run.search_budget);
  return changed;
}

ClaimRun start_claim_run(const Claim& claim, const RunOptions& options) {
  ClaimRun run;
  run.id = claim.id;
  run.claim = claim;
  run.seed = options.seed;
  run.cases = options.cases > 0 ? options.cases : claim.default_cases;
  run.shard_index = options.shard_index;
  run.shard_count = options.shard_count;
  run.start = options.start;
  run.search_budget = search_budget(claim, options);
  return run;
}

std::vector<long> shard_cases(const ClaimRun& run) {
  std::vector<long> out;
  for (long i = run.shard_index; i < run.cases; i += run.shard_count) out.push_back(i);
  return out;
}

ClaimRun run_claim(const Claim& claim, const RunOptions& options) {
  ClaimRun run = start_claim_run(claim, options);
  const std::vector<long> cases = shard_cases(run);
  for (long i : cases) {
    run.records.push_back(run_case(claim, options, i));
    if (options.progress) options.progress(static_cast<long>(run.records.size()), static_cast<long>(cases.size()));
  }
  if (run.search_budget > 0) {
    for (CaseRecord& r : run_search(claim, options, run.records)) run.records.push_back(std::move(r));
  }
  run.counterexamples = shrink_counterexamples(claim, options, run.records);
  certify_worst_case(claim, options, run);
  return run;
}

}  // namespace thmcheck
