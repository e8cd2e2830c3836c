#include "thmcheck/cmr22/l1_gap.hpp"

#include <fmt/format.h>

#include <cmath>
#include <string>

#include "thmcheck/cmr22/c_l.hpp"
#include "thmcheck/cmr22/factorized_loss.hpp"
#include "thmcheck/cmr22/flow_limit.hpp"
#include "thmcheck/cmr22/l1_minimization.hpp"
#include "thmcheck/cmr22/limit_error.hpp"
#include "thmcheck/cmr22/mirror_flow.hpp"
#include "thmcheck/numerics/linalg.hpp"

namespace thmcheck::cmr22 {

namespace {

/// (9) with v0 given (signed_case) or (16) with v0 == nullptr (init = x0).
template <class S>
Outcome evaluate_gap(const GapData& in, const RealVector& init, const RealVector* v_init) {
  using std::sqrt;
  const bool signed_case = v_init != nullptr;
  const Matrix<S> a = as_matrix<S>(in.a);
  const Eigen::Index m = a.rows(), n = a.cols();
  const Vector<S> y = as_vector<S>(in.y);
  const int depth = in.depth;
  cmr22::MirrorMap<S> map;
  map.depth = depth;
  Outcome o;
  HypothesisCheck positive{"init.positive", true, Evidence::kCertified, ""};
  if (signed_case) {
    const Vector<S> u0 = as_vector<S>(init), v0 = as_vector<S>(*v_init);
    positive.holds = (u0.array() > 0).all() && (v0.array() > 0).all();
    positive.detail = "u0 > 0 and v0 > 0 entrywise";
    map.u0_power = cmr22::hadamard_power(u0, depth);
    map.v0_power = cmr22::hadamard_power(v0, depth);
  } else {
    const Vector<S> x0 = as_vector<S>(init);
    positive.holds = (x0.array() > 0).all();
    positive.detail = "x0 > 0 entrywise";
    map.u0_power = cmr22::hadamard_power(x0, depth);
  }
  HypothesisCheck depth_ok{"L>=2", depth >= 2, Evidence::kCertified, fmt::format("L = {}", depth)};
  const S init_size = map.u0_power.sum() + (signed_case ? S(map.v0_power.sum()) : S(0));

  auto lp = cmr22::l1_minimize<S>(a, y, !signed_case);
  HypothesisCheck nonempty{signed_case ? "S.nonempty" : "S+.nonempty", false, Evidence::kEstimated, ""};
  if (lp.status == cmr22::L1Status::kInfeasible) {
    nonempty.detail = lp.exact_simplex_used ? "GLPK's exact simplex reports the LP infeasible"
                                            : "GLPK's simplex (double, tolerance 1e-12) reports the LP infeasible";
    o.hypotheses = {positive, depth_ok, nonempty};
    o.ok = false;
    o.message = "the solution set is empty (outside the theorem's hypothesis)";
    return o;
  }
  if (!lp.ok()) {
    o.ok = false;
    o.message = "l1 minimization: " + lp.message;
    return o;
  }
  nonempty.holds = true;
  nonempty.evidence = lp.certified ? Evidence::kCertified : Evidence::kEstimated;
  nonempty.detail = fmt::format("l1 minimizer found; primal infeasibility {} at this precision",
                                to_decimal(lp.primal_infeasibility, 3));

  auto flow = cmr22::certified_flow_limit<S>(a, y, map);
  if (!measurable(flow)) {
    o.ok = false;
    o.message = fmt::format("flow: {} ({}) after {} steps, residual {}", to_string(flow.status),
                            flow.message, flow.steps, to_decimal(flow.residual_norm, 3));
    return o;
  }
  const S limit_l1 = flow.product.template lpNorm<1>();
  const S c_l = cmr22::c_l<S>(depth);
  o.relation = Relation::kLessEqual;
  o.measured = widen(S(limit_l1 - lp.value));
  o.bound = widen(S(c_l * init_size));
  // Error of the margin (estimated, stated in the claim notes):
  //  * 2 x the last checkpoint change of x~ (t >= 2 t_c): remaining motion of the limit;
  //  * sqrt(N) ||r|| / sigma_min(A): l1 distance from x~(T) to S (x~(T) is the
  //    exact limit for data A x~(T), so this bounds what the residual hides);
  //  * the LP value error; rounding of the norms (4 N u ||x~||_1).
  const S sigma = smallest_singular_value<S>(a);
  const S u = unit_roundoff<S>();
  const S distance = sigma > 0 ? S(sqrt(S(n)) * flow.residual_norm / sigma) : S(flow.residual_norm * 1e300);
  const S rounding = map_rounding<S>(map, Vector<S>(a.transpose() * flow.lambda));
  o.error = widen(S(2 * abs(flow.change) + distance + lp.value_error + rounding +
                    4 * S(n) * u * (limit_l1 + abs(lp.value))));
  o.hypotheses = {positive, depth_ok, nonempty};
  o.details = {{"N", std::to_string(n)},
               {"M", std::to_string(m)},
               {"L", std::to_string(depth)},
               {"flow status", to_string(flow.status)},
               {"flow steps", std::to_string(flow.steps)},
               {"flow steps in double before (warm start)", std::to_string(flow.warm_start_steps)},
               {"flow rejected", std::to_string(flow.rejected_steps)},
               {"flow time", to_decimal(flow.time, 3)},
               {"residual ||A x~ - y||", to_decimal(flow.residual_norm, 3)},
               {"last change", to_decimal(flow.change, 3)},
               {"min l1", to_decimal(lp.value, 12)},
               {"||x~_inf||_1", to_decimal(limit_l1, 12)},
               {"init size", to_decimal(init_size, 6)},
               {"gap / bound", to_decimal(S(o.bound > 0 ? S((limit_l1 - lp.value) / (c_l * init_size)) : S(0)), 6)},
               {"l1 certified", lp.certified ? "yes" : "no"}};
  return o;
}

}  // namespace

template <class S>
Outcome evaluate_gap(const SignedGapInstance& in) {
  return evaluate_gap<S>(in, in.u0, &in.v0);
}

template <class S>
Outcome evaluate_gap(const PositiveGapInstance& in) {
  return evaluate_gap<S>(in, in.x0, nullptr);
}

#define THMCHECK_CMR22_GAP(S)                                   \
  template Outcome evaluate_gap<S>(const SignedGapInstance&); \
  template Outcome evaluate_gap<S>(const PositiveGapInstance&);
THMCHECK_CMR22_GAP(double)
THMCHECK_CMR22_GAP(Mp50)
THMCHECK_CMR22_GAP(Mp100)
#undef THMCHECK_CMR22_GAP

}  // namespace thmcheck::cmr22
