#include "thmcheck/report/markdown_report.hpp"

#include <gtest/gtest.h>
#include <rapidcheck.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "thmcheck/engine/claim_json.hpp"
#include "thmcheck/report/findings.hpp"
#include "thmcheck/report/plots.hpp"

namespace thmcheck {
namespace {

// "n <= 4" on n in [0, 100): violated, shrinks to n = 5.
Claim false_claim() {
  Claim c;
  c.id = "toy.false";
  c.paper = "toy";
  c.source = "Lemma 0";
  c.statement = "n <= 4";
  c.generator = rc::gen::map(rc::gen::inRange(0, 100), [](int n) { return Json{{"n", n}}; });
  c.evaluate = make_evaluator([]<class S>(const Json& j) {
    Outcome o;
    o.measured = widen(S(j.at("n").get<int>()));
    o.bound = 4;
    o.error = widen(unit_roundoff<S>() * 8);
    return o;
  });
  return c;
}

// 30 cases at seed 5.
RunOptions thirty_cases() {
  RunOptions options;
  options.cases = 30;
  options.seed = 5;
  return options;
}

TEST(MarkdownReportTest, ViolatedClaimHasSummaryRowCounterexampleAndReproduceCommands) {
  const RunOptions options = thirty_cases();
  std::vector<ClaimRun> runs = {run_claim(false_claim(), options)};
  runs[0].program = "my_checker";
  Expectations ex{{"toy.false", {"violated", "n = 5 breaks it"}}};
  ReportOptions where;
  where.out_dir = "out/report";
  where.expectations_name = "my/expectations.json";
  ReportFiles files = build_report(runs, {}, ex, where);
  const std::string& md = files.at(kReportFile);
  // Paper and reference are separate columns (not "toy toy Lemma 0").
  EXPECT_NE(md.find("| [toy.false](#toyfalse) | toy | Lemma 0 | explicit |"), std::string::npos) << md;
  EXPECT_NE(md.find("differs from `my/expectations.json`"), std::string::npos);
  EXPECT_NE(md.find("**violated** | violated |"), std::string::npos);
  EXPECT_NE(md.find("### Counterexamples"), std::string::npos);
  const Counterexample& cx = runs[0].counterexamples.at(0);
  // Reproduce commands name the program that ran the claim and the report's own directory.
  EXPECT_NE(md.find("my_checker reproduce " + cx.record.token), std::string::npos);
  EXPECT_EQ(md.find("thmcheck reproduce"), std::string::npos);
  const std::string path = "counterexamples/toy.false-case" + std::to_string(cx.original_case) + ".json";
  ASSERT_TRUE(files.count(path));
  EXPECT_EQ(parse_json_exact(files.at(path)).at("n"), 5);
  EXPECT_NE(md.find("my_checker check toy.false --instance out/report/" + path), std::string::npos);
  // A different expectation is flagged in the summary.
  Expectations wrong{{"toy.false", {"holds", ""}}};
  EXPECT_NE(build_report(runs, {}, wrong).at(kReportFile).find("violated ⚠"), std::string::npos);
  // Without a file, the expected verdict the run carried is used.
  runs[0].expected_verdict = "holds";
  EXPECT_NE(build_report(runs, {}, {}).at(kReportFile).find("violated ⚠"), std::string::npos);
  runs[0].expected_verdict.clear();
  // Deterministic.
  EXPECT_EQ(build_report(runs, {}, ex, where), files);
}

TEST(MarkdownReportTest, PlotsAreSvgWhenGnuplotIsAvailable) {
  if (!gnuplot_available()) GTEST_SKIP() << "gnuplot not installed";
  HistogramPlot h;
  h.title = "t";
  h.x_label = "x";
  h.values = {0.1, 0.5, 0.5, 0.9};
  h.marker = 1.0;
  auto svg = render_svg(h);
  ASSERT_TRUE(svg.has_value());
  EXPECT_NE(svg->find("<svg"), std::string::npos);
  EXPECT_EQ(*svg, *render_svg(h));
  LogLogPlot l;
  l.points = {{1, 2}, {10, 200}, {100, 20000}};
  l.has_fit = true;
  l.exponent = 2;
  l.intercept = std::log(2.0);
  ASSERT_TRUE(render_svg(l).has_value());
}

// Series style "dashed" (reference levels) adds a dashed line; a "lines"
// series adds none (the grid is dashed in both, hence counts, not presence).
TEST(MarkdownReportTest, DashedSeriesIsDrawnDashed) {
  if (!gnuplot_available()) GTEST_SKIP() << "gnuplot not installed";
  auto dashes = [](const std::string& svg) {
    int n = 0;
    for (auto at = svg.find("stroke-dasharray"); at != std::string::npos; at = svg.find("stroke-dasharray", at + 1)) ++n;
    return n;
  };
  Panel p;
  p.series.push_back({"curve", {0, 1, 2}, {3, 2, 1}, {}, {}, "lines"});
  const auto one = render_svg(p);
  ASSERT_TRUE(one.has_value());
  p.series.push_back({"second curve", {0, 2}, {2.5, 2.5}, {}, {}, "lines"});
  const auto solid = render_svg(p);
  ASSERT_TRUE(solid.has_value());
  EXPECT_EQ(dashes(*solid), dashes(*one));
  p.series.back().style = "dashed";
  const auto dashed = render_svg(p);
  ASSERT_TRUE(dashed.has_value());
  EXPECT_GT(dashes(*dashed), dashes(*solid));
}

// "n <= bound" on n in [0, 100) inside the hypothesis n >= min_n.
Claim bounded_claim(std::string id, std::string paper, int bound, int min_n) {
  Claim c = false_claim();
  c.id = std::move(id);
  c.paper = std::move(paper);
  c.evaluate = make_evaluator([bound, min_n]<class S>(const Json& j) {
    const int n = j.at("n").get<int>();
    Outcome o;
    o.measured = widen(S(n));
    o.bound = bound;
    o.error = widen(unit_roundoff<S>() * 8);
    o.hypotheses = {{"n.large", n >= min_n, Evidence::kCertified, ""}};
    return o;
  });
  return c;
}

TEST(MarkdownReportTest, FindingsOpenTheReportWithWhatFailsAndWhy) {
  const RunOptions options = thirty_cases();
  std::vector<ClaimRun> runs = {run_claim(false_claim(), options),
                                run_claim(bounded_claim("toy.true", "toy", 100, 0), options),
                                run_claim(bounded_claim("other.never", "other", 100, 1000), options)};
  const std::string md = build_report(runs, {}, {{"toy.true", {"violated", ""}}}).at(kReportFile);
  const auto findings = md.find("## Findings");
  ASSERT_NE(findings, std::string::npos);
  EXPECT_LT(findings, md.find("## Summary"));
  EXPECT_NE(md.find("1 of 3 claims are violated as printed, 1 hold and 1 could not be decided."), std::string::npos);
  // The violated claim: its failures, its worst certified case, the shrunk
  // counterexample's size and its reproduce command.
  const Counterexample& cx = runs[0].counterexamples.at(0);
  const std::string violated = md.substr(md.find("- **[toy.false](#toyfalse)**"));
  const std::string line = violated.substr(0, violated.find('\n'));
  EXPECT_NE(line.find("cases inside the hypotheses fail; worst certified: case"), std::string::npos) << line;
  EXPECT_NE(line.find("Shrunk counterexample: 1 number after"), std::string::npos) << line;
  EXPECT_NE(line.find("`thmcheck reproduce " + cx.record.token + "`"), std::string::npos) << line;
  // The vacuous claim says why; the holding one is listed under its paper,
  // flagged against the expectation it does not meet.
  EXPECT_NE(md.find("vacuous: none of its 30 cases met the hypotheses."), std::string::npos) << md;
  EXPECT_NE(md.find("- toy: [toy.true](#toytrue) ⚠ expected violated."), std::string::npos) << md;
  EXPECT_EQ(instance_numbers(Json::parse(R"({"A": [["1", "2.5"], ["3", "-4e-3"]], "law": "gaussian", "L": 2})")), 5);
}

TEST(MarkdownReportTest, AClaimsOwnTimeLimitIsShown) {
  Claim c = bounded_claim("toy.long", "toy", 100, 0);
  c.time_limit = 900;
  const std::string md = build_report({run_claim(c, thirty_cases())}, {}, {}).at(kReportFile);
  EXPECT_NE(md.find("Time limit: 900 s per case, this claim's own (the default is 300 s)."), std::string::npos);
  const std::string plain = build_report({run_claim(bounded_claim("toy.short", "toy", 100, 0), thirty_cases())}, {}, {})
                                .at(kReportFile);
  EXPECT_EQ(plain.find("Time limit:"), std::string::npos);
  // It travels in results.json (written only when the claim has one).
  EXPECT_EQ(claim_info_from_json(claim_info_to_json(c), "test").time_limit, 900);
  EXPECT_FALSE(claim_info_to_json(bounded_claim("toy.short", "toy", 100, 0)).contains("time_limit"));
}

TEST(MarkdownReportTest, ExplicitClaimsPlotMeasuredAgainstBoundOnLogAxes) {
  if (!gnuplot_available()) GTEST_SKIP() << "gnuplot not installed";
  const RunOptions options = thirty_cases();
  const ReportFiles files = build_report({run_claim(false_claim(), options)}, {}, {});
  ASSERT_TRUE(files.count("plots/toy.false-measured-vs-bound.svg"));
  EXPECT_FALSE(files.count("plots/toy.false-ratios.svg"));
  const std::string& svg = files.at("plots/toy.false-measured-vs-bound.svg");
  EXPECT_NE(svg.find("certified violations"), std::string::npos);
  EXPECT_NE(svg.find("measured = bound"), std::string::npos);
}

// gnuplot's enhanced text turns `_` and `^` into sub- and superscripts that
// SVG viewers draw as overlapping fragments; plot text must be drawn as
// written. Shifted fragments carry dx/dy offsets.
bool has_shifted_text(const std::string& svg) {
  static const std::regex shifted(R"(<tspan[^>]*\bd[xy]=")");
  return std::regex_search(svg, shifted);
}

TEST(MarkdownReportTest, PlotTextIsDrawnAsWritten) {
  if (!gnuplot_available()) GTEST_SKIP() << "gnuplot not installed";
  Panel p;
  p.title = "gap ||x~||_1 - min_{z in S} ||z||_1 at alpha^L";
  p.x_label = "alpha^L";
  p.log_x = true;
  p.series.push_back({"c_L N alpha^L", {1e-3, 1e-2, 1e-1}, {1, 2, 3}, {}, {}, "lines"});
  const auto svg = render_svg(p);
  ASSERT_TRUE(svg.has_value());
  EXPECT_NE(svg->find("gap ||x~||_1 - min_{z in S} ||z||_1 at alpha^L"), std::string::npos) << *svg;
  EXPECT_NE(svg->find("c_L N alpha^L"), std::string::npos);
  EXPECT_FALSE(has_shifted_text(*svg));
}

TEST(MarkdownReportTest, TheCommittedReportsPlotsCarryNoTextMarkup) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::path(THMCHECK_SOURCE_DIR) / "reports" / "plots";
  ASSERT_TRUE(fs::is_directory(dir)) << dir;
  long plots = 0;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() != ".svg") continue;
    std::ifstream in(entry.path());
    std::stringstream text;
    text << in.rdbuf();
    ++plots;
    EXPECT_FALSE(has_shifted_text(text.str())) << entry.path().filename() << " has sub/superscript fragments";
    EXPECT_EQ(text.str().find("_{"), std::string::npos) << entry.path().filename() << " shows raw markup '_{'";
    EXPECT_EQ(text.str().find("^{"), std::string::npos) << entry.path().filename() << " shows raw markup '^{'";
  }
  EXPECT_GT(plots, 0);
}

}  // namespace
}  // namespace thmcheck
