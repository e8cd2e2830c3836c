// os19 Lemma 9.8 (Section 9.4.2, decrease of the expected misfit): for theta
// in B(nu/2) (9.26), nu >= 3, Assumption 1 and the row bound B over B(nu),
// Assumption 2(b) and eta <= 1/(2 beta B) min(alpha^2/(B beta), 3 alpha^2/(nu L
// ||r0||)), one SGD step theta^+ = theta - eta G(theta; gamma) obeys
//   (9.27) E||r(theta^+)|| <= ||r|| - eta/(4n) ||J^T r||^2 / ||r||,
//   (9.28) E||r(theta^+)||^2 <= (1 - eta alpha^2/(2n))^tau ||r||^2 (tau = 1),
// and, as Step III restates (9.28), (9.31) E||r(theta^+)|| <= (1 - eta
// alpha^2/(2n)) ||r||^2. E over gamma uniform on {1..n}: the exact average of
// the n next iterates (lib/os19/sgd_step.hpp), no sampling.
#include <string>

#include "thmcheck/engine/registry.hpp"
#include "thmcheck/engine/typed_instance.hpp"
#include "thmcheck/os19/sgd_step.hpp"
#include "thmcheck/os19/sgd_step_instance.hpp"

namespace thmcheck::checks {
namespace {

constexpr const char* kLimitText = "1/(2 beta B) min(alpha^2/(B beta), 3 alpha^2/(nu L ||r0||))";

enum class Part { kEq927, kEq928, kEq931 };

template <class S>
Outcome lemma9_8(const os19::SgdStepInstance& in, Part part) {
  const os19::SgdStepProblem<S> g(in);
  Outcome o;
  o.hypotheses = g.hyps;
  o.hypotheses.push_back(g.in_half_ball());
  const os19::StepChoice<S> st = g.step(g.limit_9_8(), kLimitText);
  o.hypotheses.push_back(st.hypothesis);
  o.hypotheses.push_back({"residual.nonzero", g.r > 0, Evidence::kCertified,
                          "||r(theta)|| = " + to_decimal(g.r, 8) + " (9.27) divides by it"});
  o.details = g.details(st.eta);
  if (!(g.b.alpha > 0) || !(g.r > 0)) return o;  // outside; nothing to compare
  const os19::SgdStep<S> s = os19::sgd_step(g.model, g.theta, st.eta);
  const S n = S(static_cast<double>(g.n));
  const S gam = 16 * S(static_cast<double>(g.n + g.p + 10)) * g.u;
  const S q = 1 - st.eta * g.b.alpha * g.b.alpha / (2 * n);
  S measured, bound, error;
  if (part == Part::kEq927) {
    const S drop = st.eta / (4 * n) * s.jtr * s.jtr / s.r;
    measured = s.mean_r;
    bound = s.r - drop;
    // Both norms carry s.error; the drop has relative error gamma (3 norms, 4 products).
    error = 2 * s.error + gam * drop;
  } else if (part == Part::kEq928) {
    measured = s.mean_r2;
    bound = q * s.r * s.r;
    error = 2 * s.error * (s.max_r + s.r) + gam * bound;
  } else {
    measured = s.mean_r;
    bound = q * s.r * s.r;
    error = s.error + 2 * s.error * s.r + gam * bound;
  }
  o.relation = Relation::kLessEqual;
  o.measured = widen(measured);
  o.bound = widen(bound);
  o.error = widen(error);
  o.details.push_back({"||J^T r||", to_decimal(s.jtr, 8)});
  // Tightness independent of eta -> 0 (where measured/bound -> 1 trivially).
  const S promised = part == Part::kEq928 ? S(s.r * s.r - bound) : S(s.r - bound);
  const S achieved = part == Part::kEq928 ? S(s.r * s.r - measured) : S(s.r - measured);
  o.details.push_back({"achieved decrease / promised", to_decimal(S(promised != 0 ? S(achieved / promised) : S(0)), 8)});
  o.details.push_back({"measured / bound", to_decimal(S(bound != 0 ? S(measured / bound) : S(0)), 8)});
  return o;
}

Claim make(const char* id, const char* source, const char* summary, Part part) {
  Claim c;
  c.id = id;
  c.paper = "os19";
  c.source = source;
  c.summary = summary;
  c.statement =
      "theta^+ = theta - eta (f(x_gamma; theta) - y_gamma) grad f(x_gamma; theta), gamma uniform on {1..n}; "
      "B(nu) = B(theta0, nu ||r0||/alpha) cap {||f(theta) - y|| <= (2 nu/3) ||r0||} (9.26). Assume theta in "
      "D' = B(nu/2), nu >= 3, Assumption 1 over D = B(nu), max_i ||J_i(theta)|| <= B over D, and Assumption "
      "2(a) with eta <= alpha^2/(2 beta^2 B^2) or 2(b) with eta <= 1/(2 beta B) min(alpha^2/(B beta), 3 "
      "alpha^2/(nu L ||f(theta0) - y||)). Then E||f(theta^+) - y|| <= ||f(theta) - y|| - eta/(4n) "
      "||J^T(theta)(f(theta) - y)||^2/||f(theta) - y|| (9.27) and E||f(theta^+) - y||^2 <= (1 - eta "
      "alpha^2/(2n))^tau ||f(theta) - y||^2 (9.28); Step III restates (9.28) as E||r(theta^+)|| <= (1 - eta "
      "alpha^2/(2n)) ||r(theta)||^2 (9.31).";
  c.kind = ClaimKind::kExplicit;
  c.hypotheses = os19::sgd_lemma_hypotheses(kLimitText, false);
  c.hypotheses.push_back({"theta.in.B(nu/2)", "theta in D' = B(nu/2)"});
  c.hypotheses.push_back({"residual.nonzero", "f(theta) != y (the right side of (9.27) divides by ||r(theta)||)"});
  c.measurement =
      "Exact expectation over gamma: the average over i = 1..n of the next iterate's misfit (norm or squared "
      "norm), against the right side; certified constants alpha = min_i phi'_lower sigma_min(X), beta, B from "
      "phi' bounded on B(theta0, nu ||r0||/alpha_global) row by row (lib/os19/sgd_step.hpp).";
  c.generator_info = os19::kSgdStepGeneratorInfo;
  c.default_cases = 150;
  c.error_is_rounding = true;
  const bool typo = part == Part::kEq931;
  c.notes = typo ? "finding: (9.31) as printed bounds E||r(theta^+)|| (a norm) by (1 - eta alpha^2/(2n)) "
                   "||r(theta)||^2 (a squared norm); the proof's last line proves the squared form (9.28) with "
                   "tau = 1, so (9.31) is a typo, false whenever ||r(theta)|| < 1 (it is not scale invariant)."
                 : "(9.28) prints the exponent tau, which the lemma never defines (one step from theta); the proof "
                   "(end of Step III) and its use in Section 9.4.6 have tau = 1, which is encoded. Only the 2(b) "
                   "branch is checked (GLMs have certified L; for phi = identity L = 0 and it coincides with 2(a)). "
                   "The expectation is exact: the average over the n equally likely indices.";
  set_instances<os19::SgdStepInstance>(c, os19::sgd_step_generator(os19::SgdStepFocus::kInside),
                                       [part]<class S>(const os19::SgdStepInstance& in) {
                                         return lemma9_8<S>(in, part);
                                       });
  return c;
}

}  // namespace

THMCHECK_REGISTER(os19_lem9_8) {
  registry.add(make("os19.lem9.8.eq9.27", "Lemma 9.8, eq. (9.27)",
                    "one SGD step: E||r(theta+)|| <= ||r|| - eta/(4n) ||J^T r||^2/||r|| on B(nu/2)", Part::kEq927));
  registry.add(make("os19.lem9.8.eq9.28", "Lemma 9.8, eq. (9.28) (tau = 1)",
                    "one SGD step: E||r(theta+)||^2 <= (1 - eta alpha^2/(2n)) ||r||^2 on B(nu/2)", Part::kEq928));
  registry.add(make("os19.lem9.8.eq9.31", "Lemma 9.8, proof Step III, eq. (9.31) as printed",
                    "printed (9.31): E||r(theta+)|| <= (1 - eta alpha^2/(2n)) ||r||^2 (norm vs squared norm)",
                    Part::kEq931));
}

}  // namespace thmcheck::checks
