// coupled_alpha_outcome (mf22.thm2.alpha, .alpha.window): each point is
// (alpha, what the escape-window measurement escape_error_outcome gives at
// step eta = c alpha on the same data and initialization); at T-bar (window
// false) it is that run's error at T-bar, which never exceeds the window's
// maximum.
#include "thmcheck/mf22/alpha_coupled.hpp"

#include <gtest/gtest.h>

#include "thmcheck/engine/typed_instance_testing.hpp"
#include "thmcheck/mf22/convergence_sweeps.hpp"

namespace thmcheck::mf22 {
namespace {

TEST(Mf22AlphaCoupled, PointsAreTheEscapeMeasurementAtTheCoupledStep) {
  for (int k = 0; k < 2; ++k) {
    CoupledAlphaInstance in = test_draw(coupled_alpha_instances(/*deep=*/false), 16000, k);
    EXPECT_NO_THROW(in.check());
    EXPECT_EQ(reread(in), instance_to_json(in));
    in.alpha_grid = {Real::parse("1e-3")};  // one short run
    const Outcome at_bar = coupled_alpha_outcome<double>(in, false);
    const Outcome window = coupled_alpha_outcome<double>(in, true);
    ASSERT_TRUE(at_bar.ok) << at_bar.message;
    ASSERT_TRUE(window.ok) << window.message;
    StepSweepInstance ref;
    static_cast<ConvergenceData&>(ref) = static_cast<const ConvergenceData&>(in);
    ref.step_grid = {Real::parse("0.014")};  // 14 x 1e-3
    ref.alpha = Real::parse("1e-3");
    const Outcome e = escape_error_outcome<double>(ref, 2);
    ASSERT_TRUE(e.ok) << e.message;
    EXPECT_NEAR(static_cast<double>(window.points[0].first), 1e-3, 1e-18);
    const double y = static_cast<double>(window.points[0].second);
    // The same iterates (14 * 1e-3 == 0.014 in double), so the same maximum; 1e-12 relative is slack only.
    EXPECT_NEAR(y, static_cast<double>(e.points[0].second), 1e-12 * y);
    EXPECT_LE(static_cast<double>(at_bar.points[0].second), y);
  }
}

TEST(Mf22AlphaCoupled, MalformedInstancesNameTheField) {
  const Json good = parse_json_exact(
      R"({"dimension": 20, "samples": 200, "sparsity": 2, "corrupted": 20, "theta_min": "1", "theta_max": "2",
          "law": "gaussian", "outlier_scale": "10", "layers": 2, "perturb_init": 1, "seed": 3,
          "step_per_alpha": "14", "alpha_grid": ["1e-4", "1e-3"]})");
  EXPECT_EQ(instance_error<CoupledAlphaInstance>(good), "");
  EXPECT_EQ(malformed_mismatches<CoupledAlphaInstance>(
                good, {{"/alpha_grid/1", "1", "field 'alpha_grid': entries in (0, 1)"},
                       {"/alpha_grid", Json::array(), "field 'alpha_grid': must not be empty"},
                       {"/step_per_alpha", "0", "field 'step_per_alpha': must be positive"}}),
            std::vector<std::string>{});
}

}  // namespace
}  // namespace thmcheck::mf22
