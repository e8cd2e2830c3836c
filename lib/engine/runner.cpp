#include "thmcheck/engine/runner.hpp"

#include <fmt/format.h>
#include <rapidcheck.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <sstream>

#include "thmcheck/engine/registry.hpp"

namespace thmcheck {

std::string to_string(CaseStatus s) {
  switch (s) {
    case CaseStatus::kPass: return "pass";
    case CaseStatus::kTight: return "tight";
    case CaseStatus::kFail: return "fail";
    case CaseStatus::kInconclusive: return "inconclusive";
    case CaseStatus::kError: return "error";
  }
  return "?";
}

CaseStatus parse_case_status(const std::string& s) {
  for (CaseStatus c : {CaseStatus::kPass, CaseStatus::kTight, CaseStatus::kFail,
                       CaseStatus::kInconclusive, CaseStatus::kError}) {
    if (to_string(c) == s) return c;
  }
  throw InputError("unknown case status '" + s + "'");
}

std::optional<double> CaseRecord::ratio() const {
  // A bound within its error estimate of 0 (e.g. (1 - eta alpha^2)^t = 0
  // evaluated with rounding) makes measured/bound a ratio of rounding noise.
  // For "measured <= bound" the ratio reads as slack only for a positive
  // bound (with both sides negative, measured/bound > 1 would mean slack).
  if (bound == 0 || abs(bound) <= error) return std::nullopt;
  if (relation == Relation::kLessEqual && bound < 0) return std::nullopt;
  double r = static_cast<double>(measured / bound);
  if (!std::isfinite(r)) return std::nullopt;
  return r;
}

namespace {

constexpr int kGeneratorSize = 100;  // RapidCheck's nominal size: full ranges

std::uint64_t fnv1a(const std::string& s) {
  std::uint64_t h = 1469598103934665603ull;
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

rc::Random case_random(const std::string& id, std::uint64_t seed, long case_index) {
  return rc::Random(rc::Random::Key{seed, fnv1a(id), static_cast<std::uint64_t>(case_index),
                                    0x746d63686b636173ull});
}

Outcome safe_evaluate(const Claim& claim, const Json& instance, Precision p) {
  Outcome o;
  try {
    o = claim.evaluate(instance, p);
  } catch (const InputError&) {
    throw;
  } catch (const std::exception& e) {
    o = Outcome{};
    o.ok = false;
    o.message = fmt::format("evaluation threw: {}", e.what());
    return o;
  }
  if (o.ok) {
    if (!is_finite(o.measured) || !is_finite(o.bound) || !is_finite(o.error) || o.error < 0) {
      o.ok = false;
      o.message = "non-finite measurement, bound or error estimate";
    }
    for (const auto& [x, y] : o.points) {
      if (!is_finite(x) || !is_finite(y) || !(x > 0) || !(y > 0)) {
        o.ok = false;
        o.message = "scaling point not finite and positive";
      }
    }
  }
  return o;
}

// Significant digits on which a and b agree, at most `cap`.
int agreeing_digits(const Wide& a, const Wide& b, int cap) {
  const Wide diff = abs(a - b);
  const Wide scale = std::max(abs(a), abs(b));
  if (diff == 0) return cap;
  if (scale == 0) return 0;
  const double d = static_cast<double>(-log10(diff / scale));
  return std::clamp(static_cast<int>(std::floor(d)), 0, cap);
}

// Digits on which two evaluations agree: of the margin when it is resolved
// (|margin| > error), otherwise (a margin that is zero within rounding) of the
// measured value and the bound, whichever agrees less.
int agreeing_digits(const Outcome& a, const Outcome& b, int cap) {
  if (abs(a.margin()) > a.error) return agreeing_digits(a.margin(), b.margin(), cap);
  return std::min(agreeing_digits(a.measured, b.measured, cap), agreeing_digits(a.bound, b.bound, cap));
}

// Digits a claim with a method error (error_is_rounding = false: an ODE
// tolerance, a truncated series) can certify: two precisions that run the
// same discretization agree on far more digits than the method resolves, so
// the count is capped at floor(log10(|margin| / error)) of the final
// evaluation when its margin is resolved. Claims whose error is rounding are
// left as the comparison of precisions gives them.
int cap_by_method_error(const Claim& claim, const Outcome& final_outcome, int digits) {
  if (claim.error_is_rounding || digits < 0) return digits;
  const Wide m = abs(final_outcome.margin());
  if (!(final_outcome.error > 0) || !(m > final_outcome.error)) return digits;
  const int resolved = static_cast<int>(std::floor(static_cast<double>(log10(m / final_outcome.error))));
  return std::clamp(resolved, 0, digits);
}

Precision lower_precision(Precision p) {
  return p == Precision::kMp100 ? Precision::kMp50 : Precision::kDouble;
}

void fill_from_outcome(CaseRecord& rec, const Outcome& o) {
  rec.relation = o.relation;
  rec.measured = o.measured;
  rec.bound = o.bound;
  rec.margin = o.margin();
  rec.error = o.error;
  rec.points = o.points;
  rec.hypotheses = o.hypotheses;
  rec.details = o.details;
  rec.message = o.message;
  rec.in_hypothesis = true;
  rec.evidence = Evidence::kCertified;
  for (const HypothesisCheck& h : o.hypotheses) {
    rec.in_hypothesis = rec.in_hypothesis && h.holds;
    rec.evidence = std::max(rec.evidence, h.evidence);
  }
}

// True when some hypothesis fails with certified evidence.
bool certainly_outside_hypotheses(const Outcome& o) {
  for (const HypothesisCheck& h : o.hypotheses) {
    if (!h.holds && h.evidence == Evidence::kCertified) return true;
  }
  return false;
}

}  // namespace

CaseRecord judge_instance(const Claim& claim, const Json& instance, Precision start, Ladder ladder) {
  if (claim.validate) claim.validate(instance);
  std::vector<std::pair<Precision, Outcome>> history;
  Precision p = start;
  history.emplace_back(p, safe_evaluate(claim, instance, p));
  if (claim.kind != ClaimKind::kScaling) {
    while (p != Precision::kMp100) {
      const Outcome& o = history.back().second;
      if (o.ok && certainly_outside_hypotheses(o)) break;  // never counts: no need to certify
      if (o.ok) {
        const Wide m = o.margin();
        const bool decided = abs(m) > o.error;
        if (decided && m > 0) break;                                // clear pass
        if (o.relation == Relation::kEqual && !decided) break;      // equal within error
        // A failure resolved at two consecutive precisions that agree on at
        // least one digit is confirmed.
        if (ladder == Ladder::kUntilConfirmed && decided && history.size() >= 2) {
          const auto& [prev_precision, prev] = history[history.size() - 2];
          const Wide pm = prev.margin();
          if (prev.ok && abs(pm) > prev.error && (pm < 0) == (m < 0) &&
              agreeing_digits(o, prev, decimal_digits(prev_precision)) >= 1) {
            break;
          }
        }
      }
      // Failing, borderline or failed-to-evaluate: recompute one step up.
      p = next_precision(p);
      history.emplace_back(p, safe_evaluate(claim, instance, p));
    }
    // A failure found at the top precision alone is compared with the
    // precision below, so that it is still confirmed by two evaluations.
    const Outcome& last = history.back().second;
    if (history.size() == 1 && last.ok && last.margin() < -last.error && p != Precision::kDouble) {
      history.insert(history.begin(),
                     {lower_precision(p), safe_evaluate(claim, instance, lower_precision(p))});
    }
  }

  CaseRecord rec;
  const auto& [final_precision, o] = history.back();
  rec.precision = final_precision;
  for (const auto& h : history) rec.evaluated.push_back(h.first);
  fill_from_outcome(rec, o);
  if (!o.ok) {
    rec.status = CaseStatus::kError;
    return rec;
  }
  bool confirmed = false;
  if (history.size() >= 2) {
    const auto& [prev_precision, prev] = history[history.size() - 2];
    // Digits are only meaningful against an evaluation that resolved its
    // margin (or at the top, where the previous one is the only reference).
    const bool prev_resolved = abs(prev.margin()) > prev.error;
    if (prev.ok && (prev_resolved || final_precision == Precision::kMp100)) {
      rec.certified_digits = agreeing_digits(o, prev, decimal_digits(prev_precision));
      confirmed = rec.certified_digits >= 1 && (o.margin() < 0) == (prev.margin() < 0);
      rec.certified_digits = cap_by_method_error(claim, o, rec.certified_digits);
    }
  }
  if (claim.kind == ClaimKind::kScaling) {
    rec.status = CaseStatus::kPass;
    return rec;
  }
  const Wide m = rec.margin;
  const Wide e = rec.error;
  const bool at_top = final_precision == Precision::kMp100;
  if (rec.relation == Relation::kEqual) {
    if (abs(m) <= e) {
      rec.status = CaseStatus::kTight;
    } else {
      rec.status = confirmed ? CaseStatus::kFail : CaseStatus::kInconclusive;
    }
  } else if (m >= 0) {
    rec.status = m <= e ? CaseStatus::kTight : CaseStatus::kPass;
  } else if (-m <= e) {
    // Negative but within the rounding error at 100 digits: equality (the
    // true margin is 0 to ~98 digits). With a method error it is undecided.
    rec.status = (claim.error_is_rounding && at_top) ? CaseStatus::kTight : CaseStatus::kInconclusive;
  } else {
    rec.status = confirmed ? CaseStatus::kFail : CaseStatus::kInconclusive;
  }
  return rec;
}

void add_certified_digits(const Claim& claim, const Json& instance, CaseRecord& record) {
  if (record.certified_digits >= 0 || record.status == CaseStatus::kError) return;
  const Precision other = record.precision == Precision::kMp100 ? Precision::kMp50
                                                                : next_precision(record.precision);
  const Outcome o = safe_evaluate(claim, instance, other);
  if (!o.ok) return;
  const int cap = decimal_digits(std::min(other, record.precision));
  if (claim.kind == ClaimKind::kScaling) {
    if (o.points.empty() || record.points.empty()) return;
    record.certified_digits = agreeing_digits(o.points.front().second, record.points.front().second, cap);
  } else {
    Outcome mine;
    mine.relation = record.relation;
    mine.measured = record.measured;
    mine.bound = record.bound;
    mine.error = record.error;
    record.certified_digits = cap_by_method_error(claim, mine, agreeing_digits(mine, o, cap));
  }
}

std::string make_token(const std::string& id, std::uint64_t seed, long case_index,
                       const std::vector<int>& shrink_path) {
  std::string t = fmt::format("{}:{}:{}", id, seed, case_index);
  if (!shrink_path.empty()) {
    t += ":";
    for (size_t i = 0; i < shrink_path.size(); ++i) {
      if (i) t += ".";
      t += std::to_string(shrink_path[i]);
    }
  }
  return t;
}

namespace {

bool is_counterexample(const CaseRecord& r) {
  return r.in_hypothesis && (r.status == CaseStatus::kFail || r.status == CaseStatus::kInconclusive ||
                             r.status == CaseStatus::kError);
}

// True when an evaluation, in hypothesis, already shows a failure beyond its
// error estimate at its own precision (the screening test of shrinking).
bool decided_failure(const Claim& claim, const Outcome& o) {
  if (claim.kind == ClaimKind::kScaling || !o.ok) return false;
  CaseRecord r;
  fill_from_outcome(r, o);
  if (!r.in_hypothesis) return false;
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

ClaimRun run_claim(const Claim& claim, const RunOptions& options) {
  ClaimRun run;
  run.id = claim.id;
  run.claim = claim;
  run.seed = options.seed;
  run.cases = options.cases > 0 ? options.cases : claim.default_cases;
  run.shard_index = options.shard_index;
  run.shard_count = options.shard_count;
  run.start = options.start;
  long done = 0;
  const long mine = (run.cases - options.shard_index + options.shard_count - 1) / options.shard_count;
  for (long i = options.shard_index; i < run.cases; i += options.shard_count) {
    std::optional<rc::Shrinkable<Json>> shrinkable;
    CaseRecord rec;
    try {
      shrinkable.emplace(claim.generator(case_random(claim.id, options.seed, i), kGeneratorSize));
      rec = judge_generated(claim, shrinkable->value(), options.start);
    } catch (const InputError&) {
      throw;
    } catch (const std::exception& e) {
      rec = CaseRecord{};
      rec.status = CaseStatus::kError;
      rec.in_hypothesis = true;
      rec.message = fmt::format("generator failed: {}", e.what());
    }
    rec.index = i;
    rec.token = make_token(claim.id, options.seed, i, {});
    if (shrinkable && is_counterexample(rec) &&
        static_cast<int>(run.counterexamples.size()) < options.max_counterexamples) {
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
      cx.record.index = i;
      cx.record.token = make_token(claim.id, options.seed, i, path);
      cx.original_case = i;
      cx.shrink_steps = static_cast<int>(path.size());
      cx.instance = current.value();
      run.counterexamples.push_back(std::move(cx));
    }
    run.records.push_back(std::move(rec));
    ++done;
    if (options.progress) options.progress(done, mine);
  }
  run.summary = aggregate(claim, run.records);
  // Certify the digits of the worst case when it was evaluated only once.
  if (run.summary.worst_case >= 0) {
    for (CaseRecord& r : run.records) {
      if (r.index != run.summary.worst_case || r.certified_digits >= 0) continue;
      try {
        Json instance = claim.generator(case_random(claim.id, options.seed, r.index), kGeneratorSize).value();
        add_certified_digits(claim, instance, r);
      } catch (const std::exception&) {
      }
    }
    run.summary = aggregate(claim, run.records);
  }
  return run;
}

Summary aggregate(const ClaimInfo& claim, const std::vector<CaseRecord>& records) {
  Summary s;
  s.cases = static_cast<long>(records.size());
  double worst_key = -1;
  const CaseRecord* first_fail = nullptr;
  const CaseRecord* worst = nullptr;
  std::vector<std::pair<double, double>> log_points;
  for (const CaseRecord& r : records) {
    if (!r.in_hypothesis) {
      ++s.out_of_hypothesis;
      if (r.passed()) ++s.out_passed;
      continue;
    }
    ++s.in_hypothesis;
    switch (r.evidence) {
      case Evidence::kCertified: ++s.evidence_certified; break;
      case Evidence::kEstimated: ++s.evidence_estimated; break;
      case Evidence::kUnchecked: ++s.evidence_unchecked; break;
    }
    switch (r.status) {
      case CaseStatus::kPass: ++s.passed; break;
      case CaseStatus::kTight: ++s.passed; ++s.tight; break;
      case CaseStatus::kFail:
        ++s.failed;
        if (!first_fail || r.index < first_fail->index) first_fail = &r;
        break;
      case CaseStatus::kInconclusive: ++s.inconclusive; break;
      case CaseStatus::kError: ++s.errors; break;
    }
    if (r.status != CaseStatus::kError && claim.kind != ClaimKind::kScaling) {
      if (auto ratio = r.ratio()) {
        const double key = r.relation == Relation::kEqual ? std::abs(*ratio - 1) : *ratio;
        if (key > worst_key || (key == worst_key && worst && r.index < worst->index)) {
          worst_key = key;
          worst = &r;
        }
      }
    }
    if (r.status != CaseStatus::kError && claim.kind == ClaimKind::kScaling) {
      for (const auto& [x, y] : r.points) {
        log_points.emplace_back(static_cast<double>(log(x)), static_cast<double>(log(y)));
      }
    }
  }
  s.pass_rate = s.in_hypothesis ? static_cast<double>(s.passed) / s.in_hypothesis : 0.0;
  s.pass_rate_ci = wilson_interval(s.passed, s.in_hypothesis);
  if (worst) {
    s.worst_ratio = worst->ratio();
    s.worst_case = worst->index;
  }
  const CaseRecord* decisive = first_fail ? first_fail : worst;
  if (decisive) s.certified_digits = decisive->certified_digits;

  switch (claim.kind) {
    case ClaimKind::kExplicit:
      if (s.failed > 0) s.verdict = "violated";
      else if (s.errors > 0) s.verdict = "error";
      else if (s.inconclusive > 0) s.verdict = "inconclusive";
      else if (s.in_hypothesis == 0) s.verdict = "vacuous";
      else s.verdict = "holds";
      break;
    case ClaimKind::kFrequency: {
      s.trials = s.passed + s.failed;
      s.events = s.passed;
      s.frequency = s.trials ? static_cast<double>(s.events) / s.trials : 0.0;
      s.frequency_ci = wilson_interval(s.events, s.trials);
      if (s.errors > 0) s.verdict = "error";
      else if (s.trials == 0) s.verdict = "vacuous";
      else if (s.frequency_ci.second < claim.claimed_probability) s.verdict = "violated";
      else if (s.frequency >= claim.claimed_probability) s.verdict = "holds";
      else s.verdict = "inconclusive";
      break;
    }
    case ClaimKind::kScaling: {
      s.fit = fit_log_log(log_points);
      const double lo = claim.predicted_exponent - claim.exponent_tolerance;
      const double hi = claim.exponent_at_least ? std::numeric_limits<double>::infinity()
                                                : claim.predicted_exponent + claim.exponent_tolerance;
      if (s.errors > 0) s.verdict = "error";
      else if (s.in_hypothesis == 0 || s.fit.points == 0) s.verdict = "vacuous";
      else if (!s.fit.valid() || !std::isfinite(s.fit.exponent)) s.verdict = "inconclusive";
      else if (s.fit.exponent_high < lo || s.fit.exponent_low > hi) s.verdict = "violated";
      else if (s.fit.exponent >= lo && s.fit.exponent <= hi) s.verdict = "holds";
      else s.verdict = "inconclusive";
      break;
    }
  }
  return s;
}


TokenInstance instance_from_token(const std::string& token, const Registry& registry) {
  std::vector<std::string> parts;
  std::stringstream ss(token);
  std::string part;
  while (std::getline(ss, part, ':')) parts.push_back(part);
  if (parts.size() < 3 || parts.size() > 4) {
    throw InputError(fmt::format("malformed token '{}' (expected <claim>:<seed>:<case>[:<path>])", token));
  }
  TokenInstance out;
  out.claim = registry.find(parts[0]);
  if (!out.claim) throw InputError(fmt::format("unknown claim id '{}' in token", parts[0]));
  auto number = [&](const std::string& s, const char* what) -> unsigned long long {
    if (s.empty() || s.find_first_not_of("0123456789") != std::string::npos || s.size() > 19) {
      throw InputError(fmt::format("malformed token '{}': bad {} '{}'", token, what, s));
    }
    return std::stoull(s);
  };
  out.seed = number(parts[1], "seed");
  out.case_index = static_cast<long>(number(parts[2], "case"));
  rc::Shrinkable<Json> current =
      out.claim->generator(case_random(out.claim->id, out.seed, out.case_index), kGeneratorSize);
  if (parts.size() == 4) {
    std::stringstream ps(parts[3]);
    std::string step;
    while (std::getline(ps, step, '.')) {
      const auto k = number(step, "shrink step");
      auto seq = current.shrinks();
      bool found = false;
      for (unsigned long long j = 0; auto child = seq.next(); ++j) {
        if (j == k) {
          current = *child;
          found = true;
          break;
        }
      }
      if (!found) throw InputError(fmt::format("token '{}': shrink step {} does not exist", token, k));
    }
  }
  out.instance = current.value();
  return out;
}

}  // namespace thmcheck
