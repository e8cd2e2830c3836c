// The construction families of os19.thm2.4.ex16/.ex17
// (orthogonal_rows_instance.hpp): generated instances lie inside the ranges
// kAlphaExampleGeneratorInfo and kGdExampleGeneratorInfo state, obey the
// construction's hypothesis, and malformed instance files are InputErrors
// naming the field.
#include "thmcheck/os19/orthogonal_rows_instance.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <string>

namespace thmcheck::os19 {
namespace {

// "n in [1, 30], p in [n, n + 170], alpha in [1e-4, 1e3], beta/alpha in [1,
// 1e4]" (6-digit decimals, hence the slack 1e-5).
void expect_construction_in_range(const ConstructionData& c) {
  ASSERT_NO_THROW(c.check_construction());
  EXPECT_GE(c.rows(), 1);
  EXPECT_LE(c.rows(), 30);
  EXPECT_GE(c.cols(), c.rows());
  EXPECT_LE(c.cols(), c.rows() + 170);
  const double alpha = c.alpha.as<double>(), beta = c.beta.as<double>();
  EXPECT_GE(alpha, 1e-4 * (1 - 1e-5));
  EXPECT_LE(alpha, 1e3 * (1 + 1e-5));
  EXPECT_GE(beta / alpha, 1 - 1e-5);
  EXPECT_LE(beta / alpha, 1e4 * (1 + 1e-5));
  EXPECT_TRUE(construction_hypothesis(alpha, beta, as_vector<double>(c.row_norms)).holds);
  for (long v : c.householder) EXPECT_LE(std::abs(v), 9);
}

// ex16: "theta random of size gamma 10^[-3, 2], a multiple of theta*, or
// theta* plus 1e-8 noise".
TEST(Os19OrthogonalRowsInstance, AlphaExamplesLieInTheStatedRanges) {
  for (int s = 0; s < 150; ++s) {
    const AlphaExampleInstance in = alpha_example_generator()(rc::Random(6200 + s), s % 4 * 33).value();
    ASSERT_NO_THROW(in.check());
    expect_construction_in_range(in);
    const double gamma = in.beta.as<double>() / in.alpha.as<double>();
    const double size = as_vector<double>(in.theta).norm() / gamma;
    if (in.theta_along_star) {
      EXPECT_GE(in.theta_along_star->as<double>(), 1e-3 * (1 - 1e-5));
      EXPECT_LE(in.theta_along_star->as<double>(), 1e2 * (1 + 1e-5));
      EXPECT_LE(size, 1e-8 * 1e2 * (1 + 1e-5));
    } else {
      EXPECT_GE(size, 1e-3 * (1 - 1e-5));
      EXPECT_LE(size, 1e2 * (1 + 1e-5));
    }
  }
}

// ex17: "gamma = beta/alpha (omitted) or free in [1e-3, 1e3]; eta beta^2 in
// [1e-8, 1] with min(5000, h/(eta beta^2)) iterations, h in 1..10, or in (1,
// 2) with 20 to 200 iterations".
TEST(Os19OrthogonalRowsInstance, GdExamplesLieInTheStatedRanges) {
  for (int s = 0; s < 150; ++s) {
    const GdExampleInstance in = gd_example_generator()(rc::Random(6500 + s), s % 4 * 33).value();
    ASSERT_NO_THROW(in.check());
    expect_construction_in_range(in);
    if (in.gamma) {
      EXPECT_GE(in.gamma->as<double>(), 1e-3 * (1 - 1e-5));
      EXPECT_LE(in.gamma->as<double>(), 1e3 * (1 + 1e-5));
    }
    const double c = in.step_times_beta_squared.as<double>();
    if (c <= 1) {
      EXPECT_GE(c, 1e-8 * (1 - 1e-5));
      const double h = in.iterations * c;
      EXPECT_TRUE(in.iterations == 5000 || (h >= 1 && h < 10 + c)) << in.iterations << " " << c;
    } else {
      EXPECT_LT(c, 2);
      EXPECT_EQ(in.iterations % 20, 0);
      EXPECT_GE(in.iterations, 20);
      EXPECT_LE(in.iterations, 200);
    }
  }
}

template <class T>
void expect_input_error(const std::string& text, const std::string& fragment) {
  try {
    (void)instance_from_json<T>(parse_json_exact(text));
    ADD_FAILURE() << "accepted: " << text;
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find(fragment), std::string::npos) << e.what();
  }
}

TEST(Os19OrthogonalRowsInstance, MalformedInstancesNameTheField) {
  const std::string c = R"("alpha": "1", "beta": "2", "row_norms": ["1", "2"], "householder": [1, 2, 3], )";
  expect_input_error<AlphaExampleInstance>("{" + c + R"("theta": [0, 0]})", "field 'theta': length 2");
  expect_input_error<AlphaExampleInstance>("{" + c + R"("theta": [0, 0, "nan"]})", "field 'theta'[2]");
  expect_input_error<AlphaExampleInstance>(
      R"({"alpha": "1", "beta": "2", "row_norms": ["1", "2", "2"], "householder": [1, 2], "theta": [0, 0]})",
      "field 'row_norms': length 3 must be in [1, p = 2]");
  expect_input_error<AlphaExampleInstance>(
      R"({"alpha": "1", "beta": "2", "row_norms": ["1", "2"], "householder": [1, 0.5, 3], "theta": [0, 0, 0]})",
      "field 'householder'[1]");
  expect_input_error<GdExampleInstance>("{" + c + R"("iterations": 3})", "missing field 'step_times_beta_squared'");
  expect_input_error<GdExampleInstance>("{" + c + R"("step_times_beta_squared": "1e400", "iterations": 3})",
                                        "field 'step_times_beta_squared'");
  expect_input_error<GdExampleInstance>("{" + c + R"("step_times_beta_squared": "0.5", "iterations": -1})",
                                        "field 'iterations'");
  expect_input_error<GdExampleInstance>("{" + c + R"("gamma": "0", "step_times_beta_squared": "0.5", "iterations": 1})",
                                        "field 'gamma'");
}

}  // namespace
}  // namespace thmcheck::os19
