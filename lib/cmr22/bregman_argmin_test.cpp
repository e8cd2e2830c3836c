#include "thmcheck/cmr22/bregman_argmin.hpp"

#include <gtest/gtest.h>

#include "thmcheck/cmr22/factorized_loss.hpp"
#include "thmcheck/cmr22/mirror_flow.hpp"
#include "thmcheck/generators/random_data.hpp"

namespace thmcheck::cmr22 {
namespace {

// A = [1 1], y = 1, L = 2: argmin of sum z (log z - 1 - log x~0) on z1 + z2 = 1
// is z = x~0 / (x~0_1 + x~0_2) (Lagrange: log z_n - log x~0_n = const).
TEST(Cmr22BregmanArgminTest, EntropyClosedFormMp50) {
  Matrix<Mp50> a(1, 2);
  a << Mp50(1), Mp50(1);
  Vector<Mp50> y = Vector<Mp50>::Ones(1);
  Vector<Mp50> x0(2);
  x0 << Mp50("1e-20"), Mp50("3e-20");
  auto r = bregman_argmin<Mp50>(a, y, paper_g<Mp50>(x0, 2), Mp50("1e-45"), Mp50("1e-40"));
  ASSERT_TRUE(r.converged) << r.message << " it " << r.iterations << " res " << r.kkt_residual << " step " << r.last_step << " z " << r.z.transpose();
  EXPECT_LT(abs(r.z(0) - Mp50("0.25")), Mp50("1e-44"));
  EXPECT_LT(abs(r.z(1) - Mp50("0.75")), Mp50("1e-44"));
}

// For L = 3 and identical x~0 the paper's g and D_F have the same minimizer
// (g = const * D_F + const); the second route must then agree with the flow
// limit (mirror_flow) on a random instance. Certificate tolerances 1e-40 at 50
// digits; agreement asked to 1e-35.
TEST(Cmr22BregmanArgminTest, AgreesWithFlowLimitForIdenticalInitMp50) {
  RandomSource rng(23);
  const int m = 3, n = 7;
  Matrix<Mp50> a = gaussian_matrix(m, n, rng).cast<Mp50>();
  Vector<Mp50> x_star = Vector<Mp50>::Zero(n);
  x_star(1) = Mp50("0.7");
  x_star(5) = Mp50("0.4");
  Vector<Mp50> y = a * x_star;
  for (int depth : {2, 3}) {
    Vector<Mp50> x0_power = Vector<Mp50>::Constant(n, Mp50("1e-6"));
    MirrorMap<Mp50> map;
    map.depth = depth;
    map.u0_power = x0_power;
    MirrorFlowOptions<Mp50> options;
    options.absolute_tolerance = options.relative_tolerance = Mp50("1e-6");
    options.residual_tolerance = options.change_tolerance = Mp50("1e-40");
    auto flow = mirror_flow<Mp50>(a, y, map, options);
    ASSERT_TRUE(flow.ok()) << flow.message;
    auto g = bregman_argmin<Mp50>(a, y, paper_g<Mp50>(x0_power, depth), Mp50("1e-42"), Mp50("1e-38"));
    ASSERT_TRUE(g.converged) << g.message << " it " << g.iterations << " kkt " << g.kkt_residual << " step " << g.last_step;
    EXPECT_LT((g.z - flow.product).template lpNorm<1>(), Mp50("1e-35")) << "L = " << depth;
    auto d = bregman_objective<Mp50>(x0_power, depth);
    auto dr = bregman_argmin<Mp50>(a, y, d, Mp50("1e-42"), Mp50("1e-38"));
    ASSERT_TRUE(dr.converged);
    EXPECT_LT((dr.z - flow.product).template lpNorm<1>(), Mp50("1e-35")) << "L = " << depth;
  }
}

}  // namespace
}  // namespace thmcheck::cmr22

namespace thmcheck::cmr22 {
namespace {

// Non-identical initialization, L = 3, A = [1 2], y = 1, x0 = (0.01, 0.0025):
// the paper's g_{x~0} (19) and D_F(., x~0) no longer share a minimizer (g
// multiplies the n-th term of D_F by L x~0_n^{1 - 2/L}). The flow limit is the
// D_F one (near (1, 0): coordinate 1 blows up first, see checks/cmr22/claims_test),
// the g one is near the l1 minimizer (0, 1/2). Double; certificate 1e-12.
TEST(Cmr22BregmanArgminTest, PaperGDiffersFromBregmanForNonIdenticalInit) {
  Matrix<double> a(1, 2);
  a << 1, 2;
  Vector<double> y = Vector<double>::Ones(1);
  Vector<double> x0(2);
  x0 << 0.01, 0.0025;
  const Vector<double> x0_power = hadamard_power(x0, 3);
  MirrorMap<double> map;
  map.depth = 3;
  map.u0_power = x0_power;
  auto flow = mirror_flow<double>(a, y, map, MirrorFlowOptions<double>{});
  ASSERT_TRUE(flow.ok()) << flow.message;
  auto by_g = bregman_argmin<double>(a, y, paper_g<double>(x0_power, 3), 1e-13, 1e-10);
  auto by_d = bregman_argmin<double>(a, y, bregman_objective<double>(x0_power, 3), 1e-13, 1e-10);
  ASSERT_TRUE(by_g.converged) << by_g.message;
  ASSERT_TRUE(by_d.converged) << by_d.message;
  EXPECT_LT((by_d.z - flow.product).lpNorm<1>(), 1e-8);
  EXPECT_GT((by_g.z - flow.product).lpNorm<1>(), 0.5);
  EXPECT_GT(flow.product(0), 0.9);
  EXPECT_LT(by_g.z(0), 0.1);
}

}  // namespace
}  // namespace thmcheck::cmr22
