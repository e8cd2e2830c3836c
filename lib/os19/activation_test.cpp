#include "thmcheck/os19/activation.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace thmcheck::os19 {
namespace {

std::vector<Activation<Mp50>> family() {
  std::vector<Activation<Mp50>> out;
  out.push_back({ActivationKind::kIdentity, Mp50(0)});
  for (const char* c : {"-0.9", "-0.3", "0.5", "3"}) {
    out.push_back({ActivationKind::kTanhPlus, parse_decimal<Mp50>(c)});
  }
  Activation<Mp50> sharp{ActivationKind::kTanhPlus, parse_decimal<Mp50>("0.8")};
  sharp.sharpness = parse_decimal<Mp50>("7.5");
  out.push_back(sharp);
  for (const char* a : {"0.05", "0.5", "1"}) {
    out.push_back({ActivationKind::kLeakySoftplus, parse_decimal<Mp50>(a)});
  }
  return out;
}

// Central differences at 50 digits with h = 1e-15: truncation h^2 |phi'''| / 6
// <= 1e-28 for this family (|phi'''| <= 2 |c| s^2 + 1 <= 100), rounding u / h ~ 1e-35.
TEST(Os19Activation, DerivativesMatchCentralDifferencesAt50Digits) {
  const Mp50 h = parse_decimal<Mp50>("1e-15");
  for (const auto& phi : family()) {
    for (const char* zs : {"-7.5", "-1.3", "-0.2", "0", "0.6574", "2.2", "30"}) {
      const Mp50 z = parse_decimal<Mp50>(zs);
      const Mp50 d1 = (phi.value(z + h) - phi.value(z - h)) / (2 * h);
      const Mp50 d2 = (phi.derivative(z + h) - phi.derivative(z - h)) / (2 * h);
      EXPECT_LT(abs(d1 - phi.derivative(z)), Mp50("1e-25")) << phi.describe() << " z=" << zs;
      EXPECT_LT(abs(d2 - phi.second_derivative(z)), Mp50("1e-25")) << phi.describe() << " z=" << zs;
    }
  }
}

// The certified constants bound phi' and |phi''| on a dense grid, and are
// attained (to grid resolution) so they are not loose.
TEST(Os19Activation, ConstantsBoundDerivativesOnAGridAndAreAttained) {
  for (const auto& phi : family()) {
    double lo = 1e300, hi = -1e300, curv = 0;
    for (int k = -4000; k <= 4000; ++k) {
      const Mp50 z = Mp50(k) / 200;
      const double d = phi.derivative(z).convert_to<double>();
      lo = std::min(lo, d);
      hi = std::max(hi, d);
      curv = std::max(curv, std::abs(phi.second_derivative(z).convert_to<double>()));
    }
    const double g = phi.gamma().convert_to<double>(), G = phi.big_gamma().convert_to<double>();
    const double m = phi.curvature().convert_to<double>();
    EXPECT_GE(lo, g - 1e-15) << phi.describe();
    EXPECT_LE(hi, G + 1e-15) << phi.describe();
    EXPECT_LE(curv, m + 1e-15) << phi.describe();
    // Grid step 5e-3: the extremes are attained within |phi''| 5e-3 and
    // |phi'''| (5e-3)^2 / 2 <= 0.01 M (s <= 7.5).
    EXPECT_GT(hi - lo, (G - g) - 0.05) << phi.describe();
    if (m > 0) EXPECT_GT(curv, 0.97 * m) << phi.describe();
  }
}

TEST(Os19Activation, InverseSolvesToWorkingPrecision) {
  for (const auto& phi : family()) {
    for (const char* ys : {"-40", "-2.5", "0", "0.31", "1.7", "55"}) {
      const Mp50 y = parse_decimal<Mp50>(ys);
      InverseResult<Mp50> r = invert(phi, y);
      ASSERT_TRUE(r.ok) << phi.describe() << " y=" << ys;
      EXPECT_LT(abs(phi.value(r.z) - y), Mp50("1e-45")) << phi.describe();
      EXPECT_LE(r.error_bound, Mp50("1e-44"));
    }
  }
}

// The instance-file form {"name", "c", "s", "a"}: parameters out of range,
// unknown names and missing parameters are InputErrors naming the field.
TEST(Os19Activation, ActivationSpecRejectsOutOfRangeParameters) {
  auto error_of = [](const char* text) -> std::string {
    try {
      instance_from_json<ActivationSpec>(Json::parse(text));
    } catch (const InputError& e) {
      return e.what();
    }
    return "accepted";
  };
  // c <= -1 (phi not monotone) is a valid activation; claims with global constants leave it outside.
  EXPECT_EQ(error_of(R"({"name": "tanh_plus", "c": "-1.5"})"), "accepted");
  EXPECT_EQ(error_of(R"({"name": "tanh_plus", "c": "1", "s": "0"})"), "field 's': must be > 0");
  EXPECT_EQ(error_of(R"({"name": "tanh_plus"})"), "missing field 'c' (tanh_plus needs it)");
  EXPECT_EQ(error_of(R"({"name": "leaky_softplus", "a": "0"})"), "field 'a': must be in (0, 1]");
  EXPECT_NE(error_of(R"({"name": "relu"})").find("field 'name': unknown activation 'relu'"), std::string::npos);
  EXPECT_NE(error_of(R"({"name": "tanh_plus", "c": "inf"})").find("field 'c'"), std::string::npos);
  EXPECT_EQ(error_of(R"({"c": "1"})"), "missing field 'name'");
  const auto phi = instance_from_json<ActivationSpec>(Json::parse(R"({"name": "leaky_softplus", "a": "0.25"})"))
                       .at<double>();
  EXPECT_EQ(phi.kind, ActivationKind::kLeakySoftplus);
  EXPECT_DOUBLE_EQ(phi.curvature(), 0.1875);
  const auto sharp = tanh_plus_spec("0.8", "7.5").at<Mp50>();
  EXPECT_EQ(sharp.kind, ActivationKind::kTanhPlus);
  EXPECT_EQ(sharp.sharpness, parse_decimal<Mp50>("7.5"));
  EXPECT_EQ(instance_to_json(tanh_plus_spec("0.8")), Json::parse(R"({"name": "tanh_plus", "c": "0.8"})"));
}

}  // namespace
}  // namespace thmcheck::os19

namespace thmcheck::os19 {
namespace {

// c <= -1: phi' = 1 + c sech^2 takes the values [1 + c, 1], so gamma = 1 + c <= 0
// (the global constants leave such instances outside), Gamma = sup |phi'| =
// max(1, |1 + c|) (checked at the extreme z = 0), and there is no inverse to bracket.
TEST(Os19Activation, NonMonotoneTanhPlusHasSignedGammaAndNoInverse) {
  const Activation<double> phi{ActivationKind::kTanhPlus, -2.5};
  EXPECT_NEAR(phi.gamma(), -1.5, 1e-15);
  EXPECT_NEAR(phi.big_gamma(), 1.5, 1e-15);
  EXPECT_NEAR(std::abs(phi.derivative(0.0)), phi.big_gamma(), 1e-15);
  EXPECT_FALSE(invert(phi, 0.3).ok);
  const Activation<double> mild{ActivationKind::kTanhPlus, -1.5};
  EXPECT_NEAR(mild.big_gamma(), 1.0, 1e-15);
}

}  // namespace
}  // namespace thmcheck::os19
