// os19 Lemma 9.9 (Section 9.4.3) and Lemma 9.10, a step of its proof (both in
// this file). Lemma 9.9: in the setting of Lemma 9.8 with also eta <= 3/(nu
// B^2), for an eps = ||r0||/alpha packing P = {p_1..p_K} of B(theta0, R_p),
// R_p = 1.25 (beta/alpha)^(1/p) ||r0||/alpha, K >= sqrt(n beta/alpha),
//   (9.41) E d_P(theta^+) <= d_P(theta) + (3 eta/n) ||J^T(theta) r(theta)||,
// d_P(theta) = (1/K) sum_l ||theta - p_l|| (9.40); .as-proved: with the count
// K >= sqrt(n) beta/alpha its proof's last step needs. Lemma 9.10: if ||w|| >=
// eps/2 then eta B^2 ||r||^2 - 2 ||J r|| ||w|| <= 0 (J r read as J^T r); the
// worst w has ||w|| = eps/2 exactly, which is what is measured. Expectations
// over gamma are exact averages over the n next iterates.
#include <algorithm>
#include <string>

#include "thmcheck/engine/registry.hpp"
#include "thmcheck/engine/typed_instance.hpp"
#include "thmcheck/os19/sgd_step.hpp"
#include "thmcheck/os19/sgd_step_instance.hpp"

namespace thmcheck::checks {
namespace {

constexpr const char* kLimit99 =
    "min(1/(2 beta B) min(alpha^2/(B beta), 3 alpha^2/(nu L ||r0||)), 3/(nu B^2))";

template <class S>
Outcome lemma9_9(const os19::SgdStepInstance& in, bool as_proved) {
  const os19::SgdStepProblem<S> g(in);
  Outcome o;
  o.hypotheses = g.hyps;
  o.hypotheses.push_back(g.in_half_ball());
  const os19::StepChoice<S> st = g.step(g.limit_9_9(), kLimit99);
  o.hypotheses.push_back(st.hypothesis);
  o.hypotheses.push_back(g.packing(as_proved));
  o.details = g.details(st.eta);
  if (!(g.b.alpha > 0) || g.anchors.empty()) return o;
  const os19::SgdStep<S> s = os19::sgd_step(g.model, g.theta, st.eta);
  const S dp = os19::anchor_distance(g.theta, g.anchors);
  const S mean = os19::mean_anchor_distance(s, g.anchors);
  const S n = S(static_cast<double>(g.n));
  const S rise = 3 * st.eta / n * s.jtr;
  S far = g.theta.norm();
  for (const auto& a : g.anchors) far = std::max(far, S(a.norm()));
  for (const auto& t : s.next) far = std::max(far, S(t.norm()));
  // Each distance: subtraction and a length-p norm, relative error gamma_{p+2}
  // of ||theta|| + ||p_l||; the rise: gamma times itself.
  const S gam = 16 * S(static_cast<double>(g.n + g.p + 10)) * g.u;
  o.measured = widen(mean);
  o.bound = widen(S(dp + rise));
  o.error = widen(S(4 * gam * far + gam * rise));
  o.details.push_back({"d_P(theta)", to_decimal(dp, 10)});
  o.details.push_back({"E d_P(theta+) - d_P(theta)", to_decimal(S(mean - dp), 8)});
  o.details.push_back({"(3 eta/n) ||J^T r||", to_decimal(rise, 8)});
  o.details.push_back({"increase / allowed", to_decimal(S(rise > 0 ? S((mean - dp) / rise) : S(0)), 8)});
  return o;
}

template <class S>
Outcome lemma9_10(const os19::SgdStepInstance& in, bool as_proved) {
  const os19::SgdStepProblem<S> g(in);
  Outcome o;
  o.hypotheses = g.hyps;
  o.hypotheses.push_back(g.in_half_ball());
  const S limit = as_proved ? S(3 / (g.nu * g.b.row_bound * g.b.row_bound)) : g.limit_9_9();
  const os19::StepChoice<S> st = g.step(limit, as_proved ? "3/(nu B^2)" : kLimit99);
  o.hypotheses.push_back(st.hypothesis);
  o.details = g.details(st.eta);
  if (!(g.b.alpha > 0)) return o;
  const S jtr = g.model.gradient(g.theta).norm();
  const S bb = g.b.row_bound;
  const S lhs = st.eta * bb * bb * g.r * g.r;
  const S rhs = 2 * jtr * (g.eps / 2);  // ||w|| = eps/2, the smallest w the lemma allows
  const S gam = 16 * S(static_cast<double>(g.n + g.p + 10)) * g.u;
  o.measured = widen(lhs);
  o.bound = widen(rhs);
  o.error = widen(S(gam * (lhs + rhs)));
  o.details.push_back({"||J^T r|| / (alpha ||r||)", to_decimal(S(g.r > 0 ? S(jtr / (g.b.alpha * g.r)) : S(0)), 8)});
  o.details.push_back({"measured / bound", to_decimal(S(rhs > 0 ? S(lhs / rhs) : S(0)), 8)});
  return o;
}

const char* const kStatement99 =
    "Setting and assumptions of Lemma 9.8; also eta <= 3/(nu B^2). Fix K >= sqrt(n beta/alpha) and let P = "
    "{p_1, ..., p_K} be an eps := ||f(theta0) - y||/alpha packing of a ball of radius R_p := 1.25 "
    "(beta/alpha)^(1/p) ||f(theta0) - y||/alpha around theta0 (pairwise distances >= eps). Then E[d_P(theta^+)] "
    "<= d_P(theta) + (3 eta/n) ||J^T(theta)(f(theta) - y)|| (9.41), d_P(theta) = (1/K) sum_l ||theta - p_l|| "
    "(9.40).";

std::vector<HypothesisSpec> base_hypotheses(const char* step, bool packing) {
  std::vector<HypothesisSpec> h = os19::sgd_lemma_hypotheses(step, packing);
  h.push_back({"theta.in.B(nu/2)", "theta in D' = B(nu/2)"});
  return h;
}

}  // namespace

THMCHECK_REGISTER(os19_lem9_9) {
  for (const bool as_proved : {false, true}) {
    Claim c;
    c.id = as_proved ? "os19.lem9.9.as-proved" : "os19.lem9.9";
    c.paper = "os19";
    c.source = as_proved ? "Lemma 9.9, with the anchor count its proof uses" : "Lemma 9.9, eq. (9.41)";
    c.summary = as_proved ? "(9.41) with K >= sqrt(n) beta/alpha anchors (the count the proof needs)"
                          : "one SGD step: E d_P(theta+) <= d_P(theta) + (3 eta/n) ||J^T r|| for an eps-packing P";
    c.statement = kStatement99;
    c.hypotheses = base_hypotheses(kLimit99, true);
    for (auto& h : c.hypotheses) {
      if (as_proved && h.name == "packing") h.statement = "K >= sqrt(n) beta/alpha; pairwise >= eps; within R_p";
    }
    c.measurement =
        "Exact expectation: (1/n) sum_i (1/K) sum_l ||theta^+_i - p_l|| against d_P(theta) + (3 eta/n) ||J^T r||; "
        "the packing is read from the instance and checked (K, pairwise distances, radius).";
    c.generator_info = os19::kSgdStepGeneratorInfo;
    c.notes = as_proved
        ? "The proof's last step uses sqrt(n) beta ||r|| <= sqrt(n) (beta/alpha) ||J^T r|| <= K ||J^T r||, i.e. K >= "
          "sqrt(n) beta/alpha, not the printed K >= sqrt(n beta/alpha) (smaller when beta > alpha). Same instances; "
          "a third of them carry K = ceil(sqrt(n) beta/alpha) anchors (when <= 2p + 1)."
        : "finding: false as printed. With theta on an anchor (theta = theta0), r(theta) along the least singular "
          "direction of X (||J^T r|| = alpha ||r||) and the other anchors on the side where the distance grows, "
          "the near anchor adds (1/K)(eta/n) sum_i |r_i| ||grad f_i|| to E d_P, more than the allowance once K is "
          "as small as sqrt(n beta/alpha) allows; the proof needs K >= sqrt(n) beta/alpha (see .as-proved). The "
          "packing is the generator's (theta0 and theta0 +- 1.2 eps q_j or theta0 + 1.2 eps (0.8 q_1 +- 0.6 q_j), "
          "q_1 along J^T r); the lemma claims every packing.";
    c.default_cases = 150;
    set_instances<os19::SgdStepInstance>(c, os19::sgd_step_generator(os19::SgdStepFocus::kInside),
                                         [as_proved]<class S>(const os19::SgdStepInstance& in) {
                                           return lemma9_9<S>(in, as_proved);
                                         });
    registry.add(std::move(c));
  }
  for (const bool as_proved : {false, true}) {
    Claim c;
    c.id = as_proved ? "os19.lem9.10.as-proved" : "os19.lem9.10";
    c.paper = "os19";
    c.source = as_proved ? "Lemma 9.10, with the hypotheses its proof uses" : "Lemma 9.10 (in the proof of Lemma 9.9)";
    c.summary = "||w|| >= eps/2 implies eta B^2 ||r(theta)||^2 - 2 ||J^T(theta) r(theta)|| ||w|| <= 0";
    c.statement =
        "If ||w|| >= eps/2, then eta B^2 ||r(theta)||^2 - 2 ||J(theta) r(theta)|| ||w|| <= 0 (in the setting of "
        "Lemma 9.9; the proof uses theta in B(nu/2), eta <= 3/(B^2 nu) and sigma_min(J^T(theta)) >= alpha).";
    c.hypotheses = base_hypotheses(as_proved ? "3/(nu B^2)" : kLimit99, false);
    c.measurement =
        "eta B^2 ||r(theta)||^2 against 2 ||J^T r|| ||w|| at ||w|| = eps/2, the least w allowed (the left side "
        "minus the right only grows as ||w|| shrinks).";
    c.generator_info = os19::kSgdStepGeneratorInfo;
    c.notes = as_proved
                  ? "Only the hypotheses the proof uses: theta in B(nu/2), Assumption 1, eta <= 3/(nu B^2). Equality "
                    "is reached for phi = identity with r(theta) along the least singular direction of X, "
                    "||r(theta)|| = (nu/3)||r0|| and eta = 3/(nu B^2) (the generator goes there, up to 0.9999)."
                  : "J(theta) r(theta) is printed; J is n x p and r in R^n, so J^T r (as in (9.41) and the proof) "
                    "is encoded. Hypotheses: the setting of Lemma 9.9 (its step limit, which is below 3/(nu B^2) "
                    "when Lemma 9.8's limit binds); the packing itself does not enter the inequality and is not "
                    "required. eps = ||r0||/alpha.";
    c.default_cases = 150;
    set_instances<os19::SgdStepInstance>(c, os19::sgd_step_generator(os19::SgdStepFocus::kInside),
                                         [as_proved]<class S>(const os19::SgdStepInstance& in) {
                                           return lemma9_10<S>(in, as_proved);
                                         });
    registry.add(std::move(c));
  }
}

}  // namespace thmcheck::checks
