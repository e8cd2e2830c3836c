// os19 Theorem 2.1 (Section 2): gradient descent under Assumption 1 over
// B(theta0, 4 ||r_0||/alpha) and Assumption 2 (b), with eta <= 1/(2 beta^2)
// min(1, alpha^2/(L ||r_0||)), obeys the rate (2.3), the potential bound (2.4)
// and the path-length bound (2.5). Checked on GLM instances f = phi(X theta)
// with alpha, beta, L certified over the theorem's ball itself
// (lib/os19/ball_glm_bounds.hpp), either branch of Assumption 2, every
// iterate t = 1..T, the worst reported.
#include "thmcheck/engine/registry.hpp"
#include "thmcheck/os19/glm_gd_run.hpp"

namespace thmcheck::checks {
namespace {

using os19::GdIterate;
using os19::Worst;

constexpr const char* kNotes =
    "Constants of the ball D = B(theta0, 4 ||r0||/alpha) itself (lib/os19/ball_glm_bounds): alpha, beta, L "
    "from the exact range of phi' and |phi''| on the intervals x_i^T theta0 +- ||x_i|| R, with alpha "
    "self-consistent with R; larger than the global constants, so the bounds are tighter, and valid for "
    "non-monotone phi (tanh_plus with c <= -1) when phi' keeps its sign on the ball. Branch (a) (lambda = "
    "1/2, eta <= 1/(2 beta^2)) where the ball's Jacobian deviation is at most alpha^2/(2 beta), else "
    "branch (b); the hypothesis detail says which. Not covered: the one-hidden-layer network model "
    "(its ball constants need per-neuron intervals; os19.thm4.3.* run it with global constants).";

/// (2.3): ||r_t||^2 <= (1 - eta alpha^2/2)^t ||r_0||^2.
template <class S>
Outcome rate(const os19::GlmGdInstance& in) {
  const os19::GlmGdRun<S> run = os19::run_glm_gd<S>(in, os19::thm2_1_constants<S>, false);
  if (run.failure) return *run.failure;
  const S q = 1 - run.eta * run.c.alpha * run.c.alpha / 2;
  S qt = 1;
  return os19::judge_iterates(run, q, [&](Worst<S>& w, long k, const GdIterate<S>& it) {
    qt *= q;
    os19::offer_squared_rate(w, k, qt, run.r0, run.dr0, it.residual, it.residual_error);
  });
}

/// (2.4): alpha/4 ||theta_t - theta0|| + ||r_t|| <= ||r_0||.
template <class S>
Outcome potential(const os19::GlmGdInstance& in) {
  const os19::GlmGdRun<S> run = os19::run_glm_gd<S>(in, os19::thm2_1_constants<S>, false);
  if (run.failure) return *run.failure;
  const S &alpha = run.c.alpha, &r0 = run.r0, &dr0 = run.dr0;
  return os19::judge_iterates(run, S(1), [&](Worst<S>& w, long k, const GdIterate<S>& it) {
    const auto& [rk, drk, dk, ddk, pk, dpk, hk, dhk] = it;
    w.offer(k, alpha / 4 * dk + rk, r0, alpha / 4 * ddk + drk + dr0, os19::potential_slack(alpha / 4, dk, r0, rk));
  });
}

/// (2.5): sum_{s < t} ||theta_{s+1} - theta_s|| <= 4 ||r_0|| / alpha.
template <class S>
Outcome path(const os19::GlmGdInstance& in) {
  const os19::GlmGdRun<S> run = os19::run_glm_gd<S>(in, os19::thm2_1_constants<S>, false);
  if (run.failure) return *run.failure;
  const S &alpha = run.c.alpha, &r0 = run.r0, &dr0 = run.dr0;
  return os19::judge_iterates(run, S(1), [&](Worst<S>& w, long k, const GdIterate<S>& it) {
    w.offer(k, it.path, 4 * r0 / alpha, it.path_error + 4 * dr0 / alpha);
  });
}

}  // namespace

THMCHECK_REGISTER(os19_thm2_1) {
  const os19::GdStepRuleText rule = os19::thm2_1_rule_text();
  registry.add(os19::glm_gd_claim(
      {.id = "os19.thm2.1.rate",
       .source = "Theorem 2.1, eq. (2.3)",
       .summary = "GD residual: ||f(theta_t) - y||^2 <= (1 - eta alpha^2/2)^t ||f(theta0) - y||^2",
       .statement =
           "Under Assumption 1 over B(theta0, 4||f(theta0)-y||/alpha) and Assumption 2 (a) with lambda = 1/2 "
           "and eta <= 1/(2beta^2), or (b) and eta <= 1/(2beta^2) min(1, alpha^2/(L||f(theta0)-y||)), all GD "
           "iterates obey ||f(theta_t) - y||^2 <= (1 - eta alpha^2/2)^t ||f(theta0) - y||^2.   (2.3)",
       .measurement = "max over t = 1..T of ||r_t||^2 / ((1 - eta alpha^2/2)^t ||r_0||^2) against 1",
       .notes = kNotes},
      rule,
      []<class S>(const os19::GlmGdInstance& in) { return rate<S>(in); }));

  registry.add(os19::glm_gd_claim(
      {.id = "os19.thm2.1.potential",
       .source = "Theorem 2.1, eq. (2.4)",
       .summary = "GD potential: alpha/4 ||theta_t - theta0|| + ||f(theta_t) - y|| <= ||f(theta0) - y||",
       .statement = "Under the hypotheses of Theorem 2.1, all GD iterates obey (1/4) alpha ||theta_t - theta0||_2 + "
                    "||f(theta_t) - y||_2 <= ||f(theta0) - y||_2.   (2.4)",
       .measurement = "max over t = 1..T of alpha/4 ||theta_t - theta0|| + ||r_t|| against ||r_0||",
       .notes = kNotes},
      rule,
      []<class S>(const os19::GlmGdInstance& in) { return potential<S>(in); }));

  registry.add(os19::glm_gd_claim(
      {.id = "os19.thm2.1.path",
       .source = "Theorem 2.1, eq. (2.5)",
       .summary = "GD path length: sum_t ||theta_{t+1} - theta_t|| <= 4 ||f(theta0) - y|| / alpha",
       .statement = "Furthermore, the total gradient path is bounded: sum_{t>=0} ||theta_{t+1} - theta_t||_2 <= "
                    "4 ||f(theta0) - y||_2 / alpha.   (2.5)",
       .measurement = "path length of the first T steps (the partial sums are checked; the tail after T is not "
                      "measured) against 4 ||r_0|| / alpha",
       .notes = kNotes},
      rule,
      []<class S>(const os19::GlmGdInstance& in) { return path<S>(in); }));
}

}  // namespace thmcheck::checks
