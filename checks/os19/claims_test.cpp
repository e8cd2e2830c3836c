// Tests of the os19 claims beyond Theorem 2.4: known closed forms on small
// instances (so a wrong measurement shows up independently of the theorem),
// validation of user instances, and a survey over generated instances.
#include <gtest/gtest.h>
#include <rapidcheck.h>

#include <cmath>
#include <cstdlib>
#include <iostream>
#include <string>

#include "thmcheck/engine/registry.hpp"

namespace thmcheck {
namespace {

const Claim& claim(const char* id) {
  const Claim* c = linked_registry().find(id);
  if (c == nullptr) throw std::logic_error(std::string("missing claim ") + id);
  return *c;
}

bool all_hypotheses_hold(const Outcome& o) {
  for (const auto& h : o.hypotheses) {
    if (!h.holds) return false;
  }
  return true;
}

// n = p = 1, f = x theta, x = 2, y = 3, theta0 = 0, eta = 1/8 = 1/(2 beta^2):
// r_t = -3 (1 - eta x^2)^t = -3 (1/2)^t and theta_t = (3/2)(1 - 2^-t). Then
// alpha/4 |theta_t| + |r_t| = (3/4)(1 - 2^-t) + 3 2^-t, largest at t = 1:
// 3/8 + 3/2 = 15/8 against ||r_0|| = 3.
TEST(Os19Claims, PotentialOnScalarLinearProblemMatchesClosedForm) {
  const Json j = Json::parse(R"({"X": [["2"]], "y": ["3"], "phi": {"name": "identity"},
      "theta0": ["0"], "eta": "0.125", "iterations": 10})");
  const Claim& c = claim("os19.thm2.1.potential");
  ASSERT_NO_THROW(c.validate(j));
  const Outcome o = c.evaluate(j, Precision::kMp50);
  ASSERT_TRUE(o.ok) << o.message;
  EXPECT_TRUE(all_hypotheses_hold(o));
  EXPECT_LT(abs(o.measured - Wide("1.875")), Wide("1e-40"));
  EXPECT_LT(abs(o.bound - Wide(3)), Wide("1e-40"));
  EXPECT_LT(o.error, Wide("1e-40"));
  // The rate claim: ||r_t||^2 / ((1 - eta alpha^2/2)^t ||r_0||^2) = (1/4)^t / (3/4)^t = 3^-t,
  // largest at t = 1.
  const Outcome rate = claim("os19.thm2.1.rate").evaluate(j, Precision::kMp50);
  ASSERT_TRUE(rate.ok);
  EXPECT_LT(abs(rate.measured / rate.bound - Wide(1) / 3), Wide("1e-40"));
  // Path after 10 steps: |theta_10| = (3/2)(1 - 2^-10), against 4 ||r_0|| / alpha = 6.
  const Outcome path = claim("os19.thm2.1.path").evaluate(j, Precision::kMp50);
  EXPECT_LT(abs(path.measured - Wide("1.5") * (1 - Wide(1) / 1024)), Wide("1e-40"));
  EXPECT_LT(abs(path.bound - Wide(6)), Wide("1e-40"));
}

// Same problem, (2.12) as printed: alpha |theta_t| + |r_t| = 3 (1 - 2^-t) +
// 3 2^-t = 3 exactly (equality, the Theorem 2.4 extremal case), for any t.
TEST(Os19Claims, PrintedImprovedPotentialIsAnEqualityInOneDimension) {
  const Json j = Json::parse(R"({"X": [["2"]], "y": ["3"], "phi": {"name": "identity"},
      "theta0": ["0"], "eta": "0.125", "iterations": 5, "lambda": "1"})");
  const Outcome o = claim("os19.thm9.3.potential").evaluate(j, Precision::kMp50);
  ASSERT_TRUE(o.ok) << o.message;
  EXPECT_LT(abs(o.measured - Wide(3)), Wide("1e-40"));
}

// Closest optimum in the scalar GLM case: theta* = phi^{-1}(y)/x.
TEST(Os19Claims, CorollaryUsesClosestOptimum) {
  const Json j = Json::parse(R"({"X": [["1", "0"]], "y": ["2"], "phi": {"name": "identity"},
      "theta0": ["0", "5"], "eta_fraction": "1", "iterations": 3})");
  const Outcome o = claim("os19.cor2.3.distance").evaluate(j, Precision::kMp50);
  ASSERT_TRUE(o.ok) << o.message;
  // theta* = (2, 5), ||theta* - theta0|| = 2, beta = alpha = 1: bound 8.
  EXPECT_LT(abs(o.bound - Wide(8)), Wide("1e-40"));
}

// A counterexample to Theorem 4.3 as printed (found by the adversarial
// generator's search): two unit rows at angle acos(0.92), phi = z + 30
// tanh(s z)/s with s = 5.8e4 (gamma = 1, Gamma = 31, M = 1.35e6), both
// pre-activations at the sharp transition. The printed step omits M; at it the
// residual norm grows (t = 3: 1.0952e-2 > ||r_0|| = 1.0582e-2), so (4.7) and
// (4.8) fail at 50 digits. Theorem 2.1's step (with L = M ||X||_2,inf ||X||)
// is 2.5e5 times smaller, and the .as-proved sibling passes.
TEST(Os19Claims, Theorem43AsPrintedFailsOnSharpActivation) {
  const Json j = parse_json_exact(R"({"X": [["1.0", "0.0"], ["0.9280629617279662", "0.37242333314215903"]], "y": ["0.01655980473980607", "-0.024775974063370634"], "v": ["1"], "phi": {"name": "tanh_plus", "c": "30.0", "s": "27018.624677303607"}, "W0": [["3.5286735995293716e-05", "-0.00017220264088033281"]], "eta_fraction": "1", "iterations": 5})");
  for (const char* id : {"os19.thm4.3.rate", "os19.thm4.3.potential"}) {
    const Outcome o = claim(id).evaluate(j, Precision::kMp50);
    ASSERT_TRUE(o.ok) << o.message;
    EXPECT_TRUE(all_hypotheses_hold(o)) << id;
    EXPECT_LT(o.margin(), -o.error) << id;
    EXPECT_GT(o.measured / o.bound, Wide("1.03")) << id;
  }
  const Outcome proved = claim("os19.thm4.3.rate.as-proved").evaluate(j, Precision::kMp50);
  ASSERT_TRUE(proved.ok);
  EXPECT_GT(proved.margin(), proved.error);
}

/// The one-line InputError that claim `c` gives for instance `text`.
std::string validation_error(const Claim& c, const char* text) {
  try {
    c.validate(parse_json_exact(text));
  } catch (const InputError& e) {
    return e.what();
  }
  return "accepted";
}

TEST(Os19Claims, ValidationNamesTheProblem) {
  const Claim& c = claim("os19.thm2.1.potential");
  EXPECT_EQ(validation_error(c, R"({"X": [["1", "0"], ["0", "1"], ["1", "1"]], "y": [1, 2, 3],
      "phi": {"name": "identity"}, "theta0": [0, 0], "eta": "0.1", "iterations": 3})"),
            "field 'X': n = 3 > p = 2 (the theorems need n <= p)");
  EXPECT_EQ(validation_error(c, R"({"X": [["1", "0"]], "y": [1], "phi": {"name": "identity"},
      "theta0": [0, 0], "iterations": 3})"),
            "fields 'eta' and 'eta_fraction': give exactly one of them");
  EXPECT_EQ(validation_error(c, R"({"X": [["1", "0"]], "y": [1], "phi": {"name": "softsign"},
      "theta0": [0, 0], "eta": 0.1, "iterations": 3})"),
            "field 'phi': field 'name': unknown activation 'softsign' (expected identity, tanh_plus, leaky_softplus)");
  const Claim& sgd = claim("os19.thm3.1.stay");
  EXPECT_EQ(validation_error(sgd, R"({"X": [["1", "0"]], "y": [1], "phi": {"name": "identity"},
      "theta0": [0, 0], "eta_fraction": "1", "iterations": 3, "nu": "2", "seed": 4})"),
            "field 'nu': must be >= 3");
  const Claim& net = claim("os19.thm4.3.rate");
  EXPECT_EQ(validation_error(net, R"({"X": [["1", "0"]], "y": [1], "v": [1], "phi": {"name": "identity"},
      "W0": [["0", "0", "0"]], "eta_fraction": "1", "iterations": 3})"),
            "field 'W0': 1 x 3 does not match k x d = 1 x 2 (k = length of 'v', d = columns of 'X')");
  const Claim& low_rank = claim("os19.thm4.2");
  EXPECT_EQ(validation_error(low_rank, R"({"d": 8, "r": 9, "n": 2, "seed": 5, "c1": "0.1", "iterations": 20})"),
            "field 'r': 9 is outside [1, 8]");
  EXPECT_EQ(validation_error(low_rank, R"({"d": 8, "r": 2, "n": 2, "seed": 5, "iterations": 20})"),
            "missing field 'c1'");
  EXPECT_NE(validation_error(low_rank, R"({"d": 8, "r": 2, "n": 2, "seed": 5, "c1": "1e400", "iterations": 20})")
                .find("field 'c1'"),
            std::string::npos);
}

// Generated instances must evaluate without solver failure, and every
// in-hypothesis case of a proved statement must pass at 50 digits.
void survey(const std::string& prefix, int cases, bool print) {
  for (const Claim& c : linked_registry().claims()) {
    if (c.id.rfind(prefix, 0) != 0 || c.id.rfind("os19.thm2.4", 0) == 0) continue;
    if (c.kind == ClaimKind::kScaling) continue;  // judged by the fitted exponent instead
    int in_hyp = 0, pass = 0, fail = 0, uncertain = 0, errors = 0, outside = 0, fail_outside = 0;
    double tightest = 0;
    std::string worst_case;
    for (int s = 0; s < cases; ++s) {
      const Json inst = c.generator(rc::Random(1000 + s), 50 + s % 51).value();
      c.validate(inst);
      Outcome o = c.evaluate(inst, Precision::kDouble);
      if (o.ok && abs(o.margin()) <= o.error) o = c.evaluate(inst, Precision::kMp50);
      // A case outside its hypotheses counts as outside even when the theorem
      // allows no run on it (os19.thm2.1: no alpha on any ball), as the runner counts it.
      if (!o.ok && (o.hypotheses.empty() || all_hypotheses_hold(o))) {
        ++errors;
        continue;
      }
      if (!all_hypotheses_hold(o)) {
        if (o.margin() < -o.error) ++fail_outside;
        ++outside;
        continue;
      }
      ++in_hyp;
      const Wide m = o.margin();
      if (m > o.error) {
        ++pass;
      } else if (m < -o.error) {
        ++fail;
        if (print && fail <= 3) {
          std::cout << "  FAIL " << c.id << " case " << s << ": measured " << to_decimal(o.measured, 12)
                    << " bound " << to_decimal(o.bound, 12) << " error " << to_decimal(o.error, 3) << "\n   ";
          for (auto& [k, v] : o.details) std::cout << k << "=" << v << " ";
          std::cout << "\n   instance: " << inst.dump().substr(0, 400) << "\n";
        }
      } else {
        ++uncertain;
      }
      double ratio = 0;
      for (auto& [k, v] : o.details) {
        if (k == "tightness") ratio = std::stod(v);
      }
      if (ratio > tightest) {
        tightest = ratio;
        worst_case = "";
        for (auto& [k, v] : o.details) worst_case += k + "=" + v + " ";
      }
    }
    if (print) {
      std::cout << c.id << ": in-hypothesis " << in_hyp << " pass " << pass << " fail " << fail
                << " uncertain " << uncertain << " errors " << errors << " | outside hypotheses " << outside
                << " (violated " << fail_outside << ") | max tightness "
                << tightest << "\n    worst: " << worst_case << "\n";
    }
    EXPECT_EQ(errors, 0) << c.id;
  }
}

TEST(Os19Claims, GeneratedInstancesEvaluate) { survey("os19.thm2.1", 6, false); }

TEST(Os19ClaimsSlow, Survey) {
  const char* prefix = std::getenv("OS19_SURVEY");
  const char* n = std::getenv("OS19_SURVEY_CASES");
  survey(prefix ? prefix : "os19.", n ? std::atoi(n) : 40, true);
}

}  // namespace
}  // namespace thmcheck

namespace thmcheck {
namespace {

// Least-squares slope of log y on log x over the points of generated cases.
double fitted_exponent(const Claim& c, int cases, int first_seed) {
  double sx = 0, sy = 0, sxx = 0, sxy = 0;
  int m = 0;
  for (int s = 0; s < cases; ++s) {
    const Json inst = c.generator(rc::Random(first_seed + s), 100).value();
    const Outcome o = c.evaluate(inst, Precision::kDouble);
    EXPECT_TRUE(o.ok) << o.message << " " << inst.dump();
    for (const auto& [x, y] : o.points) {
      const double lx = std::log(static_cast<double>(x)), ly = std::log(static_cast<double>(y));
      sx += lx;
      sy += ly;
      sxx += lx * lx;
      sxy += lx * ly;
      ++m;
    }
  }
  return (m * sxy - sx * sy) / (m * sxx - sx * sx);
}

TEST(Os19Claims, LowRankInstanceDecaysGeometrically) {
  const Claim& c = *linked_registry().find("os19.thm4.2");
  const Json j = Json::parse(R"({"d": 8, "r": 2, "n": 2, "seed": 5, "c1": "0.1", "iterations": 20})");
  c.validate(j);
  const Outcome o = c.evaluate(j, Precision::kDouble);
  ASSERT_TRUE(o.ok) << o.message;
  ASSERT_EQ(o.points.size(), 1u);
  EXPECT_GT(o.points[0].second, 0);
}

TEST(Os19ClaimsSlow, LowRankScalingExponent) {
  const double k = fitted_exponent(*linked_registry().find("os19.thm4.2"), 40, 500);
  std::cout << "os19.thm4.2 fitted exponent of r: " << k << " (predicted -1.5)\n";
  EXPECT_TRUE(std::isfinite(k));
}

}  // namespace
}  // namespace thmcheck
