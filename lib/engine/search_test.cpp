// Tests of the targeted search on claims made for the purpose, whose truth is
// known exactly: a bound misprinted by 3% that random cases miss, a true
// bound attained with equality, and a claim whose instances reach outside
// its hypotheses.
#include "thmcheck/engine/search.hpp"

#include <gtest/gtest.h>
#include <rapidcheck.h>

#include "thmcheck/engine/parallel_run.hpp"
#include "thmcheck/engine/registry.hpp"
#include "thmcheck/engine/results.hpp"

namespace thmcheck {
namespace {

constexpr int kDim = 5;

// Instances {"x": [x_1 .. x_5]}, each x_i = k / 1e6 uniform on [0, top].
rc::Gen<Json> box_generator(double top) {
  const int steps = static_cast<int>(top * 1e6);
  return rc::gen::map(rc::gen::container<std::vector<int>>(kDim, rc::gen::inRange(0, steps + 1)),
                      [](const std::vector<int>& k) {
                        Json x = Json::array();
                        for (int v : k) x.push_back(static_cast<double>(v) / 1e6);
                        return Json{{"x", x}};
                      });
}

void validate_box(const Json& j) {
  if (!j.is_object() || !j.contains("x") || !j.at("x").is_array() || j.at("x").size() != kDim) {
    throw InputError("x: expected an array of 5 numbers");
  }
  for (const Json& v : j.at("x")) {
    if (!v.is_number() || !std::isfinite(v.get<double>())) throw InputError("x: not a finite number");
  }
}

// "f(x) <= bound" on instances from box_generator(top), under the hypothesis
// x in [0, 1]^5. `f` returns f(x) at precision S with its rounding error
// bound in units of u |f(x)|, the bound being converted with one rounding.
template <class F>
Claim box_claim(const std::string& id, double top, int cases, double bound, F f) {
  Claim c;
  c.id = id;
  c.paper = "toy";
  c.kind = ClaimKind::kExplicit;
  c.default_cases = cases;
  c.generator = box_generator(top);
  c.validate = validate_box;
  c.evaluate = make_evaluator([bound, f]<class S>(const Json& j) {
    std::vector<S> x;
    bool inside = true;
    for (const Json& v : j.at("x")) {
      x.push_back(S(v.get<double>()));
      inside = inside && x.back() >= 0 && x.back() <= 1;
    }
    const auto [value, roundings] = f.template operator()<S>(x);
    Outcome o;
    o.measured = widen(value);
    o.bound = widen(S(bound));
    o.error = widen(S(roundings + 1) * unit_roundoff<S>()) * std::max(abs(o.measured), Wide(1));
    o.hypotheses = {{"x.in.box", inside, Evidence::kCertified, ""}};
    return o;
  });
  return c;
}

// prod_i 4 x_i (1 - x_i), whose maximum over the box is 1, attained only at
// x = (1/2, ..., 1/2); 4 roundings per factor and one per product.
Claim bump_claim(const std::string& id, double bound) {
  return box_claim(id, 1.0, 100, bound, []<class S>(const std::vector<S>& x) {
    S prod = 1;
    for (const S& xi : x) prod *= S(4) * xi * (S(1) - xi);
    return std::make_pair(prod, 5 * kDim);
  });
}

// "sum_i x_i <= 5" with instances drawn from [0, 1.2]^5: outside the box the
// sum exceeds 5, which is no violation.
Claim sum_claim() {
  return box_claim("toy.sum", 1.2, 40, 5.0, []<class S>(const std::vector<S>& x) {
    S sum = 0;
    for (const S& xi : x) sum += xi;
    return std::make_pair(sum, kDim);
  });
}

RunOptions search_options(long budget) {
  RunOptions o;
  o.seed = 1;
  o.search = budget;
  return o;
}

// 3% too small a bound: random cases break it with probability about
// 0.078^5 = 3e-6 each (every |x_i - 1/2| < 0.039), so 100 of them do not; the
// search does, and the violation is certified like any other.
TEST(TargetedSearchTest, BreaksABoundMisprintedByASmallFactor) {
  const Claim c = bump_claim("toy.bump.misprinted", 0.97);
  const ClaimRun run = run_claim(c, search_options(200));
  EXPECT_EQ(run.summary.failed, 0) << "random cases should not break it";
  EXPECT_EQ(run.summary.verdict, "violated");
  EXPECT_TRUE(run.summary.search.changed_verdict);
  EXPECT_GT(run.summary.search.failed, 0);
  ASSERT_TRUE(run.summary.search.worst_ratio.has_value());
  EXPECT_GT(*run.summary.search.worst_ratio, 1.0);
  ASSERT_EQ(run.counterexamples.size(), 1u);
  const Counterexample& cx = run.counterexamples.front();
  EXPECT_EQ(cx.record.status, CaseStatus::kFail);
  EXPECT_EQ(cx.record.precision, Precision::kMp100);  // certified on the full ladder
  EXPECT_GE(cx.record.certified_digits, 10);
}

// The true bound 1, attained at x = 1/2: the search comes close to ratio 1
// (random cases stay far below) and never certifies a violation.
TEST(TargetedSearchTest, ApproachesATightTrueBoundWithoutAFalseViolation) {
  const Claim c = bump_claim("toy.bump.true", 1.0);
  const ClaimRun run = run_claim(c, search_options(200));
  EXPECT_EQ(run.summary.verdict, "holds");
  EXPECT_EQ(run.summary.search.failed, 0);
  EXPECT_EQ(run.summary.search.inconclusive, 0);
  ASSERT_TRUE(run.summary.worst_ratio.has_value());
  ASSERT_TRUE(run.summary.search.worst_ratio.has_value());
  EXPECT_LT(*run.summary.worst_ratio, 0.9);
  EXPECT_GT(*run.summary.search.worst_ratio, 0.99);
  EXPECT_LE(*run.summary.search.worst_ratio, 1.0);
  EXPECT_TRUE(run.counterexamples.empty());
}

// Pushing the sum up leads out of the box; those candidates are judged
// outside the hypotheses and never count as violations.
TEST(TargetedSearchTest, NeverCountsACaseOutsideTheHypothesesAsAViolation) {
  const Claim c = sum_claim();
  const ClaimRun run = run_claim(c, search_options(120));
  EXPECT_EQ(run.summary.verdict, "holds");
  EXPECT_EQ(run.summary.search.failed, 0);
  EXPECT_GT(run.summary.search.out_of_hypothesis, 0);
  long outside_and_above = 0;
  for (const CaseRecord& r : run.records) {
    if (r.searched && !r.in_hypothesis && r.measured > 5) ++outside_and_above;
  }
  EXPECT_GT(outside_and_above, 0) << "the search should have tried the region where the sum exceeds 5";
  // ... and climbed inside the box above every random case.
  ASSERT_TRUE(run.summary.worst_ratio.has_value());
  ASSERT_TRUE(run.summary.search.worst_ratio.has_value());
  EXPECT_GT(*run.summary.search.worst_ratio, *run.summary.worst_ratio);
  EXPECT_LE(*run.summary.search.worst_ratio, 1.0);
  EXPECT_TRUE(run.counterexamples.empty());
}

// Every searched record's token regenerates its instance, and the same run
// twice (and in worker processes) gives the same records.
TEST(TargetedSearchTest, TokensReplayTheSearchAndRunsAreDeterministic) {
  Registry registry;
  registry.add(bump_claim("toy.bump.misprinted", 0.97));
  const Claim& c = *registry.find("toy.bump.misprinted");
  RunOptions o = search_options(40);
  const ClaimRun a = run_claim(c, o);
  const ClaimRun b = run_claim(c, o);
  EXPECT_EQ(runs_to_json({a}), runs_to_json({b}));
  ParallelOptions parallel;
  parallel.jobs = 2;
  const std::vector<ClaimRun> p = run_claims({&c}, o, parallel);
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(runs_to_json({a}), runs_to_json(p));
  long searched = 0;
  for (const CaseRecord& r : a.records) {
    if (!r.searched) continue;
    ++searched;
    const TokenInstance t = instance_from_token(r.token, registry);
    const CaseRecord again = judge_instance(c, t.instance, Precision::kDouble);
    EXPECT_EQ(again.status, r.status) << r.token;
    EXPECT_EQ(to_decimal(again.measured, 30), to_decimal(r.measured, 30)) << r.token;
  }
  EXPECT_EQ(searched, 40);
}

TEST(TargetedSearchTest, SearchPathsRoundTripAndRejectMalformedText) {
  const SearchPath p{12, {{3, 1}, {7, 0}}};
  EXPECT_EQ(to_string(p), "12+3.1+7.0");
  const SearchPath q = parse_search_path("12+3.1+7.0");
  EXPECT_EQ(q.start_case, 12);
  ASSERT_EQ(q.moves.size(), 2u);
  EXPECT_EQ(q.moves[1].generation, 7);
  for (const char* bad : {"", "+", "12+", "12+3", "12+3.9", "x+1.1", "12+3.1+"}) {
    EXPECT_THROW(parse_search_path(bad), InputError) << bad;
  }
}

// Rounding shrinks give instances with fewer significant digits, down to one.
TEST(TargetedSearchTest, RoundingShrinksToFewerDigits) {
  const Json j = {{"x", {0.123456789, 2.0}}, {"s", "3.14159265358979"}, {"n", 3}};
  rc::Shrinkable<Json> s = rounding_shrinkable(j);
  std::vector<Json> children;
  auto seq = s.shrinks();
  while (auto c = seq.next()) children.push_back(c->value());
  // 0.123456789 -> 0.1, 0.12, 0.123, 0.123457; "3.14159..." -> "3", "3.1", "3.14", "3.14159"; 2.0 and 3 stay.
  ASSERT_EQ(children.size(), 8u);
  EXPECT_EQ(children.front().at("s"), "3");
  EXPECT_DOUBLE_EQ(children[4].at("x").at(0).get<double>(), 0.1);
  for (const Json& c : children) EXPECT_EQ(c.at("n"), 3);
}

}  // namespace
}  // namespace thmcheck
