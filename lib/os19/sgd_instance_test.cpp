// The SGD instance family of Theorem 3.1 (sgd_instance.hpp): generated
// instances lie inside the ranges kSgdGeneratorInfo states, and malformed
// instance files are InputErrors naming the field.
#include "thmcheck/os19/sgd_instance.hpp"

#include <gtest/gtest.h>

#include <Eigen/Eigenvalues>

#include <cmath>
#include <string>

namespace thmcheck::os19 {
namespace {

// n in [1, 20], p = max(n, 8) + [0, 40], cond(X) <= 100 (slack 1e-6 for the
// 12-digit rounding of X), eta_fraction in (0, 11]: both generators.
void expect_data_ranges(const SgdInstance& in) {
  const Eigen::Index n = in.rows(), p = in.cols();
  EXPECT_GE(n, 1);
  EXPECT_LE(n, 20);
  EXPECT_GE(p, std::max<Eigen::Index>(n, 8));
  EXPECT_LE(p, std::max<Eigen::Index>(n, 8) + 40);
  Eigen::SelfAdjointEigenSolver<Matrix<double>> eig(as_matrix<double>(in.x) * as_matrix<double>(in.x).transpose());
  EXPECT_LE(std::sqrt(eig.eigenvalues().maxCoeff() / eig.eigenvalues().minCoeff()), 100 * (1 + 1e-6));
  ASSERT_TRUE(in.eta_fraction.has_value());
  EXPECT_GT(in.eta_fraction->as<double>(), 0);
  EXPECT_LE(in.eta_fraction->as<double>(), 11);
}

// kSgdGeneratorInfo: "n in [1, 20], p = max(n, 8) + [0, 40], cond(X) in [1,
// 100], phi from the family, nu in [60, 600], eta at/below/above (up to 11x)
// the limit, T in [1, 300]"; runs as asked. Slack 1e-6 for the 12- and 6-digit
// rounding of X and nu.
TEST(Os19SgdInstance, GeneratedInstancesLieInTheStatedRanges) {
  for (int s = 0; s < 200; ++s) {
    const int runs = s % 2 == 0 ? 1 : 16;
    const SgdInstance in = sgd_generator(runs)(rc::Random(9100 + s), s % 4 * 33).value();
    ASSERT_NO_THROW(in.check());
    expect_data_ranges(in);
    EXPECT_GE(in.nu.as<double>(), 60 * (1 - 1e-6));
    EXPECT_LE(in.nu.as<double>(), 600 * (1 + 1e-6));
    EXPECT_GE(in.iterations, 1);
    EXPECT_LE(in.iterations, 300);
    EXPECT_GE(in.seed, 0);
    EXPECT_EQ(in.runs.value_or(1), runs);
  }
}

// kSgdBallGeneratorInfo: the same n, p, cond(X) ranges, nu >= 3 (chosen for
// the promise, so no fixed range), eta_fraction <= 11, T in [1, 3000].
TEST(Os19SgdInstance, BallInstancesLieInTheStatedRanges) {
  int long_runs = 0;
  for (int s = 0; s < 100; ++s) {
    const SgdInstance in = sgd_generator(1, true)(rc::Random(9400 + s), s % 4 * 33).value();
    ASSERT_NO_THROW(in.check());
    expect_data_ranges(in);
    EXPECT_GE(in.nu.as<double>(), 3);
    EXPECT_GE(in.iterations, 1);
    EXPECT_LE(in.iterations, 3000);
    long_runs += in.iterations > 300;
  }
  EXPECT_GT(long_runs, 0);
}

void expect_input_error(const std::string& text, const std::string& fragment) {
  try {
    (void)instance_from_json<SgdInstance>(parse_json_exact(text));
    ADD_FAILURE() << "accepted: " << text;
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find(fragment), std::string::npos) << e.what();
  }
}

TEST(Os19SgdInstance, MalformedInstancesNameTheField) {
  const std::string head = R"({"X": [["1", "0"]], "y": [1], "theta0": [0, 0], "phi": {"name": "identity"},
      "eta_fraction": "1", "iterations": 3, )";
  expect_input_error(head + R"("seed": 1})", "missing field 'nu'");
  expect_input_error(head + R"("nu": "2", "seed": 1})", "field 'nu': must be >= 3");
  expect_input_error(head + R"("nu": "nan", "seed": 1})", "field 'nu'");
  expect_input_error(head + R"("nu": 3, "seed": -1})", "field 'seed'");
  expect_input_error(head + R"("nu": 3, "seed": 1, "runs": 0})", "field 'runs': 0 is outside [1, 100000]");
  expect_input_error(R"({"X": [["1", "0"]], "y": [1], "theta0": [0], "phi": {"name": "identity"},
      "eta_fraction": "1", "iterations": 3, "nu": 3, "seed": 1})", "field 'theta0': length 1");
  EXPECT_NO_THROW(instance_from_json<SgdInstance>(parse_json_exact(head + R"("nu": 3, "seed": 1})")));
}

}  // namespace
}  // namespace thmcheck::os19
