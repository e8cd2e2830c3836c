#include "thmcheck/report/markdown_report.hpp"

#include <fmt/format.h>

#include <cmath>
#include <set>
#include <sstream>

#include "thmcheck/engine/parallel_run.hpp"
#include "thmcheck/engine/results.hpp"
#include "thmcheck/report/findings.hpp"
#include "thmcheck/report/markdown_text.hpp"
#include "thmcheck/report/search_text.hpp"
#include "thmcheck/report/plots.hpp"

namespace thmcheck {

namespace {

using markdown::ci_text;
using markdown::digits_text;
using markdown::fixed;
using markdown::sig;

using markdown::file_stem;

/// The summary table's "closest case" cell: the smallest relative margin and
/// its case, or for a scaling claim the fitted exponent against the predicted.
std::string closest_text(const ClaimInfo& claim, const Summary& s) {
  if (claim.kind == ClaimKind::kScaling) {
    if (!s.fit.valid()) return "—";
    return fmt::format("k − predicted = {:+.3f} (tolerance {}{})", s.fit.exponent - claim.predicted_exponent,
                       claim.exponent_at_least ? "one-sided, " : "", sig(claim.exponent_tolerance, 3));
  }
  if (!s.closest_relative_margin) return "—";
  return fmt::format("{} @ case {}", sig(*s.closest_relative_margin, 3), s.closest_case);
}

std::string anchor(const std::string& id) { return markdown::anchor(id); }
std::string md_escape(const std::string& s) { return markdown::escape(s); }

std::string counterexample_path(const Counterexample& cx, const std::string& id) {
  return fmt::format("counterexamples/{}-case{}.json", file_stem(id), cx.original_case);
}

void write_record_table(std::ostringstream& md, const CaseRecord& r) {
  md << "| quantity | value |\n|---|---|\n";
  md << fmt::format("| status | {} |\n", to_string(r.status));
  md << fmt::format("| measured | {} |\n", wide_text(r.measured, 20));
  md << fmt::format("| bound | {} |\n", wide_text(r.bound, 20));
  md << fmt::format("| margin (bound − measured) | {} |\n", wide_text(r.margin, 20));
  md << fmt::format("| error estimate of the margin | {} |\n", wide_text(r.error, 3));
  md << fmt::format("| precision (evaluated at) | {} |\n", [&] {
    std::string s;
    for (Precision p : r.evaluated) s += (s.empty() ? "" : " → ") + to_string(p);
    return s;
  }());
  md << fmt::format("| agreeing digits (margin; measured and bound when tight) | {} |\n", digits_text(r.certified_digits));
  for (const auto& [k, v] : r.details) md << fmt::format("| {} | {} |\n", md_escape(k), md_escape(v));
  for (const HypothesisCheck& h : r.hypotheses) {
    md << fmt::format("| hypothesis `{}` | {} ({}) — {} |\n", h.name, h.holds ? "holds" : "fails",
                      to_string(h.evidence), md_escape(h.detail));
  }
  if (!r.message.empty()) md << fmt::format("| message | {} |\n", md_escape(r.message));
  md << "\n";
}

}  // namespace

namespace {

// Appends the "Reproduced experiments" part: a contents table, then one
// section per figure with its panels as SVG files and its tables.
void append_figures(std::ostringstream& md, ReportFiles& files, const std::vector<Figure>& figures) {
  if (figures.empty()) return;
  md << "\n## Reproduced experiments\n\n";
  md << "The papers' own experiments, recomputed with thmcheck's solvers (`thmcheck figures`). These "
        "sections show data; they do not judge claims.\n\n";
  md << "| experiment | paper reference | title |\n|---|---|---|\n";
  for (const Figure& f : figures) {
    md << fmt::format("| [{}](#{}) | {} {} | {} |\n", f.id, anchor(f.id), f.paper, md_escape(f.source),
                      md_escape(f.title));
  }
  for (const Figure& f : figures) {
    md << fmt::format("\n### {}\n\n", f.id);
    md << fmt::format("*{} — {}.* {}{}Seed {}.\n\n", md_escape(f.title), md_escape(f.source),
                      f.quick ? "Computed at the reduced `--quick` size. " : "", "", f.seed);
    if (!f.text.empty()) md << f.text << "\n\n";
    for (size_t k = 0; k < f.panels.size(); ++k) {
      const Panel& p = f.panels[k];
      if (auto svg = render_svg(p)) {
        const std::string path = fmt::format("plots/fig-{}-{}.svg", file_stem(f.id), k + 1);
        files[path] = *svg;
        md << fmt::format("![{}]({})\n\n", md_escape(p.title), path);
      } else {
        md << fmt::format("(plot '{}' not drawn: gnuplot unavailable or no data)\n\n", md_escape(p.title));
      }
    }
    for (const Table& t : f.tables) {
      if (!t.caption.empty()) md << t.caption << "\n\n";
      md << "|";
      for (const auto& h : t.header) md << " " << md_escape(h) << " |";
      md << "\n|";
      for (size_t i = 0; i < t.header.size(); ++i) md << "---|";
      md << "\n";
      for (const auto& row : t.rows) {
        md << "|";
        for (const auto& c : row) md << " " << md_escape(c) << " |";
        md << "\n";
      }
      md << "\n";
    }
  }
}

}  // namespace

ReportFiles build_report(const std::vector<ClaimRun>& runs, const std::vector<Figure>& figures,
                         const Expectations& given, const ReportOptions& options) {
  ReportFiles files;
  // Expected verdicts: the file given, else what each results file carried.
  Expectations expectations = given;
  for (const ClaimRun& r : runs) {
    if (!expectations.count(r.id) && !r.expected_verdict.empty()) {
      expectations[r.id] = Expectation{r.expected_verdict, r.expected_note};
    }
  }
  const std::string expectations_name =
      options.expectations_name.empty() ? std::string("the expected verdicts") : "`" + options.expectations_name + "`";
  const std::filesystem::path out_dir(options.out_dir);
  std::ostringstream md;
  md << "# thmcheck theorem-check report\n\n";
  md << "Each claim below is a published statement encoded as printed and checked on generated "
        "instances. A case passes when the inequality holds at the precision where its margin "
        "exceeds the estimated numerical error; failing and borderline cases are recomputed "
        "double → 50 → 100 digits and a violation counts only when two precisions agree on it. "
        "Pass rates are over cases inside the claim's hypotheses, with 95% Wilson intervals. "
        "Verdicts: **holds** (every in-hypothesis case passed), **violated** (a certified "
        "counterexample), **inconclusive** (failures within numerical error), **vacuous** (no case "
        "met the hypotheses), **error** (a solver failed).\n\n";
  std::set<std::uint64_t> seeds;
  long total_cases = 0;
  for (const ClaimRun& r : runs) {
    seeds.insert(r.seed);
    total_cases += r.summary.cases;
  }
  md << fmt::format("Claims: {}. Cases: {}. Seed{}: ", runs.size(), total_cases, seeds.size() == 1 ? "" : "s");
  {
    bool first = true;
    for (auto s : seeds) {
      md << (first ? "" : ", ") << s;
      first = false;
    }
  }
  md << ".\n\n";
  md << findings_section(runs, expectations);
  md << markdown::search_overview(runs);
  md << "## Summary\n\n";
  md << "| claim | paper | reference | kind | cases (in hyp.) | passes | pass rate [95% CI] | worst "
        "ratio | after search | closest case | verdict | expected | certified digits |\n";
  md << "|---|---|---|---|---|---|---|---|---|---|---|---|---|\n";
  for (const ClaimRun& run : runs) {
    const ClaimInfo* claim = &run.claim;
    const Summary& s = run.summary;
    auto e = expectations.find(run.id);
    std::string expected = e == expectations.end() ? "—" : e->second.verdict;
    std::string verdict = s.verdict;
    if (e != expectations.end() && e->second.verdict != s.verdict) verdict += " ⚠";
    std::string kind_text = to_string(claim->kind);
    std::string worst = s.worst_ratio ? sig(*s.worst_ratio, 10) : "—";
    if (claim->kind == ClaimKind::kScaling && s.fit.valid()) {
      worst = fmt::format("k = {}", fixed(s.fit.exponent, 3));
    }
    md << fmt::format("| [{}](#{}) | {} | {} | {} | {} ({}) | {} | {} {} | {} | {} | {} | **{}** | {} | {} |\n",
                      run.id, anchor(run.id), md_escape(claim->paper), md_escape(claim->source),
                      kind_text, s.cases, s.in_hypothesis, s.passed, fixed(s.pass_rate, 3),
                      ci_text(s.pass_rate_ci), worst, markdown::search_cell(run), closest_text(*claim, s), verdict, expected,
                      digits_text(s.certified_digits));
  }
  md << "\nWorst ratio is measured/bound over in-hypothesis random cases (≤ 1 means the bound held; for "
        "equalities, the ratio farthest from 1); after search, the same over random and searched cases (where "
        "no ratio is defined, the closest relative margin; for scaling claims the largest deviation of one "
        "case's fitted exponent from the predicted one, in tolerances), ↑ where the search came closer. Closest case is the in-hypothesis case with the smallest "
        "relative margin, margin / max(\\|measured\\|, \\|bound\\|, error) (negative: on the failing side; 0: "
        "attained exactly; for an identity, bound 0, it is -\\|measured\\| / error), defined also where the ratio is not; for scaling claims it is the "
        "fitted exponent against the predicted one. ⚠ marks a verdict that differs from "
     << expectations_name << ".\n";

  for (const ClaimRun& run : runs) {
    const ClaimInfo* claim = &run.claim;
    const Summary& s = run.summary;
    md << fmt::format("\n## {}\n\n", run.id);
    md << fmt::format("**{} — {}.** Verdict: **{}**", claim->paper, md_escape(claim->source), s.verdict);
    if (auto e = expectations.find(run.id); e != expectations.end()) {
      md << fmt::format(" (expected: {}{})", e->second.verdict,
                        e->second.note.empty() ? "" : "; " + md_escape(e->second.note));
    }
    md << ".\n\n";
    md << "Statement as printed:\n\n> " << md_escape(claim->statement) << "\n\n";
    if (!claim->hypotheses.empty()) {
      md << "Hypotheses (checked per case):\n\n";
      for (const HypothesisSpec& h : claim->hypotheses) {
        long holds = 0, checked = 0;
        for (const CaseRecord& r : run.records) {
          if (r.searched) continue;  // the random cases' count
          for (const HypothesisCheck& c : r.hypotheses) {
            if (c.name != h.name) continue;
            ++checked;
            if (c.holds) ++holds;
          }
        }
        md << fmt::format("- `{}`: {} — held in {} of {} cases\n", h.name, md_escape(h.statement), holds, checked);
      }
      md << "\n";
    }
    md << "Measurement: " << md_escape(claim->measurement) << "\n\n";
    md << "Generator: " << md_escape(claim->generator_info) << "\n\n";
    md << fmt::format(
        "Cases: {} ({} inside the hypotheses — {} certified, {} estimated, {} unchecked; {} "
        "outside, of which {} passed). Inside: {} passed ({} tight: equal within rounding error), "
        "{} failed, {} inconclusive, {} errors. Seed {}, {} cases requested, start precision {}.\n\n",
        s.cases, s.in_hypothesis, s.evidence_certified, s.evidence_estimated, s.evidence_unchecked,
        s.out_of_hypothesis, s.out_passed, s.passed, s.tight, s.failed, s.inconclusive, s.errors,
        run.seed, run.cases, to_string(run.start));
    if (claim->time_limit > 0) {
      md << fmt::format("Time limit: {:g} s per case, this claim's own (the default is {:g} s).\n\n",
                        claim->time_limit, kDefaultCaseTimeLimit);
    }
    if (claim->kind == ClaimKind::kFrequency) {
      md << fmt::format(
          "Frequency: the event occurred in {} of {} decided trials: {} with 95% interval {}; "
          "claimed probability ≥ {}.\n\n",
          s.events, s.trials, fixed(s.frequency, 3), ci_text(s.frequency_ci), sig(claim->claimed_probability));
    }
    if (claim->kind == ClaimKind::kScaling) {
      md << fmt::format(
          "Scaling: fitted exponent k = {} with 95% interval [{}, {}] from {} points (R² = {}); "
          "predicted {}.\n\n",
          fixed(s.fit.exponent, 4), fixed(s.fit.exponent_low, 4), fixed(s.fit.exponent_high, 4), s.fit.points,
          fixed(s.fit.r_squared, 4),
          claim->exponent_at_least
              ? fmt::format("k ≥ {} (an upper bound: {} − {}, any faster decay agrees)",
                            sig(claim->predicted_exponent - claim->exponent_tolerance),
                            sig(claim->predicted_exponent), sig(claim->exponent_tolerance))
              : fmt::format("{} ± {}", sig(claim->predicted_exponent), sig(claim->exponent_tolerance)));
      LogLogPlot plot;
      plot.title = run.id + ": " + claim->y_label + " vs " + claim->x_label;
      plot.x_label = claim->x_label;
      plot.y_label = claim->y_label;
      for (const CaseRecord& r : run.records) {
        if (r.searched || !r.in_hypothesis || r.status == CaseStatus::kError) continue;
        for (const auto& [x, y] : r.points) {
          plot.points.emplace_back(static_cast<double>(x), static_cast<double>(y));
        }
      }
      plot.has_fit = s.fit.valid();
      plot.exponent = s.fit.exponent;
      plot.intercept = s.fit.intercept;
      if (auto svg = render_svg(plot)) {
        const std::string path = "plots/" + file_stem(run.id) + "-loglog.svg";
        files[path] = *svg;
        md << fmt::format("![log-log fit for {}]({})\n\n", run.id, path);
      }
    } else {
      // Measured against bound on log-log axes (ratios here span 1e-30 to
      // 1e27, which a linear histogram crowds into its first bar).
      ScatterPlot plot;
      plot.title = run.id + ": measured against bound (inside the hypotheses)";
      plot.x_label = "bound";
      plot.y_label = "measured";
      long left_out = 0;
      for (const CaseRecord& r : run.records) {
        if (r.searched || !r.in_hypothesis || r.status == CaseStatus::kError) continue;
        if (!(r.measured > 0) || !(r.bound > 0)) {
          ++left_out;
          continue;
        }
        const std::pair<double, double> point{static_cast<double>(r.bound), static_cast<double>(r.measured)};
        (r.status == CaseStatus::kFail ? plot.violations : plot.points).push_back(point);
      }
      if (auto svg = render_svg(plot)) {
        const std::string path = "plots/" + file_stem(run.id) + "-measured-vs-bound.svg";
        files[path] = *svg;
        md << fmt::format("![measured against bound for {}]({})\n\n", run.id, path);
      }
      if (left_out > 0) {
        md << fmt::format("{} case(s) with a measured value or bound ≤ 0 are not drawn on the log axes.\n\n",
                          left_out);
      }
      // Relative slack (bound - measured) / bound on a log scale: how much room
      // the bound leaves. Cases at or below 1e-30 (tight ones) sit in the first bin.
      HistogramPlot slack;
      slack.title = run.id + ": relative slack (bound - measured) / bound";
      slack.x_label = "log10 of relative slack (tight cases at -30)";
      long tight_cases = 0;
      for (const CaseRecord& r : run.records) {
        if (r.searched || !r.in_hypothesis || r.status == CaseStatus::kError || r.relation != Relation::kLessEqual) continue;
        if (r.bound <= 0) continue;
        const Wide rel = r.margin / r.bound;
        const double v = rel > Wide("1e-30") ? static_cast<double>(log10(rel)) : -30.0;
        if (v <= -30.0) ++tight_cases;
        slack.values.push_back(v);
      }
      if (!slack.values.empty()) {
        if (auto svg = render_svg(slack)) {
          const std::string path = "plots/" + file_stem(run.id) + "-slack.svg";
          files[path] = *svg;
          md << fmt::format("![relative slack for {}]({})\n\n", run.id, path);
          md << fmt::format("{} of {} plotted cases have relative slack at most 1e-30 (the bound is attained).\n\n",
                            tight_cases, slack.values.size());
        }
      }
      if (s.worst_ratio) {
        md << fmt::format("Worst ratio {} at case {} (agreeing digits of its margin: {}); reproduce: "
                          "`{} reproduce {}`.\n\n",
                          sig(*s.worst_ratio, 10), s.worst_case, digits_text(s.certified_digits), run.program,
                          make_token(run.id, run.seed, s.worst_case, {}));
      }
      if (s.closest_relative_margin) {
        md << fmt::format("Closest case {}: relative margin {} (margin / max(\\|measured\\|, \\|bound\\|, error)); "
                          "reproduce: `{} reproduce {}`.\n\n",
                          s.closest_case, sig(*s.closest_relative_margin, 4), run.program,
                          make_token(run.id, run.seed, s.closest_case, {}));
      }
    }
    md << markdown::search_paragraph(run);
    if (!run.counterexamples.empty()) {
      md << "### Counterexamples\n\n";
      for (const Counterexample& cx : run.counterexamples) {
        const std::string path = counterexample_path(cx, run.id);
        files[path] = cx.instance.dump(1) + "\n";
        md << fmt::format("Case {}{} shrunk in {} steps ({}); instance file [`{}`]({}); reproduce `{} reproduce {}`.\n\n",
                          cx.original_case, cx.record.searched ? " (found by targeted search)" : "", cx.shrink_steps,
                          to_string(cx.record.status), path, path, run.program, cx.record.token);
        write_record_table(md, cx.record);
        if (cx.proof.proved) {
          const std::string cert = certificate_path(run.id, cx.original_case);
          files[cert] = cx.proof.certificate.dump(1) + "\n";
          md << fmt::format("Proof ({} digits, `{}`): {}. Certificate [`{}`]({}); check it with `{} verify {}` "
                            "(or `thmcheck-verify`, which links the interval code alone).\n\n",
                            cx.proof.digits, cx.proof.method, md_escape(cx.proof.message), cert, cert, run.program,
                            (out_dir / cert).generic_string());
        } else if (cx.proof.attempted) {
          md << fmt::format("Not proved (`{}`): {}.\n\n", cx.proof.method, md_escape(cx.proof.message));
        } else if (run.summary.verdict == "violated" && cx.record.status == CaseStatus::kFail) {
          md << proof_level_text(run, "") << "\n\n";
        }
        md << "Reproduce:\n\n```sh\n";
        md << fmt::format("{} reproduce {}\n", run.program, cx.record.token);
        md << fmt::format("{} check {} --instance {} --json\n", run.program, run.id,
                          (out_dir / path).generic_string());
        md << "```\n\n";
      }
      long others = 0;
      std::vector<std::string> tokens;
      for (const CaseRecord& r : run.records) {
        if (!r.in_hypothesis || r.passed()) continue;
        if (r.searched && r.status != CaseStatus::kFail) continue;
        if (r.index == run.counterexamples.front().original_case) continue;
        ++others;
        if (tokens.size() < 5) tokens.push_back(r.token);
      }
      if (others > 0) {
        md << fmt::format("{} further in-hypothesis case(s) did not pass, e.g.: ", others);
        for (size_t i = 0; i < tokens.size(); ++i) md << (i ? ", " : "") << "`" << tokens[i] << "`";
        md << ".\n\n";
      }
    }
    if (!claim->notes.empty()) md << "Notes: " << md_escape(claim->notes) << "\n";
  }
  append_figures(md, files, figures);
  files[kReportFile] = md.str();
  return files;
}

void write_report(const ReportFiles& files, const std::filesystem::path& out_dir) {
  namespace fs = std::filesystem;
  for (const auto& [rel, content] : files) write_file_atomic(out_dir / rel, content);
  for (const char* sub : {"plots", "counterexamples", "certificates"}) {
    const fs::path dir = out_dir / sub;
    if (!fs::is_directory(dir)) continue;
    for (const auto& entry : fs::directory_iterator(dir)) {
      const std::string rel = fs::relative(entry.path(), out_dir).generic_string();
      if (entry.is_regular_file() && !files.count(rel)) fs::remove(entry.path());
    }
  }
}

}  // namespace thmcheck
