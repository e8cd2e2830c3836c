// theta_scale_outcome (mf22.thm2.error.theta): at s = 1 its point is the one
// the existing escape-window measurement (escape_error_outcome, on the same
// data, initialization and step) gives; theta* is rescaled exactly (factors
// 2 and 4 are powers of two, so the uniform draws scale without rounding),
// so x = eta theta*_max doubles from s = 1 to 2 and again to 4.
#include "thmcheck/mf22/theta_scale.hpp"

#include <gtest/gtest.h>

#include "thmcheck/engine/typed_instance_testing.hpp"
#include "thmcheck/mf22/convergence_sweeps.hpp"

namespace thmcheck::mf22 {
namespace {

TEST(Mf22ThetaScale, UnitScaleIsTheEscapeMeasurementAndThetaScalesExactly) {
  for (int k = 0; k < 2; ++k) {
    ThetaScaleInstance in = test_draw(theta_scale_instances(/*deep=*/false), 15000, k);
    EXPECT_NO_THROW(in.check());
    EXPECT_EQ(reread(in), instance_to_json(in));
    in.alpha = Real::parse("1e-4");  // short runs
    const Outcome o = theta_scale_outcome<double>(in, 1);
    ASSERT_TRUE(o.ok) << o.message;
    ASSERT_EQ(o.points.size(), 3u);
    StepSweepInstance ref;
    static_cast<ConvergenceData&>(ref) = static_cast<const ConvergenceData&>(in);
    ref.step_grid = {in.step};
    ref.alpha = in.alpha;
    const Outcome e = escape_error_outcome<double>(ref, 1);
    ASSERT_TRUE(e.ok) << e.message;
    const double x1 = static_cast<double>(o.points[0].first), y1 = static_cast<double>(o.points[0].second);
    // Same iterates in the same order: equal up to the rounding of one product (x) and none (y).
    EXPECT_NEAR(x1, static_cast<double>(e.points[0].first), 1e-15 * x1);
    EXPECT_NEAR(y1, static_cast<double>(e.points[0].second), 1e-15 * y1);
    EXPECT_NEAR(static_cast<double>(o.points[1].first), 2 * x1, 1e-15 * x1);
    EXPECT_NEAR(static_cast<double>(o.points[2].first), 4 * x1, 1e-15 * x1);
  }
}

TEST(Mf22ThetaScale, MalformedInstancesNameTheField) {
  const Json good = parse_json_exact(
      R"({"dimension": 20, "samples": 200, "sparsity": 2, "corrupted": 20, "theta_min": "1", "theta_max": "2",
          "law": "gaussian", "outlier_scale": "10", "layers": 2, "perturb_init": 1, "seed": 3, "step": "0.005",
          "alpha": "1e-14", "theta_scale_grid": ["1", "2", "4"]})");
  EXPECT_EQ(instance_error<ThetaScaleInstance>(good), "");
  EXPECT_EQ(malformed_mismatches<ThetaScaleInstance>(
                good, {{"/theta_scale_grid/1", "0", "field 'theta_scale_grid': entries must be positive"},
                       {"/theta_scale_grid", Json::array(), "field 'theta_scale_grid': must not be empty"},
                       {"/alpha", "1", "field 'alpha': must be in (0, 1)"},
                       {"/step", "0", "field 'step': must be positive"}}),
            std::vector<std::string>{});
}

}  // namespace
}  // namespace thmcheck::mf22
