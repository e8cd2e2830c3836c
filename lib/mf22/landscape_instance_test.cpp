// The landscape instance family (landscape_instance.hpp): drawn gamma grids
// and d and m sweeps read back as written and lie in the ranges their
// generator_info states (the same constants draw them); malformed files are
// one-line errors naming the field.
#include "thmcheck/mf22/landscape_instance.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "thmcheck/engine/typed_instance_testing.hpp"

namespace thmcheck::mf22 {
namespace {

/// What every landscape family draws: theta* in [1, 2], scale 100, k, p =
/// the percent of m (|S| >= 1), N.
void expect_common_ranges(const RegressionData& in, int fixed_layers) {
  EXPECT_EQ(in.theta_min.text(), "1");
  EXPECT_EQ(in.theta_max.text(), "2");
  EXPECT_EQ(in.outlier_scale.as<double>(), kLandscapeOutlierScale);
  EXPECT_GE(in.sparsity, 1);
  EXPECT_LE(in.sparsity, kLandscapeSparsityMax);
  EXPECT_GE(in.corrupted, std::max(1L, std::lround(in.samples * kLandscapePercentMin / 100.0)));
  EXPECT_LE(in.corrupted, std::max(1L, std::lround(in.samples * kLandscapePercentMax / 100.0)));
  if (fixed_layers > 0) {
    EXPECT_EQ(in.layers, fixed_layers);
  } else {
    EXPECT_GE(in.layers, kLandscapeLayersMin);
    EXPECT_LE(in.layers, kLandscapeLayersMax);
  }
}

TEST(Mf22LandscapeInstance, DrawnInstancesReadBackAndLieInTheStatedRanges) {
  const auto drawn_n = landscape_gamma_instances(-1);
  const auto fixed_n = landscape_gamma_instances(1);
  const auto by_d = landscape_dimension_instances();
  const auto by_m = landscape_samples_instances();
  for (int k = 0; k < 120; ++k) {
    for (const bool fixed : {false, true}) {
      const GammaGridInstance g = test_draw(fixed ? fixed_n : drawn_n, 8000, k);
      EXPECT_EQ(reread(g), instance_to_json(g));
      expect_common_ranges(g, fixed ? 1 : -1);
      // d = 100 2^(e/2), e in [0, 4]: 100 to 400; m = max(4, d [4, 10]/100) <= 0.1 d.
      EXPECT_GE(g.dimension, 100);
      EXPECT_LE(g.dimension, 400);
      EXPECT_GE(g.samples, kLandscapeMinSamples);
      EXPECT_GE(g.samples, g.dimension * kLandscapeTenthsMin / 100);
      EXPECT_LE(g.samples, g.dimension * kLandscapeTenthsMax / 100);
      ASSERT_EQ(g.gamma_grid.size(), kGammaGrid.size());
      for (size_t i = 0; i < kGammaGrid.size(); ++i) EXPECT_EQ(g.gamma_grid[i].text(), kGammaGrid[i]);
      // gamma <= t0/sqrt(d) (t0 = 50) at every d drawn.
      EXPECT_LE(g.gamma_grid.back().as<double>(), kLandscapeOutlierScale / 2 / std::sqrt(g.dimension));
    }
    const ConstantDimensionInstance d = test_draw(by_d, 9000, k);
    EXPECT_EQ(reread(d), instance_to_json(d));
    expect_common_ranges(d, -1);
    EXPECT_EQ(d.samples, kConstantSamples);
    EXPECT_EQ(d.dimension_grid, std::vector<int>(kConstantDimensionGrid.begin(), kConstantDimensionGrid.end()));
    EXPECT_EQ(d.gamma.text(), kSweepGamma);
    const ConstantSamplesInstance m = test_draw(by_m, 10000, k);
    EXPECT_EQ(reread(m), instance_to_json(m));
    expect_common_ranges(m, -1);
    EXPECT_EQ(m.dimension, kConstantSamplesDimension);
    EXPECT_EQ(m.samples, kConstantSamples);
    EXPECT_EQ(m.samples_grid, std::vector<int>(kConstantSamplesGrid.begin(), kConstantSamplesGrid.end()));
    EXPECT_LE(m.samples_grid.back(), m.dimension / 10);
  }
  EXPECT_EQ(landscape_gamma_generator_info(),
            "d in 100 2^{[0, 2]} (100 to 400), m = d [4, 10]/100 (<= 0.1 d), k in [1, 4], p in [0.05, 0.45], five "
            "outlier laws of scale 100 (t0 = 50), theta* entries in [1, 2], gamma in {0.01, 0.02, 0.04, 0.08, 0.16}.");
  EXPECT_EQ(landscape_dimension_generator_info(),
            "m = 20, d in {200, 400, 800, 1600}, k in [1, 4], p in [0.05, 0.45], five outlier laws of scale 100, N in "
            "[2, 5], gamma = 0.05 (<= t0/sqrt(1600) = 1.25).");
  EXPECT_EQ(landscape_samples_generator_info(),
            "d = 800, m in {10, 20, 40, 80} (<= 0.1 d), k in [1, 4], p in [0.05, 0.45], five outlier laws of scale "
            "100, N in [2, 5], gamma = 0.05.");
}

TEST(Mf22LandscapeInstance, MalformedInstancesNameTheField) {
  const Json data = parse_json_exact(
      R"({"dimension": 60, "samples": 6, "sparsity": 2, "corrupted": 2, "theta_min": "1", "theta_max": "2",
          "law": "student_t3", "outlier_scale": "100", "layers": 3, "seed": 3})");
  Json g = data;
  g["gamma_grid"] = {"0.01", "0.02"};
  Json d = data;
  d["gamma"] = "0.05";
  d["dimension_grid"] = {200, 40};
  Json m = data;
  m["gamma"] = "0.05";
  m["samples_grid"] = {10, 20};
  EXPECT_EQ(instance_error<GammaGridInstance>(g), "");
  EXPECT_EQ(instance_error<ConstantDimensionInstance>(d), "");
  EXPECT_EQ(instance_error<ConstantSamplesInstance>(m), "");
  // Each claim reads its own form.
  EXPECT_EQ(instance_error<GammaGridInstance>(d), "missing field 'gamma_grid'");
  EXPECT_EQ(instance_error<ConstantDimensionInstance>(m), "missing field 'dimension_grid'");
  EXPECT_EQ(instance_error<ConstantSamplesInstance>(g), "missing field 'gamma'");
  EXPECT_EQ(malformed_mismatches<GammaGridInstance>(
                g, {{"/gamma_grid", Json::array(), "field 'gamma_grid': must not be empty"},
                    {"/gamma_grid/1", "-0.02", "field 'gamma_grid': entries must be positive"},
                    {"/gamma_grid/1", "nan", "field 'gamma_grid'[1]"},
                    {"/gamma", "0.05", "unknown field 'gamma'"}}),
            std::vector<std::string>{});
  EXPECT_EQ(malformed_mismatches<ConstantDimensionInstance>(
                d, {{"/dimension_grid/1", 1, "field 'dimension_grid': entries must be integers in [2, 100000], got 1"},
                    // Every grid point is a data set with k = sparsity <= d.
                    {"/sparsity", 50, "field 'dimension_grid': entries must be integers in [50, 100000], got 40"}}),
            std::vector<std::string>{});
  EXPECT_EQ(malformed_mismatches<ConstantSamplesInstance>(
                m, {{"/samples_grid/1", 200000, "field 'samples_grid': entries must be integers in [2, 100000], got 200000"},
                    {"/samples_grid/1", "20", "field 'samples_grid'[1]: expected an integer, got string"},
                    {"/gamma", "-1", "field 'gamma': must be positive"}}),
            std::vector<std::string>{});
}

}  // namespace
}  // namespace thmcheck::mf22
