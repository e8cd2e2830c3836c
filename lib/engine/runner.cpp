#include "thmcheck/engine/runner.hpp"

#include <fmt/format.h>
#include <rapidcheck.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "thmcheck/engine/registry.hpp"
#include "thmcheck/engine/search.hpp"
#include "thmcheck/numerics/fp_exceptions.hpp"

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

double CaseRecord::relative_margin() const {
  const Wide scale = std::max<Wide>({abs(measured), abs(bound), abs(error)});
  if (scale == 0) return 0.0;
  const double r = static_cast<double>(margin / scale);
  return std::isfinite(r) ? r : 0.0;
}

Outcome safe_evaluate(const Claim& claim, const Json& instance, Precision p) {
  Outcome o;
  const FloatingPointWatch watch;
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
  // A NaN or an overflow in double may hide in a finite result: not judged
  // in double (the ladder recomputes it at 50 digits). Above double, double
  // is a heuristic's (a warm start), and MPFR's NaN flag also marks NaNs set
  // on purpose (fp_exceptions.hpp).
  if (o.ok && p == Precision::kDouble) {
    if (const std::string what = watch.raised(); !what.empty()) {
      o.ok = false;
      o.message = fmt::format("{} arose during the evaluation at {}", what, to_string(p));
    }
  }
  return o;
}

namespace {

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
      // Never counts (an error outside the hypotheses too): no need to certify.
      if (certainly_outside_hypotheses(o)) break;
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
  // Where the ladder's error estimate cannot decide (tight, inconclusive), a
  // proof method may: a proved violation is a failure, with the enclosure's numbers.
  if (rec.status == CaseStatus::kTight || rec.status == CaseStatus::kInconclusive) {
    resolve_by_proof(claim, instance, rec);
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

Summary aggregate(const ClaimInfo& claim, const std::vector<CaseRecord>& records, long search_budget) {
  Summary s;
  double worst_key = -1;
  const CaseRecord* first_fail = nullptr;
  const CaseRecord* worst = nullptr;
  std::vector<std::pair<double, double>> log_points;
  std::vector<const CaseRecord*> searched;
  for (const CaseRecord& r : records) {
    if (r.searched) {
      searched.push_back(&r);
      continue;
    }
    ++s.cases;
    if (r.relation == Relation::kEqual) s.equality = true;
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
    if (r.status != CaseStatus::kError && claim.kind != ClaimKind::kScaling) {
      const double rel = r.relative_margin();
      if (!s.closest_relative_margin || rel < *s.closest_relative_margin) {
        s.closest_relative_margin = rel;
        s.closest_case = r.index;
      }
    }
    if (r.status != CaseStatus::kError && claim.kind == ClaimKind::kScaling) {
      for (const auto& [x, y] : r.points) {
        log_points.emplace_back(static_cast<double>(log(x)), static_cast<double>(log(y)));
      }
      const auto d = exponent_deviation(claim, r);
      if (d && (!s.exponent_deviation || *d > *s.exponent_deviation)) {
        s.exponent_deviation = d;
        s.deviation_case = r.index;
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
  s.search = aggregate_search(claim, searched);
  s.search.budget = search_budget;
  // A certified violation is one whether drawn at random or found by search;
  // for frequency and scaling claims searched cases are no sample and leave
  // the verdict alone.
  if (claim.kind == ClaimKind::kExplicit && s.search.failed > 0 && s.verdict != "violated") {
    s.verdict = "violated";
    s.search.changed_verdict = true;
  }
  return s;
}

}  // namespace thmcheck
