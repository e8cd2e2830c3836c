// os19 Theorem 2.4 beyond its verdict (registered_claims_properties.cpp): the
// claim's own generator reaches the cases where the bound is attained.
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include "properties/claim_properties.hpp"

namespace thmcheck::properties {
namespace {

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
