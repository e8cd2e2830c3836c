// os19 Theorem 5.2 (Section 5): under a local PL condition with constant mu and
// L-smoothness over B(theta0, sqrt(8 L(theta0)/mu)), GD with eta <= 1/L obeys
// the rate (5.1), the potential bound (5.2) and the path bound (5.3). Checked
// on GLM least-squares losses L = ||f(theta) - y||^2/2 with mu = alpha^2 and a
// certified smoothness constant (lib/os19/glm_gd_step_rules.hpp), every
// iterate.
#include "thmcheck/engine/registry.hpp"
#include "thmcheck/os19/glm_gd_run.hpp"

namespace thmcheck::checks {
namespace {

using os19::GdIterate;
using os19::Worst;

/// (5.1): L(theta_t) <= (1 - eta mu)^t L(theta0) <=> ||r_t||^2 <= (1 - eta mu)^t ||r_0||^2.
template <class S>
Outcome rate(const os19::GlmGdInstance& in) {
  const os19::GlmGdRun<S> run = os19::run_glm_gd<S>(in, os19::thm5_2_constants<S>, false);
  if (run.failure) return *run.failure;
  const S q = 1 - run.eta * run.c.mu;
  S qt = 1;
  return os19::judge_iterates(run, q, [&](Worst<S>& w, long k, const GdIterate<S>& it) {
    qt *= q;
    os19::offer_squared_rate(w, k, qt, run.r0, run.dr0, it.residual, it.residual_error);
  });
}

/// (5.2): sqrt(mu/8) ||theta_t - theta0|| + sqrt(L(theta_t)) <= sqrt(L(theta0)),
/// with sqrt(L) = ||r|| / sqrt 2.
template <class S>
Outcome potential(const os19::GlmGdInstance& in) {
  using std::sqrt;
  const os19::GlmGdRun<S> run = os19::run_glm_gd<S>(in, os19::thm5_2_constants<S>, false);
  if (run.failure) return *run.failure;
  const S &mu = run.c.mu, &r0 = run.r0, &dr0 = run.dr0, &u = run.u;
  const S s2 = sqrt(S(2));
  return os19::judge_iterates(run, S(1), [&](Worst<S>& w, long k, const GdIterate<S>& it) {
    const auto& [rk, drk, dk, ddk, pk, dpk, hk, dhk] = it;
    w.offer(k, sqrt(mu / 8) * dk + rk / s2, r0 / s2, sqrt(mu / 8) * ddk + (drk + dr0) / s2 + 4 * u * r0,
            os19::potential_slack(S(sqrt(mu / 8) * s2), dk, r0, rk));
  });
}

/// (5.3): sum_{s < t} ||theta_{s+1} - theta_s|| <= sqrt(8 L(theta0)/mu).
template <class S>
Outcome path(const os19::GlmGdInstance& in) {
  using std::sqrt;
  const os19::GlmGdRun<S> run = os19::run_glm_gd<S>(in, os19::thm5_2_constants<S>, false);
  if (run.failure) return *run.failure;
  const S &alpha = run.c.alpha, &mu = run.c.mu, &r0 = run.r0, &dr0 = run.dr0, &u = run.u;
  return os19::judge_iterates(run, S(1), [&](Worst<S>& w, long k, const GdIterate<S>& it) {
    w.offer(k, it.path, sqrt(8 * (r0 * r0 / 2) / mu), it.path_error + 2 * dr0 / alpha + 4 * u * r0 / alpha);
  });
}

}  // namespace

THMCHECK_REGISTER(os19_thm5_2) {
  const os19::GdStepRuleText rule = os19::thm5_2_rule_text();
  registry.add(os19::glm_gd_claim(
      {.id = "os19.thm5.2.rate",
       .source = "Theorem 5.2, eq. (5.1)",
       .summary = "local PL: L(theta_t) <= (1 - eta mu)^t L(theta0) with eta <= 1/L",
       .statement = "Local PL with mu and L-smoothness over B(theta0, sqrt(8 L(theta0)/mu)), eta <= 1/L: "
                    "L(theta_t) <= (1 - eta mu)^t L(theta0).   (5.1)",
       .measurement = "max over t of L(theta_t)/((1 - eta mu)^t L(theta0)) against 1, on GLM least-squares losses"},
      rule,
      []<class S>(const os19::GlmGdInstance& in) { return rate<S>(in); }));

  registry.add(os19::glm_gd_claim(
      {.id = "os19.thm5.2.potential",
       .source = "Theorem 5.2, eq. (5.2)",
       .summary = "sqrt(mu/8) ||theta_t - theta0|| + sqrt(L(theta_t)) <= sqrt(L(theta0))",
       .statement = "sqrt(mu/8) ||theta_t - theta0||_2 + sqrt(L(theta_t)) <= sqrt(L(theta0)).   (5.2)",
       .measurement = "max over t of sqrt(mu/8) ||theta_t - theta0|| + sqrt(L(theta_t)) against sqrt(L(theta0))"},
      rule,
      []<class S>(const os19::GlmGdInstance& in) { return potential<S>(in); }));

  registry.add(os19::glm_gd_claim(
      {.id = "os19.thm5.2.path",
       .source = "Theorem 5.2, eq. (5.3)",
       .summary = "path length <= sqrt(8 L(theta0)/mu)",
       .statement = "sum_{t>=0} ||theta_{t+1} - theta_t||_2 <= sqrt(8 L(theta0)/mu).   (5.3)",
       .measurement = "path of the first T steps against sqrt(8 L(theta0)/mu)"},
      rule,
      []<class S>(const os19::GlmGdInstance& in) { return path<S>(in); }));
}

}  // namespace thmcheck::checks
