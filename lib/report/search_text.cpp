#include "thmcheck/report/search_text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <optional>

#include "thmcheck/engine/search.hpp"
#include "thmcheck/report/markdown_text.hpp"

namespace thmcheck::markdown {

namespace {

std::string opt_text(const std::optional<double>& x, int digits) { return x ? sig(*x, digits) : "—"; }

// The token of the searched record with index `index`.
std::string token_of(const ClaimRun& run, long index) {
  for (const CaseRecord& r : run.records) {
    if (r.index == index) return r.token;
  }
  return "";
}

// True when the search came closer to breaking the claim than the random cases.
bool search_came_closer(const ClaimRun& run) {
  const Summary& s = run.summary;
  const ClaimInfo& c = run.claim;
  if (c.kind == ClaimKind::kScaling) {
    return s.search.exponent_deviation && (!s.exponent_deviation || *s.search.exponent_deviation > *s.exponent_deviation);
  }
  return s.search.closest_relative_margin &&
         (!s.closest_relative_margin || *s.search.closest_relative_margin < *s.closest_relative_margin);
}

}  // namespace

std::string search_cell(const ClaimRun& run) {
  if (run.search_budget <= 0) return "—";
  const Summary& s = run.summary;
  std::string text;
  if (run.claim.kind == ClaimKind::kScaling) {
    const auto d = exponent_deviation_after_search(s);
    text = d ? fmt::format("dev {}", sig(*d, 3)) : "—";
  } else if (const auto w = worst_ratio_after_search(run.claim, s)) {
    text = sig(*w, 10);
  } else if (const auto m = closest_margin_after_search(s)) {
    text = fmt::format("rel. margin {}", sig(*m, 3));
  } else {
    text = "—";
  }
  if (search_came_closer(run)) text += " ↑";
  if (s.search.changed_verdict) text += " (violated by search)";
  return text;
}

std::string search_overview(const std::vector<ClaimRun>& runs) {
  long budget = 0, candidates = 0, in_hyp = 0, outside = 0, rejected = 0, errors = 0, searched_claims = 0;
  std::vector<const ClaimRun*> changed, closer, failed_frequency;
  for (const ClaimRun& r : runs) {
    if (r.search_budget <= 0) continue;
    ++searched_claims;
    const SearchSummary& q = r.summary.search;
    budget = std::max(budget, r.search_budget);
    candidates += q.candidates;
    in_hyp += q.in_hypothesis;
    outside += q.out_of_hypothesis - q.rejected;
    rejected += q.rejected;
    errors += q.errors;
    if (q.changed_verdict) changed.push_back(&r);
    if (search_came_closer(r)) closer.push_back(&r);
    if (r.claim.kind == ClaimKind::kFrequency && q.failed > 0) failed_frequency.push_back(&r);
  }
  if (searched_claims == 0) return "";
  std::string md = "## Targeted search\n\n";
  md += fmt::format(
      "After its random cases each claim had a targeted search of up to {} candidates: a seeded hill climb from "
      "its best random cases toward the case closest to breaking it (measured/bound for an inequality, 1 + the "
      "relative discrepancy for an equality, the deviation of a case's own fitted exponent for a scaling law), "
      "mutating the instance's numeric fields; every candidate is judged on the same precision ladder, and its "
      "reproduce token replays the search path. Searched cases are not a sample, so they never enter a pass rate, "
      "a frequency or a fit; a certified violation among them makes an explicit claim violated. {} candidates over "
      "{} claims: {} inside the hypotheses, {} outside, {} rejected by the claims' validators, {} in error (solver "
      "failure or time limit, inside the hypotheses).\n\n",
      budget, candidates, searched_claims, in_hyp, outside, rejected, errors);
  if (changed.empty()) {
    md += "The search changed no verdict.\n\n";
  } else {
    md += "Verdicts the search changed (certified violations random cases missed):\n\n";
    for (const ClaimRun* r : changed) {
      md += fmt::format("- [{}](#{}): worst ratio {} (random cases: {}); reproduce `{} reproduce {}`\n", r->id,
                        anchor(r->id), opt_text(r->summary.search.worst_ratio, 10),
                        opt_text(r->summary.worst_ratio, 10), r->program,
                        token_of(*r, r->summary.search.first_failure));
    }
    md += "\n";
  }
  if (!failed_frequency.empty()) {
    md += "Frequency claims whose event the search broke on single cases (no verdict change: the claimed "
          "probability is over the generator's distribution): ";
    for (size_t i = 0; i < failed_frequency.size(); ++i) {
      md += fmt::format("{}[{}](#{}) ({} of {})", i ? ", " : "", failed_frequency[i]->id, anchor(failed_frequency[i]->id),
                        failed_frequency[i]->summary.search.failed, failed_frequency[i]->summary.search.in_hypothesis);
    }
    md += ".\n\n";
  }
  md += fmt::format("The search came closer to breaking the claim than any random case on {} of {} claims "
                    "(↑ in the summary's \"after search\" column).\n\n",
                    closer.size(), searched_claims);
  return md;
}

std::string search_paragraph(const ClaimRun& run) {
  if (run.search_budget <= 0) return "";
  const Summary& s = run.summary;
  const SearchSummary& q = s.search;
  std::string md = fmt::format(
      "Targeted search: {} candidates ({} inside the hypotheses, {} outside, {} rejected by the validator; "
      "{} passed, {} failed, {} inconclusive, {} in error)",
      q.candidates, q.in_hypothesis, q.out_of_hypothesis - q.rejected, q.rejected, q.passed, q.failed,
      q.inconclusive, q.errors);
  if (run.claim.kind == ClaimKind::kScaling) {
    md += fmt::format(". Largest deviation of one case's fitted exponent, in tolerances: random {}, searched {}",
                      opt_text(s.exponent_deviation, 3), opt_text(q.exponent_deviation, 3));
    if (q.deviation_case >= 0) {
      md += fmt::format(" (`{} reproduce {}`)", run.program, token_of(run, q.deviation_case));
    }
  } else {
    md += fmt::format(". Worst ratio: random {}, searched {}; closest relative margin: random {}, searched {}",
                      opt_text(s.worst_ratio, 10), opt_text(q.worst_ratio, 10), opt_text(s.closest_relative_margin, 4),
                      opt_text(q.closest_relative_margin, 4));
    const long shown = q.first_failure >= 0 ? q.first_failure : (q.worst_case >= 0 ? q.worst_case : q.closest_case);
    if (shown >= 0) {
      md += fmt::format(" (searched {} case: `{} reproduce {}`, agreeing digits {})",
                        q.first_failure >= 0 ? "failing" : "closest", run.program, token_of(run, shown),
                        digits_text(q.certified_digits));
    }
  }
  if (q.changed_verdict) md += ". **The search found a certified violation the random cases missed**";
  if (run.claim.kind == ClaimKind::kFrequency && q.failed > 0) {
    md += ". Searched cases are no sample: the frequency and its verdict are the random cases'";
  }
  md += ".\n\n";
  return md;
}

}  // namespace thmcheck::markdown
