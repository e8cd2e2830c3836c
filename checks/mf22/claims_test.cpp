// Direct evaluations of the mf22 claims (checks/mf22/*.cpp) on fixed instances
// (the engine is not needed): outcomes are well-formed and the measured numbers
// are what the solvers give.
#include <gtest/gtest.h>

#include <optional>

#include <rapidcheck.h>

#include "thmcheck/engine/registry.hpp"

namespace thmcheck {
namespace {

const Claim& claim(const std::string& id) {
  const Claim* c = linked_registry().find(id);
  if (c == nullptr) throw std::runtime_error("no claim " + id);
  return *c;
}

Json first_instance(const Claim& c, int size = 10, int seed = 1) {
  return c.generator(rc::Random(seed), size).value();
}

TEST(Mf22Checks, AllClaimsRegisteredWithGenerators) {
  // All 46 claims of checks/mf22/{prop1,thm1,thm2,thm3,thm3_scaling,thm4}.cpp.
  for (const char* id :
       {"mf22.prop1.psi", "mf22.prop1.psi.as-proved", "mf22.prop1", "mf22.prop1.as-proved",
        "mf22.prop1.dense", "mf22.prop1.dense.as-proved", "mf22.prop1.dim", "mf22.prop1.dim.as-proved",
        "mf22.thm4", "mf22.thm4.as-proved", "mf22.thm4.gamma.N1", "mf22.thm4.gamma.N2", "mf22.thm4.gamma.N3",
        "mf22.thm4.gamma.N4", "mf22.thm4.gamma.N5", "mf22.thm4.constant", "mf22.thm4.constant.m",
        "mf22.thm1.over", "mf22.thm1.over.gamma", "mf22.thm1.under", "mf22.thm2", "mf22.thm3",
        "mf22.thm2.balanced", "mf22.thm3.balanced", "mf22.thm2.error", "mf22.thm2.error.as-proved",
        "mf22.thm3.error", "mf22.thm3.balanced.support", "mf22.thm2.no-escape", "mf22.thm4.p0p",
        "mf22.thm4.p0p.as-printed", "mf22.thm2.error.theta", "mf22.thm3.no-escape", "mf22.thm2.alpha",
        "mf22.thm2.alpha.window", "mf22.prop1.main-text", "mf22.prop1.dense.main-text",
        "mf22.prop1.large-m", "mf22.prop1.large-m.as-proved", "mf22.thm3.alpha", "mf22.thm3.alpha.main-text",
        "mf22.thm3.alpha.window", "mf22.thm3.error.theta", "mf22.thm3.error.theta.as-proved",
        "mf22.thm3.decay.tbar", "mf22.thm3.decay.tbar.main-text"}) {
    const Claim& c = claim(id);
    EXPECT_EQ(c.paper, "mf22");
    const Json j = first_instance(c);
    EXPECT_NO_THROW(c.validate(j)) << id;
  }
}

// No claim is registered twice or left out of the list above.
TEST(Mf22Checks, CatalogHoldsFiftySevenClaims) {
  int count = 0;
  for (const Claim& c : linked_registry().claims()) count += c.paper == "mf22";
  EXPECT_EQ(count, 57);  // 46 above and the 11 of lem1.cpp, lem2.cpp, lem3.cpp, lem7.cpp
}

// psi claims: the same Monte Carlo number at every precision, the bound is the
// psi of the stated form, and equal forms at p = 0 give the same bound.
TEST(Mf22Checks, PsiClaimOutcomeIsWellFormed) {
  Json j;
  j["law"] = "gaussian";
  j["outlier_scale"] = "2";
  j["corruption_permille"] = 300;
  j["samples"] = 20000;
  j["z"] = {"3", "4"};
  j["seed"] = 5;
  const Outcome printed = claim("mf22.prop1.psi").evaluate(j, Precision::kDouble);
  const Outcome proved = claim("mf22.prop1.psi.as-proved").evaluate(j, Precision::kMp50);
  ASSERT_TRUE(printed.ok);
  ASSERT_TRUE(proved.ok);
  EXPECT_EQ(printed.measured, proved.measured);  // same deterministic Monte Carlo
  // ||z|| = 5, sigma = 2, p = 0.3: as-proved damping 5/sqrt(29), printed sqrt(5/9).
  const double c = std::sqrt(2 / M_PI);
  EXPECT_NEAR(proved.bound.convert_to<double>(), c * (0.7 + 0.3 * 5 / std::sqrt(29.0)), 1e-15);
  EXPECT_NEAR(printed.bound.convert_to<double>(), c * (0.7 + 0.3 * std::sqrt(5.0 / 9)), 1e-15);
  // Standard error of a mean of m terms of variance <= 1: error <= 4.5/sqrt(m).
  EXPECT_GT(printed.error.convert_to<double>(), 0);
  EXPECT_LT(printed.error.convert_to<double>(), 4.5 / std::sqrt(20000.0) + 1e-8);
}

TEST(Mf22Checks, DeviationSweepGivesOnePointPerGridValue) {
  const Claim& c = claim("mf22.prop1.as-proved");
  Json j = first_instance(c);
  j["samples_grid"] = {100, 200, 400};
  const Outcome o = c.evaluate(j, Precision::kDouble);
  ASSERT_TRUE(o.ok) << o.message;
  ASSERT_EQ(o.points.size(), 3u);
  for (const auto& [x, y] : o.points) {
    EXPECT_GT(y, 0);
    // |Q_j| <= max_i |x_ij| and psi <= sqrt(2/pi): the inf-norm deviation is
    // far below 10 for Gaussian data of this size.
    EXPECT_LT(y, 10);
  }
  EXPECT_EQ(o.points[1].first, 200);
}

Json landscape_instance(int layers) {
  Json j;
  j["dimension"] = 60;
  j["samples"] = 6;
  j["sparsity"] = 2;
  j["corrupted"] = 2;
  j["theta_min"] = "1";
  j["theta_max"] = "2";
  j["law"] = "two_point";
  j["outlier_scale"] = "100";
  j["layers"] = layers;
  j["seed"] = 3;
  j["gamma_grid"] = {"0.01", "0.02", "0.04"};
  return j;
}

// Flatness: the decrease points are certified (positive, above rounding) and
// agree between double and 50 digits to the double's rounding level; the
// x values are gamma^N.
TEST(Mf22Checks, FlatnessPointsAgreeAcrossPrecisions) {
  const Claim& c = claim("mf22.thm4.as-proved");
  const Json j = landscape_instance(3);
  const Outcome low = c.evaluate(j, Precision::kDouble);
  const Outcome high = c.evaluate(j, Precision::kMp50);
  ASSERT_TRUE(low.ok) << low.message;
  ASSERT_TRUE(high.ok) << high.message;
  ASSERT_EQ(low.points.size(), 3u);
  for (std::size_t i = 0; i < 3; ++i) {
    EXPECT_NEAR(low.points[i].first.convert_to<double>(), std::pow(0.01 * (1 << i), 3), 1e-18);
    const double y = high.points[i].second.convert_to<double>();
    EXPECT_GT(y, 0);
    // Loss differences of O(1) losses in double: absolute error ~1e-14.
    EXPECT_NEAR(low.points[i].second.convert_to<double>(), y, 1e-12);
  }
}

// Theorem 1 (over): the event is a certified strict decrease; Theorem 1
// (under): the event is "no first-order descent"; both outcomes well formed.
TEST(Mf22Checks, TheoremOneOutcomes) {
  Json over = landscape_instance(2);
  over.erase("gamma_grid");
  over["outlier_scale"] = "10";
  over["gamma"] = "0.05";
  const Outcome o = claim("mf22.thm1.over").evaluate(over, Precision::kDouble);
  ASSERT_TRUE(o.ok) << o.message;
  EXPECT_LT(o.bound, 0);  // -3 x rounding
  Json under = over;
  under.erase("gamma");
  under["dimension"] = 5;
  under["samples"] = 200;
  under["corrupted"] = 20;
  const Outcome u = claim("mf22.thm1.under").evaluate(under, Precision::kMp50);
  ASSERT_TRUE(u.ok) << u.message;
  EXPECT_EQ(u.bound, 0);
  EXPECT_GE(u.error, 0);
}

// Theorem 1 prints "for any N >= 1 and 0 < p < 1/2": p = 0 and p = 1/2
// (|S| = 0, 2|S| = m) are outside the hypothesis p.range, 0 < p < 1/2 inside,
// in both regimes.
TEST(Mf22Checks, TheoremOneCountsOnlyZeroLessThanPLessThanHalf) {
  auto p_range = [](const Outcome& o) {
    for (const HypothesisCheck& h : o.hypotheses)
      if (h.name == "p.range") return std::optional<bool>(h.holds);
    return std::optional<bool>();
  };
  Json under = landscape_instance(2);
  under.erase("gamma_grid");
  under["outlier_scale"] = "10";
  under["dimension"] = 5;
  under["samples"] = 200;
  for (const auto& [corrupted, inside] : {std::pair{0, false}, {1, true}, {99, true}, {100, false}}) {
    under["corrupted"] = corrupted;
    const Outcome u = claim("mf22.thm1.under").evaluate(under, Precision::kDouble);
    ASSERT_TRUE(u.ok) << u.message;
    EXPECT_EQ(p_range(u), std::optional<bool>(inside)) << "under, |S| = " << corrupted;
  }
  Json over = landscape_instance(2);
  over.erase("gamma_grid");
  over["outlier_scale"] = "10";
  over["gamma"] = "0.05";
  for (const auto& [corrupted, inside] : {std::pair{0, false}, {1, true}}) {
    over["corrupted"] = corrupted;
    const Outcome o = claim("mf22.thm1.over").evaluate(over, Precision::kDouble);
    ASSERT_TRUE(o.ok) << o.message;
    EXPECT_EQ(p_range(o), std::optional<bool>(inside)) << "over, |S| = " << corrupted;
  }
}

// Theorems 2-3: the balanced and error claims measure what they say. The
// spread starts at <= 0.4 sqrt(alpha) (N = 2) and stays far below 1; the
// escape-window error of the sharp l1 loss is an oscillation of size
// ~ N eta theta*_max (0.6-0.8 of it in our runs; [0.1, 10] is a loose band).
TEST(Mf22Checks, TheoremTwoBalancedAndErrorOutcomes) {
  const Claim& balanced = claim("mf22.thm2.balanced");
  Json b = first_instance(balanced);
  EXPECT_EQ(b.at("perturb_init"), 1);
  const Outcome ob = balanced.evaluate(b, Precision::kDouble);
  ASSERT_TRUE(ob.ok) << ob.message;
  ASSERT_EQ(ob.points.size(), 5u);
  for (const auto& [x, y] : ob.points) {
    EXPECT_GT(y, 0);
    EXPECT_LT(y, 1);
  }
  b["perturb_init"] = 0;
  EXPECT_THROW(balanced.validate(b), InputError);

  const Claim& error = claim("mf22.thm2.error");
  const Json e = first_instance(error);
  const Outcome oe = error.evaluate(e, Precision::kDouble);
  ASSERT_TRUE(oe.ok) << oe.message;
  ASSERT_EQ(oe.points.size(), 3u);
  for (const auto& [x, y] : oe.points) {
    const double ratio = static_cast<double>(y / x);
    EXPECT_GT(ratio, 0.1);
    EXPECT_LT(ratio, 10);
  }
  EXPECT_NEAR(static_cast<double>(oe.points[1].first / oe.points[0].first), 2, 1e-12);
}

}  // namespace
}  // namespace thmcheck
