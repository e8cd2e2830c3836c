// The cmr22 instance families (lib/cmr22/gap_instance.hpp,
// bregman_instance.hpp, identical_instance.hpp): drawn instances pass their
// validators and have the documented shapes.
#include "thmcheck/cmr22/gap_instance.hpp"

#include <gtest/gtest.h>

#include "thmcheck/cmr22/bregman_instance.hpp"
#include "thmcheck/cmr22/identical_instance.hpp"

namespace thmcheck::cmr22 {
namespace {

DataParams params(int n, int depth, std::uint64_t seed) {
  DataParams q{};
  q.n = n;
  q.m_fraction = 5;
  q.matrix_kind = 0;
  q.truth_kind = 0;
  q.sparsity = 2;
  q.depth = depth;
  q.init_exp = 6;
  q.init_kind = 1;
  q.seed = seed;
  return q;
}

TEST(Cmr22InstancesTest, RowsAreClampedBelowN) {
  DataParams q = params(10, 3, 1);
  EXPECT_EQ(rows_of(q), 5);
  q.m_fraction = 9;
  q.n = 2;
  EXPECT_EQ(rows_of(q), 1);
  q.n = 1000;
  EXPECT_EQ(rows_of(q), kLargeCaseRows);
}

TEST(Cmr22InstancesTest, GapInstancesValidate) {
  for (bool signed_case : {false, true}) {
    const Json j = gap_instance(params(12, 3, 7), signed_case);
    EXPECT_NO_THROW(validate_gap(j, signed_case)) << j.dump();
    EXPECT_EQ(j["A"].size(), 6u);
    EXPECT_EQ(j["y"].size(), 6u);
    EXPECT_EQ(has_field(j, "u0"), signed_case);
    EXPECT_EQ(has_field(j, "x0"), !signed_case);
    // The wrong reading of the instance is rejected.
    EXPECT_THROW(validate_gap(j, !signed_case), InputError);
  }
}

TEST(Cmr22InstancesTest, BregmanAndIdenticalInstancesValidate) {
  BregmanParams b{params(8, 2, 3), 2, 4, 2};
  const Json jb = bregman_instance(b);
  EXPECT_NO_THROW(validate_bregman(jb)) << jb.dump();
  EXPECT_EQ(jb["directions"].size(), 2u);
  IdenticalParams i{params(8, 4, 5), 1, 2, 30};
  const Json ji = identical_instance(i);
  EXPECT_NO_THROW(validate_identical(ji)) << ji.dump();
  EXPECT_EQ(ji["iterations"].get<int>(), 30);
}

}  // namespace
}  // namespace thmcheck::cmr22
