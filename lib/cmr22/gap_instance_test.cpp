// The cmr22 instance families (lib/cmr22/gap_instance.hpp,
// bregman_instance.hpp, identical_instance.hpp): drawn instances pass their
// readers, lie in the ranges their generator_info states (the same constants
// draw them), and malformed files are one-line errors naming the field.
#include "thmcheck/cmr22/gap_instance.hpp"

#include <gtest/gtest.h>
#include <rapidcheck.h>

#include <cmath>

#include "thmcheck/cmr22/bregman_instance.hpp"
#include "thmcheck/engine/typed_instance_testing.hpp"
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

TEST(Cmr22InstancesTest, GapInstancesReadBackAsWritten) {
  const Json s = instance_to_json(signed_gap_instance(params(12, 3, 7)));
  EXPECT_EQ(instance_error<SignedGapInstance>(s), "");
  EXPECT_EQ(s["A"].size(), 6u);
  EXPECT_EQ(s["y"].size(), 6u);
  EXPECT_EQ(instance_to_json(instance_from_json<SignedGapInstance>(s)), s);
  const Json p = instance_to_json(positive_gap_instance(params(12, 3, 7)));
  EXPECT_EQ(instance_error<PositiveGapInstance>(p), "");
  // The wrong reading of the instance is rejected, naming the field.
  EXPECT_EQ(instance_error<PositiveGapInstance>(s).rfind("missing field 'x0'", 0), 0u) << instance_error<PositiveGapInstance>(s);
  EXPECT_EQ(instance_error<SignedGapInstance>(p).rfind("missing field 'u0'", 0), 0u);
  // Theorem 2.2 reads both forms, and not a mixture.
  EXPECT_EQ(instance_error<EitherGapInstance>(s), "");
  EXPECT_EQ(instance_error<EitherGapInstance>(p), "");
  EXPECT_TRUE(instance_from_json<EitherGapInstance>(s).signed_case());
  Json both = s;
  both["x0"] = p["x0"];
  EXPECT_NE(instance_error<EitherGapInstance>(both).find("not both"), std::string::npos);
  // The same draw gives the same data in either form.
  EXPECT_EQ(instance_to_json(either_gap_instance(params(12, 3, 7), false)), p);
}

TEST(Cmr22InstancesTest, MalformedGapInstancesNameTheField) {
  const Json good = instance_to_json(positive_gap_instance(params(6, 2, 3)));
  Json j = good;
  j["y"].erase(0);
  EXPECT_EQ(instance_error<PositiveGapInstance>(j), "field 'y': length 2 does not match the 3 rows of 'A'");
  j = good;
  j["x0"][1] = "nan";
  EXPECT_EQ(instance_error<PositiveGapInstance>(j).rfind("field 'x0'[1]", 0), 0u);
  j = good;
  j["A"][0][0] = "1e400";
  EXPECT_EQ(instance_error<PositiveGapInstance>(j).rfind("field 'A'[0][0]", 0), 0u);
  j = good;
  j["x0"][0] = "0";
  EXPECT_EQ(instance_error<PositiveGapInstance>(j), "field 'x0'[0]: must be positive");
  j = good;
  j["L"] = 1;
  EXPECT_EQ(instance_error<PositiveGapInstance>(j), "field 'L': 1 is outside [2, 64]");
  j = good;
  j.erase("A");
  EXPECT_EQ(instance_error<PositiveGapInstance>(j), "missing field 'A'");
}

TEST(Cmr22InstancesTest, BregmanAndIdenticalInstancesReadBack) {
  const BregmanInstance b = bregman_instance(BregmanParams{params(8, 2, 3), 2, 4, 2});
  EXPECT_EQ(b.directions.size(), 2u);
  Json jb = instance_to_json(b);
  EXPECT_EQ(instance_error<BregmanInstance>(jb), "");
  jb["steps"].erase(0);
  EXPECT_EQ(instance_error<BregmanInstance>(jb), "fields 'directions' and 'steps': 2 directions but 1 steps");
  jb = instance_to_json(b);
  jb["directions"][1].erase(0);  // directions are read as a matrix: rows of one length
  EXPECT_EQ(instance_error<BregmanInstance>(jb), "field 'directions' row 1: has 7 entries, row 0 has 8");
  jb = instance_to_json(b);
  for (Json& d : jb["directions"]) d.erase(0);
  EXPECT_EQ(instance_error<BregmanInstance>(jb), "field 'directions'[0]: length 7 does not match the 8 columns of 'A'");
  const IdenticalInstance i = identical_instance(IdenticalParams{params(8, 4, 5), 1, 2, 30});
  EXPECT_EQ(i.iterations, 30);
  Json ji = instance_to_json(i);
  EXPECT_EQ(instance_error<IdenticalInstance>(ji), "");
  ji["step"] = "-0.01";
  EXPECT_EQ(instance_error<IdenticalInstance>(ji), "field 'step': must be positive");
  ji = instance_to_json(i);
  ji["L"] = 17;
  EXPECT_EQ(instance_error<IdenticalInstance>(ji), "field 'L': 17 is outside [2, 16]");
}

// The generator ranges that generator_info prints hold for drawn instances
// (the texts are formatted from the same constants the generators draw with).
void expect_common_ranges(const RealMatrix& a, int depth) {
  const int n = static_cast<int>(a.front().size()), m = static_cast<int>(a.size());
  EXPECT_GE(n, 2);
  EXPECT_LE(n, kLargestN);
  EXPECT_GE(m, 1);
  EXPECT_LT(m, n);
  if (n > kRowCapAboveN) EXPECT_LE(m, kLargeCaseRows);
  EXPECT_GE(depth, kDrawnDepthMin);
  EXPECT_LE(depth, kDrawnDepthMax);
}

TEST(Cmr22InstancesTest, DrawnInstancesLieInTheStatedRanges) {
  const auto gap = rc::gen::map(data_params(40), signed_gap_instance);
  const auto bregman = rc::gen::map(bregman_params(), bregman_instance);
  const auto identical = rc::gen::map(identical_params(), identical_instance);
  int large = 0;
  for (int k = 0; k < 120; ++k) {
    const int size = k % 100;
    const SignedGapInstance g = gap(rc::Random(1000 + k), size).value();
    expect_common_ranges(g.a, g.depth);
    large += g.a.front().size() > 40;
    for (const RealVector* v : {&g.u0, &g.v0}) {
      for (const Real& x : *v) {
        // alpha^L = 10^-k, k in [1, 30], times U(0.5, 2) at most (8 digits).
        const double xl = std::pow(x.as<double>(), g.depth);
        EXPECT_GE(xl, std::pow(0.5, g.depth) * std::pow(10.0, -kInitExpMax) * (1 - 1e-6));
        EXPECT_LE(xl, std::pow(2.0, g.depth) * std::pow(10.0, -kInitExpMin) * (1 + 1e-6));
      }
    }
    const BregmanInstance b = bregman(rc::Random(2000 + k), size).value();
    expect_common_ranges(b.a, b.depth);
    EXPECT_GE(b.directions.size(), 1u);
    EXPECT_LE(b.directions.size(), static_cast<size_t>(kBregmanMaxExtraPoints));
    EXPECT_GE(b.time.as<double>(), std::pow(10.0, kBregmanTimeExpMin / 4.0) * (1 - 1e-5));
    EXPECT_LE(b.time.as<double>(), std::pow(10.0, kBregmanTimeExpMax / 4.0) * (1 + 1e-5));
    for (const Real& x : b.x0) {
      EXPECT_GE(x.as<double>(), 0.5 * std::pow(10.0, -kBregmanInitScaleMax / (4.0 * b.depth)) * (1 - 1e-7));
      EXPECT_LE(x.as<double>(), 1.5 * (1 + 1e-7));
    }
    const IdenticalInstance i = identical(rc::Random(3000 + k), size).value();
    expect_common_ranges(i.a, i.depth);
    EXPECT_GE(i.iterations, 1);
    EXPECT_LE(i.iterations, kIdenticalMaxIterations);
    EXPECT_EQ(i.step.text(), kIdenticalStep);
    EXPECT_GE(i.time.as<double>(), std::pow(10.0, kIdenticalTimeExpMin / 4.0) * (1 - 1e-5));
    EXPECT_LE(i.time.as<double>(), std::pow(10.0, kIdenticalTimeExpMax / 4.0) * (1 + 1e-5));
  }
  // The log-uniform branch (1/8 of the draws) is reached.
  EXPECT_GT(large, 0);
}

TEST(Cmr22InstancesTest, GeneratorTextsNameTheirConstants) {
  EXPECT_EQ(gap_generator_info(true, 40).rfind("N uniform in [2, 40] (7/8) or log-uniform in [41, 1000] (1/8)", 0), 0u);
  EXPECT_NE(gap_generator_info(false, 40).find("L in {2,3,4,5}"), std::string::npos);
  EXPECT_NE(gap_generator_info(false, 40).find("k in [1, 30]"), std::string::npos);
  EXPECT_NE(bregman_generator_info().find("T in [0.1, 3162] (at most 31.6 when N > 30)"), std::string::npos);
  EXPECT_NE(bregman_generator_info().find("x0 = 10^[-12, 0]^(1/L)"), std::string::npos);
  EXPECT_NE(identical_generator_info().find("T in [0.1, 10]"), std::string::npos);
  EXPECT_NE(identical_generator_info().find("1-200 iterations"), std::string::npos);
}

}  // namespace
}  // namespace thmcheck::cmr22
