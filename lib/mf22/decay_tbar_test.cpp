// decay_tbar_outcome (mf22.thm3.decay.tbar, .decay.tbar.main-text): the drawn
// instances are the N = 3 step sweeps' data on d = 5, m = 100 with the same p;
// each point is (alpha, the error at T-bar of one SubGM run at N eta = c
// alpha^q, the same run measure_trajectory gives with that step), and the
// coupling keeps N eta theta*_max below the curve's value A^3 at T-bar.
#include "thmcheck/mf22/decay_tbar.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "thmcheck/engine/typed_instance_testing.hpp"
#include "thmcheck/mf22/outlier_law_instance.hpp"
#include "thmcheck/mf22/subgm_trajectory.hpp"

namespace thmcheck::mf22 {
namespace {

TEST(Mf22DecayTbar, DrawnInstancesAreTheStepSweepDataOnSmallData) {
  for (CurveText text : {CurveText::kFullVersion, CurveText::kMainText}) {
    for (int k = 0; k < 20; ++k) {
      const DecayTbarInstance in = test_draw(decay_tbar_instances(text), 17000, k);
      EXPECT_NO_THROW(in.check());
      EXPECT_EQ(reread(in), instance_to_json(in));
      EXPECT_EQ(in.dimension, kDecayDimension);
      EXPECT_EQ(in.samples, kDecaySamples);
      EXPECT_EQ(in.layers, 3);
      EXPECT_LE(in.corrupted, kDecaySamples * kConvergencePercentMax / 100);
      ASSERT_EQ(in.alpha_grid.size(), 3u);
      // N eta theta*_max <= 2 c alpha^q = A^3 / 4 with A = 50 alpha (full) or 50 sqrt(alpha) (main text).
      const double q = in.step_power.as<double>();
      for (const Real& a : in.alpha_grid) {
        const double alpha = a.as<double>();
        const double big_a = text == CurveText::kFullVersion ? 50 * alpha : 50 * std::sqrt(alpha);
        // Relative 1e-12: the rounding of pow and of two products, far below it.
        EXPECT_NEAR(2 * in.step_coefficient.as<double>() * std::pow(alpha, q), std::pow(big_a, 3) / 4,
                    1e-12 * std::pow(big_a, 3));
      }
    }
  }
}

TEST(Mf22DecayTbar, PointIsTheErrorAtTbarOfTheCoupledRun) {
  DecayTbarInstance in = test_draw(decay_tbar_instances(CurveText::kFullVersion), 17000, 3);
  in.alpha_grid = {Real::parse("4e-3")};  // the shortest run
  const Outcome o = decay_tbar_outcome<double>(in);
  ASSERT_TRUE(o.ok) << o.message;
  ASSERT_EQ(o.points.size(), 1u);
  const RobustRegressionSpec spec = in.spec();
  const RobustRegressionData data = draw_robust_regression(spec);
  const DiagonalNetworkProblem<double> problem{data.x, data.labels<double>()};
  RandomSource rng(spec.seed ^ 0xabcdefULL);
  const double alpha = 4e-3, step = 15625 * std::pow(alpha, 3) / 3;
  const Matrix<double> w0 = convergence_initialization(spec.dimension, 3, alpha, in.perturb_init == 1, rng);
  const TrajectoryMeasurement r =
      measure_trajectory(problem, data, w0, step, hit_cap(spec.sparsity, 3, alpha, step), 1);
  ASSERT_TRUE(r.failure.empty()) << r.failure;
  EXPECT_NEAR(static_cast<double>(o.points[0].first), alpha, 1e-18);
  // The same iterates: equal up to no rounding at all (1e-12 relative is slack only).
  EXPECT_NEAR(static_cast<double>(o.points[0].second), r.error_at_bar, 1e-12 * r.error_at_bar);
  EXPECT_GT(r.error_at_bar, 0);
}

TEST(Mf22DecayTbar, MalformedInstancesNameTheField) {
  const Json good = parse_json_exact(
      R"({"dimension": 5, "samples": 100, "sparsity": 2, "corrupted": 10, "theta_min": "1", "theta_max": "2",
          "law": "gaussian", "outlier_scale": "10", "layers": 3, "perturb_init": 1, "seed": 3,
          "step_coefficient": "15625", "step_power": "3", "alpha_grid": ["2e-3", "4e-3"]})");
  EXPECT_EQ(instance_error<DecayTbarInstance>(good), "");
  EXPECT_EQ(malformed_mismatches<DecayTbarInstance>(
                good, {{"/alpha_grid/1", "1", "field 'alpha_grid': entries in (0, 1)"},
                       {"/alpha_grid", Json::array(), "field 'alpha_grid': must not be empty"},
                       {"/step_coefficient", "0", "field 'step_coefficient': must be positive"},
                       {"/step_power", "-1", "field 'step_power': must be positive"},
                       {"/layers", 2, "field 'layers': Theorem 3's curve needs N >= 3"}}),
            std::vector<std::string>{});
}

}  // namespace
}  // namespace thmcheck::mf22
