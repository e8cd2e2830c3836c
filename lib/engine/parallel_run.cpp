#include "thmcheck/engine/parallel_run.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <functional>
#include <optional>
#include <set>

#include "thmcheck/engine/results.hpp"
#include "thmcheck/engine/search.hpp"

namespace thmcheck {

namespace {

std::string record_payload(const CaseRecord& r) { return record_to_json(r, RecordDigits::kExact).dump(); }

CaseRecord record_of_payload(const std::string& payload) { return record_from_json(Json::parse(payload)); }

/// The record of a case that did not finish: an error, inside the
/// hypotheses (it is not known to be outside), never a pass.
CaseRecord stopped_record(const Claim& claim, const RunOptions& options, long index, const std::string& reason) {
  CaseRecord r;
  r.index = index;
  r.status = CaseStatus::kError;
  r.in_hypothesis = true;
  r.message = reason;
  r.token = make_token(claim.id, options.seed, index, {});
  return r;
}

Json counterexample_to_json(const Counterexample& cx) {
  return {{"record", record_to_json(cx.record, RecordDigits::kExact)},
          {"original_case", cx.original_case},
          {"shrink_steps", cx.shrink_steps},
          {"instance", cx.instance},
          {"proof", proof_to_json(cx.proof)}};
}

Counterexample counterexample_from_json(const Json& j) {
  Counterexample cx;
  cx.record = record_from_json(j.at("record"));
  cx.original_case = j.at("original_case").get<long>();
  cx.shrink_steps = j.at("shrink_steps").get<int>();
  cx.instance = j.at("instance");
  cx.proof = proof_from_json(j.at("proof"));
  return cx;
}

/// One claim of the run as its cases come back.
struct ClaimState {
  const Claim* claim = nullptr;
  ClaimRun run;
  std::vector<long> cases;                      ///< this shard's case indices
  std::vector<std::optional<CaseRecord>> records;  ///< by position in `cases`
  std::set<long> timed_out;                     ///< case indices stopped at their limit
  long done = 0;
  bool started = false;  ///< some case has gone to a worker
  bool finished = false;
  double limit = 0;      ///< seconds per case
  ClaimTiming timing;
  // Targeted search, after the random cases: one generation at a time.
  std::optional<TargetedSearch> search;
  std::vector<SearchCandidate> generation;
  std::vector<std::optional<CaseRecord>> generation_records;
  long generation_done = 0;
  double slowest_case = 0;  ///< seconds of the slowest random case
};

/// The counterexamples when shrinking did not finish: the first failing
/// cases as they were drawn, unshrunk, their records saying why.
std::vector<Counterexample> unshrunk_counterexamples(const ClaimState& s, const RunOptions& options,
                                                     const std::string& reason) {
  std::vector<Counterexample> out;
  for (const CaseRecord& r : s.run.records) {
    if (static_cast<int>(out.size()) >= options.max_counterexamples) break;
    if (!is_counterexample(r) || s.timed_out.count(r.index)) continue;
    if (r.searched && r.status != CaseStatus::kFail) continue;
    Counterexample cx;
    try {
      cx.instance = search_path_shrinkable(*s.claim, options.seed, record_search_path(r)).value();
    } catch (const std::exception&) {
      continue;
    }
    cx.record = r;
    cx.record.message += (cx.record.message.empty() ? "" : "; ") + fmt::format("not shrunk: {}", reason);
    cx.original_case = r.index;
    out.push_back(std::move(cx));
  }
  return out;
}

}  // namespace

double case_time_limit(const ClaimInfo& claim, double override_seconds) {
  if (override_seconds > 0) return override_seconds;
  return std::max(kDefaultCaseTimeLimit, claim.time_limit);
}

std::vector<ClaimRun> run_claims(const std::vector<const Claim*>& claims, const RunOptions& options,
                                 const ParallelOptions& parallel, std::vector<ClaimTiming>* timings) {
  using Clock = std::chrono::steady_clock;
  const auto t0 = Clock::now();
  std::vector<ClaimState> states(claims.size());
  WorkerPool pool(parallel.jobs);
  RunProgress progress;
  double finished_seconds = 0;  // of all finished cases
  auto mean_case = [&](const ClaimState& s) {
    if (s.done > 0) return s.timing.case_seconds / static_cast<double>(s.done);
    return progress.cases_done > 0 ? finished_seconds / static_cast<double>(progress.cases_done) : 1.0;
  };

  // The record of a case (random or searched) a worker finished or
  // stopped, with the run's bookkeeping.
  auto finished_case = [&](ClaimState& s, long index, const WorkerResult& result, bool searched) {
    CaseRecord rec = result.status == WorkerResult::Status::kDone
                         ? record_of_payload(result.payload)
                         : stopped_record(*s.claim, options, index, result.reason);
    if (result.status == WorkerResult::Status::kTimeLimit) {
      s.timed_out.insert(index);
      ++s.timing.timed_out;
    }
    if (rec.in_hypothesis && rec.status == CaseStatus::kFail) ++progress.failures;
    if (searched) {
      s.timing.search_seconds += result.seconds;
    } else {
      s.timing.case_seconds += result.seconds;
      s.slowest_case = std::max(s.slowest_case, result.seconds);
    }
    finished_seconds += result.seconds;
    ++progress.cases_done;
    return rec;
  };

  // After a claim's cases: shrink its counterexamples and certify its worst
  // case's digits in one more task, which starts before any queued case (it
  // is the last link of the claim's chain).
  // (Lambdas that outlive this scope hold pointers to the states, which
  // never move: `states` is not resized after this point.)
  auto add_finish = [&](ClaimState* sp) {
    ClaimState& s = *sp;
    s.run.records.clear();
    for (const auto& r : s.records) s.run.records.push_back(*r);
    if (s.search) {
      for (const CaseRecord& r : s.search->records()) s.run.records.push_back(r);
    }
    WorkerTask task;
    task.name = fmt::format("{} shrinking, digits", s.claim->id);
    task.time_limit = s.limit * kShrinkTimeLimitFactor;
    task.priority = [] { return 1e300; };
    task.work = [sp, &options] {
      const ClaimState& s = *sp;
      std::vector<CaseRecord> candidates;
      for (const CaseRecord& r : s.run.records) {
        if (!s.timed_out.count(r.index)) candidates.push_back(r);  // a case past its limit is not shrunk
      }
      Json out;
      out["counterexamples"] = Json::array();
      for (const Counterexample& cx : shrink_counterexamples(*s.claim, options, candidates)) {
        out["counterexamples"].push_back(counterexample_to_json(cx));
      }
      ClaimRun copy = s.run;
      const long changed = certify_worst_case(*s.claim, options, copy);
      out["worst"] = nullptr;
      for (const CaseRecord& r : copy.records) {
        if (r.index == changed) out["worst"] = record_to_json(r, RecordDigits::kExact);
      }
      return out.dump();
    };
    pool.add(std::move(task), [sp, &options, &progress](const WorkerResult& result) {
      ClaimState& s = *sp;
      s.timing.finish_seconds = result.seconds;
      if (result.status == WorkerResult::Status::kDone) {
        const Json j = Json::parse(result.payload);
        for (const Json& c : j.at("counterexamples")) s.run.counterexamples.push_back(counterexample_from_json(c));
        if (!j.at("worst").is_null()) {
          CaseRecord worst = record_from_json(j.at("worst"));
          for (CaseRecord& r : s.run.records) {
            if (r.index == worst.index) r = std::move(worst);
          }
        }
      } else {
        s.run.counterexamples = unshrunk_counterexamples(s, options, result.reason);
      }
      s.run.summary = aggregate(*s.claim, s.run.records, s.run.search_budget);
      s.finished = true;
      ++progress.claims_done;
    });
  };

  // The targeted search of a claim (search.hpp), one generation of
  // candidates at a time, each candidate a task under the case limit; the
  // next generation is proposed when the last of the previous one is back,
  // from the records in candidate order, so the search does not depend on
  // the number of workers.
  std::function<void(ClaimState*)> queue_generation = [&](ClaimState* sp) {
    ClaimState& s = *sp;
    if (s.search->done()) {
      add_finish(sp);
      return;
    }
    s.generation = s.search->next_generation();
    s.generation_records.assign(s.generation.size(), std::nullopt);
    s.generation_done = 0;
    for (size_t pos = 0; pos < s.generation.size(); ++pos) {
      const SearchCandidate& candidate = s.generation[pos];
      WorkerTask task;
      task.name = fmt::format("{} search {}", s.claim->id, candidate.index);
      task.time_limit = search_time_limit(s.limit, s.slowest_case);
      task.priority = [sp, &mean_case] { return mean_case(*sp); };
      task.work = [sp, &options, candidate] { return record_payload(judge_candidate(*sp->claim, options, candidate)); };
      pool.add(std::move(task), [&, sp, pos](const WorkerResult& result) {
        ClaimState& s = *sp;
        const SearchCandidate& c = s.generation[pos];
        CaseRecord rec = finished_case(s, c.index, result, /*searched=*/true);
        rec.searched = true;
        rec.token = make_token(s.claim->id, options.seed, c.path, {});
        s.generation_records[pos] = std::move(rec);
        if (++s.generation_done == static_cast<long>(s.generation.size())) {
          std::vector<CaseRecord> judged;
          for (auto& r : s.generation_records) judged.push_back(std::move(*r));
          s.search->accept(judged);
          queue_generation(sp);
        }
      });
    }
  };
  auto after_random_cases = [&](ClaimState* sp) {
    ClaimState& s = *sp;
    if (s.run.search_budget <= 0) {
      add_finish(sp);
      return;
    }
    std::vector<CaseRecord> random;
    for (const auto& r : s.records) random.push_back(*r);
    s.search.emplace(*s.claim, options.seed, s.run.cases, search_budget(*s.claim, options), random);
    queue_generation(sp);
  };

  for (size_t k = 0; k < claims.size(); ++k) {
    ClaimState* const sp = &states[k];
    ClaimState& s = *sp;
    s.claim = claims[k];
    s.run = start_claim_run(*s.claim, options);
    s.cases = shard_cases(s.run);
    s.records.resize(s.cases.size());
    s.limit = case_time_limit(*s.claim, parallel.time_limit);
    s.timing.id = s.claim->id;
    progress.cases_total += static_cast<long>(s.cases.size()) + search_budget(*s.claim, options);
    if (s.cases.empty()) {
      s.run.summary = aggregate(*s.claim, s.run.records, s.run.search_budget);
      s.finished = true;
      ++progress.claims_done;
      continue;
    }
    for (size_t pos = 0; pos < s.cases.size(); ++pos) {
      const long index = s.cases[pos];
      WorkerTask task;
      task.name = fmt::format("{} case {}", s.claim->id, index);
      task.time_limit = s.limit;
      // A claim not yet started goes first (slow ones before the rest), so
      // that its cost is learnt early; then the most expensive cases first.
      task.priority = [sp, &mean_case] {
        if (!sp->started) return sp->claim->slow ? 2e200 : 1e200;
        return mean_case(*sp);
      };
      task.on_start = [sp] { sp->started = true; };
      task.work = [sp, &options, index] { return record_payload(run_case(*sp->claim, options, index)); };
      pool.add(std::move(task), [&, sp, pos, index](const WorkerResult& result) {
        ClaimState& s = *sp;
        s.records[pos] = finished_case(s, index, result, /*searched=*/false);
        if (++s.done == static_cast<long>(s.cases.size())) after_random_cases(sp);
      });
    }
  }

  pool.run([&] {
    if (!parallel.progress) return;
    progress.claims_total = static_cast<long>(claims.size());
    progress.elapsed = std::chrono::duration<double>(Clock::now() - t0).count();
    progress.running = pool.running();
    progress.eta = -1;
    if (progress.cases_done > 0) {
      double left = 0;
      for (const ClaimState& s : states) {
        const long searched = s.search ? static_cast<long>(s.search->records().size()) : 0;
        const long to_search = std::max(0L, search_budget(*s.claim, options) - searched);
        left += static_cast<double>(static_cast<long>(s.cases.size()) - s.done + to_search) * mean_case(s);
      }
      for (const auto& r : progress.running) left -= std::min(r.seconds, left);
      progress.eta = left / pool.jobs();
    }
    parallel.progress(progress);
  });

  std::vector<ClaimRun> out;
  for (ClaimState& s : states) {
    out.push_back(std::move(s.run));
    if (timings) timings->push_back(s.timing);
  }
  return out;
}

}  // namespace thmcheck
