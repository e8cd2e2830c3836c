// The data-set fields of the mf22 landscape and SubGM instances and the
// Theorem 1 instance family (regression_instance.hpp): drawn instances read
// back as written and lie in the ranges their generator_info states (the same
// constants draw them); malformed files are one-line errors naming the field.
#include "thmcheck/mf22/regression_instance.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "thmcheck/engine/typed_instance_testing.hpp"

namespace thmcheck::mf22 {
namespace {

/// What both regimes draw: theta* entries in [1, 2], scale 10, k, N.
void expect_common_ranges(const RegressionData& in) {
  EXPECT_EQ(in.theta_min.text(), "1");
  EXPECT_EQ(in.theta_max.text(), "2");
  EXPECT_EQ(in.outlier_scale.as<double>(), kTheorem1OutlierScale);
  EXPECT_NO_THROW((void)parse_outlier_kind(in.law));
  EXPECT_GE(in.sparsity, 1);
  EXPECT_LE(in.sparsity, kTheorem1SparsityMax);
  EXPECT_GE(in.layers, 1);
  EXPECT_LE(in.layers, kTheorem1LayersMax);
}

TEST(Mf22RegressionInstance, DrawnInstancesReadBackAndLieInTheStatedRanges) {
  const auto over = overparameterized_instances();
  const auto under = underparameterized_instances();
  int corner = 0;  // draws with p >= 0.39
  for (int k = 0; k < 150; ++k) {
    const OverInstance o = test_draw(over, 6000, k);
    ASSERT_EQ(reread(o), instance_to_json(o));
    expect_common_ranges(o);
    EXPECT_GE(o.dimension, kOverDimensionMin);
    EXPECT_LE(o.dimension, kOverDimensionMax);
    // m = max(2, floor(d ratio/100)), ratio in [3, 10]: m <= 0.1 d.
    EXPECT_GE(o.samples, std::max(2, o.dimension * kOverRatioMin / 100));
    EXPECT_LE(o.samples, o.dimension * kOverRatioMax / 100);
    // |S| = max(1, round(m p)), p in [0.05, 0.5].
    EXPECT_GE(o.corrupted, std::max(1L, std::lround(o.samples * kOverPercentMin / 100.0)));
    EXPECT_LE(o.corrupted, std::max(1L, std::lround(o.samples * kOverPercentMax / 100.0)));
    // gamma = 5 10^(e/2), e in [-6, -2], to 6 digits.
    const double g = o.gamma.as<double>() / (kTheorem1OutlierScale / 2);
    EXPECT_GE(g, 1e-3 * (1 - 1e-5));
    EXPECT_LE(g, 1e-1 * (1 + 1e-5));

    const UnderInstance u = test_draw(under, 7000, k);
    ASSERT_EQ(reread(u), instance_to_json(u));
    expect_common_ranges(u);
    EXPECT_GE(u.dimension, kUnderDimensionMin);
    EXPECT_LE(u.dimension, kUnderDimensionMax);
    // p = |S|/m <= 0.49, |S| = floor(m percent/100); m (1-2p)^2 >= 2 pi d (the instantiated threshold),
    // m <= 16000 and d m <= 20000 (at d = 1 the caps are never below 2 pi / (1-2p)^2 <= 15708 at p <= 0.49).
    const double p = static_cast<double>(u.corrupted) / u.samples;
    EXPECT_LE(p, kUnderPercentMax / 100.0);
    EXPECT_GE(u.samples * (1 - 2 * p) * (1 - 2 * p), 2 * M_PI * u.dimension);
    EXPECT_LE(u.samples, kUnderSamplesMax);
    EXPECT_LE(static_cast<long>(u.samples) * u.dimension, kUnderSizeMax);
    // f <= 4: m <= ceil(2 pi d 4 / (1-2 percent/100)^2), percent >= p (|S| is rounded down, by < 1/m in p).
    const double q = p + 1.0 / u.samples;
    EXPECT_LE(u.samples, std::ceil(2 * M_PI * u.dimension * 4 / ((1 - 2 * q) * (1 - 2 * q))));
    corner += p >= 0.39 ? 1 : 0;  // floor(m 0.4)/m >= 0.4 - 1/m
  }
  // Half the draws come from [0.4, 0.49], a tenth of the others too: ~55% of 150, far above 40.
  EXPECT_GE(corner, 40);
  EXPECT_EQ(overparameterized_generator_info(),
            "d in [50, 300], m = d [3, 10]/100 (at least 2), k in [1, 4], p in [0.05, 0.5] (|S| >= 1), five outlier "
            "laws of scale 10 (t0 = 5), N in [1, 5], gamma = 5 10^{[-3, -1]}.");
  EXPECT_EQ(underparameterized_generator_info(),
            "p in [0, 0.49] (half the draws) or [0.4, 0.49] (the other half), m = ceil(2 pi d f / (1-2p)^2) with "
            "f = 2^{[0, 4]/2}, d in [1, 40] lowered (at d = 1, f lowered to >= 1) so that m <= 16000 and d m <= "
            "20000, five outlier laws of scale 10, k in [1, 4] (at most d).");
}

TEST(Mf22RegressionInstance, MalformedInstancesNameTheField) {
  const Json good = parse_json_exact(
      R"({"dimension": 60, "samples": 6, "sparsity": 2, "corrupted": 2, "theta_min": "1", "theta_max": "2",
          "law": "two_point", "outlier_scale": "10", "layers": 2, "seed": 3, "gamma": "0.05"})");
  EXPECT_EQ(instance_error<OverInstance>(good), "");
  Json under = good;
  under.erase("gamma");
  EXPECT_EQ(instance_error<UnderInstance>(under), "");
  // Each regime reads its own fields: no gamma below, gamma required above.
  EXPECT_EQ(instance_error<UnderInstance>(good).rfind("unknown field 'gamma'", 0), 0u);
  EXPECT_EQ(malformed_mismatches<OverInstance>(
                good, {{"/gamma", std::nullopt, "missing field 'gamma'"},
                       {"/gamma", "0", "field 'gamma': must be positive"},
                       {"/gamma", "1e999", "field 'gamma'"},
                       {"/sparsity", 61, "field 'sparsity': 61 is outside [0, 60]"},
                       {"/corrupted", 7, "field 'corrupted': 7 is outside [0, 6]"},
                       {"/dimension", 5001, "field 'dimension': 5001 is outside [1, 5000]"},
                       {"/layers", 11, "field 'layers': 11 is outside [1, 10]"},
                       {"/theta_max", "0.5", "fields 'theta_min', 'theta_max': need 0 <= theta_min <= theta_max"},
                       {"/samples", 2.5, "field 'samples': expected an integer, got number"},
                       {"/seed", std::nullopt, "missing field 'seed'"},
                       {"/law", 3, "field 'law': expected a string, got number"}}),
            std::vector<std::string>{});
}

}  // namespace
}  // namespace thmcheck::mf22
