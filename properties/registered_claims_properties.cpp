// One parameterised test over every registered claim of the built-in
// catalog (no hand-written lists):
//   - its verdict at default settings (seed 1, its default case count) is
//     the one reports/expectations.json records, in either direction;
//   - RapidCheck-generated instances (RC_PARAMS, 20 by default in ctest)
//     evaluate without solver error, and pass when the claim is an explicit
//     one expected to hold.
// Claims with `slow = true` are instantiated as SlowClaims/..., which
// CMakeLists.txt labels `slow-property` (left out of `ctest -LE slow`); the
// label comes from the claim's field, not from a word in a test's name.
// The catalog test below also fails for a claim without an expectation, a
// description or an instance schema.
#include <gtest/gtest.h>
#include <rapidcheck.h>
#include <rapidcheck/gtest.h>

#include <ostream>
#include <string>
#include <vector>

#include "properties/claim_properties.hpp"

namespace thmcheck::properties {
namespace {

std::vector<const Claim*> registered(bool slow) {
  std::vector<const Claim*> out;
  for (const Claim& c : linked_registry().claims()) {
    if (c.slow == slow) out.push_back(&c);
  }
  return out;
}

// "os19.thm2.4.ex16" -> "os19_thm2_4_ex16" (gtest names allow [A-Za-z0-9_]).
std::string test_name(const ::testing::TestParamInfo<const Claim*>& info) {
  std::string s = info.param->id;
  for (char& ch : s) {
    if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
  }
  return s;
}

}  // namespace
}  // namespace thmcheck::properties

namespace thmcheck {
// gtest prints a test's parameter beside its name (ctest lists it): the claim
// id, not the pointer's address.
void PrintTo(const Claim* c, std::ostream* os) { *os << c->id; }
}  // namespace thmcheck

namespace thmcheck::properties {
namespace {

class ClaimTest : public ::testing::TestWithParam<const Claim*> {};

TEST_P(ClaimTest, VerdictAtDefaultSettingsIsTheExpectedOne) {
  const Claim& c = *GetParam();
  RunOptions options;
  options.seed = 1;
  const ClaimRun run = run_claim(c, options);
  EXPECT_EQ(run.summary.verdict, expected_verdict(c.id))
      << c.id << ": " << run.summary.passed << "/" << run.summary.in_hypothesis << " passed, "
      << run.summary.failed << " failed, " << run.summary.inconclusive << " inconclusive, "
      << run.summary.errors << " errors";
}

TEST_P(ClaimTest, GeneratedCasesEvaluateWithoutSolverError) {
  const Claim& c = *GetParam();
  EXPECT_TRUE(rc::check(c.id, [&c] { check_generated_case(c); }));
}

INSTANTIATE_TEST_SUITE_P(Claims, ClaimTest, ::testing::ValuesIn(registered(false)), test_name);
INSTANTIATE_TEST_SUITE_P(SlowClaims, ClaimTest, ::testing::ValuesIn(registered(true)), test_name);

TEST(Catalog, EveryClaimHasAnExpectedVerdictAndEveryExpectationAClaim) {
  for (const Claim& c : linked_registry().claims()) {
    auto it = catalog_expectations().find(c.id);
    ASSERT_NE(it, catalog_expectations().end()) << c.id << " has no expected verdict in reports/expectations.json";
    EXPECT_FALSE(it->second.note.empty()) << c.id << ": say why this verdict is expected";
  }
  for (const auto& [id, e] : catalog_expectations()) {
    EXPECT_NE(linked_registry().find(id), nullptr) << id << " is not in the catalog";
  }
}

TEST(Catalog, EveryClaimIsDescribed) {
  for (const Claim& c : linked_registry().claims()) {
    EXPECT_FALSE(c.paper.empty()) << c.id;
    EXPECT_FALSE(c.source.empty()) << c.id;
    EXPECT_FALSE(c.statement.empty()) << c.id;
    EXPECT_FALSE(c.summary.empty()) << c.id;
    EXPECT_FALSE(c.measurement.empty()) << c.id;
    EXPECT_FALSE(c.generator_info.empty()) << c.id;
    EXPECT_FALSE(c.instance_schema.empty()) << c.id;
    EXPECT_TRUE(c.validate) << c.id << " has no validator";
    EXPECT_TRUE(c.evaluate.at_double && c.evaluate.at_mp50 && c.evaluate.at_mp100) << c.id;
  }
}

}  // namespace
}  // namespace thmcheck::properties
