// Tests of the check engine on toy claims whose truth is known exactly.
#include "thmcheck/engine/runner.hpp"

#include <gtest/gtest.h>
#include <rapidcheck.h>

#include "thmcheck/engine/registry.hpp"
#include "thmcheck/engine/results.hpp"
#include "thmcheck/report/markdown_report.hpp"

namespace thmcheck {
namespace {

// Instances {"n": 0..99}.
rc::Gen<Json> n_generator() {
  return rc::gen::map(rc::gen::inRange(0, 100), [](int n) { return Json{{"n", n}}; });
}

// A claim "measured <= bound" with both given as functions of n at precision S.
template <class Measured, class Bound>
Claim toy_claim(std::string id, Measured measured, Bound bound) {
  Claim c;
  c.id = std::move(id);
  c.paper = "toy";
  c.kind = ClaimKind::kExplicit;
  c.generator = n_generator();
  c.evaluate = make_evaluator([measured, bound]<class S>(const Json& j) {
    const int n = j.at("n").get<int>();
    Outcome o;
    o.measured = widen(measured.template operator()<S>(n));
    o.bound = widen(bound.template operator()<S>(n));
    // Each side is one rounded operation away from exact: error 2 u max(|m|, |b|, 1).
    o.error = widen(S(2) * unit_roundoff<S>()) * std::max({abs(o.measured), abs(o.bound), Wide(1)});
    o.hypotheses = {{"always", true, Evidence::kCertified, ""}};
    return o;
  });
  return c;
}

RunOptions options(long cases) {
  RunOptions o;
  o.cases = cases;
  o.seed = 7;
  return o;
}

TEST(RunnerTest, TrueClaimHoldsOnEveryCase) {
  Claim c = toy_claim("toy.true", []<class S>(int n) { return S(n); }, []<class S>(int) { return S(100); });
  ClaimRun run = run_claim(c, options(50));
  EXPECT_EQ(run.summary.verdict, "holds");
  EXPECT_EQ(run.summary.cases, 50);
  EXPECT_EQ(run.summary.passed, 50);
  EXPECT_TRUE(run.counterexamples.empty());
  ASSERT_TRUE(run.summary.worst_ratio.has_value());
  EXPECT_LE(*run.summary.worst_ratio, 0.99 + 1e-12);
}

// The closest case is the one with the smallest margin / max(|measured|,
// |bound|, error): for "n <= 100" over n in 0..99 that is the largest n drawn,
// with relative margin (100 - n)/100 exactly (integers: no rounding).
TEST(RunnerTest, ClosestCaseHasTheSmallestRelativeMargin) {
  Claim c = toy_claim("toy.true", []<class S>(int n) { return S(n); }, []<class S>(int) { return S(100); });
  ClaimRun run = run_claim(c, options(50));
  ASSERT_TRUE(run.summary.closest_relative_margin.has_value());
  long largest = -1, largest_case = -1;
  for (const CaseRecord& r : run.records) {
    const long n = static_cast<long>(r.measured);
    if (n > largest) largest = n, largest_case = r.index;
  }
  EXPECT_EQ(run.summary.closest_case, largest_case);
  EXPECT_NEAR(*run.summary.closest_relative_margin, (100.0 - static_cast<double>(largest)) / 100.0, 1e-15);
}

// A bound of 0 leaves the ratio undefined, but not the relative margin: an
// identity measured as rounding noise e against its error u reads -e/u.
TEST(RunnerTest, RelativeMarginIsDefinedForABoundOfZero) {
  CaseRecord r;
  r.measured = Wide("1e-17");
  r.bound = 0;
  r.margin = -r.measured;
  r.error = Wide("4e-17");
  EXPECT_FALSE(r.ratio().has_value());
  EXPECT_NEAR(r.relative_margin(), -0.25, 1e-15);
  r.measured = 0;
  r.margin = 0;
  r.error = 0;
  EXPECT_DOUBLE_EQ(r.relative_margin(), 0.0);  // exact: measured = bound = 0
}

TEST(RunnerTest, FalseClaimIsViolatedAndShrinksToTheMinimalCounterexample) {
  // "n <= 4" fails for n >= 5; RapidCheck's integer shrinking reaches 5.
  Claim c = toy_claim("toy.false", []<class S>(int n) { return S(n); }, []<class S>(int) { return S(4); });
  ClaimRun run = run_claim(c, options(40));
  EXPECT_EQ(run.summary.verdict, "violated");
  ASSERT_EQ(run.counterexamples.size(), 1u);
  const Counterexample& cx = run.counterexamples.front();
  EXPECT_EQ(cx.instance.at("n").get<int>(), 5);
  EXPECT_EQ(cx.record.status, CaseStatus::kFail);
  EXPECT_GE(cx.record.certified_digits, 40);  // exact integers: margins agree fully
  // The token regenerates the shrunk instance.
  Registry registry;
  registry.add(c);
  TokenInstance t = instance_from_token(cx.record.token, registry);
  EXPECT_EQ(t.instance, cx.instance);
}

TEST(RunnerTest, ShrinkingScreenedInDoubleKeepsOnlyLadderConfirmedCounterexamples) {
  // measured <= 4 with measured = n in double but n - 3 at 50/100 digits: the
  // double screen fails for n >= 5, the ladder only for n >= 8. Shrinking
  // screens in double down to n = 5, which the ladder does not confirm, and
  // must back off to a confirmed instance (n >= 8).
  Claim c = toy_claim(
      "toy.screen",
      []<class S>(int n) {
        if constexpr (std::is_same_v<S, double>) {
          return S(n);
        } else {
          return S(n - 3);
        }
      },
      []<class S>(int) { return S(4); });
  ClaimRun run = run_claim(c, options(40));
  EXPECT_EQ(run.summary.verdict, "violated");
  ASSERT_EQ(run.counterexamples.size(), 1u);
  const Counterexample& cx = run.counterexamples.front();
  EXPECT_EQ(cx.record.status, CaseStatus::kFail);
  EXPECT_GE(cx.instance.at("n").get<int>(), 8);
  EXPECT_EQ(cx.record.precision, Precision::kMp100);
  // The token regenerates exactly the reported instance.
  Registry registry;
  registry.add(c);
  EXPECT_EQ(instance_from_token(cx.record.token, registry).instance, cx.instance);
}

TEST(RunnerTest, ClearFailureIsConfirmedAtTwoPrecisionsAndFullLadderClimbsToTheTop) {
  // measured = 5 > bound = 4: double resolves the failure, 50 digits confirm it.
  Claim c = toy_claim("toy.clear", []<class S>(int) { return S(5); }, []<class S>(int) { return S(4); });
  const CaseRecord quick = judge_instance(c, Json{{"n", 1}}, Precision::kDouble);
  EXPECT_EQ(quick.status, CaseStatus::kFail);
  ASSERT_EQ(quick.evaluated.size(), 2u);
  EXPECT_EQ(quick.precision, Precision::kMp50);
  EXPECT_GE(quick.certified_digits, 15);  // double against 50 digits, exact integers
  const CaseRecord full = judge_instance(c, Json{{"n", 1}}, Precision::kDouble, Ladder::kFull);
  EXPECT_EQ(full.status, CaseStatus::kFail);
  ASSERT_EQ(full.evaluated.size(), 3u);
  EXPECT_GE(full.certified_digits, 40);
}

TEST(RunnerTest, MethodErrorCapsCertifiedDigits) {
  // measured = 5 > bound = 4 exactly at every precision, but the claim states
  // a method error of 1e-3 (as an ODE tolerance would): the precisions agree
  // on every digit, yet only floor(log10(1 / 1e-3)) = 3 digits are resolved.
  Claim c = toy_claim("toy.method", []<class S>(int) { return S(5); }, []<class S>(int) { return S(4); });
  const Evaluator exact = c.evaluate;
  c.evaluate = Evaluator{
      [exact](const Json& j) { Outcome o = exact(j, Precision::kDouble); o.error = Wide("1e-3"); return o; },
      [exact](const Json& j) { Outcome o = exact(j, Precision::kMp50); o.error = Wide("1e-3"); return o; },
      [exact](const Json& j) { Outcome o = exact(j, Precision::kMp100); o.error = Wide("1e-3"); return o; }};
  c.error_is_rounding = false;
  const CaseRecord r = judge_instance(c, Json{{"n", 1}}, Precision::kDouble, Ladder::kFull);
  EXPECT_EQ(r.status, CaseStatus::kFail);
  EXPECT_EQ(r.certified_digits, 3);
  // The same claim with a rounding error keeps the precisions' agreement.
  c.error_is_rounding = true;
  EXPECT_GE(judge_instance(c, Json{{"n", 1}}, Precision::kDouble, Ladder::kFull).certified_digits, 40);
}

TEST(RunnerTest, ViolationBelowDoublePrecisionIsFoundAndCertified) {
  // measured = 1 + 1e-25 > bound = 1. In double both round to 1 (margin 0,
  // within error), so the ladder climbs; at 50 and 100 digits the margin is
  // -1e-25 against errors of ~1e-50 and ~1e-100.
  Claim c = toy_claim(
      "toy.tiny", []<class S>(int) { return parse_decimal<S>("1.0000000000000000000000001"); },
      []<class S>(int) { return S(1); });
  CaseRecord r = judge_instance(c, Json{{"n", 1}}, Precision::kDouble);
  EXPECT_EQ(r.status, CaseStatus::kFail);
  EXPECT_EQ(r.precision, Precision::kMp100);
  ASSERT_EQ(r.evaluated.size(), 3u);
  EXPECT_LT(abs(r.margin + Wide("1e-25")), Wide("1e-95"));
  EXPECT_GE(r.certified_digits, 20);
  // The same claim judged in double alone would have looked tight.
  Outcome d = c.evaluate(Json{{"n", 1}}, Precision::kDouble);
  EXPECT_EQ(d.margin(), 0);
}

TEST(RunnerTest, PassBelowDoublePrecisionIsResolvedAsPass) {
  Claim c = toy_claim(
      "toy.tinypass", []<class S>(int) { return S(1); },
      []<class S>(int) { return parse_decimal<S>("1.0000000000000000000000001"); });
  CaseRecord r = judge_instance(c, Json{{"n", 1}}, Precision::kDouble);
  EXPECT_EQ(r.status, CaseStatus::kPass);
  EXPECT_EQ(r.precision, Precision::kMp50);
}

TEST(RunnerTest, ExactEqualityIsTightAndCountsAsPass) {
  // 1/3 * 3 versus 1: equal in exact arithmetic, off by rounding.
  Claim c = toy_claim("toy.eq", []<class S>(int) { return S(1) / 3 * 3; }, []<class S>(int) { return S(1); });
  ClaimRun run = run_claim(c, options(5));
  EXPECT_EQ(run.summary.verdict, "holds");
  for (const CaseRecord& r : run.records) EXPECT_TRUE(r.passed()) << to_string(r.status);
}

TEST(RunnerTest, NanAndSolverFailureAreErrorsNeverPasses) {
  Claim nan_claim = toy_claim("toy.nan", []<class S>(int) { using std::sqrt; return sqrt(S(-1)); },
                              []<class S>(int) { return S(1); });
  ClaimRun run = run_claim(nan_claim, options(5));
  EXPECT_EQ(run.summary.verdict, "error");
  EXPECT_EQ(run.summary.passed, 0);
  EXPECT_EQ(run.summary.errors, 5);

  Claim failing = toy_claim("toy.solverfail", []<class S>(int) { return S(0); }, []<class S>(int) { return S(1); });
  failing.evaluate = make_evaluator([]<class S>(const Json&) {
    Outcome o;
    o.ok = false;
    o.message = "diverged";
    return o;
  });
  ClaimRun run2 = run_claim(failing, options(3));
  EXPECT_EQ(run2.summary.verdict, "error");
  EXPECT_EQ(run2.records.front().message, "diverged");
}

TEST(RunnerTest, FailuresOutsideTheHypothesesDoNotCount) {
  Claim c = toy_claim("toy.hyp", []<class S>(int n) { return S(n % 2); }, []<class S>(int) { return S(0); });
  auto inner = c.evaluate;
  c.evaluate = make_evaluator([inner]<class S>(const Json& j) {
    Outcome o = inner(j, precision_of<S>());
    o.hypotheses = {{"even", j.at("n").get<int>() % 2 == 0, Evidence::kCertified, ""}};
    return o;
  });
  ClaimRun run = run_claim(c, options(60));
  EXPECT_EQ(run.summary.verdict, "holds");
  EXPECT_GT(run.summary.out_of_hypothesis, 0);
  EXPECT_EQ(run.summary.out_passed, 0);
  EXPECT_EQ(run.summary.in_hypothesis + run.summary.out_of_hypothesis, 60);

  c.evaluate = make_evaluator([inner]<class S>(const Json& j) {
    Outcome o = inner(j, precision_of<S>());
    o.hypotheses = {{"never", false, Evidence::kEstimated, ""}};
    return o;
  });
  EXPECT_EQ(run_claim(c, options(10)).summary.verdict, "vacuous");
}

TEST(RunnerTest, CasesCertainlyOutsideTheHypothesesAreNotRecomputed) {
  Claim c = toy_claim("toy.outside", []<class S>(int) { return S(2); }, []<class S>(int) { return S(1); });
  auto inner = c.evaluate;
  c.evaluate = make_evaluator([inner]<class S>(const Json& j) {
    Outcome o = inner(j, precision_of<S>());
    o.hypotheses = {{"h", false, Evidence::kCertified, ""}};
    return o;
  });
  CaseRecord r = judge_instance(c, Json{{"n", 1}}, Precision::kDouble);
  EXPECT_FALSE(r.in_hypothesis);
  EXPECT_EQ(r.evaluated.size(), 1u);
  // An estimated failure of a hypothesis is not certain: the case still climbs.
  c.evaluate = make_evaluator([inner]<class S>(const Json& j) {
    Outcome o = inner(j, precision_of<S>());
    o.hypotheses = {{"h", false, Evidence::kEstimated, ""}};
    return o;
  });
  // (Its clear failure is confirmed by double and 50 digits.)
  EXPECT_EQ(judge_instance(c, Json{{"n", 1}}, Precision::kDouble).evaluated.size(), 2u);
}

Claim scaling_claim(double predicted) {
  Claim c;
  c.id = "toy.scaling";
  c.kind = ClaimKind::kScaling;
  c.predicted_exponent = predicted;
  c.exponent_tolerance = 0.1;
  c.generator = n_generator();
  c.evaluate = make_evaluator([]<class S>(const Json& j) {
    Outcome o;
    const S x = S(j.at("n").get<int>() + 1);
    o.points = {{widen(x), widen(S(3) * x * x)}};
    o.hypotheses = {{"always", true, Evidence::kCertified, ""}};
    return o;
  });
  return c;
}

TEST(RunnerTest, ScalingClaimIsJudgedByTheFittedExponent) {
  ClaimRun good = run_claim(scaling_claim(2.0), options(30));
  EXPECT_EQ(good.summary.verdict, "holds");
  EXPECT_NEAR(good.summary.fit.exponent, 2.0, 1e-9);  // exact power law: only rounding
  ClaimRun bad = run_claim(scaling_claim(1.0), options(30));
  EXPECT_EQ(bad.summary.verdict, "violated");
}

TEST(RunnerTest, OneSidedScalingClaimAcceptsOnlyFasterDecay) {
  // y = 3 x^2 exactly: an upper bound y <~ x^1 (k >= 0.9) holds, y <~ x^3
  // (k >= 2.9) is violated.
  Claim weaker = scaling_claim(1.0);
  weaker.exponent_at_least = true;
  EXPECT_EQ(run_claim(weaker, options(30)).summary.verdict, "holds");
  Claim stronger = scaling_claim(3.0);
  stronger.exponent_at_least = true;
  EXPECT_EQ(run_claim(stronger, options(30)).summary.verdict, "violated");
}

TEST(RunnerTest, FrequencyClaimComparesTheIntervalWithTheClaimedProbability) {
  // Event "n < 50" has probability 1/2 under the uniform generator.
  Claim c = toy_claim("toy.freq", []<class S>(int n) { return S(n); }, []<class S>(int) { return S(49); });
  c.kind = ClaimKind::kFrequency;
  c.claimed_probability = 0.3;
  ClaimRun run = run_claim(c, options(200));
  EXPECT_EQ(run.summary.verdict, "holds");
  EXPECT_GT(run.summary.frequency, 0.35);
  EXPECT_LT(run.summary.frequency, 0.65);
  c.claimed_probability = 0.9;
  EXPECT_EQ(run_claim(c, options(200)).summary.verdict, "violated");
}

TEST(RunnerTest, SameSeedSameRecordsAndShardsMergeToTheSingleRun) {
  Claim c = toy_claim("toy.false", []<class S>(int n) { return S(n); }, []<class S>(int) { return S(4); });
  ClaimRun whole = run_claim(c, options(30));
  EXPECT_EQ(runs_to_json({whole}), runs_to_json({run_claim(c, options(30))}));
  std::vector<ClaimRun> shards;
  for (long i = 0; i < 3; ++i) {
    RunOptions o = options(30);
    o.shard_index = i;
    o.shard_count = 3;
    shards.push_back(run_claim(c, o));
  }
  std::vector<ClaimRun> merged = merge_runs(shards);
  ASSERT_EQ(merged.size(), 1u);
  EXPECT_EQ(merged[0].summary.verdict, whole.summary.verdict);
  EXPECT_EQ(merged[0].summary.failed, whole.summary.failed);
  ASSERT_EQ(merged[0].records.size(), whole.records.size());
  ASSERT_EQ(merged[0].counterexamples.size(), 1u);
  EXPECT_EQ(merged[0].counterexamples[0].record.token, whole.counterexamples[0].record.token);
  // Reports from the merged shards and from the single run are identical.
  std::vector<ClaimRun> single = merge_runs({whole});
  EXPECT_EQ(build_report(merged, {}, {}).at(kReportFile), build_report(single, {}, {}).at(kReportFile));
  // Overlapping shards are refused, and so are shards whose claim descriptions differ.
  EXPECT_THROW(merge_runs({shards[0], shards[0]}), InputError);
  std::vector<ClaimRun> edited = shards;
  edited[1].claim.statement += " (edited)";
  EXPECT_THROW(merge_runs(edited), InputError);
}

TEST(RunnerTest, ResultsRoundTripThroughJson) {
  Claim c = toy_claim("toy.false", []<class S>(int n) { return S(n); }, []<class S>(int) { return S(4); });
  ClaimRun run = run_claim(c, options(20));
  run.expected_verdict = "violated";
  run.expected_note = "n > 4 breaks it";
  Json doc = runs_to_json({run});
  std::vector<ClaimRun> back = runs_from_json(parse_json_exact(doc.dump()), "test");
  ASSERT_EQ(back.size(), 1u);
  EXPECT_EQ(runs_to_json(back), doc);
  EXPECT_EQ(back[0].claim.statement, c.statement);
  EXPECT_EQ(back[0].expected_verdict, "violated");
  EXPECT_THROW(runs_from_json(Json{{"schema", "other"}}, "x"), InputError);
}

// results.json is self-contained: a results file is read, merged and
// reported without the claim's code (no registry knows "toy.false" here), and
// its verdict is re-aggregated from the case records with the description it
// carries.
TEST(RunnerTest, ResultsAreReadWithoutTheClaimsCode) {
  Claim c = toy_claim("toy.false", []<class S>(int n) { return S(n); }, []<class S>(int) { return S(4); });
  Json doc = runs_to_json({run_claim(c, options(20))});
  std::vector<ClaimRun> back = merge_runs(runs_from_json(doc, "test"));
  ASSERT_EQ(back.size(), 1u);
  EXPECT_EQ(back[0].summary.verdict, "violated");
  const std::string md = build_report(back, {}, {}).at(kReportFile);
  EXPECT_NE(md.find(c.statement), std::string::npos);
  // A description without a required field is an input error that names it.
  Json broken = doc;
  broken["claims"][0]["claim"].erase("statement");
  try {
    runs_from_json(broken, "test");
    FAIL() << "accepted a claim description without a statement";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("statement"), std::string::npos) << e.what();
  }
}

TEST(RunnerTest, MalformedTokensAreInputErrors) {
  Registry registry;
  registry.add(toy_claim("toy.t", []<class S>(int n) { return S(n); }, []<class S>(int) { return S(4); }));
  EXPECT_THROW(instance_from_token("toy.t", registry), InputError);
  EXPECT_THROW(instance_from_token("toy.unknown:1:2", registry), InputError);
  EXPECT_THROW(instance_from_token("toy.t:x:2", registry), InputError);
  EXPECT_THROW(instance_from_token("toy.t:1:2:999999", registry), InputError);
  EXPECT_NO_THROW(instance_from_token("toy.t:1:2", registry));
}

}  // namespace
}  // namespace thmcheck

namespace thmcheck {
namespace {

TEST(RunnerTest, RatioIsUndefinedWhenTheBoundIsWithinItsErrorOfZero) {
  CaseRecord r;
  r.measured = Wide("1e-101");
  r.bound = Wide("1e-109");
  r.error = Wide("1e-98");
  EXPECT_FALSE(r.ratio().has_value());  // both sides are rounding noise
  r.bound = Wide("2e-98");
  ASSERT_TRUE(r.ratio().has_value());
  EXPECT_NEAR(*r.ratio(), 5e-4, 1e-15);
  // measured <= bound with both negative: no slack ratio.
  r.relation = Relation::kLessEqual;
  r.measured = Wide(-2);
  r.bound = Wide(-1);
  EXPECT_FALSE(r.ratio().has_value());
  r.relation = Relation::kEqual;  // equalities keep the ratio (here 2: off by a factor 2)
  ASSERT_TRUE(r.ratio().has_value());
  EXPECT_NEAR(*r.ratio(), 2.0, 1e-15);
}

}  // namespace
}  // namespace thmcheck
