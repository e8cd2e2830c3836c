#include <gtest/gtest.h>

#include <string>

#include "thmcheck/cmr22/fixed_step_gd.hpp"
#include "thmcheck/experiments/figure.hpp"

namespace thmcheck {
namespace {

// The paper's experiments, as checks/cmr22/experiments.cpp registers them.
const Experiment& find(const std::string& id) {
  static const std::vector<Experiment> all = [] {
    std::vector<Experiment> out;
    add_cmr22_experiments(out);
    return out;
  }();
  for (const Experiment& e : all) {
    if (e.id == id) return e;
  }
  throw std::logic_error("no experiment " + id);
}

const std::vector<std::string>& row_of(const Table& t, const std::string& first, const std::string& second) {
  for (const auto& row : t.rows) {
    if (row.size() >= 2 && row[0] == first && row[1] == second) return row;
  }
  throw std::runtime_error("no row " + first + " / " + second);
}

TEST(Cmr22Experiments, Registered) {
  EXPECT_FALSE(find("cmr22.fig4a").slow);
  EXPECT_TRUE(find("cmr22.fig4b").slow);
  EXPECT_TRUE(find("cmr22.fig2-3").slow);
}

// On a 2 x 2 system with the positive solution (1, 1), fixed-step GD reaches
// the residual tolerance and its product solves the system to that tolerance.
TEST(Cmr22Experiments, FixedStepGdConvergesOnSmallSystem) {
  Matrix<double> a(2, 2);
  a << 1, 0.5, 0.25, 1;
  const Vector<double> y = a * Vector<double>::Ones(2);
  cmr22::FixedStepGdOptions<double> options;
  options.residual_tolerance = 1e-12;
  const auto r = cmr22::fixed_step_gd<double>(a, y, 3, Vector<double>::Constant(2, 0.1), Vector<double>(), options);
  ASSERT_EQ(r.status, cmr22::FixedStepGdStatus::kConverged);
  EXPECT_LE((a * r.product - y).norm(), 1e-12);
  EXPECT_EQ(r.gradient_evaluations, r.iterations + 1);
  EXPECT_LT((r.product - Vector<double>::Ones(2)).norm(), 1e-10);  // unique solution, bound = tolerance / sigma_min
}

// Quick Figure 4a (N = 20, M = 14, s = 3, one instance, alpha^L = 1e-2..1e-5,
// signed loss, flow in double): every flow reaches its certificate, its l1 gap
// falls with alpha^L for L = 3 with a slope near 1 (the full run measures
// ~1; theory's bound has slope 1), and the figure is deterministic for a seed.
TEST(Cmr22Experiments, Fig4aQuick) {
  ExperimentOptions options;
  options.quick = true;
  const Figure f = find("cmr22.fig4a").run(options);
  ASSERT_EQ(f.panels.size(), 2u);
  ASSERT_EQ(f.tables.size(), 1u);
  EXPECT_NE(f.text.find("Flow runs without certificate: 0; LP failures: 0."), std::string::npos) << f.text;
  const auto& l3 = row_of(f.tables[0], "3", "l1 gap");
  ASSERT_NE(l3[2], "—");
  const double flow_slope = std::stod(l3[2]);
  EXPECT_GT(flow_slope, 0.8) << l3[2];
  EXPECT_LT(flow_slope, 1.2) << l3[2];
  const Series* flow = nullptr;
  for (const Series& s : f.panels[0].series) {
    if (s.label == "flow L = 3") flow = &s;
  }
  ASSERT_NE(flow, nullptr);
  ASSERT_EQ(flow->x.size(), 4u);
  for (size_t i = 1; i < flow->y.size(); ++i) EXPECT_LT(flow->y[i], flow->y[i - 1]) << "alpha^L = " << flow->x[i];
  EXPECT_EQ(figures_to_json({f}).dump(), figures_to_json({find("cmr22.fig4a").run(options)}).dump());
}

// Quick Figures 2-3: with M = N = 20 the system is square, so l1
// minimization and least squares recover every instance; with M = 4 < N the
// min-norm solution never recovers a 1-sparse x* (it is dense) while l1
// minimization with z >= 0 recovers s = 1.
TEST(Cmr22Experiments, Fig23Quick) {
  ExperimentOptions options;
  options.quick = true;
  const Figure f = find("cmr22.fig2-3").run(options);
  ASSERT_EQ(f.panels.size(), 6u);
  for (const Panel& p : f.panels) {
    ASSERT_TRUE(p.heatmap.has_value()) << p.title;
    const Heatmap& h = *p.heatmap;
    ASSERT_EQ(h.y.back(), 20.0);
    ASSERT_EQ(h.y.front(), 4.0);
    ASSERT_EQ(h.x.front(), 1.0);
    EXPECT_EQ(h.z_lo, 0.0);
    EXPECT_EQ(h.z_hi, 1.0);
    const bool least_squares = p.title.find("least squares") != std::string::npos;
    const bool lp = p.title.find("(LP)") != std::string::npos;
    if (least_squares || lp) {
      for (double v : h.z.back()) EXPECT_EQ(v, 1.0) << p.title;
    }
    if (least_squares) EXPECT_EQ(h.z.front().front(), 0.0) << p.title;
    if (lp && p.title.find("z >= 0") != std::string::npos) EXPECT_EQ(h.z.front().front(), 1.0) << p.title;
  }
}

// Quick Figure 4b (N = 100, M = 30, random initialization): every flow
// reaches its certificate; for L = 2 the gap falls with beta, while for L = 3
// it stays above Theorem 1.1's bound c_L beta at the smallest beta (the
// weighted-l1 limit the figure text explains).
TEST(Cmr22Experiments, Fig4bQuick) {
  ExperimentOptions options;
  options.quick = true;
  const Figure f = find("cmr22.fig4b").run(options);
  EXPECT_NE(f.text.find("Flow runs without certificate: 0; LP failures: 0."), std::string::npos) << f.text;
  ASSERT_EQ(f.panels.size(), 1u);
  ASSERT_EQ(f.panels[0].series.size(), 9u);
  const Series& flow2 = f.panels[0].series[0];
  ASSERT_EQ(flow2.label, "flow L = 2");
  ASSERT_GE(flow2.x.size(), 3u);
  for (size_t i = 1; i < flow2.y.size(); ++i) EXPECT_LT(flow2.y[i], flow2.y[i - 1]) << "beta = " << flow2.x[i];
  const Series& flow3 = f.panels[0].series[3];
  const Series& bound3 = f.panels[0].series[5];
  ASSERT_EQ(flow3.label, "flow L = 3");
  ASSERT_EQ(flow3.x.back(), bound3.x.back());
  EXPECT_GT(flow3.y.back(), bound3.y.back());
}

}  // namespace
}  // namespace thmcheck
