// The network instance family of Theorem 4.3 (network_instance.hpp):
// generated instances lie inside the ranges kNetworkGeneratorInfo states, and
// malformed instance files are InputErrors naming the field.
#include "thmcheck/os19/network_instance.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <string>

namespace thmcheck::os19 {
namespace {

// kNetworkGeneratorInfo: 75% "n in [1, 10], d = n + [0, 20], k in [1, 6], v
// uniform on the sphere, ..., phi identity / tanh_plus c in [-0.9, 3],
// sharpness s in {1, 3.2, 10, 100} / leaky_softplus; ... T in [1, 200]"; 25%
// the adversarial family "n = d = 2, k = 1, tanh_plus c = 30 with sharpness
// 1e3..1e5, ... T = 20".
TEST(Os19NetworkInstance, GeneratedInstancesLieInTheStatedRanges) {
  int adversarial = 0;
  for (int s = 0; s < 200; ++s) {
    const NetworkInstance in = network_generator()(rc::Random(5300 + s), s % 4 * 33).value();
    ASSERT_NO_THROW(in.check());
    const size_t n = in.x.size(), d = in.x.front().size(), k = in.v.size();
    if (in.phi.name == "tanh_plus" && in.phi.c->text() == "30") {
      ++adversarial;
      EXPECT_EQ(n, 2u);
      EXPECT_EQ(d, 2u);
      EXPECT_EQ(k, 1u);
      EXPECT_GE(in.phi.s->as<double>(), 1e3 * (1 - 1e-12));
      EXPECT_LE(in.phi.s->as<double>(), 1e5 * (1 + 1e-12));
      EXPECT_EQ(in.iterations, 20);
      continue;
    }
    EXPECT_GE(n, 1u);
    EXPECT_LE(n, 10u);
    EXPECT_GE(d, n);
    EXPECT_LE(d, n + 20);
    EXPECT_GE(k, 1u);
    EXPECT_LE(k, 6u);
    EXPECT_NEAR(as_vector<double>(in.v).norm(), 1, 1e-14);
    if (in.phi.name == "tanh_plus") {
      EXPECT_GE(in.phi.c->as<double>(), -0.9);
      EXPECT_LE(in.phi.c->as<double>(), 3);
      const double sharp = in.phi.s->as<double>();
      EXPECT_TRUE(sharp == 1 || sharp == 3.16228 || sharp == 10 || sharp == 100) << sharp;
    }
    EXPECT_GE(in.iterations, 1);
    EXPECT_LE(in.iterations, 200);
  }
  EXPECT_GT(adversarial, 0);
}

void expect_input_error(const std::string& text, const std::string& fragment) {
  try {
    (void)instance_from_json<NetworkInstance>(parse_json_exact(text));
    ADD_FAILURE() << "accepted: " << text;
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find(fragment), std::string::npos) << e.what();
  }
}

TEST(Os19NetworkInstance, MalformedInstancesNameTheField) {
  const std::string tail = R"("phi": {"name": "identity"}, "eta_fraction": "1", "iterations": 3})";
  expect_input_error(R"({"X": [["1", "0"]], "y": [1], "v": [1], )" + tail, "missing field 'W0'");
  expect_input_error(R"({"X": [["1", "0"]], "y": [1], "v": [1], "W0": [[0, 0], [0, 0]], )" + tail, "field 'W0'");
  expect_input_error(R"({"X": [["1", "0"]], "y": [1], "v": ["1e400"], "W0": [[0, 0]], )" + tail, "field 'v'[0]");
  expect_input_error(R"({"X": [["1"], ["0"]], "y": [1, 2], "v": [1], "W0": [[0]], )" + tail, "n = 2 > d = 1");
  expect_input_error(R"({"X": [["1", "0"]], "y": [1], "v": [], "W0": [[0, 0]], )" + tail, "field 'v'");
  EXPECT_NO_THROW(instance_from_json<NetworkInstance>(
      parse_json_exact(R"({"X": [["1", "0"]], "y": [1], "v": [1], "W0": [[0, 0]], )" + tail)));
}

}  // namespace
}  // namespace thmcheck::os19
