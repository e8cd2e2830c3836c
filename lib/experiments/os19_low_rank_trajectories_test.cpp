#include <gtest/gtest.h>

#include "thmcheck/experiments/figure.hpp"

namespace thmcheck {
namespace {

// The paper's experiments, as checks/os19/experiments.cpp registers them.
const Experiment& find(const std::string& id) {
  static const std::vector<Experiment> all = [] {
    std::vector<Experiment> out;
    add_os19_experiments(out);
    return out;
  }();
  for (const Experiment& e : all) {
    if (e.id == id) return e;
  }
  throw std::logic_error("no experiment " + id);
}

// The quick Section 6.2 run (d = 20, r = 4, n = 5..40, 4 repetitions): GD with
// Theorem 4.2's step must be stable at the start, fit the labels (misfit
// falls well below its start) and end farther from Theta0 as n grows, as the
// paper reports; and the same seed gives the same figure.
TEST(Os19Experiments, LowRankTrajectoriesQuick) {
  ExperimentOptions options;
  options.quick = true;
  const Figure f = find("os19.sec6.2").run(options);
  ASSERT_EQ(f.panels.size(), 1u);
  ASSERT_EQ(f.panels[0].series.size(), 4u);
  ASSERT_EQ(f.tables.size(), 1u);
  ASSERT_EQ(f.tables[0].rows.size(), 4u);
  double previous_distance = 0;
  for (const auto& row : f.tables[0].rows) {
    EXPECT_LT(std::stod(row[2]), 2.0) << "eta ||J(Theta0)||^2 for n = " << row[0];
    EXPECT_LT(std::stod(row[3]), 0.1) << "final misfit for n = " << row[0];
    const double distance = std::stod(row[4]);
    EXPECT_GT(distance, previous_distance) << "final distance for n = " << row[0];
    previous_distance = distance;
  }
  for (const Series& s : f.panels[0].series) {
    ASSERT_GE(s.x.size(), 10u) << s.label;
    // The mean distance grows as the misfit falls.
    EXPECT_LT(s.y.front(), s.y.back()) << s.label;
  }
  EXPECT_EQ(figures_to_json({f}).dump(), figures_to_json({find("os19.sec6.2").run(options)}).dump());
}

}  // namespace
}  // namespace thmcheck
