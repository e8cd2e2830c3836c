// The statistics of the targeted search's records (SearchSummary) and the
// "after search" figures that combine them with the random cases'.
#include <algorithm>
#include <cmath>

#include "thmcheck/engine/search.hpp"

namespace thmcheck {

SearchSummary aggregate_search(const ClaimInfo& claim, const std::vector<const CaseRecord*>& records) {
  SearchSummary s;
  double worst_key = -1;
  const CaseRecord* worst = nullptr;
  const CaseRecord* first_fail = nullptr;
  for (const CaseRecord* r : records) {
    ++s.candidates;
    if (!r->in_hypothesis) {
      ++s.out_of_hypothesis;
      if (r->status == CaseStatus::kError && r->message.rfind(kRejectedPrefix, 0) == 0) ++s.rejected;
      continue;
    }
    ++s.in_hypothesis;
    switch (r->status) {
      case CaseStatus::kPass:
      case CaseStatus::kTight: ++s.passed; break;
      case CaseStatus::kFail:
        ++s.failed;
        if (!first_fail) first_fail = r;
        break;
      case CaseStatus::kInconclusive: ++s.inconclusive; break;
      case CaseStatus::kError: ++s.errors; break;
    }
    if (r->status == CaseStatus::kError) continue;
    if (claim.kind == ClaimKind::kScaling) {
      const auto d = exponent_deviation(claim, *r);
      if (d && (!s.exponent_deviation || *d > *s.exponent_deviation)) {
        s.exponent_deviation = d;
        s.deviation_case = r->index;
      }
      continue;
    }
    if (auto ratio = r->ratio()) {
      const double key = r->relation == Relation::kEqual ? std::abs(*ratio - 1) : *ratio;
      if (key > worst_key) {
        worst_key = key;
        worst = r;
      }
    }
    const double rel = r->relative_margin();
    if (!s.closest_relative_margin || rel < *s.closest_relative_margin) {
      s.closest_relative_margin = rel;
      s.closest_case = r->index;
    }
  }
  if (worst) {
    s.worst_ratio = worst->ratio();
    s.worst_case = worst->index;
  }
  if (first_fail) s.first_failure = first_fail->index;
  const CaseRecord* decisive = first_fail ? first_fail : worst;
  if (decisive) s.certified_digits = decisive->certified_digits;
  return s;
}

}  // namespace thmcheck
