// The corruption sweep of mf22.thm4.p0p (corruption_sweep.hpp): drawn
// instances read back and lie in the stated ranges; malformed files are
// one-line errors naming the field; on a two-point law (|zeta| = scale >= t0
// always, so p0 = 1 exactly) x is p = |S|/m itself, and y * D recovers
// (d/sqrt m) gamma^N with D recomputed from a fresh bracket of the same data
// set, at double and 50 digits.
#include "thmcheck/mf22/corruption_sweep.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "thmcheck/engine/typed_instance_testing.hpp"
#include "thmcheck/mf22/loss_change_bracket.hpp"

namespace thmcheck::mf22 {
namespace {

TEST(Mf22CorruptionSweep, DrawnInstancesReadBackAndLieInTheStatedRanges) {
  const auto gen = corruption_sweep_instances();
  for (int k = 0; k < 60; ++k) {
    const CorruptionSweepInstance in = test_draw(gen, 14000, k);
    EXPECT_EQ(reread(in), instance_to_json(in));
    EXPECT_NO_THROW(in.check());
    EXPECT_EQ(in.dimension, kCorruptionDimension);
    EXPECT_EQ(in.samples, kCorruptionSamples);
    EXPECT_LE(10 * in.samples, in.dimension);  // m <= 0.1 d
    EXPECT_GE(in.sparsity, 1);
    EXPECT_LE(in.sparsity, kCorruptionSparsityMax);
    EXPECT_GE(in.layers, 2);
    EXPECT_LE(in.layers, 5);
    EXPECT_EQ(in.gamma.text(), kCorruptionGamma);
    EXPECT_EQ(in.corrupted_grid, std::vector<int>(kCorruptionGrid.begin(), kCorruptionGrid.end()));
  }
}

TEST(Mf22CorruptionSweep, MalformedInstancesNameTheField) {
  const Json good = parse_json_exact(
      R"({"dimension": 400, "samples": 40, "sparsity": 2, "corrupted": 2, "theta_min": "1", "theta_max": "2",
          "law": "gaussian", "outlier_scale": "100", "layers": 3, "seed": 3, "gamma": "0.05",
          "corrupted_grid": [2, 4, 8, 16]})");
  EXPECT_EQ(instance_error<CorruptionSweepInstance>(good), "");
  EXPECT_EQ(malformed_mismatches<CorruptionSweepInstance>(
                good, {{"/corrupted_grid/3", 20, "field 'corrupted_grid': entries must be in [1, m/2)"},
                       {"/corrupted_grid/0", 0, "field 'corrupted_grid': entries must be in [1, m/2)"},
                       {"/corrupted_grid", Json::array(), "field 'corrupted_grid': must not be empty"},
                       {"/gamma", "0", "field 'gamma': must be positive"}}),
            std::vector<std::string>{});
}

template <class S>
void expect_points_reconstruct(const CorruptionSweepInstance& in, double rel) {
  const Outcome o = corruption_sweep_outcome<S>(in, /*increase=*/false);
  ASSERT_TRUE(o.ok) << o.message;
  ASSERT_EQ(o.points.size(), in.corrupted_grid.size());
  RobustRegressionSpec spec = in.spec();
  const double scale = in.dimension / std::sqrt(double(in.samples)) * std::pow(0.05, in.layers);
  for (std::size_t g = 0; g < o.points.size(); ++g) {
    spec.corrupted = in.corrupted_grid[g];
    const double p = double(spec.corrupted) / spec.samples;
    EXPECT_NEAR(static_cast<double>(o.points[g].first), p, 1e-15 * p);  // p0 = 1 exactly for the two-point law
    const RobustRegressionData data = draw_robust_regression(spec);
    const LossChangeBracket<S> n = bracket_loss_change<S>(data, balanced_center<S>(data.theta_star, in.layers),
                                                          0.05, in.gamma.as<S>(), spec.seed + g);
    const double d = static_cast<double>(n.decrease_lower);
    EXPECT_GT(d, 0.0);
    EXPECT_NEAR(static_cast<double>(o.points[g].second) * d, scale, rel * scale);
  }
}

TEST(Mf22CorruptionSweep, TwoPointLawGivesXEqualPAndYTimesDecreaseIsTheScale) {
  CorruptionSweepInstance in = test_draw(corruption_sweep_instances(), 14100, 0);
  in.law = "two_point";
  in.layers = 3;
  // 1e-12: a few roundings of a quotient and a product of O(1) doubles, far above 1e-16.
  expect_points_reconstruct<double>(in, 1e-12);
  expect_points_reconstruct<Mp50>(in, 1e-12);
}

}  // namespace
}  // namespace thmcheck::mf22
