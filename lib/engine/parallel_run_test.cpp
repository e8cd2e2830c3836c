// run_claims against run_claim: the same runs for every number of workers
// (the output is byte-identical), a case past its limit is an `error` and
// the claim never reads `holds` because of it, and a worker that crashes on
// one case leaves the others judged.
#include "thmcheck/engine/parallel_run.hpp"

#include <gtest/gtest.h>
#include <rapidcheck.h>

#include <chrono>
#include <cstdlib>
#include <thread>

#include "thmcheck/engine/results.hpp"

namespace thmcheck {
namespace {

// "n <= bound" on n in [0, 100), with a hook that runs before measuring.
Claim toy_claim(std::string id, int bound, std::function<void(int)> before = {}) {
  Claim c;
  c.id = std::move(id);
  c.paper = "toy";
  c.generator = rc::gen::map(rc::gen::inRange(0, 100), [](int n) { return Json{{"n", n}}; });
  c.evaluate = make_evaluator([bound, before]<class S>(const Json& j) {
    const int n = j.at("n").get<int>();
    if (before) before(n);
    Outcome o;
    o.measured = widen(S(n) / 3);  // not exact in binary: the digits must travel exactly
    o.bound = widen(S(bound) / 3);
    o.error = widen(S(4) * unit_roundoff<S>()) * 100;
    o.hypotheses = {{"n.even", n % 2 == 0 || n > 10, Evidence::kCertified, ""}};
    return o;
  });
  return c;
}

RunOptions options(long cases) {
  RunOptions o;
  o.cases = cases;
  o.seed = 11;
  return o;
}

std::vector<ClaimRun> parallel(const std::vector<const Claim*>& claims, const RunOptions& o, int jobs,
                               double limit = 0) {
  ParallelOptions p;
  p.jobs = jobs;
  p.time_limit = limit;
  return run_claims(claims, o, p);
}

TEST(ParallelRunTest, SameRunsAsRunClaimForEveryNumberOfJobs) {
  const Claim holds = toy_claim("toy.holds", 100);
  const Claim violated = toy_claim("toy.violated", 40);
  const Claim none = toy_claim("toy.none", 40);
  RunOptions o = options(30);
  const Json serial = runs_to_json({run_claim(holds, o), run_claim(violated, o)});
  EXPECT_EQ(runs_to_json(parallel({&holds, &violated}, o, 1)), serial);
  EXPECT_EQ(runs_to_json(parallel({&holds, &violated}, o, 3)), serial);
  // The violated claim was shrunk, as run_claim shrinks it.
  const auto runs = parallel({&holds, &violated}, o, 2);
  EXPECT_EQ(runs[1].summary.verdict, "violated");
  ASSERT_EQ(runs[1].counterexamples.size(), 1u);
  EXPECT_EQ(runs[1].counterexamples[0].instance, (Json{{"n", 41}}));
  // A shard of the cases, and a claim with no case in it.
  o.shard_index = 1;
  o.shard_count = 4;
  RunOptions tiny = options(1);
  tiny.shard_index = 1;
  tiny.shard_count = 4;
  EXPECT_EQ(runs_to_json(parallel({&violated}, o, 2)), runs_to_json({run_claim(violated, o)}));
  EXPECT_EQ(runs_to_json(parallel({&none}, tiny, 2)), runs_to_json({run_claim(none, tiny)}));
}

TEST(ParallelRunTest, ACasePastItsLimitIsAnErrorAndTheRunGoesOn) {
  // n >= 90 sleeps far longer than the limit; every other case is quick and
  // passes, so only the cut-off cases stand between the claim and `holds`.
  const Claim slow = toy_claim("toy.slow", 100, [](int n) {
    if (n >= 90) std::this_thread::sleep_for(std::chrono::seconds(60));
  });
  const auto t0 = std::chrono::steady_clock::now();
  const auto runs = parallel({&slow}, options(40), 2, 0.5);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  const ClaimRun& run = runs.at(0);
  long stopped = 0;
  for (const CaseRecord& r : run.records) {
    if (r.status != CaseStatus::kError) continue;
    ++stopped;
    EXPECT_EQ(r.message, "time limit (0.5 s)");
    EXPECT_TRUE(r.in_hypothesis);
    EXPECT_FALSE(r.token.empty());
  }
  ASSERT_GT(stopped, 0) << "the generator drew no n >= 90 in 40 cases";
  EXPECT_EQ(run.summary.errors, stopped);
  EXPECT_EQ(run.summary.verdict, "error");
  EXPECT_EQ(static_cast<long>(run.records.size()), 40);
  // Each stopped case took its limit, not its 60 s.
  EXPECT_LT(seconds, 60.0);
}

TEST(ParallelRunTest, AWorkerThatCrashesOnOneCaseLeavesTheOthersJudged) {
  const Claim crashing = toy_claim("toy.crash", 100, [](int n) {
    if (n == 7 || n == 93) std::abort();
  });
  const auto runs = parallel({&crashing}, options(200), 2);
  long died = 0, passed = 0;
  for (const CaseRecord& r : runs.at(0).records) {
    if (r.status == CaseStatus::kError) {
      ++died;
      EXPECT_NE(r.message.find("worker died: signal 6"), std::string::npos) << r.message;
    } else {
      EXPECT_TRUE(r.passed());
      ++passed;
    }
  }
  EXPECT_GT(died, 0);
  EXPECT_GT(passed, 0);
  EXPECT_EQ(runs.at(0).summary.verdict, "error");
}

TEST(ParallelRunTest, CaseLimitIsTheUsersOrTheLongerOfDefaultAndClaim) {
  ClaimInfo c;
  EXPECT_EQ(case_time_limit(c, 0), kDefaultCaseTimeLimit);
  c.time_limit = 2 * kDefaultCaseTimeLimit;
  EXPECT_EQ(case_time_limit(c, 0), 2 * kDefaultCaseTimeLimit);
  c.time_limit = 1;
  EXPECT_EQ(case_time_limit(c, 0), kDefaultCaseTimeLimit);
  EXPECT_EQ(case_time_limit(c, 3), 3);
}

}  // namespace
}  // namespace thmcheck
