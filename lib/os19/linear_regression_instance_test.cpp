// The instance family of os19.thm2.4 (linear_regression_instance.hpp):
// generated instances lie inside the ranges kLowerBoundGeneratorInfo states,
// and malformed instance files are InputErrors naming the field.
#include "thmcheck/os19/linear_regression_instance.hpp"

#include <gtest/gtest.h>

#include <Eigen/SVD>

#include <string>

namespace thmcheck::os19 {
namespace {

// kLowerBoundGeneratorInfo: "n in [1, 40], p = n + [-3, 460] (p <= 500),
// cond(X) in [1, 1e8], ||X|| in [1e-3, 1e3], ||theta - theta0|| in [1e-8,
// 1e3]; ... beta = ||X|| (omitted), given above ||X|| or below it". The slack
// 1e-6 covers the 17-digit rounding of X, theta0, theta and the SVD's error
// (absolute 1e-15 ||X||, so 1e-7 relative on sigma_min >= 1e-8 ||X||).
TEST(Os19LowerBoundInstance, GeneratedInstancesLieInTheStatedRanges) {
  for (int s = 0; s < 150; ++s) {
    const LowerBoundInstance in = lower_bound_generator()(rc::Random(4100 + s), s % 4 * 33).value();
    ASSERT_NO_THROW(in.check());
    const size_t n = in.x.size(), p = in.x.front().size();
    EXPECT_GE(n, 1u);
    EXPECT_LE(n, 40u);
    EXPECT_GE(p + 3, n);
    EXPECT_LE(p, std::min<size_t>(500, n + 460));
    const Eigen::JacobiSVD<Matrix<double>> svd(as_matrix<double>(in.x));
    const double smax = svd.singularValues()(0), smin = svd.singularValues().tail(1)(0);
    EXPECT_GE(smax, 1e-3 * (1 - 1e-6));
    EXPECT_LE(smax, 1e3 * (1 + 1e-6));
    EXPECT_LE(smax / smin, 1e8 * (1 + 1e-6));
    const double dist = (as_vector<double>(in.theta) - as_vector<double>(in.theta0)).norm();
    EXPECT_GE(dist, 1e-8 * (1 - 1e-6));
    EXPECT_LE(dist, 1e3 * (1 + 1e-6));
    if (in.beta) {
      const double ratio = in.beta->as<double>() / smax;
      EXPECT_GE(ratio, 0.5 * (1 - 1e-5));
      EXPECT_LE(ratio, 2 * (1 + 1e-5));
      EXPECT_GT(std::abs(ratio - 1), 1e-6);  // strictly above or below ||X||
    }
  }
}

void expect_input_error(const std::string& text, const std::string& fragment) {
  try {
    (void)instance_from_json<LowerBoundInstance>(parse_json_exact(text));
    ADD_FAILURE() << "accepted: " << text;
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find(fragment), std::string::npos) << e.what();
  }
}

TEST(Os19LowerBoundInstance, MalformedInstancesNameTheField) {
  expect_input_error(R"({"X": [[1]], "y": [1]})", "missing field 'theta0'");
  expect_input_error(R"({"X": [[1, 2]], "y": [1], "theta0": [0], "theta": [1, 1]})",
                     "field 'theta0': length 1 does not match the 2 columns of 'X'");
  expect_input_error(R"({"X": [[1]], "y": [1, 2], "theta0": [0], "theta": [1]})", "field 'y'");
  expect_input_error(R"({"X": [["nan"]], "y": [1], "theta0": [0], "theta": [1]})", "field 'X'[0][0]");
  expect_input_error(R"({"X": [[1]], "y": [1], "theta0": [0], "theta": [1], "beta": "-1"})", "field 'beta'");
  expect_input_error(R"({"X": [[1]], "y": [1], "theta0": [0], "theta": [1], "gamma": 1})", "unknown field 'gamma'");
}

}  // namespace
}  // namespace thmcheck::os19
