// Direct evaluations of the mf22 claims on fixed instances (the engine is not
// needed): outcomes are well-formed and the measured numbers are what the
// solvers give.
#include <gtest/gtest.h>

#include <rapidcheck.h>

#include "checks/catalog.hpp"

namespace thmcheck {
namespace {

const Claim& claim(const std::string& id) {
  const Claim* c = catalog().find(id);
  if (c == nullptr) throw std::runtime_error("no claim " + id);
  return *c;
}

Json first_instance(const Claim& c, int size = 10, int seed = 1) {
  return c.generator(rc::Random(seed), size).value();
}

TEST(Mf22Checks, AllClaimsRegisteredWithGenerators) {
  for (const char* id : {"mf22.prop1.psi", "mf22.prop1.psi.as-proved", "mf22.prop1",
                         "mf22.prop1.as-proved", "mf22.prop1.dense", "mf22.prop1.dense.as-proved",
                         "mf22.prop1.dim", "mf22.prop1.dim.as-proved"}) {
    const Claim& c = claim(id);
    EXPECT_EQ(c.paper, "mf22");
    const Json j = first_instance(c);
    EXPECT_NO_THROW(c.validate(j)) << id;
  }
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

}  // namespace
}  // namespace thmcheck
