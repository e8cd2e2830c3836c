// The deviation-sweep instance family (deviation_sweep_instance.hpp): drawn
// instances of every axis read back as written and lie in the ranges
// deviation_generator_info states (the same constants draw them); malformed
// files are one-line errors naming the field.
#include "thmcheck/mf22/deviation_sweep_instance.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "thmcheck/engine/typed_instance_testing.hpp"

namespace thmcheck::mf22 {
namespace {

void expect_common_ranges(const DeviationSweepInstance& in) {
  EXPECT_GE(in.corruption_permille, 0);
  EXPECT_LE(in.corruption_permille, kPermilleMax);
  const double scale = in.outlier_scale.as<double>();
  EXPECT_GE(scale, 0.1 * (1 - 1e-5));
  EXPECT_LE(scale, 100 * (1 + 1e-5));
  // r = scale 10^-1.5 and R = scale 10^1.5, each to 6 digits.
  EXPECT_NEAR(in.norm_min.as<double>() / scale, std::pow(10.0, -kNormHalfDecades), 1e-5);
  EXPECT_NEAR(in.norm_max.as<double>() / scale / std::pow(10.0, kNormHalfDecades), 1, 1e-5);
}

TEST(Mf22DeviationSweepInstance, DrawnInstancesReadBackAndLieInTheStatedRanges) {
  for (const DeviationAxis axis :
       {DeviationAxis::kSparseSamples, DeviationAxis::kDenseSamples, DeviationAxis::kDimension,
        DeviationAxis::kSparseLargeSamples}) {
    const auto gen = deviation_sweep_instances(axis);
    for (int k = 0; k < 120; ++k) {
      const DeviationSweepInstance in = test_draw(gen, 5000, k);
      ASSERT_EQ(reread(in), instance_to_json(in));
      expect_common_ranges(in);
      if (axis == DeviationAxis::kDimension) {
        ASSERT_FALSE(in.by_samples());
        EXPECT_EQ(*in.samples, kDimensionSweepSamples);
        EXPECT_EQ(*in.dimension_grid, std::vector<int>(kDimensionSweepGrid.begin(), kDimensionSweepGrid.end()));
        EXPECT_GE(in.sparsity, 1);
        EXPECT_LE(in.sparsity, kDimensionSweepSparsityMax);
        continue;
      }
      ASSERT_TRUE(in.by_samples());
      const int d = *in.dimension;
      const bool dense = axis == DeviationAxis::kDenseSamples;
      EXPECT_GE(d, dense ? kDenseDimensionMin : kSparseDimensionMin);
      EXPECT_LE(d, dense ? kDenseDimensionMax : kSparseDimensionMax);
      if (dense) {
        EXPECT_EQ(in.sparsity, d);
      } else {
        EXPECT_GE(in.sparsity, 1);
        EXPECT_LE(in.sparsity, std::min(kSweepSparsityMax, d / 2));
      }
      const bool large = axis == DeviationAxis::kSparseLargeSamples;
      const int m0 = dense ? kDenseSamplesStart : (large ? kLargeSamplesStart : kSparseSamplesStart);
      ASSERT_EQ(in.samples_grid->size(),
                static_cast<size_t>(dense ? kDenseSamplesCount : (large ? kLargeSamplesCount : kSparseSamplesCount)));
      for (size_t i = 0; i < in.samples_grid->size(); ++i) EXPECT_EQ((*in.samples_grid)[i], m0 << i);
    }
  }
  EXPECT_EQ(deviation_generator_info(DeviationAxis::kSparseSamples),
            "d in [20, 60], k in [1, min(20, d/2)], m = 100 2^i (i < 7), p in [0, 0.45], five outlier laws (Cauchy "
            "out of hypothesis), scale 10^[-1, 2], ||z|| in scale 10^[-1.5, 1.5].");
  EXPECT_EQ(deviation_generator_info(DeviationAxis::kSparseLargeSamples),
            "d in [20, 60], k in [1, min(20, d/2)], m = 6400 2^i (i < 6), p in [0, 0.45], five outlier laws (Cauchy "
            "out of hypothesis), scale 10^[-1, 2], ||z|| in scale 10^[-1.5, 1.5].");
  EXPECT_EQ(deviation_generator_info(DeviationAxis::kDenseSamples),
            "d in [3, 20], k = d (dense z), m = 400 2^i (i < 5), so m >= 4 d ln(4d) >= d ln m, p in [0, 0.45], five "
            "outlier laws, ||z|| in scale 10^[-1.5, 1.5].");
  EXPECT_EQ(deviation_generator_info(DeviationAxis::kDimension),
            "m = 400, d in {50, ..., 1600}, k in [1, 5], p in [0, 0.45], five outlier laws (Cauchy out of "
            "hypothesis), scale 10^[-1, 2], ||z|| in scale 10^[-1.5, 1.5].");
}

TEST(Mf22DeviationSweepInstance, MalformedInstancesNameTheField) {
  const Json m_sweep = parse_json_exact(
      R"({"law": "uniform", "outlier_scale": "1", "corruption_permille": 100, "norm_min": "0.1", "norm_max": "10",
          "sparsity": 2, "seed": 7, "dimension": 20, "samples_grid": [100, 200]})");
  Json d_sweep = m_sweep;
  d_sweep.erase("dimension");
  d_sweep.erase("samples_grid");
  d_sweep["samples"] = 400;
  d_sweep["dimension_grid"] = {50, 100};
  EXPECT_EQ(instance_error<DeviationSweepInstance>(m_sweep), "");
  EXPECT_EQ(instance_error<DeviationSweepInstance>(d_sweep), "");
  EXPECT_EQ(malformed_mismatches<DeviationSweepInstance>(
                m_sweep, {{"/dimension", std::nullopt, "missing field 'dimension'"},
                          {"/samples", 400, "fields 'samples_grid' and 'samples'/'dimension_grid'"},
                          {"/grid", Json::array({1}), "unknown field 'grid'"},
                          {"/samples_grid/0", "100", "field 'samples_grid'[0]: expected an integer, got string"},
                          {"/samples_grid/1", 1, "field 'samples_grid': entries in [2, 1000000], got 1"},
                          {"/norm_max", "0.01", "fields 'norm_min', 'norm_max': need 0 < r <= R"},
                          {"/norm_min", "-inf", "field 'norm_min'"},
                          {"/sparsity", 0, "field 'sparsity': 0 is outside [1, 100000]"},
                          {"/corruption_permille", -1, "field 'corruption_permille': -1 is outside [0, 999]"}}),
            std::vector<std::string>{});
  EXPECT_EQ(malformed_mismatches<DeviationSweepInstance>(
                d_sweep, {{"/dimension_grid", std::nullopt, "missing field 'samples_grid'"},
                          {"/dimension", 20, "field 'dimension': only with 'samples_grid'"},
                          {"/dimension_grid/0", 0, "field 'dimension_grid': entries in [1, 100000], got 0"},
                          {"/samples", 1, "field 'samples': 1 is outside [2, 1000000]"}}),
            std::vector<std::string>{});
}

}  // namespace
}  // namespace thmcheck::mf22
