#include "thmcheck/report/findings.hpp"

#include <fmt/format.h>

#include <map>
#include <sstream>

#include "thmcheck/engine/results.hpp"
#include "thmcheck/report/markdown_text.hpp"

namespace thmcheck {

namespace {

using markdown::ci_text;
using markdown::escape;
using markdown::fixed;
using markdown::sig;

std::string link(const ClaimRun& run) { return fmt::format("[{}](#{})", run.id, markdown::anchor(run.id)); }

std::string mismatch(const ClaimRun& run, const Expectations& expectations) {
  auto e = expectations.find(run.id);
  if (e == expectations.end() || e->second.verdict == run.summary.verdict) return "";
  return fmt::format(" ⚠ expected {}.", e->second.verdict);
}

/// The claimed exponent range of a scaling claim, "[0.85, 1.15]" or "≥ 0.4".
std::string claimed_exponent(const ClaimInfo& c) {
  if (c.exponent_at_least) return fmt::format("≥ {}", sig(c.predicted_exponent - c.exponent_tolerance));
  return fmt::format("{} ± {}", sig(c.predicted_exponent), sig(c.exponent_tolerance));
}

/// The failing case with the largest ratio (farthest from 1 for equalities),
/// as the summary orders cases; nullptr when no failure has a ratio.
const CaseRecord* worst_failure(const ClaimRun& run) {
  const CaseRecord* worst = nullptr;
  double worst_key = -1;
  for (const CaseRecord& r : run.records) {
    if (!r.in_hypothesis || r.status != CaseStatus::kFail) continue;
    const auto ratio = r.ratio();
    const double key = !ratio ? -1 : (r.relation == Relation::kEqual ? std::abs(*ratio - 1) : *ratio);
    // Without ratios (a bound of 0), the largest |margin| is the worst.
    const bool larger_margin = key == worst_key && worst && abs(r.margin) > abs(worst->margin);
    if (!worst || key > worst_key || larger_margin) {
      worst = &r;
      worst_key = key;
    }
  }
  return worst;
}

std::string violated_line(const ClaimRun& run) {
  const ClaimInfo& c = run.claim;
  const Summary& s = run.summary;
  std::string what;
  switch (c.kind) {
    case ClaimKind::kExplicit:
      what = fmt::format("{} of {} cases inside the hypotheses fail", s.failed, s.in_hypothesis);
      if (const CaseRecord* w = worst_failure(run)) {
        const auto ratio = w->ratio();
        what += fmt::format("; worst certified: case {}, margin {}{} ({} agreeing digits)", w->index,
                            wide_text(w->margin, 4),
                            ratio ? fmt::format(", measured/bound = {}", sig(*ratio, 6)) : std::string(),
                            markdown::digits_text(w->certified_digits));
      }
      break;
    case ClaimKind::kScaling:
      what = fmt::format("fitted exponent {} {} against the claimed {}", fixed(s.fit.exponent, 3),
                         ci_text({s.fit.exponent_low, s.fit.exponent_high}), claimed_exponent(c));
      break;
    case ClaimKind::kFrequency:
      what = fmt::format("the event occurred in {} of {} trials, {} {}, against the claimed ≥ {}", s.events,
                         s.trials, fixed(s.frequency, 3), ci_text(s.frequency_ci), sig(c.claimed_probability));
      break;
  }
  std::string line = fmt::format("- **{}** ({} {}): {} — {}.", link(run), escape(c.paper), escape(c.source),
                                 escape(c.summary), what);
  if (!run.counterexamples.empty()) {
    const Counterexample& cx = run.counterexamples.front();
    const long numbers = instance_numbers(cx.instance);
    line += fmt::format(" Shrunk counterexample: {} number{} after {} shrink step{}; `{} reproduce {}`.", numbers,
                        numbers == 1 ? "" : "s", cx.shrink_steps, cx.shrink_steps == 1 ? "" : "s", run.program,
                        cx.record.token);
  }
  if (run.summary.verdict == "violated") {
    const std::string cert = run.counterexamples.empty()
                                 ? std::string()
                                 : certificate_path(run.id, run.counterexamples.front().original_case);
    line += " " + proof_level_text(run, cert);
  }
  return line;
}

}  // namespace

std::string certificate_path(const std::string& id, long original_case) {
  return fmt::format("certificates/{}-case{}.json", markdown::file_stem(id), original_case);
}

std::string proof_level_text(const ClaimRun& run, const std::string& certificate) {
  const ClaimInfo& c = run.claim;
  if (!run.counterexamples.empty() && run.counterexamples.front().proof.attempted) {
    const CounterexampleProof& p = run.counterexamples.front().proof;
    if (p.proved) {
      return fmt::format("**Proved** by interval arithmetic: {}; certificate [`{}`]({}), `{} verify {}`.",
                         escape(p.message), certificate, certificate, run.program, certificate);
    }
    return fmt::format("Certified, **not proved**: {}.", escape(p.message));
  }
  if (!c.proof_note.empty()) return fmt::format("Certified, not proved: {}.", escape(c.proof_note));
  switch (c.kind) {
    case ClaimKind::kScaling:
      return "Not provable by a finite computation: the claim is an asymptotic rate, judged by a fitted exponent.";
    case ClaimKind::kFrequency:
      return "Not provable by a finite computation: the claim is a probability, judged by an observed frequency.";
    case ClaimKind::kExplicit:
      break;
  }
  return "Certified, not proved: no proof method covers this claim.";
}

long instance_numbers(const Json& instance) {
  if (instance.is_number()) return 1;
  if (instance.is_string()) {
    // Reals are often decimal strings; names ("gaussian") are not numbers.
    const std::string& t = instance.get_ref<const std::string&>();
    return !t.empty() && t.find_first_not_of("+-.0123456789eE") == std::string::npos ? 1 : 0;
  }
  long n = 0;
  if (instance.is_array() || instance.is_object()) {
    for (const Json& x : instance) n += instance_numbers(x);
  }
  return n;
}

std::string undecided_reason(const ClaimRun& run) {
  const ClaimInfo& c = run.claim;
  const Summary& s = run.summary;
  if (s.verdict == "vacuous") {
    return s.cases == 0 ? "no cases were run" : fmt::format("none of its {} cases met the hypotheses", s.cases);
  }
  if (s.verdict == "error") {
    std::string first;
    for (const CaseRecord& r : run.records) {
      if (!r.searched && r.in_hypothesis && r.status == CaseStatus::kError) {
        first = fmt::format("case {}: {}", r.index, r.message.empty() ? "no message" : r.message);
        break;
      }
    }
    return fmt::format("{} case(s) could not be judged (a solver failed or a case ran out of time); first, {}",
                       s.errors, first);
  }
  switch (c.kind) {
    case ClaimKind::kExplicit:
      return fmt::format("{} case(s) fell below the bound by less than their error estimate (noise), or their "
                         "precisions disagreed; none is a certified failure",
                         s.inconclusive);
    case ClaimKind::kScaling:
      if (!s.fit.valid()) return "the points do not determine a fit (too few distinct x)";
      return fmt::format("the fitted exponent {} {} straddles the edge of the claimed {}", fixed(s.fit.exponent, 3),
                         ci_text({s.fit.exponent_low, s.fit.exponent_high}), claimed_exponent(c));
    case ClaimKind::kFrequency:
      return fmt::format("the frequency {} {} straddles the claimed ≥ {}", fixed(s.frequency, 3),
                         ci_text(s.frequency_ci), sig(c.claimed_probability));
  }
  return "";
}

std::string findings_section(const std::vector<ClaimRun>& runs, const Expectations& expectations) {
  std::ostringstream md;
  std::vector<const ClaimRun*> violated, undecided;
  std::map<std::string, std::vector<const ClaimRun*>> holding;  // by paper
  std::vector<std::string> papers;
  for (const ClaimRun& r : runs) {
    if (r.summary.verdict == "violated") {
      violated.push_back(&r);
    } else if (r.summary.verdict == "holds") {
      if (!holding.count(r.claim.paper)) papers.push_back(r.claim.paper);
      holding[r.claim.paper].push_back(&r);
    } else {
      undecided.push_back(&r);
    }
  }
  md << "## Findings\n\n";
  md << fmt::format("{} of {} claims are violated as printed, {} hold and {} could not be decided.\n\n",
                    violated.size(), runs.size(), runs.size() - violated.size() - undecided.size(),
                    undecided.size());
  if (!violated.empty()) {
    md << "**Violated** (a certified counterexample, or a fitted exponent or frequency outside what is "
          "claimed):\n\n";
    for (const ClaimRun* r : violated) md << violated_line(*r) << mismatch(*r, expectations) << "\n";
    md << "\n";
  }
  if (!undecided.empty()) {
    md << "**Not decided:**\n\n";
    for (const ClaimRun* r : undecided) {
      md << fmt::format("- **{}** ({} {}), {}: {}.{}\n", link(*r), escape(r->claim.paper), escape(r->claim.source),
                        r->summary.verdict, escape(undecided_reason(*r)), mismatch(*r, expectations));
    }
    md << "\n";
  }
  if (!papers.empty()) {
    md << "**Hold** on every case inside their hypotheses (see each claim's notes for where its check is "
          "weak):\n\n";
    for (const std::string& paper : papers) {
      md << "- " << escape(paper) << ": ";
      const auto& list = holding.at(paper);
      for (size_t i = 0; i < list.size(); ++i) {
        md << (i ? ", " : "") << link(*list[i]) << mismatch(*list[i], expectations);
      }
      md << "\n";
    }
    md << "\n";
  }
  return md.str();
}

}  // namespace thmcheck
