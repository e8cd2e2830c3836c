// The psi instance family (psi_instance.hpp) and the outlier-law fields it
// shares with every mf22 instance (outlier_law_instance.hpp): drawn instances
// read back as written and lie in the ranges psi_generator_info states (the
// same constants draw them); malformed files are one-line errors naming the
// field.
#include "thmcheck/mf22/psi_instance.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "thmcheck/engine/typed_instance_testing.hpp"

namespace thmcheck::mf22 {
namespace {

TEST(Mf22PsiInstance, DrawnInstancesReadBackAndLieInTheStatedRanges) {
  const auto gen = psi_instances();
  int large_seeds = 0;
  for (int k = 0; k < 150; ++k) {
    const PsiInstance in = test_draw(gen, 4000, k);
    // Through the text of a counterexample file and back: the same JSON.
    ASSERT_EQ(reread(in), instance_to_json(in));
    const int d = static_cast<int>(in.z.size());
    EXPECT_GE(d, kPsiDimensionMin);
    EXPECT_LE(d, kPsiDimensionMax);
    EXPECT_GE(in.corruption_permille, 0);
    EXPECT_LE(in.corruption_permille, kPermilleMax);
    EXPECT_EQ(in.samples, kPsiSamples);
    // scale = 10^(e/2), e in [-2, 4], to 6 digits; ||z|| = scale 10^(e'/4),
    // e' in [-8, 8], entries to 8 digits.
    const double scale = in.outlier_scale.as<double>();
    EXPECT_GE(scale, 0.1 * (1 - 1e-5));
    EXPECT_LE(scale, 100 * (1 + 1e-5));
    const double ratio = as_vector<double>(in.z).norm() / scale;
    EXPECT_GE(ratio, 1e-2 * (1 - 1e-6));
    EXPECT_LE(ratio, 1e2 * (1 + 1e-6));
    large_seeds += in.seed > static_cast<std::uint64_t>(std::numeric_limits<long>::max());
  }
  // The data seeds are drawn over all of uint64: at the runner's size 100
  // about half are beyond a long (why the seed is a std::uint64_t field).
  EXPECT_GT(large_seeds, 20);
  EXPECT_EQ(psi_generator_info(),
            "d in [1, 8], p in [0, 0.45], outliers Gaussian / uniform / two-point / Student-t3 / Cauchy (Cauchy "
            "violates E[zeta] = 0), outlier scale 10^[-1, 2], ||z|| = scale 10^[-2, 2].");
}

TEST(Mf22PsiInstance, ShippedCounterexampleReads) {
  const PsiInstance in = instance_from_json<PsiInstance>(parse_json_exact(
      R"({"corruption_permille": 8, "law": "gaussian", "outlier_scale": "1.00000e+01", "samples": 200000,
          "seed": 1339386903380823361, "z": ["1.7782794e+01"]})"));
  EXPECT_EQ(in.seed, 1339386903380823361u);
  EXPECT_EQ(in.outlier_law<double>().kind, OutlierKind::kGaussian);
  EXPECT_EQ(in.outlier_law<double>().scale, 10);
}

TEST(Mf22PsiInstance, MalformedInstancesNameTheField) {
  const Json good = parse_json_exact(
      R"({"corruption_permille": 8, "law": "cauchy", "outlier_scale": "2", "samples": 100, "seed": 3, "z": [1, 0]})");
  EXPECT_EQ(instance_error<PsiInstance>(good), "");
  const std::vector<MalformedCase> cases = {
      {"/z", std::nullopt, "missing field 'z'"},
      {"/zz", 1, "unknown field 'zz'"},
      {"/samples", "100", "field 'samples': expected an integer, got string"},
      {"/z/1", "inf", "field 'z'[1]"},
      {"/z", Json::array({"0", "0"}), "field 'z': must be a nonzero vector"},
      {"/corruption_permille", 1000, "field 'corruption_permille': 1000 is outside [0, 999]"},
      {"/samples", 1, "field 'samples': 1 is outside [2, 10000000]"},
      {"/seed", -1, "field 'seed': -1 is negative"},
      {"/seed", "3", "field 'seed': expected an integer, got string"},
      // The outlier law every mf22 instance carries.
      {"/law", "laplace", "field 'law': unknown outlier law 'laplace'"},
      {"/law", Json::object(), "field 'law': expected a string, got object"},
      {"/outlier_scale", "0", "field 'outlier_scale': must be positive"},
      {"/outlier_scale", "nan", "field 'outlier_scale'"},
      {"/z", Json::object(), "field 'z': expected an array, got object"}};
  EXPECT_EQ(malformed_mismatches<PsiInstance>(good, cases), std::vector<std::string>{});
}

}  // namespace
}  // namespace thmcheck::mf22
