// The proofs of lib/proof against the claims they prove violated: each
// enclosure contains the claim's own 100-digit value, and no case of the
// default run that holds is ever proved violated.
#include <gtest/gtest.h>

#include <fstream>
#include <string>

#include "thmcheck/engine/registry.hpp"
#include "thmcheck/engine/results.hpp"
#include "thmcheck/engine/runner.hpp"
#include "thmcheck/proof/certificate.hpp"

namespace thmcheck {
namespace {

/// The shipped shrunk counterexamples of the claims a proof method covers.
const char* const kShipped[][2] = {
    {"os19.thm4.3.rate", "os19.thm4.3.rate-case12"},  {"os19.thm4.3.potential", "os19.thm4.3.potential-case0"},
    {"cmr22.thm1.1", "cmr22.thm1.1-case1"},           {"cmr22.thm2.1", "cmr22.thm2.1-case3"},
    {"cmr22.thm2.2", "cmr22.thm2.2-case2"},
};

Json shipped_instance(const std::string& stem) {
  std::ifstream f(std::string(THMCHECK_SOURCE_DIR) + "/reports/counterexamples/" + stem + ".json");
  return Json::parse(f);
}

/// The Wide value of a decimal text (an enclosure end).
Wide wide(const std::string& text) { return Wide(text); }

TEST(ProofsTest, EveryEnclosureContainsTheHundredDigitValue) {
  for (const auto& [id, stem] : kShipped) {
    const Claim& claim = *linked_registry().find(id);
    const Json instance = shipped_instance(stem);
    const proof::ProofAttempt a = proof::prove_violation(id, instance);
    ASSERT_TRUE(a.proved) << id << ": " << a.message;
    const Outcome o = safe_evaluate(claim, instance, Precision::kMp100);
    ASSERT_TRUE(o.ok) << id << ": " << o.message;
    const Wide m = o.margin();
    // The 100-digit margin carries its estimated error (rounding, or the flow's
    // method error for cmr22): the enclosure must meet [m - error, m + error].
    const Wide lo = wide(a.margin_lower), hi = wide(a.margin_upper);
    EXPECT_LE(lo, m + o.error) << id << ": enclosure [" << a.margin_lower << ", " << a.margin_upper
                               << "], 100 digits " << wide_text(m, 30) << " +- " << wide_text(o.error, 3);
    EXPECT_GE(hi, m - o.error) << id;
    EXPECT_LT(hi, Wide(0)) << id;
    // Narrow: the proof stops below relative width 1e-12.
    EXPECT_LT(Wide(hi - lo), Wide(1e-12) * abs(lo)) << id;
  }
}

TEST(ProofsTest, ACaseThatHoldsIsNeverProvedViolated) {
  // The default run's cases (seed 1, each claim's default count), judged by
  // the engine: a case it passes (margin beyond its error) must never be
  // proved violated by the interval method, and every case it fails or
  // leaves undecided and the method proves must end as a failure (the
  // engine consults the proof for undecided cases, runner.cpp).
  long holding = 0, proved = 0;
  for (const char* id : {"os19.thm4.3.rate", "os19.thm4.3.potential", "cmr22.thm2.2"}) {
    const Claim& claim = *linked_registry().find(id);
    for (long i = 0; i < claim.default_cases; ++i) {
      const Json instance = generate_case(claim, 1, i).value();
      // The cmr22 method covers one-row A only; other cases cannot be proved
      // (checked), so their flows need not be judged.
      const proof::ProofAttempt a = proof::prove_violation(id, instance);
      if (instance.contains("A") && instance["A"].size() != 1) {
        EXPECT_FALSE(a.proved) << id << " case " << i;
        continue;
      }
      const CaseRecord r = judge_instance(claim, instance, Precision::kDouble);
      if (r.status == CaseStatus::kPass) {
        ++holding;
        EXPECT_FALSE(a.proved) << id << " case " << i << ": " << a.message;
      }
      if (a.proved) {
        ++proved;
        EXPECT_EQ(r.status, CaseStatus::kFail) << id << " case " << i;
      }
    }
  }
  EXPECT_GT(holding, 100);
  EXPECT_GT(proved, 30);
}

}  // namespace
}  // namespace thmcheck
