// The GLM gradient-descent instance family (glm_gd_instance.hpp): generated
// instances lie inside the ranges kGlmGeneratorInfo states, survive the round
// trip through their JSON form, and malformed instance files are InputErrors
// naming the field.
#include "thmcheck/os19/glm_gd_instance.hpp"

#include <gtest/gtest.h>

#include <Eigen/Eigenvalues>

#include <cmath>
#include <string>

namespace thmcheck::os19 {
namespace {

/// Singular values of X from the eigenvalues of X X^T (n <= p).
std::pair<double, double> extreme_singular_values(const Matrix<double>& x) {
  Eigen::SelfAdjointEigenSolver<Matrix<double>> eig(x * x.transpose());
  return {std::sqrt(std::max(0.0, eig.eigenvalues().minCoeff())), std::sqrt(eig.eigenvalues().maxCoeff())};
}

// kGlmGeneratorInfo: "n in [1, 30], p = n + [0, 60] (10%: n in [50, 150],
// p = n + [0, 100], T <= 30), cond(X) in [1, 1e4], ||X|| in [0.1, 10]; phi
// identity / tanh_plus c in [-0.9, 3] / leaky_softplus a in [1/21, 1]; eta
// fraction 1e-3..1 or above; T in [1, 300]"; Theorem 9.3's lambda in {0.1, ...,
// 1}. The 12-digit rounding of X moves its singular values by at most 1e-11
// relative, hence the 1e-6 slack.
TEST(Os19GlmGdInstance, GeneratedInstancesLieInTheStatedRanges) {
  int large = 0;
  for (int s = 0; s < 240; ++s) {
    const bool with_lambda = s % 2 == 1;
    const GlmGdInstance in = glm_gd_generator(with_lambda)(rc::Random(7000 + s), s % 4 * 33).value();
    ASSERT_NO_THROW(in.check());
    const Eigen::Index n = in.rows(), p = in.cols();
    if (n >= 50) {
      ++large;
      EXPECT_LE(n, 150);
      EXPECT_LE(p - n, 100);
      EXPECT_LE(in.iterations, 30);
    } else {
      EXPECT_LE(n, 30);
      EXPECT_LE(p - n, 60);
    }
    EXPECT_GE(n, 1);
    EXPECT_GE(p, n);
    EXPECT_GE(in.iterations, 1);
    EXPECT_LE(in.iterations, 300);
    const auto [smin, smax] = extreme_singular_values(as_matrix<double>(in.x));
    EXPECT_GE(smax, 0.1 * (1 - 1e-6));
    EXPECT_LE(smax, 10 * (1 + 1e-6));
    EXPECT_LE(smax / smin, 1e4 * (1 + 1e-6));
    if (in.phi.name == "tanh_plus") {
      EXPECT_GE(in.phi.c->as<double>(), -0.9);
      EXPECT_LE(in.phi.c->as<double>(), 3);
    } else if (in.phi.name == "leaky_softplus") {
      EXPECT_GE(in.phi.a->as<double>(), 1 / 21.0 * (1 - 1e-5));  // a = k/21 to 6 digits
      EXPECT_LE(in.phi.a->as<double>(), 1);
    } else {
      EXPECT_EQ(in.phi.name, "identity");
    }
    ASSERT_TRUE(in.eta_fraction.has_value());
    EXPECT_FALSE(in.eta.has_value());
    EXPECT_GE(in.eta_fraction->as<double>(), 1e-3);
    EXPECT_LE(in.eta_fraction->as<double>(), 2);
    EXPECT_EQ(in.theta0.size(), static_cast<size_t>(p));
    EXPECT_EQ(in.lambda.has_value(), with_lambda);
    if (in.lambda) {
      const double tenths = in.lambda->as<double>() * 10;
      EXPECT_EQ(tenths, std::round(tenths));
      EXPECT_GE(tenths, 1);
      EXPECT_LE(tenths, in.phi.name == "identity" ? 10 : 9);
    }
    const GlmGdInstance back = instance_from_json<GlmGdInstance>(instance_to_json(in));
    EXPECT_EQ(instance_to_json(back), instance_to_json(in));
  }
  EXPECT_GT(large, 0);
}

// kGlmBallGeneratorInfo: the GLM ranges plus non-monotone tanh_plus c in
// [-3.05, -1.05] and, for small cases, T up to 1500; both extensions are drawn.
TEST(Os19GlmGdInstance, BallGeneratorAddsNonMonotonePhiAndLongRuns) {
  int non_monotone = 0, long_runs = 0;
  for (int s = 0; s < 240; ++s) {
    const GlmGdInstance in = glm_gd_generator(false, true)(rc::Random(9000 + s), s % 4 * 33).value();
    ASSERT_NO_THROW(in.check());
    EXPECT_GE(in.iterations, 1);
    EXPECT_LE(in.iterations, in.rows() >= 50 ? 30 : 1500);
    if (in.iterations > 300) ++long_runs;
    if (in.phi.name == "tanh_plus") {
      const double c = in.phi.c->as<double>();
      EXPECT_GE(c, -3.05 - 1e-12);
      EXPECT_LE(c, 3);
      if (c <= -1) {
        ++non_monotone;
        EXPECT_LE(c, -1.05 + 1e-12);
      }
    }
  }
  EXPECT_GT(non_monotone, 20);
  EXPECT_GT(long_runs, 5);
}

void expect_input_error(const std::string& text, const std::string& fragment) {
  try {
    (void)instance_from_json<GlmGdInstance>(parse_json_exact(text));
    ADD_FAILURE() << "accepted: " << text;
  } catch (const InputError& e) {
    const std::string what = e.what();
    EXPECT_NE(what.find(fragment), std::string::npos) << what;
    EXPECT_EQ(what.find('\n'), std::string::npos) << what;
  }
}

TEST(Os19GlmGdInstance, MalformedInstancesNameTheField) {
  const std::string tail = R"("phi": {"name": "identity"}, "eta": "0.1", "iterations": 3})";
  expect_input_error(R"({"X": [["1", "0"]], "y": [1], )" + tail, "missing field 'theta0'");
  expect_input_error(R"({"X": [["1", "0"]], "y": [1, 2], "theta0": [0, 0], )" + tail,
                     "field 'y': length 2 does not match the 1 rows of 'X'");
  expect_input_error(R"({"X": [["1", "0"]], "y": [1], "theta0": [0], )" + tail, "field 'theta0'");
  expect_input_error(R"({"X": [["1", "nan"]], "y": [1], "theta0": [0, 0], )" + tail, "field 'X'[0][1]");
  expect_input_error(R"({"X": [["1", "0"]], "y": ["1e400"], "theta0": [0, 0], )" + tail, "field 'y'[0]");
  expect_input_error(R"({"X": [["1"], ["2"]], "y": [1, 2], "theta0": [0], )" + tail, "n = 2 > p = 1");
  expect_input_error(R"({"X": [["1"]], "y": [1], "theta0": [0], "phi": {"name": "identity"}, "iterations": 3})",
                     "'eta' and 'eta_fraction'");
  expect_input_error(R"({"X": [["1"]], "y": [1], "theta0": [0], "phi": {"name": "softsign"}, "eta": 1,
                         "iterations": 3})", "field 'phi': field 'name': unknown activation 'softsign'");
  expect_input_error(R"({"X": [["1"]], "y": [1], "theta0": [0], "phi": {"name": "tanh_plus"}, "eta": 1,
                         "iterations": 3})", "field 'phi': missing field 'c'");
  expect_input_error(R"({"X": [["1"]], "y": [1], "theta0": [0], "phi": {"name": "identity"}, "eta": 1,
                         "iterations": 0})", "field 'iterations': 0 is outside [1, 100000]");
  expect_input_error(R"({"X": [["1"]], "y": [1], "theta0": [0], "phi": {"name": "identity"}, "eta": 1,
                         "iterations": 3, "lambda": "1.5"})", "field 'lambda'");
}

}  // namespace
}  // namespace thmcheck::os19
