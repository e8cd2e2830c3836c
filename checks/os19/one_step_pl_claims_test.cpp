// Closed-form tests of os19.lem9.5, os19.lem9.7.{a,b}, os19.thm5.4 and its
// construction claims on scalar and two-dimensional instances, so a wrong
// measurement shows up independently of the lemmas.
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "thmcheck/engine/registry.hpp"

namespace thmcheck {
namespace {

const Claim& find_claim(const char* id) {
  const Claim* c = linked_registry().find(id);
  if (c == nullptr) throw std::logic_error(std::string("missing claim ") + id);
  return *c;
}

bool hypotheses_hold(const Outcome& o) {
  for (const auto& h : o.hypotheses) {
    if (!h.holds) return false;
  }
  return true;
}

// f = 2 theta, y = 3, theta0 = 0: alpha = beta = 2 (up to the Weyl shift,
// 1e-48 at 50 digits); zeta = alpha/2 = 1, R = 3. theta = 0.5: r = -2, potential
// 0.5 + 2 = 2.5 <= 3; eta = 1/beta^2 = 1/4: theta+ = 0.5 + (1/4) 2 2 = 1.5.
TEST(Os19OneStepClaims, Lemma95ScalarStepMatchesClosedForm) {
  const Json j = Json::parse(R"({"X": [["2"]], "y": ["3"], "phi": {"name": "identity"}, "theta0": ["0"],
      "theta": ["0.5"], "zeta_fraction": "0.5", "eta_fraction": "1"})");
  const Claim& c = find_claim("os19.lem9.5");
  ASSERT_NO_THROW(c.validate(j));
  const Outcome o = c.evaluate(j, Precision::kMp50);
  ASSERT_TRUE(o.ok) << o.message;
  EXPECT_TRUE(hypotheses_hold(o));
  EXPECT_LT(abs(o.measured - Wide("1.5")), Wide("1e-40"));
  EXPECT_LT(abs(o.bound - Wide(3)), Wide("1e-40"));
  // theta = 2.5 is outside P: r = 2, potential 2.5 + 2 > 3.
  Json out = j;
  out["theta"] = Json::array({"2.5"});
  EXPECT_FALSE(hypotheses_hold(c.evaluate(out, Precision::kMp50)));
}

// Linear model: C = J J^T, so kappa = 1; lambda = 1 is allowed by 2(a) with
// zero deviation and by 2(b) with L = 0, and the bound is attained.
TEST(Os19OneStepClaims, Lemma97LinearIsTightAtLambdaOne) {
  const Json j = Json::parse(R"({"X": [["2", "0"], ["0", "1"]], "y": ["3", "1"], "phi": {"name": "identity"},
      "theta0": ["0", "0"], "theta": ["0.1", "0.2"], "zeta_fraction": "0.5", "eta_fraction": "1", "lambda": "1"})");
  for (const char* id : {"os19.lem9.7.a", "os19.lem9.7.b"}) {
    const Outcome o = find_claim(id).evaluate(j, Precision::kMp50);
    ASSERT_TRUE(o.ok) << o.message;
    EXPECT_TRUE(hypotheses_hold(o)) << id;
    EXPECT_LT(abs(o.bound - Wide(1)), Wide("1e-40")) << id;
    EXPECT_LT(abs(o.measured - Wide(1)), Wide("1e-40")) << id;
  }
}

// Scalar tanh_plus, x = 1: C = a d, J J^T = d^2, so kappa = a/d with a the
// divided difference of phi over [theta, theta+] and d = phi'(theta); checked
// against std::tanh in double (independent of the library's activation code).
TEST(Os19OneStepClaims, Lemma97ScalarKappaIsSlopeRatio) {
  const Json j = Json::parse(R"({"X": [["1"]], "y": ["2"], "phi": {"name": "tanh_plus", "c": "0.2"},
      "theta0": ["0"], "theta": ["0.3"], "zeta_fraction": "0.5", "eta": "0.5", "lambda": "0.1"})");
  const Outcome o = find_claim("os19.lem9.7.b").evaluate(j, Precision::kMp50);
  ASSERT_TRUE(o.ok) << o.message;
  const auto phi = [](double z) { return z + 0.2 * std::tanh(z); };
  const auto dphi = [](double z) { return 1 + 0.2 / (std::cosh(z) * std::cosh(z)); };
  const double theta = 0.3, r = phi(theta) - 2, plus = theta - 0.5 * dphi(theta) * r;
  const double kappa = (phi(plus) - phi(theta)) / (plus - theta) / dphi(theta);
  EXPECT_NEAR(static_cast<double>(o.bound), kappa, 1e-12);
}

// f = 2 theta, y = 2, theta0 = 0: theta* = 1, L(theta0) = 2, L = 4, so
// sqrt(2 L(theta0)/L) = 1 = d*: R = 0.999 passes with d* = 1; R = 1.5 is outside.
TEST(Os19OneStepClaims, Theorem54ScalarLeastSquares) {
  const Json j = Json::parse(R"({"X": [["2"]], "y": ["2"], "phi": {"name": "identity"}, "theta0": ["0"], "R": "0.999"})");
  const Claim& c = find_claim("os19.thm5.4");
  const Outcome o = c.evaluate(j, Precision::kMp50);
  ASSERT_TRUE(o.ok) << o.message;
  EXPECT_TRUE(hypotheses_hold(o));
  EXPECT_LT(abs(o.bound - Wide(1)), Wide("1e-40"));
  Json big = j;
  big["R"] = "1.5";
  EXPECT_FALSE(hypotheses_hold(c.evaluate(big, Precision::kMp50)));
}

// Rows (-1, 0) and (0, 0.1) (mu = 1, Householder v = e1), theta* = gamma (-1, 0),
// theta = theta* + s e2: r = (0, 0.1 s), 2 mu L = 0.01 s^2 but ||X^T r||^2 = 1e-4 s^2,
// so the proof's PL display fails along the short row; with the row at 1 the
// construction claim is an equality sqrt(2 L(0)/mu) = gamma = d*.
TEST(Os19OneStepClaims, Theorem54ConstructionAndShortRow) {
  const Json j = Json::parse(R"({"mu": "1", "L": "4", "gamma": "3", "other_row_norms": ["0.1"],
      "householder": [1, 0], "theta": ["-3", "2"]})");
  const Outcome pl = find_claim("os19.thm5.4.construction.as-proved").evaluate(j, Precision::kMp50);
  ASSERT_TRUE(pl.ok) << pl.message;
  EXPECT_LT(abs(pl.measured - Wide("0.04")), Wide("1e-40"));
  EXPECT_LT(abs(pl.bound - Wide("0.0004")), Wide("1e-40"));
  const Outcome outside = find_claim("os19.thm5.4.construction").evaluate(j, Precision::kMp50);
  EXPECT_FALSE(hypotheses_hold(outside));  // a row shorter than sqrt(mu): not mu-PL
  Json good = j;
  good["other_row_norms"] = Json::array({"2"});
  const Outcome o = find_claim("os19.thm5.4.construction").evaluate(good, Precision::kMp50);
  ASSERT_TRUE(o.ok) << o.message;
  EXPECT_TRUE(hypotheses_hold(o));
  EXPECT_LT(abs(o.measured - Wide(3)), Wide("1e-40"));
  EXPECT_LT(abs(o.bound - Wide(3)), Wide("1e-40"));
}

}  // namespace
}  // namespace thmcheck
