// cmr22 Theorem 2.1, eqs. (14)-(17) (Chou, Maly & Rauhut 2022, "More is less"):
// the positive case. The l1 gap over S+ = {z >= 0 : Az = y} of the limit of
// the x-flow (15), x~ = x^L, is at most c_L ||x0||_L^L. Checked on positive gap
// instances (lib/cmr22/gap_instance.hpp) by lib/cmr22/l1_gap.hpp, as Theorem 1.1.
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

THMCHECK_REGISTER(cmr22_thm2_1) {
  Claim c;
  c.id = "cmr22.thm2.1";
  c.paper = "cmr22";
  c.source = "Theorem 2.1, eqs. (14)-(17)";
  c.summary = "positive case: l1 gap over S+ of the x-flow limit <= c_L ||x0||_L^L";
  c.statement =
      "Let L >= 2, A in R^{MxN}, y in R^M and assume S+ = {z >= 0 : Az = y} is non-empty. For L "
      "in (6) define x' = -grad L(x), x(0) = x0 > 0 (15). Then x~_inf = lim x(t)^L exists, "
      "x~_inf in S+, and ||x~_inf||_1 - min_{z in S+} ||z||_1 <= c_L ||x0||_L^L (16), c_L as in (17).";
  c.kind = ClaimKind::kExplicit;
  c.hypotheses = {{"init.positive", "x0 > 0"},
                  {"L>=2", "L >= 2"},
                  {"S+.nonempty", "S+ = {z >= 0 : Az = y} is non-empty"}};
  c.measurement =
      "As cmr22.thm1.1 with v absent and min over S+ (non-negative LP). Measured "
      "||x~_inf||_1 - min_{S+} ||z||_1; bound c_L sum x0^L.";
  c.generator_info = cmr22::gap_generator_info(false, kMaxUniformN);
  c.notes = "Error as in cmr22.thm1.1.";
  c.default_cases = 24;
  c.slow = true;  // its registry tests took 58 s (one core, seed 1): label `slow`
  c.error_is_rounding = false;
  set_instances<cmr22::PositiveGapInstance>(
      c, rc::gen::map(cmr22::data_params(kMaxUniformN), cmr22::positive_gap_instance),
      []<class S>(const cmr22::PositiveGapInstance& in) { return cmr22::evaluate_gap<S>(in); });
  registry.add(std::move(c));
}

}  // namespace thmcheck::checks
