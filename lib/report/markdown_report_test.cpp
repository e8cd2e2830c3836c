#include "thmcheck/report/markdown_report.hpp"

#include <gtest/gtest.h>
#include <rapidcheck.h>

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

TEST(MarkdownReportTest, ViolatedClaimHasSummaryRowCounterexampleAndReproduceCommands) {
  RunOptions options;
  options.cases = 30;
  options.seed = 5;
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

}  // namespace
}  // namespace thmcheck
