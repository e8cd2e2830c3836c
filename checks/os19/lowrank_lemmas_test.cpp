// Tests of the os19 Lemma 9.13-9.16 claims on instances with known answers:
// one-dimensional draws (the sups are |X_1| and ||X_1||), the exact
// expectation E||g||_2 = sqrt(2) Gamma((r+1)/2)/Gamma(r/2) for Lemma 9.14 with
// d = 1, and Lemma 9.15's large counterexample against an independent SVD.
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "thmcheck/engine/registry.hpp"
#include "thmcheck/generators/random_data.hpp"
#include "thmcheck/os19/jacobian_nuclear.hpp"

namespace thmcheck {
namespace {

const Claim& claim(const char* id) {
  const Claim* c = linked_registry().find(id);
  if (c == nullptr) throw std::logic_error(std::string("missing claim ") + id);
  return *c;
}

double first_gaussian(long seed) {
  RandomSource rng(static_cast<std::uint64_t>(seed));
  return os19::gaussian_features(1, 1, rng)[0](0, 0);
}

// d = r = n = 1: sup over v = +-1, Theta = +-1 of |v X_1 Theta| = |X_1|.
TEST(Os19LowRankLemmas, Lemma913InOneDimensionIsTheAbsoluteFeature) {
  const Json j = Json::parse(R"({"d": 1, "r": 1, "n": 1, "seed": 42})");
  const Outcome o = claim("os19.lem9.13").evaluate(j, Precision::kMp50);
  ASSERT_TRUE(o.ok) << o.message;
  const double x = std::abs(first_gaussian(42));
  // measured = |x| / ||U||^+, ||U||^+ = 1 + O(1e-15) (rigorous rounding pad).
  EXPECT_NEAR(o.measured.convert_to<double>(), x, 1e-13 * x);
  EXPECT_NEAR(o.bound.convert_to<double>(), 12.0, 1e-12);
}

// d = 1, r = 2048, Sigma = I: E = sqrt(2) Gamma(1024.5)/Gamma(1024) ~ 45.25
// against the printed 2048/32 = 64: violated by far more than the confidence radius.
TEST(Os19LowRankLemmas, Lemma914MonteCarloMatchesExactMeanAndFails) {
  std::string s = "[";
  for (int j = 0; j < 2048; ++j) s += (j ? ",\"1\"" : "\"1\"");
  s += "]";
  const Json j = Json::parse(R"({"d": 1, "r": 2048, "samples": 64, "seed": 9, "theta": "1", "s": )" + s + "}");
  const Outcome o = claim("os19.lem9.14").evaluate(j, Precision::kDouble);
  ASSERT_TRUE(o.ok) << o.message;
  const double exact = std::sqrt(2.0) * std::exp(std::lgamma(1024.5) - std::lgamma(1024.0));
  const double mean = o.bound.convert_to<double>(), radius = o.error.convert_to<double>();
  EXPECT_LE(std::abs(mean - exact), radius);  // fails with probability <= 1e-9
  EXPECT_LT(radius, 1.0);                      // Lipschitz constant sqrt(1) * 1: radius ~ 0.8
  EXPECT_NEAR(o.measured.convert_to<double>(), 64.0, 1e-12);
  EXPECT_LT(o.margin(), -o.error);             // certified violation
}

// Lemma 9.15 upper, d = 400, r = 200, n = 1, Theta = 2 [I_200; 0]:
// sup = 2 ||X_1[:, 1:200]||_* ~ 2 * 0.97 * 200 * 20 > 24 sqrt(80000) ~ 6788.
TEST(Os19LowRankLemmas, Lemma915UpperFailsOnTheLargeCounterexample) {
  std::string s = "[";
  for (int j = 0; j < 200; ++j) s += (j ? ",\"2\"" : "\"2\"");
  s += "]";
  const Json j = Json::parse(R"({"d": 400, "r": 200, "n": 1, "seed": 5, "theta": "1", "rotated": 0, "s": )" + s + "}");
  const Outcome o = claim("os19.lem9.15.upper").evaluate(j, Precision::kDouble);
  ASSERT_TRUE(o.ok) << o.message;
  RandomSource rng(5);
  const Matrix<double> x = os19::gaussian_features(1, 400, rng)[0];
  const double nuclear = 2 * Eigen::JacobiSVD<Matrix<double>>(x.leftCols(200)).singularValues().sum();
  EXPECT_NEAR(o.measured.convert_to<double>(), nuclear, 1e-10 * nuclear);
  EXPECT_NEAR(o.bound.convert_to<double>(), 24 * std::sqrt(80000.0), 1e-9);
  EXPECT_LT(o.margin(), -o.error);
  for (const auto& h : o.hypotheses) EXPECT_TRUE(h.holds) << h.name;
}

// Lemma 9.16 (9.54) with n = 1: sup over v = +-1 of ||X_1||_op, exactly.
TEST(Os19LowRankLemmas, Lemma916LipschitzWithOneSampleIsTheSpectralNorm) {
  const Json j = Json::parse(R"({"d": 3, "r": 1, "n": 1, "seed": 17, "theta": "1", "s": ["1"]})");
  const Outcome o = claim("os19.lem9.16.lipschitz").evaluate(j, Precision::kMp50);
  ASSERT_TRUE(o.ok) << o.message;
  RandomSource rng(17);
  const Matrix<double> x = os19::gaussian_features(1, 3, rng)[0];
  const double op = Eigen::JacobiSVD<Matrix<double>>(x).singularValues()(0);
  EXPECT_NEAR(o.measured.convert_to<double>(), op, 1e-12 * op);
  EXPECT_NEAR(o.bound.convert_to<double>(), 12 * std::sqrt(3.0), 1e-12);
}

TEST(Os19LowRankLemmas, InstancesOutsideTheirRangesAreRejected) {
  EXPECT_THROW(claim("os19.lem9.15.upper")
                   .validate(Json::parse(R"({"d": 2, "r": 3, "n": 1, "seed": 1, "theta": "1", "s": ["1","1","1"]})")),
               InputError);
  EXPECT_THROW(claim("os19.lem9.14").validate(Json::parse(R"({"d": 1, "r": 2, "samples": 4, "seed": 1, "theta": "1", "s": ["1"]})")),
               InputError);
  EXPECT_THROW(claim("os19.lem9.16.spectrum").validate(Json::parse(R"({"d": 2, "r": 1, "n": 3, "seed": 1, "theta": "1", "s": ["1"]})")),
               InputError);
}

}  // namespace
}  // namespace thmcheck
