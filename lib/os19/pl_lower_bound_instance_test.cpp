// The Theorem 5.4 instances (pl_lower_bound_instance.hpp): drawn instances are
// valid, the radius sits at the stated fraction of the certified limit, the
// witness rows lie in [sqrt(mu), sqrt(L)] (some below sqrt(mu) for the
// .as-proved sibling), and malformed files are InputErrors.
#include "thmcheck/os19/pl_lower_bound_instance.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "thmcheck/os19/local_bounds.hpp"
#include "thmcheck/os19/models.hpp"

namespace thmcheck::os19 {
namespace {

TEST(Os19PlLowerBoundInstance, RadiusIsNearTheCertifiedLimit) {
  int close = 0, outside = 0;
  for (int s = 0; s < 80; ++s) {
    const NoMinimumInstance in = no_minimum_generator()(rc::Random(9200 + s), s % 4 * 25).value();
    ASSERT_NO_THROW(in.check());
    const Matrix<double> x = as_matrix<double>(in.x);
    const Vector<double> y = as_vector<double>(in.y), theta0 = as_vector<double>(in.theta0);
    const Activation<double> phi = in.phi.at<double>();
    const double r = in.radius.as<double>();
    const double loss0 = GlmModel<double>(x, y, phi).loss(theta0);
    const double limit2 = 2 * loss0 / glm_loss_smoothness(x, y, phi, theta0, r).value;
    if (r * r < limit2 && r * r > limit2 * (1 - 1e-3)) ++close;
    if (r * r >= limit2) ++outside;
  }
  EXPECT_GT(close, 20);
  EXPECT_GT(outside, 0);
  EXPECT_LT(outside, 30);
}

TEST(Os19PlLowerBoundInstance, WitnessRowsAndShortRows) {
  for (int s = 0; s < 60; ++s) {
    const bool short_rows = s % 2 == 1;
    const PlWitnessInstance in = pl_witness_generator(short_rows)(rc::Random(9300 + s), 50).value();
    ASSERT_NO_THROW(in.check());
    const double smu = std::sqrt(in.mu.as<double>()), sl = std::sqrt(in.smoothness.as<double>());
    bool any_short = false;
    for (const Real& r : in.other_row_norms) {
      const double v = r.as<double>();
      if (!short_rows) {
        EXPECT_GE(v, smu);
        EXPECT_LE(v, sl);
      }
      any_short = any_short || v < smu;
    }
    EXPECT_EQ(any_short, short_rows);
  }
}

TEST(Os19PlLowerBoundInstance, MalformedFilesAreInputErrors) {
  const PlWitnessInstance in = pl_witness_generator(false)(rc::Random(9400), 10).value();
  Json j = instance_to_json(in);
  j["mu"] = "0";
  EXPECT_THROW((void)instance_from_json<PlWitnessInstance>(j), InputError);
  const NoMinimumInstance m = no_minimum_generator()(rc::Random(9401), 10).value();
  j = instance_to_json(m);
  j["R"] = "-1";
  EXPECT_THROW((void)instance_from_json<NoMinimumInstance>(j), InputError);
}

}  // namespace
}  // namespace thmcheck::os19
