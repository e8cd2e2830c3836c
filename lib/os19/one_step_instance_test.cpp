// The one-step instances of Lemmas 9.5/9.7 (one_step_instance.hpp): drawn
// instances are valid, survive the JSON round trip, mostly lie in the potential
// set P (the generator's purpose) and reach its boundary; malformed files are
// InputErrors.
#include "thmcheck/os19/one_step_instance.hpp"

#include <gtest/gtest.h>

#include "thmcheck/os19/one_step_setup.hpp"

namespace thmcheck::os19 {
namespace {

TEST(Os19OneStepInstance, DrawsAreValidAndReachTheBoundaryOfP) {
  int inside = 0, near_boundary = 0, total = 0;
  for (int s = 0; s < 120; ++s) {
    const OneStepUse use = s % 3 == 0 ? OneStepUse::kLemma95 : (s % 3 == 1 ? OneStepUse::kLemma97a : OneStepUse::kLemma97b);
    const OneStepInstance in = one_step_generator(use)(rc::Random(9100 + s), s % 5 * 20).value();
    ASSERT_NO_THROW(in.check());
    const OneStepInstance back = instance_from_json<OneStepInstance>(instance_to_json(in));
    EXPECT_EQ(back.theta, in.theta);
    EXPECT_LE(in.x.size(), 6u);
    EXPECT_LE(in.x.front().size(), in.x.size() + 6);
    const OneStepSetup<double> setup = one_step_setup<double>(in, use);
    ++total;
    if (setup.hypotheses.back().holds) {
      ++inside;
      if (setup.radius > 0 && setup.potential > setup.radius * (1 - 1e-4)) ++near_boundary;
    }
    if (in.lambda) {
      EXPECT_GE(in.lambda->as<double>(), 0);
      EXPECT_LE(in.lambda->as<double>(), 1);
    }
  }
  EXPECT_GT(inside, total / 2);
  EXPECT_GT(near_boundary, total / 10);
}

TEST(Os19OneStepInstance, MalformedFilesAreInputErrors) {
  OneStepInstance in = one_step_generator(OneStepUse::kLemma95)(rc::Random(9001), 10).value();
  Json j = instance_to_json(in);
  j["zeta_fraction"] = "0";
  EXPECT_THROW((void)instance_from_json<OneStepInstance>(j), InputError);
  j = instance_to_json(in);
  j["theta"].push_back("1");  // length p + 1
  EXPECT_THROW((void)instance_from_json<OneStepInstance>(j), InputError);
  j = instance_to_json(in);
  j["lambda"] = "1.5";
  EXPECT_THROW((void)instance_from_json<OneStepInstance>(j), InputError);
}

}  // namespace
}  // namespace thmcheck::os19
