// Property tests of the os19 claims (one RapidCheck property per claim, and
// the claim's verdict at default settings against reports/expectations.json).
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include "properties/claim_properties.hpp"

namespace thmcheck::properties {
namespace {

RC_GTEST_PROP(Os19Thm24, LowerBoundHoldsOnGeneratedCases, ()) { check_generated_case("os19.thm2.4"); }
RC_GTEST_PROP(Os19Thm24Ex16, AlphaExampleHoldsOnGeneratedCases, ()) { check_generated_case("os19.thm2.4.ex16"); }
RC_GTEST_PROP(Os19Thm24Ex17, GdExampleHoldsOnGeneratedCases, ()) { check_generated_case("os19.thm2.4.ex17"); }

TEST(Os19Verdicts, Thm24) { expect_default_verdict("os19.thm2.4"); }
TEST(Os19Verdicts, Thm24Ex16) { expect_default_verdict("os19.thm2.4.ex16"); }
TEST(Os19Verdicts, Thm24Ex17) { expect_default_verdict("os19.thm2.4.ex17"); }

// The tight cases of (2.15) reach ratio 1: the bound cannot be improved. A
// direction along the top right singular vector with the residual aligned
// gives measured/bound = 1 within rounding.
TEST(Os19Verdicts, Thm24IsTightOnItsOwnGenerator) {
  RunOptions options;
  options.seed = 1;
  options.cases = 60;
  const ClaimRun run = run_claim(claim("os19.thm2.4"), options);
  ASSERT_TRUE(run.summary.worst_ratio.has_value());
  EXPECT_GT(*run.summary.worst_ratio, 1 - 1e-12);
  EXPECT_LE(*run.summary.worst_ratio, 1 + 1e-12);
}

}  // namespace
}  // namespace thmcheck::properties
