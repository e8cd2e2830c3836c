// Property tests of the cmr22 claims: one RapidCheck property per claim on its
// own generator. Each case is judged with the certification ladder (double ->
// 50 -> 100 digits); a solver error is never acceptable. The flows climb to
// 100 digits on failing and borderline cases, so all are labelled Slow.
// (Verdict expectations are not asserted here: several cmr22 claims fail on
// purpose-independent instances, see checks/cmr22_test.cpp and the report.)
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include "properties/claim_properties.hpp"

namespace thmcheck::properties {
namespace {

RC_GTEST_PROP(Cmr22Thm11Slow, NoSolverErrorOnGeneratedCases, ()) { check_generated_case("cmr22.thm1.1"); }
RC_GTEST_PROP(Cmr22Thm21Slow, NoSolverErrorOnGeneratedCases, ()) { check_generated_case("cmr22.thm2.1"); }
RC_GTEST_PROP(Cmr22Thm22Slow, NoSolverErrorOnGeneratedCases, ()) { check_generated_case("cmr22.thm2.2"); }
RC_GTEST_PROP(Cmr22Lem26Slow, NoSolverErrorOnGeneratedCases, ()) { check_generated_case("cmr22.lem2.6"); }
RC_GTEST_PROP(Cmr22LemA2Slow, NoSolverErrorOnGeneratedCases, ()) { check_generated_case("cmr22.lemA.2"); }

// The forms the proofs actually derive must hold on every generated case:
// a failure here is a harness bug (or a finding about the proof itself).
RC_GTEST_PROP(Cmr22Thm22AsProvedSlow, HoldsOnGeneratedCases, ()) {
  const Claim& c = claim("cmr22.thm2.2.as-proved");
  const CaseRecord r = judge_instance(c, *c.generator, Precision::kDouble);
  RC_LOG() << to_string(r.status) << " margin " << to_decimal(r.margin, 6) << " error "
           << to_decimal(r.error, 3) << " " << r.message << "\n";
  RC_ASSERT(r.status != CaseStatus::kError);
  RC_ASSERT(r.passed() || !r.in_hypothesis);
}
RC_GTEST_PROP(Cmr22LemA2AsProvedSlow, HoldsOnGeneratedCases, ()) {
  const Claim& c = claim("cmr22.lemA.2.as-proved");
  const CaseRecord r = judge_instance(c, *c.generator, Precision::kDouble);
  RC_ASSERT(r.status != CaseStatus::kError);
  RC_ASSERT(r.passed() || !r.in_hypothesis);
}

}  // namespace
}  // namespace thmcheck::properties

// Verdicts at default settings against reports/expectations.json. Each case
// integrates a gradient flow to its convergence certificate (and shrinking a
// counterexample adds up to 200 more), so these carry the `slow` label.
namespace thmcheck::properties {
namespace {
TEST(Cmr22VerdictsSlow, Thm11) { expect_default_verdict("cmr22.thm1.1"); }
TEST(Cmr22VerdictsSlow, Thm21) { expect_default_verdict("cmr22.thm2.1"); }
TEST(Cmr22VerdictsSlow, Thm22) { expect_default_verdict("cmr22.thm2.2"); }
TEST(Cmr22VerdictsSlow, Thm22AsProved) { expect_default_verdict("cmr22.thm2.2.as-proved"); }
TEST(Cmr22VerdictsSlow, Lem26) { expect_default_verdict("cmr22.lem2.6"); }
TEST(Cmr22VerdictsSlow, LemA2) { expect_default_verdict("cmr22.lemA.2"); }
TEST(Cmr22VerdictsSlow, LemA2AsProved) { expect_default_verdict("cmr22.lemA.2.as-proved"); }
}  // namespace
}  // namespace thmcheck::properties
