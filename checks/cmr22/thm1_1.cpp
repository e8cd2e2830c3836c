// cmr22 Theorem 1.1, eqs. (8)-(10) (Chou, Maly & Rauhut 2022, "More is less"):
// the l1 gap of the limit of the signed (u, v) gradient flow on (7),
// ||x~_inf||_1 - min_{Az=y} ||z||_1, is at most c_L (||u0||_L^L + ||v0||_L^L).
// Checked on gap instances (lib/cmr22/gap_instance.hpp) by lib/cmr22/l1_gap.hpp:
// the flow's limit through the exact dual change of variables, min l1 by a
// certified LP.
#include <rapidcheck.h>

#include "thmcheck/cmr22/data_params.hpp"
#include "thmcheck/cmr22/gap_instance.hpp"
#include "thmcheck/cmr22/l1_gap.hpp"
#include "thmcheck/engine/registry.hpp"

namespace thmcheck::checks {

namespace {
/// N is uniform in [2, 40] (7/8 of the cases), data_params.
constexpr int kMaxUniformN = 40;
}  // namespace

THMCHECK_REGISTER(cmr22_thm1_1) {
  Claim c;
  c.id = "cmr22.thm1.1";
  c.paper = "cmr22";
  c.source = "Theorem 1.1, eqs. (8)-(10)";
  c.summary = "l1 gap of the (u,v) gradient flow limit <= c_L (||u0||_L^L + ||v0||_L^L)";
  c.statement =
      "Let L >= 2, A in R^{MxN}, y in R^M. For the reduced loss L+- of (7) let u(t), v(t) follow "
      "u' = -grad_u L+-(u, v), v' = -grad_v L+-(u, v), u(0) = u0 > 0, v(0) = v0 > 0. Suppose "
      "S = {z : Az = y} is non-empty. Then the limit x~_inf = lim (u^L - v^L) exists and is in S. "
      "Moreover ||x~_inf||_1 - min_{z in S} ||z||_1 <= c_L (||u0||_L^L + ||v0||_L^L)  (9), "
      "c_L = L/2 + e if L = 2, L/2 + (L/2)^{L/(L-2)} if L > 2  (10).";
  c.kind = ClaimKind::kExplicit;
  c.hypotheses = {{"init.positive", "u0 > 0, v0 > 0"},
                  {"L>=2", "L >= 2"},
                  {"S.nonempty", "S = {z : Az = y} is non-empty"}};
  c.measurement =
      "Flow limit by the exact dual change of variables (lambda' = A phi(A^T lambda) - y) "
      "integrated by an adaptive L-stable Rosenbrock method until ||A x~ - y|| and the change "
      "of x~ since the last checkpoint (t >= 2 t_c) are <= u^{3/4} (1 + ||y||_1); at 50/100 digits the "
      "integration starts from the end point of the same flow integrated in double (warm start, "
      "lib/cmr22/flow_limit.hpp: the limit does not depend on the path); min l1 by "
      "GLPK's simplex with its optimal basis certified at the working precision (rational simplex "
      "when it does not certify, up to 200 LP columns). Measured ||x~_inf||_1 - min; "
      "bound c_L (sum u0^L + sum v0^L).";
  c.generator_info = cmr22::gap_generator_info(true, kMaxUniformN);
  c.notes =
      "Outcome error (estimated): 2 x last checkpoint change + sqrt(N) ||r|| / sigma_min(A) + "
      "LP value error + norm rounding; it is a method error, so error_is_rounding = false. "
      "Double cannot resolve gaps for alpha^L below ~1e-14 ||x*||_1; the engine climbs to 50/100 digits. "
      "A flow that stops on its step budget (lib/cmr22/flow_limit.hpp) before the certificate is still "
      "measured with this error; such cases (a slow direction below the working precision, e.g. M = 3, "
      "L = 4-5) are usually inconclusive.";
  // Run-time budget of the default report job, not a statement about the
  // claim: most cases take seconds, but a failing case climbs to 100 digits
  // and is shrunk, and a large one (N up to 1000) takes up to minutes (24
  // cases took 7.5 min at seed 1), so 12 cases by default; use --cases for more.
  c.default_cases = 12;
  c.error_is_rounding = false;
  set_instances<cmr22::SignedGapInstance>(
      c, rc::gen::map(cmr22::data_params(kMaxUniformN), cmr22::signed_gap_instance),
      []<class S>(const cmr22::SignedGapInstance& in) { return cmr22::evaluate_gap<S>(in); });
  registry.add(std::move(c));
}

}  // namespace thmcheck::checks
