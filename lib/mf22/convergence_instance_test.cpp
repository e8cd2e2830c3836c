// The SubGM instance family (convergence_instance.hpp): drawn alpha sweeps,
// balanced-property sweeps and step sweeps read back as written and lie in the
// ranges their generator_info states (the same constants draw them);
// malformed files are one-line errors naming the field.
#include "thmcheck/mf22/convergence_instance.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "thmcheck/engine/typed_instance_testing.hpp"

namespace thmcheck::mf22 {
namespace {

/// d = 20, m = 200, k in [1, 3], p in [0, 0.3], scale 10, theta* in [1, 2].
void expect_data_ranges(const ConvergenceData& in) {
  EXPECT_EQ(in.dimension, kConvergenceDimension);
  EXPECT_EQ(in.samples, kConvergenceSamples);
  EXPECT_GE(in.sparsity, 1);
  EXPECT_LE(in.sparsity, kConvergenceSparsityMax);
  EXPECT_GE(in.corrupted, 0);
  EXPECT_LE(in.corrupted, kConvergenceSamples * kConvergencePercentMax / 100);
  EXPECT_EQ(in.outlier_scale.as<double>(), kConvergenceOutlierScale);
  EXPECT_EQ(in.theta_min.text(), "1");
  EXPECT_EQ(in.theta_max.text(), "2");
}

TEST(Mf22ConvergenceInstance, DrawnInstancesReadBackAndLieInTheStatedRanges) {
  for (const bool deep : {false, true}) {
    const auto alpha = alpha_sweep_instances(deep);
    const auto balance = balance_instances(deep);
    const auto step = step_sweep_instances(deep);
    int perturbed = 0;
    for (int k = 0; k < 100; ++k) {
      const AlphaSweepInstance a = test_draw(alpha, 11000, k);
      EXPECT_EQ(reread(a), instance_to_json(a));
      expect_data_ranges(a);
      if (deep) {
        EXPECT_GE(a.layers, kDeepLayersMin);
        EXPECT_LE(a.layers, kDeepLayersMax);
      } else {
        EXPECT_EQ(a.layers, 2);
      }
      // eta = 0.01/N to 6 digits.
      EXPECT_NEAR(a.step.as<double>() * a.layers, kAlphaSweepNEta, kAlphaSweepNEta * 5e-6);
      ASSERT_EQ(a.alpha_grid.size(), deep ? 3u : 5u);
      for (const Real& x : a.alpha_grid) EXPECT_LT(x.as<double>(), 1);
      perturbed += a.perturb_init;

      const BalanceInstance b = test_draw(balance, 12000, k);
      EXPECT_EQ(reread(b), instance_to_json(b));
      expect_data_ranges(b);
      EXPECT_EQ(b.perturb_init, 1);

      const StepSweepInstance s = test_draw(step, 13000, k);
      EXPECT_EQ(reread(s), instance_to_json(s));
      expect_data_ranges(s);
      EXPECT_EQ(s.layers, deep ? kDeepEscapeLayers : 2);
      EXPECT_EQ(s.alpha.text(), escape_claim_alpha(s.layers));
      ASSERT_EQ(s.step_grid.size(), kStepFactors.size());
      // eta = N eta / N to 6 digits (N = 3: N eta = 0.0399999, not 0.04).
      for (size_t i = 0; i < kStepFactors.size(); ++i) {
        const double n_eta = escape_claim_min_n_eta(s.layers) * kStepFactors[i];
        EXPECT_NEAR(s.step_grid[i].as<double>() * s.layers, n_eta, n_eta * 5e-6);
      }
    }
    // "perturbed in half the cases": both kinds are drawn.
    EXPECT_GT(perturbed, 10);
    EXPECT_LT(perturbed, 90);
  }
  const std::string data = "d = 20, m = 200, k in [1, 3], p in [0, 0.3], five outlier laws of scale 10, ";
  EXPECT_EQ(alpha_sweep_generator_info(false), data + "N = 2, eta = 0.005, alpha in {1e-3, 1e-4, 1e-5, 1e-6, 1e-8}.");
  EXPECT_EQ(alpha_sweep_generator_info(true), data + "N in [3, 5], eta = 0.01/N, alpha in {1e-3, 1e-4, 1e-5}.");
  EXPECT_EQ(step_sweep_generator_info(false), data + "N = 2, alpha = 1e-14, eta in {0.005, 0.01, 0.02}.");
  EXPECT_EQ(step_sweep_generator_info(true), data + "N = 3, alpha = 1e-10, N eta in {0.04, 0.08, 0.16}.");
}

TEST(Mf22ConvergenceInstance, MalformedInstancesNameTheField) {
  const Json data = parse_json_exact(
      R"({"dimension": 20, "samples": 200, "sparsity": 2, "corrupted": 20, "theta_min": "1", "theta_max": "2",
          "law": "gaussian", "outlier_scale": "10", "layers": 2, "perturb_init": 1, "seed": 3})");
  Json a = data;
  a["step"] = "0.005";
  a["alpha_grid"] = {"1e-3", "1e-4"};
  Json s = data;
  s["step_grid"] = {"0.005", "0.01"};
  s["alpha"] = "1e-14";
  EXPECT_EQ(instance_error<AlphaSweepInstance>(a), "");
  EXPECT_EQ(instance_error<BalanceInstance>(a), "");
  EXPECT_EQ(instance_error<StepSweepInstance>(s), "");
  EXPECT_EQ(instance_error<AlphaSweepInstance>(s), "missing field 'step'");
  EXPECT_EQ(instance_error<StepSweepInstance>(a), "missing field 'step_grid'");
  Json unperturbed = a;
  unperturbed["perturb_init"] = 0;
  EXPECT_EQ(instance_error<AlphaSweepInstance>(unperturbed), "");
  EXPECT_EQ(instance_error<BalanceInstance>(unperturbed),
            "field 'perturb_init': must be 1 (identical layers stay identical: the spread is 0)");
  EXPECT_EQ(malformed_mismatches<AlphaSweepInstance>(
                a, {{"/perturb_init", 2, "field 'perturb_init': 2 is outside [0, 1]"},
                    {"/alpha_grid/1", "1", "field 'alpha_grid': entries in (0, 1)"},
                    {"/step", "0", "field 'step': must be positive"},
                    {"/step", Json::array({"0.005"}), "field 'step': expected a real number"},
                    {"/alpha", "1e-3", "unknown field 'alpha'"}}),
            std::vector<std::string>{});
  EXPECT_EQ(malformed_mismatches<StepSweepInstance>(
                s, {{"/alpha", "0", "field 'alpha': must be in (0, 1)"},
                    {"/step_grid/1", "-0.01", "field 'step_grid': entries must be positive"},
                    {"/step_grid/1", "1e400", "field 'step_grid'[1]"}}),
            std::vector<std::string>{});
}

}  // namespace
}  // namespace thmcheck::mf22
