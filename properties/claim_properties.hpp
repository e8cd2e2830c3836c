// Shared pieces of the per-claim property tests: the claim's own RapidCheck
// generator, judging a case, and comparing a claim's verdict at its default
// settings with reports/expectations.json.
#pragma once

#include <gtest/gtest.h>
#include <rapidcheck.h>

#include <string>

#include "thmcheck/engine/registry.hpp"
#include "thmcheck/engine/runner.hpp"
#include "thmcheck/report/expectations.hpp"

namespace thmcheck::properties {

/// The claim with this id; fails the test when it is missing.
inline const Claim& claim(const std::string& id) {
  const Claim* c = linked_registry().find(id);
  if (!c) throw std::logic_error("no claim " + id);
  return *c;
}

/// Expected verdict of a claim from reports/expectations.json.
inline std::string expected_verdict(const std::string& id) {
  static const Expectations ex =
      load_expectations(std::string(THMCHECK_SOURCE_DIR) + "/reports/expectations.json");
  auto it = ex.find(id);
  return it == ex.end() ? std::string("(none)") : it->second.verdict;
}

/// Property body: one generated instance of the claim, judged with the
/// certification ladder. A solver error is never acceptable; when an explicit
/// claim is expected to hold, no in-hypothesis case may fail.
inline void check_generated_case(const std::string& id) {
  const Claim& c = claim(id);
  const Json instance = *c.generator;
  const CaseRecord r = judge_instance(c, instance, Precision::kDouble);
  RC_LOG() << to_string(r.status) << " margin " << to_decimal(r.margin, 10) << " error "
           << to_decimal(r.error, 3) << " " << r.message << "\n";
  RC_ASSERT(r.status != CaseStatus::kError);
  // Per case, only explicit claims promise a pass: a frequency claim's event
  // may fail on some cases, and a scaling claim is judged on the fit.
  if (c.kind == ClaimKind::kExplicit && expected_verdict(id) == "holds" && r.in_hypothesis) {
    RC_ASSERT(r.passed());
  }
}

/// Runs the claim like `thmcheck run` at its default settings (seed 1) and
/// compares the verdict with the expectation, in either direction.
inline void expect_default_verdict(const std::string& id) {
  RunOptions options;
  options.seed = 1;
  const ClaimRun run = run_claim(claim(id), options);
  EXPECT_EQ(run.summary.verdict, expected_verdict(id))
      << id << ": " << run.summary.passed << "/" << run.summary.in_hypothesis << " passed, "
      << run.summary.failed << " failed, " << run.summary.inconclusive << " inconclusive, "
      << run.summary.errors << " errors";
}

}  // namespace thmcheck::properties
