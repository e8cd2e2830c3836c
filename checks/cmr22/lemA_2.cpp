// cmr22 Lemma A.2, identical initialization (Chou, Maly & Rauhut 2022, "More
// is less"): factors that start identical stay identical, and their common
// value follows x' = -grad L(x) (cmr22.lemA.2, as printed) or, as the proof
// derives, x' = -[A^T r] (.) x^{L-1} = -(1/L) grad L(x) (cmr22.lemA.2.as-proved).
// Checked on identical-initialization instances
// (lib/cmr22/identical_instance.hpp): the full L-factor flow and gradient
// descent against the reduced ones (lib/cmr22/identical_measurement.hpp), the
// flows at the tolerance levels of lib/cmr22/direct_flow_levels.hpp.
#include <fmt/format.h>
#include <rapidcheck.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "thmcheck/cmr22/data_params.hpp"
#include "thmcheck/cmr22/direct_flow_levels.hpp"
#include "thmcheck/cmr22/factorized_loss.hpp"
#include "thmcheck/cmr22/identical_instance.hpp"
#include "thmcheck/cmr22/identical_measurement.hpp"
#include "thmcheck/engine/registry.hpp"

namespace thmcheck::checks {

namespace {

/// as_proved = false: the reduced dynamics as printed, x' = -grad L(x) (GD step eta);
/// true: as the proof derives it, x' = -[A^T r] (.) x^{L-1} = -(1/L) grad L(x) (step eta / L).
/// Measured the largest factor spread or full-vs-reduced deviation of the
/// flows (at T) and of GD, bound 0.
template <class S>
Outcome evaluate_identical(const cmr22::IdenticalInstance& in, bool as_proved) {
  using std::max;
  using std::pow;
  const Matrix<S> a = as_matrix<S>(in.a);
  const Eigen::Index n = a.cols();
  const Vector<S> y = as_vector<S>(in.y);
  const int depth = in.depth;
  const Vector<S> x0 = as_vector<S>(in.x0);
  const S t_end = in.time.as<S>();
  const S step = in.step.as<S>();
  const long iterations = in.iterations;
  const cmr22::OverLoss<S> over{a, y, depth};
  const cmr22::ReducedLoss<S> reduced{a, y, depth};
  const S time_factor = as_proved ? S(depth) : S(1);

  Outcome o;
  // Gradient descent (lib/cmr22/identical_measurement.hpp: compared before an
  // iterate of either run leaves ||theta||_inf <= 1e8, if one does).
  const cmr22::IdenticalGdMeasurement<S> gd = cmr22::measure_identical_gd<S>(over, reduced, x0, step, time_factor,
                                                                             iterations);
  if (!gd.ok) {
    o.ok = false;
    o.message = "gradient descent: " + gd.message;
    return o;
  }
  const long compared = gd.compared;
  const bool full_left = gd.full_left, red_left = gd.reduced_left;
  const S gd_spread = gd.spread;
  const S gd_deviation = gd.deviation;
  const S gd_rounding = gd.rounding;
  // Flows, level by level (direct_flow_levels). Method error: the change of
  // the flow discrepancy between the two tolerances of the level, or the
  // accumulated local error tolerance if larger.
  cmr22::IdenticalFlowMeasurement<S> coarse, fine;
  S tight = 0, measured = 0, error = 0;
  for (const S& level : cmr22::direct_flow_levels<S>()) {
    tight = level;
    coarse = cmr22::measure_identical_flows<S>(over, reduced, x0, t_end, time_factor, S(1000 * level));
    fine = cmr22::measure_identical_flows<S>(over, reduced, x0, t_end, time_factor, level);
    if (!coarse.ok || !fine.ok) {
      o.ok = false;
      o.message = "flow: " + (coarse.ok ? fine.message : coarse.message);
      return o;
    }
    measured = max(max(fine.spread, fine.deviation), max(gd_spread, gd_deviation));
    const S method = max(S(abs(max(coarse.spread, coarse.deviation) - max(fine.spread, fine.deviation))),
                         fine.local_error_bound);
    error = method + gd_rounding;
    if (cmr22::resolved_from_zero(measured, error)) break;
  }
  o.relation = Relation::kEqual;
  o.measured = widen(measured);
  o.bound = widen(S(0));
  o.error = widen(error);
  o.hypotheses = {{"identical.init", true, Evidence::kCertified, "all factors start at x0"}};
  o.details = {{"N", std::to_string(n)},
               {"L", std::to_string(depth)},
               {"T", to_decimal(t_end, 4)},
               {"flow factor spread", to_decimal(fine.spread, 3)},
               {"flow vs reduced", to_decimal(fine.deviation, 3)},
               {"GD factor spread", to_decimal(gd_spread, 3)},
               {"GD vs reduced", to_decimal(gd_deviation, 3)},
               {"GD iterations", compared == iterations
                                     ? std::to_string(iterations)
                                     : fmt::format("{} (compared at step {}, the last before an iterate of {} "
                                                   "GD left ||x||_inf <= 1e8)",
                                                   iterations, compared,
                                                   red_left && !full_left   ? "the reduced"
                                                   : full_left && !red_left ? "the full"
                                                                            : "the full or the reduced")},
               {"ODE tolerance", to_decimal(tight, 2)}};
  return o;
}

/// What cmr22.lemA.2 and cmr22.lemA.2.as-proved share: the instances, the
/// measurement, the hypothesis and the notes.
Claim lemA_2_common() {
  Claim c;
  c.paper = "cmr22";
  c.kind = ClaimKind::kExplicit;
  c.hypotheses = {{"identical.init", "x^(k)(0) = x^(k')(0) for all k, k'"}};
  c.measurement =
      "Full L-factor flow (4) (Odeint dopri5, gradients by Lemma A.1) and full GD vs the reduced "
      "flow/GD on (6). Measured max of: factor spread max_k ||x^(k) - x^(1)||_inf at T (flow "
      "and GD), and ||x^(1)(T) - x_reduced(T)||_inf (flow and GD; GD compared at the last step before "
      "an iterate of either run leaves ||x||_inf <= 1e8, if one does). Bound 0. Error: change of the "
      "flow part between local tolerances tol and 1000 tol or, if larger, the accumulated local error tolerance (tol x (steps x (1 + |x|) + variation of x)), + GD rounding; tol = "
      "2.3e-11 in double; above double 2.3e-13 (50 digits) or 2.3e-15 (100 digits), then 1e-16 unless the "
      "discrepancy already exceeds 10 x its error.";
  c.generator_info = cmr22::identical_generator_info();
  c.notes =
      "The proof derives x' = -[A^T r] (.) x^{L-1}, which is (1/L) grad L(x) by (18): the "
      "printed dynamics runs L times faster than the full flow (same trajectory, same limit).";
  c.default_cases = 60;
  c.error_is_rounding = false;
  c.proof_note =
      "the measured discrepancy compares ODE trajectories at a finite time T (Odeint dopri5, a method error "
      "estimated from two tolerances); a proof needs a validated integrator (Taylor models or an enclosed "
      "quadrature of t = int dlambda / f(lambda) for one-row A), which is not implemented";
  return c;
}

/// Gives c the instances of Lemma A.2 and its evaluation, as printed or as proved.
void set_identical_instances(Claim& c, bool as_proved) {
  set_instances<cmr22::IdenticalInstance>(
      c, rc::gen::map(cmr22::identical_params(), cmr22::identical_instance),
      [as_proved]<class S>(const cmr22::IdenticalInstance& in) { return evaluate_identical<S>(in, as_proved); });
}

}  // namespace

THMCHECK_REGISTER(cmr22_lemA_2) {
  {
    Claim c = lemA_2_common();
    c.id = "cmr22.lemA.2";
    c.source = "Lemma A.2 (Identical Initialization)";
    c.summary = "identical factors stay identical and follow x' = -grad L(x)";
    c.statement =
        "If all initialization vectors are identical then x^(k)(t) = x^(k')(t) for all t >= 0 "
        "and all k, k'. Moreover, with x(t) := x^(1)(t) = ... = x^(L)(t) and L(x) = 1/2 "
        "||A x^L - y||^2 the dynamics is given by x'(t) = -grad L(x).";
    set_identical_instances(c, false);
    registry.add(std::move(c));
  }
  {
    Claim c = lemA_2_common();
    c.id = "cmr22.lemA.2.as-proved";
    c.source = "Lemma A.2, last line of its proof";
    c.summary = "identical factors stay identical; each follows x' = -[A^T r] (.) x^{L-1}";
    c.statement =
        "Proof of Lemma A.2: x'(t) = -[A^T(A x^L - y)] (.) x^{L-1} for x = x^(1) = ... = x^(L) "
        "(= -(1/L) grad L(x) by (18)); for GD with step eta, reduced GD with step eta/L.";
    set_identical_instances(c, true);
    registry.add(std::move(c));
  }
}

}  // namespace thmcheck::checks
