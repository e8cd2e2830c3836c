#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "thmcheck/experiments/figure.hpp"

namespace thmcheck {
namespace {

// The paper's experiments, as checks/mf22/experiments.cpp registers them.
const Experiment& find(const std::string& id) {
  static const std::vector<Experiment> all = [] {
    std::vector<Experiment> out;
    add_mf22_experiments(out);
    return out;
  }();
  for (const Experiment& e : all) {
    if (e.id == id) return e;
  }
  throw std::logic_error("no experiment " + id);
}

Figure run_quick(const std::string& id, std::uint64_t seed = 1) {
  ExperimentOptions options;
  options.quick = true;
  options.seed = seed;
  return find(id).run(options);
}

double cell(const Table& t, size_t row, size_t col) { return std::stod(t.rows.at(row).at(col)); }

TEST(Mf22Experiments, Registered) {
  EXPECT_FALSE(find("mf22.fig1").slow);
  EXPECT_FALSE(find("mf22.prop1.psi-curve").slow);
  // About 10 s and 40 s on a quiet core: part of the default report job.
  EXPECT_FALSE(find("mf22.sec5").slow);
  EXPECT_FALSE(find("mf22.appB").slow);
  // Minutes at full size: only with `thmcheck figures --slow`.
  EXPECT_TRUE(find("mf22.sec5.relu").slow);
}

// Quick Figure 1 (d = 60, m = 40, k = 3, 4 outliers). Landscape: for N = 1 the
// minimal-norm sub-gradient is nonzero and the slice descends along D1; for
// N = 3, w* is first-order stationary (g_min = 0) and the slice never goes
// below L(w*) along D1 by more than the N = 1 slice does. D2 is checked by
// finite differences. SubGM: N = 1 drives the loss down (overfits), N = 2, 3
// reduce the generalization error. Same seed, same figure.
TEST(Mf22Experiments, Fig1Quick) {
  const Figure f = run_quick("mf22.fig1");
  ASSERT_EQ(f.panels.size(), 5u);
  ASSERT_EQ(f.tables.size(), 2u);
  const Table& land = f.tables[0];
  ASSERT_EQ(land.rows.size(), 3u);
  for (int n = 0; n < 3; ++n) ASSERT_TRUE(f.panels[n].heatmap.has_value()) << n;
  // Columns: 2 ||g_min||, 4 D1 source, 5 lambda_min, 6 FD residual, 8 min along D1, 10 min on slice.
  EXPECT_GT(cell(land, 0, 2), 1e-3) << "N = 1: w* should not be stationary";
  EXPECT_EQ(land.rows[0][4], "min-norm");
  EXPECT_LT(cell(land, 2, 2), 1e-10) << "N = 3: min-norm sub-gradient should vanish";
  const double d1_n1 = cell(land, 0, 8), d1_n3 = cell(land, 2, 8);
  EXPECT_LT(d1_n1, -1e-3) << "N = 1 descends along D1";
  EXPECT_LT(d1_n1, d1_n3) << "the N = 1 slice descends more along D1 than the N = 3 slice";
  EXPECT_LT(cell(land, 0, 10), cell(land, 2, 10));
  for (int n = 0; n < 3; ++n) {
    EXPECT_LT(cell(land, n, 6), 1e-3 * std::max(1.0, std::abs(cell(land, n, 5))) + 1e-4)
        << "eigenpair check by finite differences, N = " << n + 1;
  }
  // N = 1 is convex after smoothing: no negative curvature beyond rounding.
  EXPECT_GT(cell(land, 0, 5), -1e-8);
  const Panel& err = f.panels[3];
  const Panel& loss = f.panels[4];
  ASSERT_EQ(err.series.size(), 3u);
  EXPECT_LT(loss.series[0].y.back(), 0.5 * loss.series[0].y.front()) << "N = 1 loss";
  for (int n = 1; n < 3; ++n) {
    EXPECT_LT(err.series[n].y.back(), 0.5 * err.series[n].y.front()) << "N = " << n + 1 << " error";
  }
  EXPECT_EQ(figures_to_json({f}).dump(), figures_to_json({run_quick("mf22.fig1")}).dump());
  EXPECT_NE(figures_to_json({f}).dump(), figures_to_json({run_quick("mf22.fig1", 2)}).dump());
}

// Quick Appendix B: runs, reports every case, and with alpha = 0.01 the
// geometric schedule reaches 10% error in fewer iterations than the constant.
TEST(Mf22Experiments, AppBQuick) {
  const Figure f = run_quick("mf22.appB");
  ASSERT_EQ(f.tables.size(), 2u);
  ASSERT_EQ(f.tables[0].rows.size(), 3u);
  ASSERT_EQ(f.tables[1].rows.size(), 6u);
  for (const auto& row : f.tables[0].rows) EXPECT_TRUE(std::isfinite(std::stod(row[1]))) << row[0];
  // alpha = 0.01 rows (N = 2 and 3): both schedules reach 10% of ||theta*||,
  // the geometric one (larger early steps) first.
  for (size_t r : {size_t{1}, size_t{4}}) {
    const auto& row = f.tables[1].rows[r];
    ASSERT_EQ(row[1], "0.01");
    ASSERT_NE(row[2], "not reached");
    ASSERT_NE(row[3], "not reached");
    EXPECT_LT(std::stol(row[3]), std::stol(row[2])) << "N = " << row[0];
  }
  EXPECT_EQ(figures_to_json({f}).dump(), figures_to_json({run_quick("mf22.appB")}).dump());
}

// Quick psi curve: the Monte Carlo coefficient agrees with the as-proved psi
// (RMS z-score < 2) for the Gaussian law and disagrees with the printed one
// (issue 7: Lemma 5 gives s = ||z||^2); the deviation shrinks with m.
TEST(Mf22Experiments, PsiCurveQuick) {
  const Figure f = run_quick("mf22.prop1.psi-curve");
  ASSERT_EQ(f.panels.size(), 6u);
  ASSERT_EQ(f.tables.size(), 2u);
  const Table& fit = f.tables[0];
  ASSERT_EQ(fit.rows[0][0], "gaussian");
  EXPECT_LT(cell(fit, 0, 5), 2.0) << "as-proved psi vs data";
  EXPECT_GT(cell(fit, 0, 2), cell(fit, 0, 5)) << "printed psi should fit worse";
  const Table& dev = f.tables[1];
  ASSERT_EQ(dev.rows.size(), 2u);
  EXPECT_LT(cell(dev, 1, dev.header.size() - 2), -0.2) << "as-proved deviation slope in m";
  EXPECT_EQ(figures_to_json({f}).dump(), figures_to_json({run_quick("mf22.prop1.psi-curve")}).dump());
}

// Quick Section 5 (d = 6, rank 1, m = 40): SubGM lowers the recovery error for
// every depth.
TEST(Mf22Experiments, Sec5Quick) {
  const Figure f = run_quick("mf22.sec5");
  ASSERT_EQ(f.panels.size(), 2u);
  ASSERT_EQ(f.panels[0].series.size(), 3u);
  for (const Series& s : f.panels[0].series) EXPECT_LT(s.y.back(), 0.5 * s.y.front()) << s.label;
}

// Quick ReLU row (d = 10, m = 200 samples, width 16): every curve is finite
// and has one point per recorded iterate, SubGM lowers the training loss and
// the test error of every depth, the deepest network ends below the zero
// predictor, the table has a row per depth plus the clean-label reference, and
// the same seed gives the same figure.
TEST(Mf22Experiments, ReluNetworkQuick) {
  const Figure f = run_quick("mf22.sec5.relu");
  ASSERT_EQ(f.panels.size(), 2u);
  const Panel& err = f.panels[0];
  const Panel& loss = f.panels[1];
  ASSERT_EQ(err.series.size(), 5u);  // N = 2, 3, 4, clean reference, zero predictor
  ASSERT_EQ(loss.series.size(), 3u);
  const double zero_predictor = err.series[4].y.front();
  for (int k = 0; k < 3; ++k) {
    const Series& e = err.series[k];
    const Series& l = loss.series[k];
    ASSERT_EQ(e.x.size(), 101u) << e.label;
    ASSERT_EQ(e.y.size(), 101u) << e.label;
    ASSERT_EQ(l.y.size(), 101u) << l.label;
    EXPECT_EQ(e.x.back(), 2000.0);
    for (size_t i = 0; i < e.y.size(); ++i) {
      ASSERT_TRUE(std::isfinite(e.y[i]) && std::isfinite(l.y[i])) << e.label << " at " << e.x[i];
    }
    EXPECT_LT(l.y.back(), 0.9 * l.y.front()) << "training loss, " << l.label;
    EXPECT_LT(e.y.back(), 0.9 * e.y.front()) << "test error, " << e.label;
  }
  EXPECT_LT(err.series[2].y.back(), 0.8 * zero_predictor) << "N = 4 against the zero predictor";
  const Table& t = f.tables.at(0);
  ASSERT_EQ(t.rows.size(), 4u);
  EXPECT_EQ(t.rows[3][1], "clean (reference)");
  for (size_t r = 0; r < t.rows.size(); ++r) {
    EXPECT_LT(cell(t, r, 3), cell(t, r, 2)) << "final below initial loss, row " << r;
    EXPECT_LE(cell(t, r, 5), cell(t, r, 4)) << "best <= final test error, row " << r;
  }
  EXPECT_NEAR(err.series[3].y.front(), cell(t, 3, 5), 1e-3 * cell(t, 3, 5)) << "dashed line = reference's best";
  EXPECT_EQ(figures_to_json({f}).dump(), figures_to_json({run_quick("mf22.sec5.relu")}).dump());
}

}  // namespace
}  // namespace thmcheck
